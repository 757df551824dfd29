/**
 * The file routes compute where the API computes (issue 13, item 5): the scores of a report as a file and of the
 * plan workbook go to the compute threads (server/compute), from rows read in slices, so /health is answered while
 * they are computed. Order-based, not timed: the test watches the pool's tasks in flight and asks /health while one
 * is. SQLite only: the threads and the event loop are the HTTP process's, the same whatever the database.
 */
import { withPlanAndViewer } from '../helpers/synthetic-plan';

describe('file routes on the compute threads (sqlite)', () => {
  // no score cache: every file computes its scores, as the first one after a change does
  const built = withPlanAndViewer(
    'sqlite',
    'FILES',
    { perspectives: 2, strategic: 10, operational: 10, indicators: 10 },
    { computeThreads: 1, scoreCacheMb: 0 },
  );

  /** The file, and what was answered while its scores were in a thread: 'health' for each /health, then 'file'. */
  async function fileWhileComputing(path: string) {
    const answered: string[] = [];
    const file = fetch(`${built.server.url}${path}`, {
      headers: { authorization: `Bearer ${built.viewer.token}` },
    }).then(async (r) => {
      const body = Buffer.from(await r.arrayBuffer());
      answered.push('file');
      return { status: r.status, body };
    });
    let threaded = false;
    while (!answered.includes('file')) {
      if (built.server.app.compute.inFlight() === 0) {
        await new Promise((r) => setTimeout(r, 2));
        continue;
      }
      threaded = true;
      const health = await fetch(`${built.server.url}/health`);
      expect(health.status).toBe(200);
      if (built.server.app.compute.inFlight() > 0 && !answered.includes('file')) answered.push('health');
    }
    return { ...(await file), answered, threaded };
  }

  it("computes a report file in a thread and answers /health meanwhile, with the API's total", async () => {
    expect(built.server.app.compute.threads).toBe(1);
    const { status, body, answered, threaded } = await fileWhileComputing(
      `/reports/relazione.html?planId=${built.planId}&year=2022`,
    );
    expect(status).toBe(200);
    expect(threaded).toBe(true);
    expect(answered[0]).toBe('health');
    expect(answered.at(-1)).toBe('file');
    // the same scores the API gives
    const api = await built.viewer.gql(`{ report(planId: "${built.planId}", year: 2022) { total { realization } } }`);
    const total = api.data.report.total.realization as string;
    expect(total).toMatch(/%$/);
    expect(body.toString('utf8')).toContain(total);
  });

  it('computes the plan workbook in a thread and answers /health meanwhile', async () => {
    const { status, body, answered, threaded } = await fileWhileComputing(
      `/export/plan.xlsx?planId=${built.planId}&year=2022`,
    );
    expect(status).toBe(200);
    expect(body.subarray(0, 2).toString()).toBe('PK'); // a zip: an xlsx
    expect(threaded).toBe(true);
    expect(answered[0]).toBe('health');
    expect(answered.at(-1)).toBe('file');
  });
});
