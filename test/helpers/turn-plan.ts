import { ChangeSource, Checkpoint } from '@core/vocabulary/enums';
import { Indicator } from '../../server/entities';
import type { SyncHooks, SyncMember } from '../../server/sync/sync-rows';
import type { SyncInput } from '../../server/sync/row-plan';
import { startServer, type TestServer } from './server';
import { buildPlan } from './synthetic-plan';

/** A row of a turn's batch: the indicator's id and version, and the cells it sends */
export type TurnRow = SyncInput['rows'][number];

/**
 * A server and a 10-indicator plan for tests of a sync turn's batches (server/sync/sync-rows.ts, syncTogether), made
 * before the describe block's tests and closed after them: the rows' versions as the sheet reads them, a batch as a
 * member of a turn, and the statements run since the test last emptied `server.statements` (verb and table).
 */
export function turnPlan(dialect: Parameters<typeof startServer>[0], name: string) {
  const plan = {
    server: undefined as unknown as TestServer,
    planId: '',
    ids: [] as string[],
    versions: new Map<string, number>(),
    /** the rows' versions as the sheet reads them now */
    async readVersions() {
      const read = await plan.server.gql(
        `query($p: ID!) { sheetRows(planId: $p, year: 2022, checkpoint: YEAR_END) { rows { rowId rowVersion } } }`,
        { p: plan.planId },
      );
      for (const r of read.data.sheetRows.rows as Array<{ rowId: string; rowVersion: number }>)
        plan.versions.set(r.rowId, r.rowVersion);
    },
    /** a batch of the turn, by `actor` (a pane) */
    member(rows: TurnRow[], options: { batchKey?: string; hooks?: SyncHooks; actor?: string } = {}): SyncMember {
      const { server, planId } = plan;
      return {
        ctx: {
          em: server.orm.em.fork(),
          actor: options.actor ?? 'pane',
          source: ChangeSource.ADDIN,
          sourceDetail: null,
          snapshots: server.app.snapshots,
        },
        input: {
          planId,
          year: 2022,
          checkpoint: Checkpoint.YEAR_END,
          mode: 'partial',
          rows,
          batchKey: options.batchKey,
        },
        hooks: options.hooks,
      };
    },
    /** five rows from `from` on, each sending `value` as its actual, at the versions last read */
    actuals(from: number, value: string): TurnRow[] {
      return plan.ids
        .slice(from, from + 5)
        .map((rowId) => ({ rowId, rowVersion: plan.versions.get(rowId), actual: value }));
    },
    /** the statements' first words and table, each statement of a round trip sending several (plan-lock.ts) apart */
    lines(): string[] {
      return plan.trips().flatMap((trip) => trip.split(' + '));
    },
    /** of `of` (the statements by default), those of the first transaction from its begin to before its commit */
    inTurn(of: string[] = plan.lines()): string[] {
      const turn = of.slice(of.indexOf('begin'));
      return turn.slice(0, turn.indexOf('commit'));
    },
    /** the round trips: each one's statements' first words and table, joined by ' + ' */
    trips(): string[] {
      return plan.server.statements.map((sql) =>
        sql
          // MikroORM's log gives a query on one line: a statement follows another's `;`
          .split(/;\s*(?=(?:select|savepoint|with|update|insert|delete)\s)/i)
          .map((one) => {
            const text = one.replace(/\u001b\[[0-9;]*m/g, '').replace(/^\s*\[query\]\s*/, '');
            const table = /\b(?:from|into|update)\s+[`"]?(\w+)/i.exec(text)?.[1] ?? '';
            return `${text.split(/\s/)[0].toLowerCase()} ${table}`.trim();
          })
          .join(' + '),
      );
    },
  };
  beforeAll(async () => {
    plan.server = await startServer(dialect, {});
    ({ planId: plan.planId } = await buildPlan(plan.server.orm.em, `${name}${Date.now()}`, {
      perspectives: 1,
      strategic: 2,
      operational: 2,
      indicators: 10,
    }));
    const found = await plan.server.orm.em.fork().find(Indicator, { plan: plan.planId }, { orderBy: { id: 'asc' } });
    plan.ids = found.map((i) => i.id);
  });
  afterAll(async () => {
    await plan.server?.close();
  });
  return plan;
}
