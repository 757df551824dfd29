/**
 * Who changed a conflicting cell (issue 18, item 5), for every conflict of a Sync: the conflict cards name the
 * colleague behind each cell, looked up for all the conflicting rows in one request (lastFieldChanges) whose SQL
 * statements do not grow with the rows. It was one request per row, and only the first 20 rows got an author.
 */
import type { FetchLike } from '../../addin/src/api/client';
import { databaseNames } from '../helpers/databases';
import { H, networkFetch, openSession, rowOf } from '../helpers/addin-session';
import { MemoryWorkbook } from '../../addin/src/workbook/memory';
import { startSondrioServer, type SondrioServer } from '../helpers/sondrio-server';
import { ok, sync } from '../helpers/sync';

/** more conflicting rows than the old limit of 20 lookups per Sync */
const ROWS = 30;

const LAST_FIELD_CHANGES = /* GraphQL */ `
  query ($planId: ID!, $rowIds: [ID!]!) {
    lastFieldChanges(planId: $planId, rowIds: $rowIds, year: 2022) {
      rowId
      changes {
        entityType
        field
        actor
        at
      }
    }
  }
`;

describe.each(databaseNames())('every conflicting cell of a Sync names its author (%s)', (dialect) => {
  let sondrio: SondrioServer;
  beforeAll(async () => {
    sondrio = await startSondrioServer(dialect);
  });
  afterAll(() => sondrio?.server.close());

  it(`${ROWS} conflicting rows: one lookup request, every card with who and when`, async () => {
    const { server, plan } = sondrio;
    const wb = new MemoryWorkbook();
    const network = networkFetch();
    const operations: string[] = [];
    const fetch: FetchLike = (input, init) => {
      const body = typeof init?.body === 'string' ? init.body : '';
      const name = /"operationName":"(\w+)"/.exec(body)?.[1] ?? /(query|mutation)\s+(\w+)/.exec(body)?.[2];
      if (name) operations.push(name);
      return network(input, init);
    };
    const session = await openSession(server, wb, { fetch });
    const { table } = await session.load({ planId: plan.planId, year: 2022, checkpoint: 'YEAR_END' });
    const rows = plan.rows.filter((r) => r.level === 'INDICATOR').slice(0, ROWS);
    expect(rows).toHaveLength(ROWS);

    const colleague = await server.as('controller', plan.orgId);
    const theirs = await sync(
      { gql: colleague.gql },
      {
        planId: plan.planId,
        rows: rows.map((r) => ({ rowId: r.rowId, rowVersion: r.rowVersion, note: `nota del collega ${r.code}` })),
      },
    );
    expect(theirs.rows.every((r) => r.status === 'UPDATED')).toBe(true);
    // then someone else changes another cell of each row: the row's last change is not the note's author
    const other = await server.as('controller', plan.orgId);
    const later = await sync(
      { gql: other.gql },
      {
        planId: plan.planId,
        rows: theirs.rows.map((r, i) => ({ rowId: r.rowId!, rowVersion: r.rowVersion!, kpi: `kpi ${rows[i].code}` })),
      },
    );
    expect(later.rows.every((r) => r.status === 'UPDATED')).toBe(true);
    expect(other.name).not.toBe(colleague.name);
    for (const r of rows) wb.editCell(table, rowOf(wb, table, r.code!), H.note, `nota mia ${r.code}`);

    operations.length = 0;
    const summary = await session.sync();
    expect(summary.conflicts).toBe(ROWS);
    const conflicts = session.conflicts();
    expect(conflicts).toHaveLength(ROWS);
    const cards = conflicts.map((c) => ({
      code: c.code,
      cells: c.cells!.map((cell) => [cell.key, cell.theirs, cell.changedBy, typeof cell.changedAt]),
    }));
    expect(cards).toEqual(
      rows.map((r) => ({
        code: r.code,
        cells: [['note', `nota del collega ${r.code}`, colleague.name, 'string']],
      })),
    );
    // all the authors in one request, and no row's history read one by one
    expect(operations.filter((o) => o === 'LastFieldChanges')).toHaveLength(1);
    expect(operations.filter((o) => o === 'RowHistory')).toHaveLength(0);
  });

  it('the lookup reads as many SQL statements for 3 rows as for 30', async () => {
    const { server, plan } = sondrio;
    const ids = plan.rows.filter((r) => r.level === 'INDICATOR').map((r) => r.rowId);
    const statementsFor = async (rowIds: string[]) => {
      server.statements.length = 0;
      const answer = ok(await server.gql(LAST_FIELD_CHANGES, { planId: plan.planId, rowIds }));
      expect(answer.lastFieldChanges.map((r: { rowId: string }) => r.rowId)).toEqual(rowIds);
      return server.statements.length;
    };
    const few = await statementsFor(ids.slice(0, 3));
    const many = await statementsFor(ids.slice(0, ROWS));
    expect(many).toBe(few);
  });

  it('refuses more rows than a sync batch', async () => {
    const { server, plan } = sondrio;
    const rowIds = Array.from({ length: 5001 }, (_, i) => `r${i}`);
    const answer = await server.gql(LAST_FIELD_CHANGES, { planId: plan.planId, rowIds });
    expect(answer.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
