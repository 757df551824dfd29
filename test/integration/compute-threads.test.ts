/**
 * Plan-wide scores, reports, lint and sheet rows computed in worker threads (server/compute, issue 13 item 5) are
 * the answers computed on the event loop: two servers over one database, one with a compute thread and one
 * without, asked the same questions. SQLite only: where the computation runs does not depend on the database.
 */
import { Checkpoint } from '@core/vocabulary/enums';
import { planTaskSteps, runPlanTask } from '../../server/compute/plan-tasks';
import { runStepsOnTurns } from '../../server/speed/steps';
import { loadPlanSnapshot } from '../../server/services/plan-snapshot';
import { turnsDuring } from '../helpers/event-loop-turns';
import { startServer, type TestServer } from '../helpers/server';

const REALIZATION = `{ year checkpoint status score display attainment passMark achieved rule text warnings errors profile
  details { status text formula mode rule used { id code weight score } excluded { id code reason } } }`;
const ROW = `{ level id code title kpi actual target realization score status excluded note noteIt weight }`;
const REPORT = `{ title year checkpoint profile rows ${ROW} total ${ROW} }`;

const questions = (planId: string, dashboardId: string) => ({
  plan: `{ report(planId: "${planId}", year: 2022) ${REPORT} }`,
  midYear: `{ report(planId: "${planId}", year: 2022, checkpoint: MID_YEAR) ${REPORT} }`,
  dashboard: `{ report(dashboardId: "${dashboardId}", year: 2022) ${REPORT} }`,
  lint: `{ planLint(planId: "${planId}") { code severity subjectType subjectId subjectCode year message messageIt } }`,
  sheet: `{ sheetRows(planId: "${planId}", year: 2022) { deletedRowIds rows { rowId level code rowVersion realization ${REALIZATION} } } }`,
  tree: `{ planVersion(id: "${planId}") { realization(year: 2022) ${REALIZATION}
    dashboards { id realization(year: 2022) ${REALIZATION} }
    perspectives { id realization(year: 2022) ${REALIZATION} strategicObjectives { id realization(year: 2022) ${REALIZATION}
      operationalObjectives { id realization(year: 2022) ${REALIZATION} indicators { id realization(year: 2022) ${REALIZATION} } } } } } }`,
  units: `{ orgUnits { id realization(planId: "${planId}", year: 2022) ${REALIZATION} } people { id realization(planId: "${planId}", year: 2022) ${REALIZATION} } }`,
});

describe('answers with compute threads and without (sqlite)', () => {
  let threaded: TestServer;
  let onLoop: TestServer;

  beforeAll(async () => {
    // no score cache: every read is computed, in the thread on one server and on the event loop on the other
    threaded = await startServer('sqlite', { seed: true, exampleValues: true, computeThreads: 1, scoreCacheMb: 0 });
    onLoop = await startServer('sqlite', { databaseUrl: threaded.databaseUrl, computeThreads: 0, scoreCacheMb: 0 });
  });
  afterAll(async () => {
    await onLoop.close();
    await threaded.close();
  });

  it('gives the same report, lint, sheet rows and realization trees from a thread as from the event loop', async () => {
    expect(threaded.app.compute.threads).toBe(1);
    expect(onLoop.app.compute.threads).toBe(0);
    const plan = (await threaded.gql(`{ planVersions { id } }`)).data.planVersions[0];
    const indicators = (await threaded.gql(`{ indicators(first: 5) { edges { node { id } } } }`)).data.indicators.edges;
    // a service dashboard of five indicators, for the dashboard's report and scores
    const dashboard = (
      await threaded.gql(
        `mutation($p: ID!) { createDashboard(input: { planId: $p, kind: SERVICE, name: "Cruscotto di prova" }) { id } }`,
        { p: plan.id },
      )
    ).data.createDashboard;
    for (const { node: indicator } of indicators)
      await threaded.gql(
        `mutation($d: ID!, $i: ID!) { createDashboardEntry(input: { dashboardId: $d, indicatorId: $i }) { id } }`,
        { d: dashboard.id, i: indicator.id },
      );
    const asked = Object.entries(questions(plan.id, dashboard.id));
    for (const [name, query] of asked) {
      const [fromThread, fromLoop] = await Promise.all([threaded.gql(query), onLoop.gql(query)]);
      expect({ name, errors: fromThread.errors }).toEqual({ name, errors: undefined });
      expect({ name, answer: fromThread.data }).toEqual({ name, answer: fromLoop.data });
    }
    // the seed plan has something to compare in each answer
    const report = (await threaded.gql(asked[0][1])).data.report;
    expect(report.rows.filter((r: { score: number | null }) => r.score !== null).length).toBeGreaterThan(10);
    expect((await threaded.gql(asked[3][1])).data.planLint.length).toBeGreaterThan(0);
  });

  it('on the event loop, scores a report in steps with turns between them, to the same answer', async () => {
    const plan = (await onLoop.gql(`{ planVersions { id } }`)).data.planVersions[0];
    const period = { year: 2022, checkpoint: Checkpoint.YEAR_END };
    const snapshot = await loadPlanSnapshot(onLoop.orm.em.fork(), plan.id, period, { readOnly: true });
    const task = { kind: 'report', snapshot, ...period, dashboardId: null, withScores: false } as const;
    // the turn goes by time (server/speed/steps.ts); with no time to spare, a turn after every step
    const { value: stepped, turns } = await turnsDuring(() => runStepsOnTurns(planTaskSteps(task), 0));
    // scores by slices of indicators, then each level, then the layout: a turn of the event loop before each
    expect(turns).toBeGreaterThanOrEqual(5);
    expect(stepped).toEqual(runPlanTask(task));
    // the server's own path on the event loop, with its budget of time: the same answer
    expect(await onLoop.app.compute.run(task)).toEqual(stepped);
    expect(stepped.report.rows.length).toBeGreaterThan(10);
  });

  it('closes its threads with the app: a closed pool takes no more work', async () => {
    const server = await startServer('sqlite', { computeThreads: 1 });
    const compute = server.app.compute;
    await server.close();
    await expect(compute.run({ kind: 'lint', snapshot: {} as never, years: [] })).rejects.toThrow(/closed/);
  });
});
