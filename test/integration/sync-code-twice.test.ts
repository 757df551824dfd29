/**
 * A code the plan holds twice in a level (the API refuses neither): plan lint and the importers leave it to its
 * first holder in the plan's order and ask the later ones to change, and a cruscotto row naming it names the first
 * (sync-batch.ts, knownNodes). The sync's code check (decide.ts, codeIndex) has it the same way: the first holder's
 * row, sending its code as the add-in sends every cell, syncs its actual; a later holder's row is refused with
 * DUPLICATE_CODE until its code changes. Whichever was created first: the plan's order decides.
 */
import { withServer } from '../helpers/server';
import { sheetRowsWith } from '../helpers/sheet-rows';
import { edit, outcomes, sync, unique } from '../helpers/sync';
import { copyIndicatorCode, createEmptyPlan } from '../helpers/other-plan';

type Row = { rowId: string; rowVersion: number; code: string; actual: { raw: string } | null };
const FIELDS = 'rowId rowVersion code actual { raw }';

describe('a code the plan holds twice (sqlite)', () => {
  const server = withServer('sqlite', { seed: true });

  /** a plan whose indicator 1.1.1 has a copy of the same code, placed after it or before it */
  async function planWithCopy(position: number) {
    const { planId } = await createEmptyPlan(server, { code: unique('TWICE'), name: 'Ente di prova' }, 'Piano');
    const created = await sync(server, {
      planId,
      rows: [
        { clientRef: 'P', level: 'prospettiva', code: '1', title: 'Prospettiva' },
        { clientRef: 'S', level: 'obiettivo strategico', code: '1.1', title: 'Obiettivo', parentRef: 'P' },
        { clientRef: 'I', level: 'azione', code: '1.1.1', title: 'Originale', parentRef: 'S', target: '10' },
      ],
    });
    const [so, original] = [created.rows[1].rowId!, created.rows[2].rowId!];
    const { copy, flagged } = await copyIndicatorCode(server, planId, so, '1.1.1', position);
    const [later] = flagged;
    const first = later === copy ? original : copy;
    const rows = await sheetRowsWith<Row>(server, planId, FIELDS);
    const byId = new Map(rows.map((r) => [r.rowId, r]));
    return { planId, first: byId.get(first)!, later: byId.get(later)! };
  }

  it.each([
    ['after', 9],
    ['before', 0],
  ])('the first holder keeps the code and syncs, a later one is refused (copy %s it)', async (_where, position) => {
    const { planId, first, later } = await planWithCopy(position);
    // each row as the add-in sends it: its code with the value typed
    const result = await sync(server, {
      planId,
      rows: [
        edit(later, { level: 'azione', code: '1.1.1', actual: '6' }),
        edit(first, { level: 'azione', code: '1.1.1', actual: '5' }),
      ],
    });
    expect(outcomes(result)).toEqual([
      ['REJECTED', ['code:DUPLICATE_CODE']],
      ['UPDATED', []],
    ]);
    const after = await sheetRowsWith<Row>(server, planId, FIELDS);
    expect(after.filter((r) => r.code === '1.1.1').map((r) => [r.rowId, r.actual?.raw ?? null])).toEqual(
      expect.arrayContaining([
        [first.rowId, '5'],
        [later.rowId, null],
      ]),
    );
    // the later holder given another code, then its actual: both land
    const renamed = await sync(server, { planId, rows: [edit(later, { code: '1.1.2', actual: '6' })] });
    expect(outcomes(renamed)).toEqual([['UPDATED', []]]);
  });
});
