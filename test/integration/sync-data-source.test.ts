/**
 * Issue 14: the indicator's own data source ("Fonte del dato", Indicator.dataSource) travels in the row contract.
 * Created and changed by a sync, read back by sheetRows, audited like the indicator's other cells, and refused with
 * its row and column when it is no text a cell may hold (the one validation path of every text cell, issue 13).
 * On SQLite and PostgreSQL, over HTTP.
 */
import { databaseNames } from '../helpers/databases';
import { withServer } from '../helpers/server';
import { sheetRowsWith } from '../helpers/sheet-rows';
import { ok, outcomes, type SheetRowIn, sync, unique } from '../helpers/sync';
import { createEmptyPlan } from '../helpers/other-plan';

const EVENTS = `query($i: ID!) { auditEvents(filter: { entityId: $i }) {
  edges { node { action source entityType before after } } } }`;

type Row = { rowId: string; rowVersion: number; level: string; code: string | null; dataSource: string | null };

const PLAN: SheetRowIn[] = [
  { clientRef: 'P', level: 'prospettiva', code: '1', title: 'Sviluppo economico' },
  { clientRef: 'S', level: 'obiettivo strategico', code: '1.1', title: 'Attrattività', parentRef: 'P' },
  {
    clientRef: 'I',
    level: 'azione',
    code: '1.1.1',
    title: 'Progetto: Turismo',
    parentRef: 'S',
    target: '100%',
    dataSource: 'Scheda progetto',
  },
];

describe.each(databaseNames())('the indicator’s data source through the sheet (%s)', (dialect) => {
  const server = withServer(dialect, { seed: false });

  const read = (planId: string) => sheetRowsWith<Row>(server, planId, 'rowId rowVersion level code dataSource');
  const indicator = (rows: Row[]) => rows.find((r) => r.level === 'INDICATOR')!;

  async function plan(): Promise<string> {
    const { planId } = await createEmptyPlan(server, { code: unique('DSRC'), name: 'Comune di prova' }, 'Piano 2022');
    expect(outcomes(await sync(server, { planId, rows: PLAN })).map(([status]) => status)).toEqual([
      'CREATED',
      'CREATED',
      'CREATED',
    ]);
    return planId;
  }

  it('is stored on create, read back, changed, cleared, and every change is audited', async () => {
    const planId = await plan();
    const created = indicator(await read(planId));
    expect(created.dataSource).toBe('Scheda progetto');

    // sent again as it is: no change, no new version
    const same = await sync(server, {
      planId,
      rows: [{ rowId: created.rowId, rowVersion: created.rowVersion, dataSource: ' Scheda progetto ' }],
    });
    expect(same.rows[0].status).toBe('UNCHANGED');

    const changed = await sync(server, {
      planId,
      rows: [{ rowId: created.rowId, rowVersion: created.rowVersion, dataSource: 'Controllo di gestione' }],
    });
    expect(outcomes(changed)).toEqual([['UPDATED', []]]);
    const updated = indicator(await read(planId));
    expect(updated).toMatchObject({ dataSource: 'Controllo di gestione', rowVersion: created.rowVersion + 1 });

    const cleared = await sync(server, {
      planId,
      rows: [{ rowId: updated.rowId, rowVersion: updated.rowVersion, dataSource: '' }],
    });
    expect(outcomes(cleared)).toEqual([['UPDATED', []]]);
    expect(indicator(await read(planId)).dataSource).toBeNull();

    const events = ok(await server.gql(EVENTS, { i: created.rowId })).auditEvents.edges.map(
      (e: { node: { action: string; entityType: string; before: any; after: any } }) => e.node,
    );
    expect(events.map((e: { action: string }) => e.action)).toEqual(['UPDATE', 'UPDATE', 'CREATE']);
    expect(events.every((e: { entityType: string }) => e.entityType === 'Indicator')).toBe(true);
    expect(events[2].after).toMatchObject({ dataSource: 'Scheda progetto' });
    expect(events[1]).toMatchObject({
      before: { dataSource: 'Scheda progetto' },
      after: { dataSource: 'Controllo di gestione' },
    });
    expect(events[0].before).toMatchObject({ dataSource: 'Controllo di gestione' });
    expect(events[0].after.dataSource ?? null).toBeNull();
  });

  it('is refused with its row and column when it is a formula, too long, or on an objective row', async () => {
    const planId = await plan();
    const rows = await read(planId);
    const ind = indicator(rows);
    const objective = rows.find((r) => r.level === 'STRATEGIC')!;
    const result = await sync(server, {
      planId,
      rows: [
        { rowId: ind.rowId, rowVersion: ind.rowVersion, dataSource: '=HYPERLINK("http://x")' },
        {
          clientRef: 'N',
          level: 'azione',
          code: '1.1.2',
          title: 'Altro',
          parentRef: objective.rowId,
          dataSource: 'x'.repeat(301),
        },
        { rowId: objective.rowId, rowVersion: objective.rowVersion, dataSource: 'Scheda progetto' },
      ],
    });
    expect(outcomes(result)).toEqual([
      ['REJECTED', ['dataSource:FORMULA_NOT_ALLOWED']],
      ['REJECTED', ['dataSource:TOO_LONG']],
      ['REJECTED', ['dataSource:INDICATOR_ONLY']],
    ]);
    expect(result.rows.map((r) => r.index)).toEqual([0, 1, 2]);
    // nothing of the refused rows was stored
    expect(indicator(await read(planId)).dataSource).toBe('Scheda progetto');
    expect((await read(planId)).filter((r) => r.level === 'INDICATOR')).toHaveLength(1);
  });
});
