import { randomUUID } from 'node:crypto';
import { AuditEvent, Measurement, Target, TargetRevision } from '../../server/entities';
import { databaseNames } from '../helpers/databases';
import { startServer, type TestServer } from '../helpers/server';
import {
  changedRows, createOtherPlan, ok, type OtherPlan, readRows, type SheetRow, type SheetRowIn, sondrioPlan, sync, tableCounts,
} from '../helpers/sync';

/**
 * A corpus of bad sheet rows, generated from a table of rules × variants. Each category (one rule) is sent as one
 * PARTIAL batch together with two good rows (an actual for Sondrio 1.1.2 and a new valid indicator): every bad row
 * must come back REJECTED with exactly its column and code, the good rows must be written, and nothing else in the
 * plan may change.
 */

type Level = 'perspective' | 'strategic' | 'operational' | 'indicator';
type Expected = { status: 'REJECTED'; column: string; code: string } | { status: 'CREATED' | 'UNCHANGED' };
type Entry = { variant: string; row: SheetRowIn; expect: Expected };

/** Rows named by code in some variant: the pool of "any row of this level" never hands them out. */
const RESERVED: Record<Level, string[]> = {
  perspective: ['Processi', 'Economico Finanziaria'],
  strategic: ['1', '2', '4', '7', '9'],
  operational: ['1.1', '1.3', '1.4', '2.2', '3.3', '3.4'],
  indicator: ['1.1.2', '1.1.3', '1.3.1', '1.4.1', '2.1.1', '2.2.2', '2.2.4', '3.1.1', '3.3.1', '3.3.2', '3.3.3', '3.4.1', '3.4.6', '5.1.2', '5.1.3', '7.1.2', '9.1.1'],
};

let fresh = 0;
const next = (prefix: string) => `${prefix}${++fresh}`;

/** What a variant may use: the plan's rows as read just before the batch, another tenant's ids, fresh keys. */
class Builder {
  private readonly used = new Set<string>();
  constructor(readonly rows: SheetRow[], readonly planId: string, readonly orgId: string, readonly unitId: string, readonly other: OtherPlan) {}

  private key(row: SheetRow): string {
    return row.level === 'PERSPECTIVE' ? row.title : (row.code ?? '');
  }

  /** A named row; each row may be claimed once per batch (a second claim would be a DUPLICATE_ROW). */
  row(level: Level, key: string): SheetRow {
    const row = this.rows.find((r) => r.level === level.toUpperCase() && this.key(r) === key);
    if (!row) throw new Error(`no ${level} ${key} in the plan`);
    if (this.used.has(row.rowId)) throw new Error(`${level} ${key} is used twice in one batch`);
    this.used.add(row.rowId);
    return row;
  }

  /** A named row to point at (as a parent), without claiming it. */
  ref(level: Level, key: string): string {
    const row = this.rows.find((r) => r.level === level.toUpperCase() && this.key(r) === key);
    if (!row) throw new Error(`no ${level} ${key} in the plan`);
    return row.rowId;
  }

  /** Any row of the level that no variant names and this batch has not used yet. */
  any(level: Level, where: (r: SheetRow) => boolean = () => true): SheetRow {
    const row = this.rows.find((r) => r.level === level.toUpperCase() && !RESERVED[level].includes(this.key(r)) && !this.used.has(r.rowId) && where(r));
    if (!row) throw new Error(`no ${level} left for this batch`);
    this.used.add(row.rowId);
    return row;
  }

  existing(row: SheetRow, patch: SheetRowIn): SheetRowIn {
    return { rowId: row.rowId, rowVersion: row.rowVersion, ...patch };
  }

  newIndicator(patch: SheetRowIn = {}): SheetRowIn {
    return { clientRef: next('bad-'), level: 'indicator', code: next('B.'), title: 'Azione di prova', parentRef: this.ref('operational', '1.4'), ...patch };
  }

  newOperational(patch: SheetRowIn = {}): SheetRowIn {
    return { clientRef: next('bad-'), level: 'operational', code: next('B.'), title: 'Obiettivo operativo di prova', parentRef: this.ref('strategic', '2'), ...patch };
  }

  newStrategic(patch: SheetRowIn = {}): SheetRowIn {
    return { clientRef: next('bad-'), level: 'strategic', code: next('B'), title: 'Obiettivo strategico di prova', parentRef: this.ref('perspective', 'Processi'), ...patch };
  }

  newPerspective(patch: SheetRowIn = {}): SheetRowIn {
    return { clientRef: next('bad-'), level: 'prospettiva', title: next('Prospettiva di prova '), ...patch };
  }
}

type Carrier = { name: string; make: (b: Builder, patch: SheetRowIn) => SheetRowIn };
const NEW_INDICATOR: Carrier = { name: 'new indicator', make: (b, patch) => b.newIndicator(patch) };
const INDICATOR: Carrier = { name: 'indicator', make: (b, patch) => b.existing(b.any('indicator'), patch) };
const OPERATIONAL: Carrier = { name: 'operational objective', make: (b, patch) => b.existing(b.any('operational'), patch) };
const STRATEGIC: Carrier = { name: 'strategic objective', make: (b, patch) => b.existing(b.any('strategic'), patch) };

const rejected = (variant: string, row: SheetRowIn, column: string, code: string): Entry => ({ variant, row, expect: { status: 'REJECTED', column, code } });

/** The cell of a column, for the list columns too: thresholds.0 and futureTargets.0 are the first item of their list. */
function cell(column: string, value: string): SheetRowIn {
  if (column === 'thresholds.0') return { thresholds: [{ score: 0.8, value }] };
  if (column === 'futureTargets.0') return { futureTargets: [{ year: 2023, value }] };
  return { [column]: value } as SheetRowIn;
}

