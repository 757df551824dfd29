/**
 * The file routes compute where the API computes (issue 13, item 5): the scores of a report as a file and of the
 * plan workbook go to the compute threads (server/compute), from rows read in slices, so /health is answered while
 * they are computed. Order-based, not timed: the file's computation is held at the compute gate
 * (server/compute/gate.ts), /health is asked meanwhile, then the gate is released and the file comes. SQLite only:
 * the threads and the event loop are the HTTP process's, the same whatever the database.
 */
import { computeGate } from '../helpers/compute-gate';
import { getAlone } from '../helpers/files';
import { withPlanAndViewer } from '../helpers/synthetic-plan';

describe('file routes on the compute threads (sqlite)', () => {
  const gate = computeGate();
  // no score cache: every file computes its scores, as the first one after a change does
  const built = withPlanAndViewer(
    'sqlite',
    'FILES',
    { perspectives: 2, strategic: 10, operational: 10, indicators: 10 },
    { computeThreads: 1, scoreCacheMb: 0, computeGate: gate.cell },
  );
  // a test that failed while holding lets its computation go, so the next one starts with the gate open
  afterEach(() => gate.release());

  /** The file, and what was answered while its scores were held in a thread: 'health', then 'file'. */
  async function fileWhileHeld(path: string) {
    const answered: string[] = [];
    // each on a connection of its own, without a client deadline (getAlone): a reused keep-alive socket or fetch's
    // 300 s wait for headers can fail a request on a loaded machine before its computation reaches the gate
    const file = getAlone(`${built.server.url}${path}`, { authorization: `Bearer ${built.viewer.token}` }).then((r) => {
      answered.push('file');
      return r;
    });
    // fails if the file is answered without a computation of its reaching the thread
    await gate.holdDuring(file);
    const health = await getAlone(`${built.server.url}/health`);
    expect(health.status).toBe(200);
    answered.push('health');
    // answered while the computation stayed held: had it held the event loop, /health would have waited for it
    expect(gate.holding()).toBe(true);
    gate.release();
    return { ...(await file), answered };
  }

  it("computes a report file in a thread and answers /health meanwhile, with the API's total", async () => {
    expect(built.server.app.compute.threads).toBe(1);
    const { status, body, answered } = await fileWhileHeld(`/reports/relazione.html?planId=${built.planId}&year=2022`);
    expect(status).toBe(200);
    expect(answered).toEqual(['health', 'file']);
    // the same scores the API gives
    const api = await built.viewer.gql(`{ report(planId: "${built.planId}", year: 2022) { total { realization } } }`);
    const total = api.data.report.total.realization as string;
    expect(total).toMatch(/%$/);
    expect(body.toString('utf8')).toContain(total);
  });

  it('computes the plan workbook in a thread and answers /health meanwhile', async () => {
    const { status, body, answered } = await fileWhileHeld(`/export/plan.xlsx?planId=${built.planId}&year=2022`);
    expect(status).toBe(200);
    expect(body.subarray(0, 2).toString()).toBe('PK'); // a zip: an xlsx
    expect(answered).toEqual(['health', 'file']);
  });
});
