import { randomUUID } from 'node:crypto';
import {
  type Category,
  type Entry,
  INDICATOR,
  next,
  OPERATIONAL,
  rejected,
  rejectedAll,
  firstThenRefused,
  rejectedAs,
  show,
  STRATEGIC,
} from './builder';
import type { SheetRowIn } from '../../helpers/sync';

/** Bad rows for the shape of the plan: parents, codes, row ids, deletions, required cells, children of refused rows. */

/** Parents that do not exist or sit at the wrong level, and codes already taken. */
export const PARENTS_AND_CODES: Category[] = [
  {
    name: 'unknown parent → UNKNOWN_PARENT',
    build: (b) => [
      ...rejectedAll('parentRef', 'UNKNOWN_PARENT', [
        ['new indicator under a random id', b.newIndicator({ parentRef: randomUUID() })],
        ['new operational objective under a random id', b.newOperational({ parentRef: randomUUID() })],
        ['new strategic objective under a random id', b.newStrategic({ parentRef: randomUUID() })],
        ['new indicator under a clientRef not in the batch', b.newIndicator({ parentRef: 'R-999' })],
        ['new operational objective under a clientRef not in the batch', b.newOperational({ parentRef: 'riga 404' })],
        ['new indicator under the plan id', b.newIndicator({ parentRef: b.planId })],
        ['new indicator under an org unit id', b.newIndicator({ parentRef: b.unitId })],
        [
          "new indicator under another tenant's operational objective",
          b.newIndicator({ parentRef: b.other.operationalId }),
        ],
        [
          "new operational objective under another tenant's strategic objective",
          b.newOperational({ parentRef: b.other.strategicId }),
        ],
        [
          "new strategic objective under another tenant's perspective",
          b.newStrategic({ parentRef: b.other.perspectiveId }),
        ],
        ['indicator moved under a random id', INDICATOR.make(b, { parentRef: randomUUID() })],
        ['operational objective moved under a clientRef not in the batch', OPERATIONAL.make(b, { parentRef: 'R-1' })],
      ]),
    ],
  },
  {
    name: 'parent of the wrong level → WRONG_PARENT_LEVEL',
    build: (b) => {
      const perspective = b.ref('perspective', 'Processi');
      const strategic = b.ref('strategic', '4');
      const operational = b.ref('operational', '3.3');
      const indicator = b.ref('indicator', '3.3.1');
      return [
        ...['indicator', 'azione', 'indicatore', 'KPI', 'action'].map((level) =>
          rejected(
            `new indicator (level "${level}") under a perspective`,
            b.newIndicator({ level, parentRef: perspective }),
            'parentRef',
            'WRONG_PARENT_LEVEL',
          ),
        ),
        ...rejectedAll('parentRef', 'WRONG_PARENT_LEVEL', [
          ['new indicator under an indicator', b.newIndicator({ parentRef: indicator })],
          ['new operational objective under a perspective', b.newOperational({ parentRef: perspective })],
          ['new operational objective under an operational objective', b.newOperational({ parentRef: operational })],
          ['new operational objective under an indicator', b.newOperational({ parentRef: indicator })],
          ['new strategic objective under a strategic objective', b.newStrategic({ parentRef: strategic })],
          ['new strategic objective under an operational objective', b.newStrategic({ parentRef: operational })],
          ['new strategic objective under an indicator', b.newStrategic({ parentRef: indicator })],
          ['new perspective under a perspective', b.newPerspective({ parentRef: perspective })],
          ['indicator moved under a perspective', INDICATOR.make(b, { parentRef: perspective })],
          [
            'operational objective moved under an operational objective',
            OPERATIONAL.make(b, { parentRef: operational }),
          ],
          ['strategic objective moved under a strategic objective', STRATEGIC.make(b, { parentRef: strategic })],
        ]),
      ];
    },
  },
  {
    name: 'duplicated code → DUPLICATE_CODE',
    build: (b) => {
      const twin = next('T.');
      const twinOO = next('TO.');
      return [
        ...['1.1.3', '2.2.4', '9.1.1', ' 3.4.6 '].map((code) =>
          rejected(
            `new indicator reusing indicator code ${show(code)}`,
            b.newIndicator({ code }),
            'code',
            'DUPLICATE_CODE',
          ),
        ),
        ...['1.1', '3.4'].map((code) =>
          rejected(
            `new operational objective reusing code ${code}`,
            b.newOperational({ code }),
            'code',
            'DUPLICATE_CODE',
          ),
        ),
        ...['1', '9'].map((code) =>
          rejected(`new strategic objective reusing code ${code}`, b.newStrategic({ code }), 'code', 'DUPLICATE_CODE'),
        ),
        ...rejectedAll('code', 'DUPLICATE_CODE', [
          ['indicator 3.3.1 renamed to 3.3.2', b.existing(b.row('indicator', '3.3.1'), { code: '3.3.2' })],
          ['indicator 5.1.2 renamed to 5.1.3', b.existing(b.row('indicator', '5.1.2'), { code: '5.1.3' })],
          ['operational objective renamed to 2.2', OPERATIONAL.make(b, { code: '2.2' })],
        ]),
        ...firstThenRefused('new indicator with the same code', 'code', 'DUPLICATE_CODE', [
          b.newIndicator({ code: twin }),
          b.newIndicator({ code: twin }),
          b.newIndicator({ code: twin, title: 'Terza' }),
        ]),
        ...firstThenRefused('new operational objective with the same code', 'code', 'DUPLICATE_CODE', [
          b.newOperational({ code: twinOO }),
          b.newOperational({ code: twinOO }),
        ]),
      ];
    },
  },
];

