/**
 * A stopped app frees what it kept: scored plans (server/services/score-snapshots.ts) and plan-tree answers
 * (server/graphql/kept-answers.ts). Whoever holds the app after its stop (a test file's servers one after another in
 * a Jest worker, `npm run bench`'s process running B3 and the loads after B1–B2's server) kept a whole scored plan
 * and its answers alive: ~115 MB after B1 and B2 (bench/results/2026-12-08.md, session inproc), marked by every
 * major collection of what ran next.
 */
import { databaseNames } from '../helpers/databases';
import { startServer } from '../helpers/server';
import { ok } from '../helpers/sync';
import { SCORED_PLAN_TREE } from '../helpers/tree-queries';

describe.each(databaseNames())('a stopped app (%s)', (dialect) => {
  it('keeps no scored plan and no answer once stopped', async () => {
    const server = await startServer(dialect, { seed: true, exampleValues: true });
    let closed = false;
    try {
      const { planVersions } = ok(await server.gql('{ planVersions { id } }'));
      expect(planVersions.length).toBeGreaterThan(0);
      const tree = ok(await server.gql(SCORED_PLAN_TREE, { id: planVersions[0].id }));
      expect(tree.planVersion.realization.score).not.toBeUndefined();
      // what a read keeps while the app serves
      expect(server.app.snapshots.size).toBeGreaterThan(0);
      expect(server.app.answers.size).toBeGreaterThan(0);
      await server.close();
      closed = true;
      expect(server.app.snapshots.size).toBe(0);
      expect(server.app.answers.size).toBe(0);
    } finally {
      if (!closed) await server.close();
    }
  });
});