const show = (value: string) => JSON.stringify(value.length > 40 ? `${value.slice(0, 12)}…(${value.length} chars)` : value);

/** values × carriers, all refused on the same column with the same code */
function cross(b: Builder, values: string[], column: string, carriers: Carrier[], code: string): Entry[] {
  return carriers.flatMap((carrier) => values.map((v) => rejected(`${carrier.name}, ${column} = ${show(v)}`, carrier.make(b, cell(column, v)), column, code)));
}

/** values × columns, each column with its own carrier */
function byColumn(b: Builder, values: string[], columns: Array<[string, Carrier]>, code: string): Entry[] {
  return columns.flatMap(([column, carrier]) => values.map((v) => rejected(`${carrier.name}, ${column} = ${show(v)}`, carrier.make(b, cell(column, v)), column, code)));
}

type Category = { name: string; build: (b: Builder) => Entry[] };

const CATEGORIES: Category[] = [
  {
    name: 'text in the weight cell → NOT_A_NUMBER',
    build: (b) => cross(b, ['abc', 'venti', '12abc', '1.2.3', 'dieci%', '12 pezzi', 'n/a', '1e3', 'NaN'], 'weight', [NEW_INDICATOR, INDICATOR, OPERATIONAL], 'NOT_A_NUMBER'),
  },
  {
    name: 'a date, yes/no, placeholder, euro or days in the weight cell → NOT_A_NUMBER',
    build: (b) => cross(b, ['31/12/2022', 'luglio', 'SI', 'NO', 'n.d.', '-', 'monitoraggio', 'qualitativa', '10 €', '5 gg'], 'weight', [NEW_INDICATOR, OPERATIONAL], 'NOT_A_NUMBER'),
  },
  {
    name: 'negative weight → NEGATIVE_WEIGHT',
    build: (b) => cross(b, ['-5', '-10%', '-0,5', '-1.000', '\u22125', '-100', '-0,01%'], 'weight', [NEW_INDICATOR, INDICATOR, OPERATIONAL], 'NEGATIVE_WEIGHT'),
  },
  {
    name: 'weight over 1000 → WEIGHT_TOO_LARGE',
    build: (b) => cross(b, ['1001', '1.001', '1000,5', '2000%', '1.000.000', '99999', '1000,01'], 'weight', [NEW_INDICATOR, OPERATIONAL], 'WEIGHT_TOO_LARGE'),
  },
  {
    name: 'mixed decimal separators → MIXED_DECIMAL_SEPARATORS',
    build: (b) => byColumn(b, ['1,234.5', '3,2,1', '12,5.3', '1.234,5,6', '1,000,000', '-1,234.5'], [
      ['weight', NEW_INDICATOR], ['target', NEW_INDICATOR], ['actual', INDICATOR], ['thresholds.0', NEW_INDICATOR], ['futureTargets.0', INDICATOR],
    ], 'MIXED_DECIMAL_SEPARATORS').concat(
      rejected('indicator, actual = "1,234.5%"', INDICATOR.make(b, { actual: '1,234.5%' }), 'actual', 'MIXED_DECIMAL_SEPARATORS'),
      rejected('indicator, target = "€ 1,234.50"', INDICATOR.make(b, { target: '€ 1,234.50' }), 'target', 'MIXED_DECIMAL_SEPARATORS'),
    ),
  },
  {
    name: 'impossible dates in value cells → INVALID_DATE',
    build: (b) => byColumn(b, ['31/02/2022', '30.13.2022', '00/01/2022', '29/02/2023', '31/04/2022', '32/01/2022', '15/00/2022', '<= 31/06/2022'], [
      ['target', INDICATOR], ['actual', INDICATOR], ['thresholds.0', NEW_INDICATOR], ['futureTargets.0', NEW_INDICATOR],
    ], 'INVALID_DATE'),
  },
  {
    name: 'text in value cells → NOT_A_VALUE',
    build: (b) => byColumn(b, ['venti', 'circa 10', 'abc', '12abc', '1.2.3', 'da 1 a 3', 'verifica'], [
      ['target', NEW_INDICATOR], ['actual', INDICATOR], ['thresholds.0', NEW_INDICATOR], ['futureTargets.0', INDICATOR],
    ], 'NOT_A_VALUE'),
  },
  {
    name: 'unknown parent → UNKNOWN_PARENT',
    build: (b) => [
      rejected('new indicator under a random id', b.newIndicator({ parentRef: randomUUID() }), 'parentRef', 'UNKNOWN_PARENT'),
      rejected('new operational objective under a random id', b.newOperational({ parentRef: randomUUID() }), 'parentRef', 'UNKNOWN_PARENT'),
      rejected('new strategic objective under a random id', b.newStrategic({ parentRef: randomUUID() }), 'parentRef', 'UNKNOWN_PARENT'),
      rejected('new indicator under a clientRef not in the batch', b.newIndicator({ parentRef: 'R-999' }), 'parentRef', 'UNKNOWN_PARENT'),
      rejected('new operational objective under a clientRef not in the batch', b.newOperational({ parentRef: 'riga 404' }), 'parentRef', 'UNKNOWN_PARENT'),
      rejected('new indicator under the plan id', b.newIndicator({ parentRef: b.planId }), 'parentRef', 'UNKNOWN_PARENT'),
      rejected('new indicator under an org unit id', b.newIndicator({ parentRef: b.unitId }), 'parentRef', 'UNKNOWN_PARENT'),
      rejected("new indicator under another tenant's operational objective", b.newIndicator({ parentRef: b.other.operationalId }), 'parentRef', 'UNKNOWN_PARENT'),
      rejected("new operational objective under another tenant's strategic objective", b.newOperational({ parentRef: b.other.strategicId }), 'parentRef', 'UNKNOWN_PARENT'),
      rejected("new strategic objective under another tenant's perspective", b.newStrategic({ parentRef: b.other.perspectiveId }), 'parentRef', 'UNKNOWN_PARENT'),
      rejected('indicator moved under a random id', INDICATOR.make(b, { parentRef: randomUUID() }), 'parentRef', 'UNKNOWN_PARENT'),
      rejected('operational objective moved under a clientRef not in the batch', OPERATIONAL.make(b, { parentRef: 'R-1' }), 'parentRef', 'UNKNOWN_PARENT'),
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
        ...['indicator', 'azione', 'indicatore', 'KPI', 'action'].map((level) => rejected(`new indicator (level "${level}") under a perspective`, b.newIndicator({ level, parentRef: perspective }), 'parentRef', 'WRONG_PARENT_LEVEL')),
        rejected('new indicator under an indicator', b.newIndicator({ parentRef: indicator }), 'parentRef', 'WRONG_PARENT_LEVEL'),
        rejected('new operational objective under a perspective', b.newOperational({ parentRef: perspective }), 'parentRef', 'WRONG_PARENT_LEVEL'),
        rejected('new operational objective under an operational objective', b.newOperational({ parentRef: operational }), 'parentRef', 'WRONG_PARENT_LEVEL'),
        rejected('new operational objective under an indicator', b.newOperational({ parentRef: indicator }), 'parentRef', 'WRONG_PARENT_LEVEL'),
        rejected('new strategic objective under a strategic objective', b.newStrategic({ parentRef: strategic }), 'parentRef', 'WRONG_PARENT_LEVEL'),
        rejected('new strategic objective under an operational objective', b.newStrategic({ parentRef: operational }), 'parentRef', 'WRONG_PARENT_LEVEL'),
        rejected('new strategic objective under an indicator', b.newStrategic({ parentRef: indicator }), 'parentRef', 'WRONG_PARENT_LEVEL'),
        rejected('new perspective under a perspective', b.newPerspective({ parentRef: perspective }), 'parentRef', 'WRONG_PARENT_LEVEL'),
        rejected('indicator moved under a perspective', INDICATOR.make(b, { parentRef: perspective }), 'parentRef', 'WRONG_PARENT_LEVEL'),
        rejected('operational objective moved under an operational objective', OPERATIONAL.make(b, { parentRef: operational }), 'parentRef', 'WRONG_PARENT_LEVEL'),
        rejected('strategic objective moved under a strategic objective', STRATEGIC.make(b, { parentRef: strategic }), 'parentRef', 'WRONG_PARENT_LEVEL'),
      ];
    },
  },
  {
    name: 'duplicated code → DUPLICATE_CODE',
    build: (b) => {
      const twin = next('T.');
      const twinOO = next('TO.');
      return [
        ...['1.1.3', '2.2.4', '9.1.1', ' 3.4.6 '].map((code) => rejected(`new indicator reusing indicator code ${show(code)}`, b.newIndicator({ code }), 'code', 'DUPLICATE_CODE')),
        ...['1.1', '3.4'].map((code) => rejected(`new operational objective reusing code ${code}`, b.newOperational({ code }), 'code', 'DUPLICATE_CODE')),
        ...['1', '9'].map((code) => rejected(`new strategic objective reusing code ${code}`, b.newStrategic({ code }), 'code', 'DUPLICATE_CODE')),
        rejected('indicator 3.3.1 renamed to 3.3.2', b.existing(b.row('indicator', '3.3.1'), { code: '3.3.2' }), 'code', 'DUPLICATE_CODE'),
        rejected('indicator 5.1.2 renamed to 5.1.3', b.existing(b.row('indicator', '5.1.2'), { code: '5.1.3' }), 'code', 'DUPLICATE_CODE'),
        rejected('operational objective renamed to 2.2', OPERATIONAL.make(b, { code: '2.2' }), 'code', 'DUPLICATE_CODE'),
        { variant: 'first of two new indicators with the same code', row: b.newIndicator({ code: twin }), expect: { status: 'CREATED' } },
        rejected('second of two new indicators with the same code', b.newIndicator({ code: twin }), 'code', 'DUPLICATE_CODE'),
        rejected('third of three new indicators with the same code', b.newIndicator({ code: twin, title: 'Terza' }), 'code', 'DUPLICATE_CODE'),
        { variant: 'first of two new operational objectives with the same code', row: b.newOperational({ code: twinOO }), expect: { status: 'CREATED' } },
        rejected('second of two new operational objectives with the same code', b.newOperational({ code: twinOO }), 'code', 'DUPLICATE_CODE'),
      ];
    },
  },
  {
    name: 'thresholds out of order for the polarity → THRESHOLDS_NOT_MONOTONE',
    build: (b) => {
      const th = (...points: Array<[number, string]>) => points.map(([score, value]) => ({ score, value }));
      const existing = (code: string, patch: SheetRowIn, why: string) => rejected(`${code}: ${why}`, b.existing(b.row('indicator', code), patch), 'thresholds', 'THRESHOLDS_NOT_MONOTONE');
      const created = (patch: SheetRowIn, why: string) => rejected(`new indicator: ${why}`, b.newIndicator(patch), 'thresholds', 'THRESHOLDS_NOT_MONOTONE');
      return [
        existing('1.1.3', { thresholds: th([0.8, '120'], [0.6, '60']) }, 'higher, a threshold above the target 100'),
        existing('2.1.1', { thresholds: th([0.8, '90'], [0.6, '100']) }, 'higher, the 60% threshold better than the 80% one'),
        existing('2.2.2', { thresholds: th([0.8, '120']) }, 'higher, a threshold equal to the target'),
        existing('3.1.1', { thresholds: th([0.8, '15'], [0.6, '29']) }, 'lower, a threshold below the target 20'),
        existing('3.3.2', { thresholds: th([0.8, '12'], [0.6, '10']) }, 'lower, the 60% threshold better than the 80% one'),
        existing('3.3.3', { polarity: 'maggiore' }, 'polarity turned to higher under thresholds above the target'),
        existing('1.3.1', { target: '11%' }, 'higher, the target lowered below the 80% threshold'),
        existing('3.4.1', { thresholds: th([0.8, '35%'], [0.8, '30%']) }, 'two thresholds with the same score'),
        existing('7.1.2', { thresholds: th([1, '25%']) }, 'a threshold with the score of the target'),
        created({ polarity: 'minore', target: '10', thresholds: th([0.8, '8']) }, 'lower with a threshold below the target'),
        created({ polarity: '↓', target: '5 gg', thresholds: th([0.8, '3 gg'], [0.6, '7 gg']) }, 'lower (↓) in days with a threshold below the target'),
        created({ polarity: 'maggiore', target: '10', thresholds: th([0.8, '12']) }, 'higher with a threshold above the target'),
        created({ polarity: 'scadenza', target: '31/07/2022', thresholds: th([0.8, '30/06/2022']) }, 'deadline with a threshold before the target'),
        created({ target: '50%', thresholds: th([0.6, '40%'], [0.8, '30%']) }, 'default polarity, scores and values crossed'),
      ];
    },
  },
  {
    name: 'threshold score outside [0, 1] → THRESHOLD_SCORE',
    build: (b) => [
      ...[1.5, -0.1, 2, 80, 1.0001, -1, 100].map((score) => rejected(`new indicator without target, score ${score}`, b.newIndicator({ thresholds: [{ score, value: '10' }] }), 'thresholds.0', 'THRESHOLD_SCORE')),
      ...[1.5, -0.2, 60, 1.01].map((score) => {
        const row = b.any('indicator', (r) => r.thresholds.length === 2 && r.target !== null);
        const thresholds = [{ score: 0.8, value: row.thresholds[0].value.raw }, { score, value: row.thresholds[1].value.raw }];
        return rejected(`indicator ${row.code} with a target, second score ${score}`, b.existing(row, { thresholds }), 'thresholds.1', 'THRESHOLD_SCORE');
      }),
    ],
  },
  {
    name: 'overlong text → TOO_LONG',
    build: (b) => {
      const long = (n: number) => 'x'.repeat(n);
      const digits = (n: number) => '1'.repeat(n);
      return [
        rejected('new indicator, title of 5000 characters', b.newIndicator({ title: long(5000) }), 'title', 'TOO_LONG'),
        rejected('new indicator, title of 4001 characters', b.newIndicator({ title: long(4001) }), 'title', 'TOO_LONG'),
        rejected('indicator, title of 5000 characters', INDICATOR.make(b, { title: long(5000) }), 'title', 'TOO_LONG'),
        rejected('operational objective, title of 5000 characters', OPERATIONAL.make(b, { title: long(5000) }), 'title', 'TOO_LONG'),
        rejected('new strategic objective, title of 5000 characters', b.newStrategic({ title: long(5000) }), 'title', 'TOO_LONG'),
        rejected('new indicator, code of 60 characters', b.newIndicator({ code: `X${long(59)}` }), 'code', 'TOO_LONG'),
        rejected('new indicator, code of 51 characters', b.newIndicator({ code: `X${long(50)}` }), 'code', 'TOO_LONG'),
        rejected('indicator, code of 60 characters', INDICATOR.make(b, { code: long(60) }), 'code', 'TOO_LONG'),
        rejected('indicator, kpi of 4001 characters', INDICATOR.make(b, { kpi: long(4001) }), 'kpi', 'TOO_LONG'),
        rejected('operational objective, kpi of 4001 characters', OPERATIONAL.make(b, { kpi: long(4001) }), 'kpi', 'TOO_LONG'),
        rejected('indicator, note of 4001 characters', INDICATOR.make(b, { note: long(4001) }), 'note', 'TOO_LONG'),
        rejected('indicator, neutralisation reason of 4001 characters', INDICATOR.make(b, { neutralisationReason: long(4001) }), 'neutralisationReason', 'TOO_LONG'),
        rejected('indicator, unit of 51 characters', INDICATOR.make(b, { unit: long(51) }), 'unit', 'TOO_LONG'),
        rejected('indicator, responsible unit of 4001 characters', INDICATOR.make(b, { responsibleUnit: long(4001) }), 'responsibleUnit', 'TOO_LONG'),
        rejected('new indicator, target of 600 characters', b.newIndicator({ target: digits(600) }), 'target', 'TOO_LONG'),
        rejected('indicator, actual of 600 characters', INDICATOR.make(b, { actual: digits(600) }), 'actual', 'TOO_LONG'),
        rejected('indicator, actual of 501 characters', INDICATOR.make(b, { actual: long(501) }), 'actual', 'TOO_LONG'),
        rejected('new indicator, threshold value of 600 characters', b.newIndicator({ thresholds: [{ score: 0.8, value: digits(600) }] }), 'thresholds.0', 'TOO_LONG'),
        rejected('indicator, future target of 600 characters', INDICATOR.make(b, { futureTargets: [{ year: 2023, value: digits(600) }] }), 'futureTargets.0', 'TOO_LONG'),
      ];
    },
  },
  {
    name: 'control characters → CONTROL_CHARACTERS',
    build: (b) => [
      ...['\u0001', '\u0007', '\u001b', '\u0000', '\u007f'].flatMap((c) => {
        const shown = `U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
        return [
          rejected(`new indicator, title with ${shown}`, b.newIndicator({ title: `Azione${c} di prova` }), 'title', 'CONTROL_CHARACTERS'),
          rejected(`indicator, kpi with ${shown}`, INDICATOR.make(b, { kpi: `N. eventi${c}` }), 'kpi', 'CONTROL_CHARACTERS'),
          rejected(`indicator, note with ${shown}`, INDICATOR.make(b, { note: `${c}nota` }), 'note', 'CONTROL_CHARACTERS'),
        ];
      }),
      rejected('operational objective, title with U+0007', OPERATIONAL.make(b, { title: 'Capitale\u0007 umano' }), 'title', 'CONTROL_CHARACTERS'),
      rejected('indicator, neutralisation reason with U+001b', INDICATOR.make(b, { neutralisationReason: 'sospeso\u001b[31m' }), 'neutralisationReason', 'CONTROL_CHARACTERS'),
      rejected('new indicator, code with U+0001', b.newIndicator({ code: `C\u0001${next('')}` }), 'code', 'CONTROL_CHARACTERS'),
      rejected('indicator, unit with U+0007', INDICATOR.make(b, { unit: '%\u0007' }), 'unit', 'CONTROL_CHARACTERS'),
      rejected('indicator, responsible unit with U+0001', INDICATOR.make(b, { responsibleUnit: 'U.O. "Ragioneria"\u0001' }), 'responsibleUnit', 'CONTROL_CHARACTERS'),
      rejected('indicator, actual with U+0007', INDICATOR.make(b, { actual: '1\u00071' }), 'actual', 'CONTROL_CHARACTERS'),
      rejected('new indicator, target with U+001b', b.newIndicator({ target: '\u001b10' }), 'target', 'CONTROL_CHARACTERS'),
      rejected('operational objective, weight with U+0001', OPERATIONAL.make(b, { weight: '2\u00010' }), 'weight', 'CONTROL_CHARACTERS'),
    ],
  },
  {
    name: 'formulas → FORMULA_NOT_ALLOWED',
    build: (b) => [
      ...byColumn(b, ['=1+1', '=SUM(A1:A3)', ' =A1*2', '=SE(B2>0;1;0)'], [
        ['target', NEW_INDICATOR], ['actual', INDICATOR], ['title', NEW_INDICATOR], ['kpi', INDICATOR], ['note', INDICATOR], ['weight', OPERATIONAL],
      ], 'FORMULA_NOT_ALLOWED'),
      ...byColumn(b, ['=1+1'], [
        ['code', NEW_INDICATOR], ['thresholds.0', NEW_INDICATOR], ['futureTargets.0', INDICATOR], ['neutralisationReason', INDICATOR], ['unit', INDICATOR], ['responsibleUnit', INDICATOR],
      ], 'FORMULA_NOT_ALLOWED'),
    ],
  },
  {
    name: 'unknown level word → UNKNOWN_LEVEL',
    build: (b) => [
      ...['livello', 'obiettivo', 'azioni', 'task', 'OS1', '5', 'sotto-indicatore', 'strategia'].map((level) => rejected(`new row with level ${show(level)}`, b.newIndicator({ level }), 'level', 'UNKNOWN_LEVEL')),
      rejected('indicator sent with level "boh"', INDICATOR.make(b, { level: 'boh', actual: '1' }), 'level', 'UNKNOWN_LEVEL'),
      rejected('operational objective sent with level "sub"', OPERATIONAL.make(b, { level: 'sub' }), 'level', 'UNKNOWN_LEVEL'),
    ],
  },
  {
    name: 'unknown polarity word → UNKNOWN_POLARITY',
    build: (b) => cross(b, ['su', 'alto', 'bigger', 'positivo', '↗', 'crescita', 'higher!', 'maggiore o uguale'], 'polarity', [NEW_INDICATOR, INDICATOR], 'UNKNOWN_POLARITY'),
  },
  {
    name: 'unknown rule word → UNKNOWN_RULE',
    build: (b) => cross(b, ['media', 'somma', 'lineare', 'percentuale', 'xyz', 'ratio2', 'soglia'], 'rule', [NEW_INDICATOR, INDICATOR], 'UNKNOWN_RULE'),
  },
  {
    name: 'neutralised neither SI nor NO → NOT_BOOLEAN',
    build: (b) => [
      ...['forse', 'boh', '2', 'N/A', 'sì?', 'neutralizzato', 'yes please'].map((v) => rejected(`indicator, neutralised ${show(v)}`, INDICATOR.make(b, { neutralised: v }), 'neutralised', 'NOT_BOOLEAN')),
      rejected('new indicator, neutralised "forse" with a reason', b.newIndicator({ neutralised: 'forse', neutralisationReason: 'servizio sospeso' }), 'neutralised', 'NOT_BOOLEAN'),
    ],
  },
  {
    name: 'neutralised without a reason → NEUTRALISATION_REASON_MISSING',
    build: (b) => [
      ...([
        ['SI', undefined], ['Sì', ''], ['X', '   '], ['1', undefined], ['true', undefined], ['vero', ''], ['yes', undefined],
      ] as Array<[string, string | undefined]>).map(([flag, reason]) => rejected(
        `indicator, neutralised ${show(flag)} with reason ${reason === undefined ? 'not sent' : show(reason)}`,
        INDICATOR.make(b, { neutralised: flag, ...(reason === undefined ? {} : { neutralisationReason: reason }) }),
        'neutralisationReason', 'NEUTRALISATION_REASON_MISSING',
      )),
      rejected('new indicator, neutralised SI without a reason', b.newIndicator({ neutralised: 'SI', actual: '5' }), 'neutralisationReason', 'NEUTRALISATION_REASON_MISSING'),
    ],
  },
  {
    name: 'actual on an objective row → ACTUAL_ON_OBJECTIVE',
    build: (b) => [
      rejected('new operational objective with an actual', b.newOperational({ actual: '5' }), 'actual', 'ACTUAL_ON_OBJECTIVE'),
      rejected('new strategic objective with an actual', b.newStrategic({ actual: '80%' }), 'actual', 'ACTUAL_ON_OBJECTIVE'),
      rejected('new perspective with an actual', b.newPerspective({ actual: '10%' }), 'actual', 'ACTUAL_ON_OBJECTIVE'),
      rejected('operational objective (level sent) with an actual', OPERATIONAL.make(b, { level: 'operational', actual: '11' }), 'actual', 'ACTUAL_ON_OBJECTIVE'),
      rejected('strategic objective (level sent) with an actual', STRATEGIC.make(b, { level: 'OS', actual: '80%' }), 'actual', 'ACTUAL_ON_OBJECTIVE'),
      rejected('perspective (level sent) with an actual', b.existing(b.any('perspective'), { level: 'prospettiva', actual: '1' }), 'actual', 'ACTUAL_ON_OBJECTIVE'),
      rejected('operational objective (level column not sent) with an actual', OPERATIONAL.make(b, { actual: '11' }), 'actual', 'ACTUAL_ON_OBJECTIVE'),
      rejected('strategic objective (level column not sent) with an actual', STRATEGIC.make(b, { actual: '80%' }), 'actual', 'ACTUAL_ON_OBJECTIVE'),
      rejected('perspective (level column not sent) with an actual', b.existing(b.any('perspective'), { actual: '1' }), 'actual', 'ACTUAL_ON_OBJECTIVE'),
    ],
  },
  {
    name: 'future target for a year outside the plan → BAD_YEAR',
    build: (b) => [
      ...[2025, 2021, 2030, 2022, 1999, 2100].map((year) => rejected(`indicator, future target for ${year}`, INDICATOR.make(b, { futureTargets: [{ year, value: '10' }] }), 'futureTargets.0', 'BAD_YEAR')),
      rejected('new indicator, second future target for 2026', b.newIndicator({ futureTargets: [{ year: 2023, value: '5' }, { year: 2026, value: '6' }] }), 'futureTargets.1', 'BAD_YEAR'),
      rejected('indicator, second future target for 2025', INDICATOR.make(b, { futureTargets: [{ year: 2024, value: '5' }, { year: 2025, value: '6' }] }), 'futureTargets.1', 'BAD_YEAR'),
    ],
  },
  {
    name: 'rowId that does not exist in the plan → UNKNOWN_ROW',
    build: (b) => [
      rejected('a random uuid', { rowId: randomUUID() }, 'rowId', 'UNKNOWN_ROW'),
      rejected('a random uuid with a version and an actual', { rowId: randomUUID(), rowVersion: 3, actual: '5' }, 'rowId', 'UNKNOWN_ROW'),
      rejected('not a uuid', { rowId: 'not-a-uuid', title: 'x' }, 'rowId', 'UNKNOWN_ROW'),
      rejected('the plan id', { rowId: b.planId, title: 'x' }, 'rowId', 'UNKNOWN_ROW'),
      rejected('the organisation id', { rowId: b.orgId, actual: '1' }, 'rowId', 'UNKNOWN_ROW'),
      rejected("another tenant's indicator", { rowId: b.other.indicatorId, actual: '5' }, 'rowId', 'UNKNOWN_ROW'),
      rejected("another tenant's operational objective", { rowId: b.other.operationalId, weight: '50' }, 'rowId', 'UNKNOWN_ROW'),
      rejected('a random uuid to delete', { rowId: randomUUID(), delete: true }, 'rowId', 'UNKNOWN_ROW'),
      rejected('a complete, valid indicator row under an unknown id', { ...b.newIndicator({ actual: '3' }), rowId: randomUUID(), rowVersion: 1 }, 'rowId', 'UNKNOWN_ROW'),
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
      rejected('delete alone', { delete: true }, 'rowId', 'REQUIRED'),
      rejected('delete with a clientRef', { delete: true, clientRef: next('del-') }, 'rowId', 'REQUIRED'),
      rejected('delete by code', { delete: true, level: 'azione', code: '1.1.3' }, 'rowId', 'REQUIRED'),
      rejected('delete with an empty rowId', { delete: true, rowId: '' }, 'rowId', 'REQUIRED'),
      rejected('delete by title', { delete: true, level: 'operational', title: 'Capitale Umano' }, 'rowId', 'REQUIRED'),
      rejected('delete with a parent', { delete: true, parentRef: b.ref('operational', '1.1') }, 'rowId', 'REQUIRED'),
    ],
  },
  {
    name: 'delete of a row that still has children → HAS_CHILDREN',
    build: (b) => [
      rejected('operational objective 1.1', b.existing(b.row('operational', '1.1'), { delete: true }), 'delete', 'HAS_CHILDREN'),
      rejected('operational objective 3.4', b.existing(b.row('operational', '3.4'), { delete: true }), 'delete', 'HAS_CHILDREN'),
      rejected('strategic objective 4', b.existing(b.row('strategic', '4'), { delete: true }), 'delete', 'HAS_CHILDREN'),
      rejected('strategic objective 7 (level sent)', b.existing(b.row('strategic', '7'), { delete: true, level: 'strategic' }), 'delete', 'HAS_CHILDREN'),
      rejected('perspective Processi', b.existing(b.row('perspective', 'Processi'), { delete: true }), 'delete', 'HAS_CHILDREN'),
      rejected('perspective Economico Finanziaria', b.existing(b.row('perspective', 'Economico Finanziaria'), { delete: true }), 'delete', 'HAS_CHILDREN'),
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
      return [
        rejected('new indicator without title', noTitle, 'title', 'REQUIRED'),
        rejected('new indicator with an empty title', b.newIndicator({ title: '' }), 'title', 'REQUIRED'),
        rejected('new indicator with a blank title', b.newIndicator({ title: '   ' }), 'title', 'REQUIRED'),
        rejected('new indicator without code', noCode, 'code', 'REQUIRED'),
        rejected('new indicator with an empty code', b.newIndicator({ code: '' }), 'code', 'REQUIRED'),
        rejected('new operational objective without code', noCodeOO, 'code', 'REQUIRED'),
        rejected('new strategic objective without title', noTitleSO, 'title', 'REQUIRED'),
        rejected('new perspective without title', { clientRef: next('bad-'), level: 'perspective' }, 'title', 'REQUIRED'),
        rejected('new indicator without parent', noParent, 'parentRef', 'REQUIRED'),
        rejected('new indicator with a blank parent', b.newIndicator({ parentRef: '  ' }), 'parentRef', 'REQUIRED'),
        rejected('new operational objective without parent', noParentOO, 'parentRef', 'REQUIRED'),
        rejected('new row without level', noLevel, 'level', 'REQUIRED'),
        rejected('new row with an empty level cell', b.newIndicator({ level: '' }), 'level', 'REQUIRED'),
        rejected('indicator with its title cleared', INDICATOR.make(b, { title: '' }), 'title', 'REQUIRED'),
        rejected('operational objective with its code cleared', OPERATIONAL.make(b, { code: '' }), 'code', 'REQUIRED'),
      ];
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
        rejected('its new operational objective', b.newOperational({ parentRef: so.clientRef }), 'parentRef', 'PARENT_REJECTED'),
        rejected('new operational objective with weight "abc"', oo, 'weight', 'NOT_A_NUMBER'),
        rejected('its new indicator', b.newIndicator({ parentRef: oo.clientRef }), 'parentRef', 'PARENT_REJECTED'),
        rejected('new strategic objective with a code too long', so2, 'code', 'TOO_LONG'),
        rejected('its new operational objective', oo2, 'parentRef', 'PARENT_REJECTED'),
        rejected('and the indicator under that', b.newIndicator({ parentRef: oo2.clientRef }), 'parentRef', 'PARENT_REJECTED'),
        rejected('strategic objective 9 refused for deletion', { ...b.existing(deleted, { delete: true }), clientRef: 'OS9' }, 'delete', 'HAS_CHILDREN'),
        rejected('new indicator under it by clientRef', b.newIndicator({ parentRef: 'OS9' }), 'parentRef', 'PARENT_REJECTED'),
        rejected('new operational objective under an unknown parent', ooUnknown, 'parentRef', 'UNKNOWN_PARENT'),
        rejected('its new indicator', b.newIndicator({ parentRef: ooUnknown.clientRef }), 'parentRef', 'PARENT_REJECTED'),
      ];
    },
  },
];

const badCount = (entries: Entry[]) => entries.filter((e) => e.expect.status === 'REJECTED').length;

describe.each(databaseNames())('a corpus of bad sheet rows (%s)', (dialect) => {
  let server: TestServer;
  let planId: string;
  let orgId: string;
  let unitId: string;
  let other: OtherPlan;

  beforeAll(async () => {
    server = await startServer(dialect, { seed: true });
    const plan = await sondrioPlan(server);
    planId = plan.planId;
    orgId = plan.orgId;
    unitId = ok(await server.gql('{ orgUnits(filter: { code: "uo-ragioneria" }) { id } }')).orgUnits[0].id;
    other = await createOtherPlan(server);
  });
  afterAll(() => server.close());

  it('has at least 200 bad rows, every category at least 2, in the categories of the rules', async () => {
    const { rows } = await readRows(server, planId);
    const sizes = CATEGORIES.map((c) => [c.name, badCount(c.build(new Builder(rows, planId, orgId, unitId, other)))] as const);
    expect(sizes.filter(([, n]) => n < 2)).toEqual([]);
    expect(sizes.reduce((sum, [, n]) => sum + n, 0)).toBeGreaterThanOrEqual(200);
    expect(new Set(CATEGORIES.map((c) => c.name)).size).toBe(CATEGORIES.length);
  });

  it.each(CATEGORIES.map((c, i) => [c.name, i] as const))('%s', async (_name, i) => {
    const category = CATEGORIES[i];
    const before = await readRows(server, planId);
    const b = new Builder(before.rows, planId, orgId, unitId, other);

    // the good rows: an actual for 1.1.2 (a new value in every batch) and a new, valid indicator under 1.3
    const measured = b.row('indicator', '1.1.2');
    const actual = String(100 + i);
    const parent = b.ref('operational', '1.3');
    const code = `G-${i}`;
    const goodUpdate: SheetRowIn = { rowId: measured.rowId, rowVersion: measured.rowVersion, actual };
    const goodCreate: SheetRowIn = {
      clientRef: `good-${i}`, level: 'azione', code, title: `Azione valida ${i}`, parentRef: parent, weight: '10%', kpi: 'N. pratiche',
      target: '50', thresholds: [{ score: 0.8, value: '40' }, { score: 0.6, value: '30' }], futureTargets: [{ year: 2023, value: '55' }],
      actual: '45', responsibleUnit: 'U.O. "Digitalizzazione"',
    };
    const entries = category.build(b);
    const counts = await tableCounts(server);
    const startedAt = new Date();
    // events of an earlier batch stamped in this same millisecond are not this batch's: told apart by id, not time
    const earlier = new Set((await server.orm.em.fork().find(AuditEvent, { at: { $gte: startedAt } }, { fields: ['id'] })).map((e) => e.id));
    const result = await sync(server, { planId, rows: [goodUpdate, ...entries.map((e) => e.row), goodCreate] });

    // 1. every bad row is refused by its own column and code, with an English and an Italian message
    expect(result.rows.map((r) => r.index)).toEqual([...Array(entries.length + 2).keys()]);
    const mismatches: string[] = [];
    entries.forEach((entry, k) => {
      const got = result.rows[k + 1];
      const errors = got.errors.map((e) => `${e.column}:${e.code}`);
      if (entry.expect.status !== 'REJECTED') {
        if (got.status !== entry.expect.status || errors.length > 0) mismatches.push(`${entry.variant}: expected ${entry.expect.status}, got ${got.status} ${errors.join(', ')}`);
        return;
      }
      const wanted = `${entry.expect.column}:${entry.expect.code}`;
      if (got.status !== 'REJECTED' || errors.length !== 1 || errors[0] !== wanted) {
        mismatches.push(`${entry.variant}: expected REJECTED ${wanted}, got ${got.status} [${errors.join(', ')}]`);
        return;
      }
      const [error] = got.errors;
      if (!error.message.trim() || !error.messageIt.trim() || error.message === error.messageIt || /\{\w+\}/.test(error.message + error.messageIt)) {
        mismatches.push(`${entry.variant}: messages ${JSON.stringify([error.message, error.messageIt])}`);
      }
      if (!entry.row.rowId && got.rowId !== null) mismatches.push(`${entry.variant}: a refused new row got the id ${got.rowId}`);
      if (got.realization !== null && !entry.row.rowId) mismatches.push(`${entry.variant}: a refused new row has a realization`);
    });
    expect(mismatches).toEqual([]);

    // 2. the good rows are written and really in the database
    const created = result.rows[entries.length + 1];
    expect(result.rows[0]).toMatchObject({ status: 'UPDATED', rowId: measured.rowId, errors: [] });
    expect(created).toMatchObject({ status: 'CREATED', clientRef: `good-${i}`, errors: [], rowId: expect.any(String), rowVersion: expect.any(Number) });
    const companions = entries.map((e, k) => ({ e, r: result.rows[k + 1] })).filter(({ e }) => e.expect.status === 'CREATED');
    expect(result.applied).toBe(2 + companions.length);
    const after = await readRows(server, planId);
    const byId = new Map(after.rows.map((r) => [r.rowId, r]));
    expect(byId.get(measured.rowId)).toMatchObject({ actual: { raw: actual, number: Number(actual) }, rowVersion: result.rows[0].rowVersion });
    expect(byId.get(created.rowId!)).toMatchObject({
      level: 'INDICATOR', code, title: `Azione valida ${i}`, parentId: parent, weight: 10, kpi: 'N. pratiche', rowVersion: created.rowVersion,
      target: { raw: '50', number: 50 },
      thresholds: [{ score: 0.8, value: { raw: '40' } }, { score: 0.6, value: { raw: '30' } }],
      futureTargets: [{ year: 2023, value: { raw: '55' } }],
      actual: { raw: '45', number: 45 },
      responsibleUnits: ['U.O. "Digitalizzazione"'],
    });
    for (const { r } of companions) expect(byId.get(r.rowId!)).toBeDefined();

    // 3. nothing else changed: the other rows, the row counts, the audit trail
    const touched = [measured.rowId, created.rowId!, ...companions.map(({ r }) => r.rowId!)];
    expect(changedRows(before.rows, after.rows, touched)).toEqual([]);
    const level = (row: SheetRowIn) => (row.level === 'operational' ? 'operational' : row.level === 'strategic' ? 'strategic' : 'indicators');
    const plus = (key: string) => companions.filter(({ e }) => level(e.row) === key).length;
    const now = await tableCounts(server);
    expect({ ...now, events: 0 }).toEqual({
      ...counts,
      events: 0,
      indicators: counts.indicators + 1 + plus('indicators'),
      operational: counts.operational + plus('operational'),
      strategic: counts.strategic + plus('strategic'),
      targets: counts.targets + 2,
      revisions: counts.revisions + 2,
      measurements: counts.measurements + 1 + (measured.actual === null ? 1 : 0),
      unitLinks: counts.unitLinks + 1,
    });
    const em = server.orm.em.fork();
    const indicatorIds = [measured.rowId, created.rowId!];
    const targets = await em.find(Target, { indicator: { $in: indicatorIds } });
    const revisions = await em.find(TargetRevision, { target: { $in: targets.map((t) => t.id) } });
    const measurements = await em.find(Measurement, { indicator: { $in: indicatorIds } });
    const allowed = new Set([...touched, ...targets.map((t) => t.id), ...revisions.map((r) => r.id), ...measurements.map((m) => m.id)]);
    const events = (await em.find(AuditEvent, { at: { $gte: startedAt } })).filter((e) => !earlier.has(e.id));
    expect(events.length).toBeGreaterThan(0);
    expect(events.filter((e) => !allowed.has(e.entityId)).map((e) => `${e.action} ${e.entityType} ${e.entityId}`)).toEqual([]);
  });
});