/** A row under a refused row: refused on its parent cell, whatever its own cells hold. */
const childOfRefused = (variant: string, row: SheetRowIn) => rejected(variant, row, 'parentRef', 'PARENT_REJECTED');

/** Row ids unknown or sent twice, deletions that cannot be, cells a new row needs, rows under a refused parent. */
export const ROWS_AND_DELETES: Category[] = [
  {
    name: 'rowId that does not exist in the plan → UNKNOWN_ROW',
    build: (b) => [
      ...rejectedAll('rowId', 'UNKNOWN_ROW', [
        ['a random uuid', { rowId: randomUUID() }],
        ['a random uuid with a version and an actual', { rowId: randomUUID(), rowVersion: 3, actual: '5' }],
        ['not a uuid', { rowId: 'not-a-uuid', title: 'x' }],
        ['the plan id', { rowId: b.planId, title: 'x' }],
        ['the organisation id', { rowId: b.orgId, actual: '1' }],
        ["another tenant's indicator", { rowId: b.other.indicatorId, actual: '5' }],
        ["another tenant's operational objective", { rowId: b.other.operationalId, weight: '50' }],
        ['a random uuid to delete', { rowId: randomUUID(), delete: true }],
        [
          'a complete, valid indicator row under an unknown id',
          { ...b.newIndicator({ actual: '3' }), rowId: randomUUID(), rowVersion: 1 },
        ],
      ]),
    ],
  },
  {
    name: 'the same rowId twice → DUPLICATE_ROW',
    build: (b) => {
      const pair = (second: SheetRowIn, why: string): Entry[] => {
        const row = b.any('indicator');
        return [
          { variant: `${row.code} first`, row: b.existing(row, {}), expect: { status: 'UNCHANGED' } },
          rejected(`${row.code} again, ${why}`, b.existing(row, second), 'rowId', 'DUPLICATE_ROW'),
        ];
      };
      const triple = b.any('indicator');
      return [
        ...pair({ actual: '5' }, 'with an actual'),
        ...pair({}, 'identical'),
        ...pair({ delete: true }, 'to delete'),
        ...pair({ title: 'Altro titolo', rowVersion: null }, 'with a new title and no version'),
        { variant: `${triple.code} first of three`, row: b.existing(triple, {}), expect: { status: 'UNCHANGED' } },
        rejected(`${triple.code} second of three`, b.existing(triple, { note: 'due' }), 'rowId', 'DUPLICATE_ROW'),
        rejected(`${triple.code} third of three`, b.existing(triple, { note: 'tre' }), 'rowId', 'DUPLICATE_ROW'),
      ];
    },
  },
  {
    name: 'delete without rowId → REQUIRED on rowId',
    build: (b) => [
      ...rejectedAll('rowId', 'REQUIRED', [
        ['delete alone', { delete: true }],
        ['delete with a clientRef', { delete: true, clientRef: next('del-') }],
        ['delete by code', { delete: true, level: 'azione', code: '1.1.3' }],
        ['delete with an empty rowId', { delete: true, rowId: '' }],
        ['delete by title', { delete: true, level: 'operational', title: 'Capitale Umano' }],
        ['delete with a parent', { delete: true, parentRef: b.ref('operational', '1.1') }],
      ]),
    ],
  },
  {
    name: 'delete of a row that still has children → HAS_CHILDREN',
    build: (b) => [
      ...rejectedAll('delete', 'HAS_CHILDREN', [
        ['operational objective 1.1', b.existing(b.row('operational', '1.1'), { delete: true })],
        ['operational objective 3.4', b.existing(b.row('operational', '3.4'), { delete: true })],
        ['strategic objective 4', b.existing(b.row('strategic', '4'), { delete: true })],
        [
          'strategic objective 7 (level sent)',
          b.existing(b.row('strategic', '7'), { delete: true, level: 'strategic' }),
        ],
        ['perspective Processi', b.existing(b.row('perspective', 'Processi'), { delete: true })],
        [
          'perspective Economico Finanziaria',
          b.existing(b.row('perspective', 'Economico Finanziaria'), { delete: true }),
        ],
      ]),
    ],
  },
  {
    name: 'missing required cells → REQUIRED',
    build: (b) => {
      const { title: _t, ...noTitle } = b.newIndicator();
      const { code: _c, ...noCode } = b.newIndicator();
      const { code: _oc, ...noCodeOO } = b.newOperational();
      const { title: _st, ...noTitleSO } = b.newStrategic();
      const { parentRef: _p, ...noParent } = b.newIndicator();
      const { parentRef: _op, ...noParentOO } = b.newOperational();
      const { level: _l, ...noLevel } = b.newIndicator();
      return rejectedAs('REQUIRED', [
        ['new indicator without title', noTitle, 'title'],
        ['new indicator with an empty title', b.newIndicator({ title: '' }), 'title'],
        ['new indicator with a blank title', b.newIndicator({ title: '   ' }), 'title'],
        ['new indicator without code', noCode, 'code'],
        ['new indicator with an empty code', b.newIndicator({ code: '' }), 'code'],
        ['new operational objective without code', noCodeOO, 'code'],
        ['new strategic objective without title', noTitleSO, 'title'],
        ['new perspective without title', { clientRef: next('bad-'), level: 'perspective' }, 'title'],
        ['new indicator without parent', noParent, 'parentRef'],
        ['new indicator with a blank parent', b.newIndicator({ parentRef: '  ' }), 'parentRef'],
        ['new operational objective without parent', noParentOO, 'parentRef'],
        ['new row without level', noLevel, 'level'],
        ['new row with an empty level cell', b.newIndicator({ level: '' }), 'level'],
        ['indicator with its title cleared', INDICATOR.make(b, { title: '' }), 'title'],
        ['operational objective with its code cleared', OPERATIONAL.make(b, { code: '' }), 'code'],
      ]);
    },
  },
  {
    name: 'child of a refused row → PARENT_REJECTED',
    build: (b) => {
      const so = b.newStrategic({ title: 'Obiettivo\u0007' });
      const oo = b.newOperational({ weight: 'abc' });
      const so2 = b.newStrategic({ code: 'y'.repeat(60) });
      const oo2 = b.newOperational({ parentRef: so2.clientRef });
      const deleted = b.row('strategic', '9');
      const ooUnknown = b.newOperational({ parentRef: randomUUID() });
      return [
        rejected('new strategic objective with a control character', so, 'title', 'CONTROL_CHARACTERS'),
        childOfRefused('its new operational objective', b.newOperational({ parentRef: so.clientRef })),
        rejected('new operational objective with weight "abc"', oo, 'weight', 'NOT_A_NUMBER'),
        childOfRefused('its new indicator', b.newIndicator({ parentRef: oo.clientRef })),
        rejected('new strategic objective with a code too long', so2, 'code', 'TOO_LONG'),
        childOfRefused('its new operational objective', oo2),
        childOfRefused('and the indicator under that', b.newIndicator({ parentRef: oo2.clientRef })),
        rejected(
          'strategic objective 9 refused for deletion',
          { ...b.existing(deleted, { delete: true }), clientRef: 'OS9' },
          'delete',
          'HAS_CHILDREN',
        ),
        childOfRefused('new indicator under it by clientRef', b.newIndicator({ parentRef: 'OS9' })),
        rejected('new operational objective under an unknown parent', ooUnknown, 'parentRef', 'UNKNOWN_PARENT'),
        childOfRefused('its new indicator', b.newIndicator({ parentRef: ooUnknown.clientRef })),
      ];
    },
  },
];
