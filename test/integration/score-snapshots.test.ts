/**
 * Scores computed once per change, not per read (issue 15, item 3; server/services/score-snapshots.ts): a second
 * read of an unchanged plan computes nothing (cache hits on /metrics, fewer statements), and after a write through
 * each path (sheet sync, mutation, profile, fund value, lock, plan workflow) the next read answers exactly what a
 * server that keeps nothing answers, on copies of one database. Tree, realization, report, sheetRows and the
 * documents alike.
 */
import { databaseNames } from '../helpers/databases';
import { withKeptAndComputed } from '../helpers/seeded-copy';
import type { TestServer } from '../helpers/server';
import { ok, SHEET_ROWS } from '../helpers/sync';
import { buildTenant } from '../helpers/tenant';
import { listen, socketUrl, subscribed } from '../helpers/live';
import { counted as countedIn } from '../helpers/cache-lookups';
import { PLAN_SCORES } from '../../server/services/score-snapshots';
import { REPORT_FIGURES, SCORE_TREE } from '../helpers/score-tree';

const TREE = SCORE_TREE;
const REPORT = /* GraphQL */ `
  query Report($id: ID!) {
    report(planId: $id, year: 2022) {
      ...ReportFigures
    }
  }
  ${REPORT_FIGURES}
`;

/** `read` with the plan-scores lookups it made */
const counted = <T>(server: TestServer, read: () => Promise<T>) => countedIn(server, PLAN_SCORES, read);

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** ids renamed by order of first appearance (rows created by a write get random ids on each side), times set aside */
function normalised(value: unknown): unknown {
  const names = new Map<string, string>();
  const visit = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string') {
      if (key === 'serverTime' || key === 'updatedAt') return '<time>';
      return v.replace(UUID, (id) => {
        if (!names.has(id)) names.set(id, `#${names.size + 1}`);
        return names.get(id)!;
      });
    }
    if (Array.isArray(v)) return v.map((x) => visit(x));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, visit(x, k)]));
    return v;
  };
  return visit(value);
}

describe.each(databaseNames())('scored plans kept until the plan changes (%s)', (dialect) => {
  const { kept, computed, plan } = withKeptAndComputed(dialect);

  const reads = (server: TestServer): Record<'tree' | 'report' | 'rows' | 'relazione', () => Promise<unknown>> => ({
    tree: () => server.gql(TREE, { id: plan.planId }),
    report: () => server.gql(REPORT, { id: plan.planId }),
    rows: () => server.gql(SHEET_ROWS, { planId: plan.planId, year: 2022, checkpoint: 'YEAR_END', since: null }),
    relazione: async () => {
      const response = await fetch(`${server.url}/reports/relazione.html?planId=${plan.planId}&year=2022`, {
        headers: { authorization: `Bearer ${server.token}` },
      });
      expect(response.status).toBe(200);
      return (await response.text()).replace(/\d{2}\/\d{2}\/\d{4},? \d{2}:\d{2}(:\d{2})?/g, '<time>');
    },
  });

  /** Every read on both servers: the same answers; returns the kept side's lookups. */
  async function sameAnswers(): Promise<{ hit: number; miss: number }> {
    let hit = 0;
    let miss = 0;
    for (const name of ['tree', 'report', 'rows', 'relazione'] as const) {
      const mine = await counted(kept, reads(kept)[name]);
      const reference = await reads(computed)[name]();
      hit += mine.hit;
      miss += mine.miss;
      if (typeof mine.value !== 'string') expect((mine.value as { errors?: unknown }).errors).toBeUndefined();
      expect(normalised(mine.value)).toEqual(normalised(reference));
    }
    return { hit, miss };
  }

  /** The same write on both servers (variables may name ids, equal on both copies). */
  async function write(query: string, variables: Record<string, unknown>): Promise<any> {
    const mine = ok(await kept.gql(query, variables));
    ok(await computed.gql(query, variables));
    return mine;
  }

  const indicatorScore = async (server: TestServer, code: string): Promise<number | null> => {
    const tree = ok(await server.gql(TREE, { id: plan.planId }));
    for (const p of tree.planVersion.perspectives)
      for (const s of p.strategicObjectives)
        for (const o of s.operationalObjectives)
          for (const i of o.indicators) if (i.code === code) return i.realization.score;
    throw new Error(`no indicator ${code}`);
  };

  it('computes a plan once: the second read of every kind is a hit, with fewer statements for the tree', async () => {
    expect(kept.app.snapshots.enabled).toBe(true);
    expect(computed.app.snapshots.enabled).toBe(false);
    await sameAnswers();
    kept.statements.length = 0;
    const again = await sameAnswers();
    expect(again.miss).toBe(0);
    // tree (once per request however many nodes ask), report, sheetRows, and the document
    expect(again.hit).toBe(4);

    kept.statements.length = 0;
    await reads(kept).tree();
    const treeOnHit = kept.statements.length;
    // the reference computes: its statements are those of a read that keeps nothing
    computed.statements.length = 0;
    await reads(computed).tree();
    expect(treeOnHit).toBeLessThan(computed.statements.length);
  });

  it('a sheet sync keeps the scores it computed: every kind of read after it is a hit, and shows the new score', async () => {
    const indicator = plan.indicator('2.1.1');
    const before = await indicatorScore(kept, '2.1.1');
    await write(`mutation($input: SyncBatchInput!) { syncRows(input: $input) { rows { status } } }`, {
      input: {
        planId: plan.planId,
        year: 2022,
        rows: [{ rowId: indicator.rowId, rowVersion: indicator.rowVersion, actual: '1' }],
      },
    });
    // the same answers as a server that keeps nothing, without computing anything (issue 15: the sync's own scores)
    const after = await sameAnswers();
    expect(after).toEqual({ hit: 4, miss: 0 });
    expect(await indicatorScore(kept, '2.1.1')).not.toBe(before);
  });

  it('after a mutation of an actual value the next read shows the new score', async () => {
    // the actual was created by the sync above, with an id of its own on each side
    const measurementOf = async (server: TestServer): Promise<string> => {
      const { indicator } = ok(
        await server.gql(`query($id: ID!) { indicator(id: $id) { measurements { id year checkpoint } } }`, {
          id: plan.indicator('2.1.1').rowId,
        }),
      );
      return indicator.measurements.find(
        (m: { year: number; checkpoint: string }) => m.year === 2022 && m.checkpoint === 'YEAR_END',
      ).id;
    };
    const before = await indicatorScore(kept, '2.1.1');
    const update = `mutation($id: ID!) { updateMeasurement(id: $id, input: { value: "1000" }) { id } }`;
    ok(await kept.gql(update, { id: await measurementOf(kept) }));
    ok(await computed.gql(update, { id: await measurementOf(computed) }));
    expect((await sameAnswers()).miss).toBeGreaterThan(0);
    expect(await indicatorScore(kept, '2.1.1')).not.toBe(before);
  });

  it('with a subscriber, the scores a write moved are computed once, by its feed, and the next read computes nothing', async () => {
    const viewer = await kept.as('viewer', plan.orgId);
    const listener = listen(socketUrl(kept), viewer.token, { planId: plan.planId, year: 2022 });
    try {
      await subscribed(kept, 1);
      const { rows } = ok(
        await kept.gql(SHEET_ROWS, { planId: plan.planId, year: 2022, checkpoint: 'YEAR_END', since: null }),
      ).sheetRows;
      const row = rows.find((r: { code: string | null }) => r.code === '2.1.2');
      // on both servers, so that they go on answering alike
      await write(`mutation($input: SyncBatchInput!) { syncRows(input: $input) { rows { status } } }`, {
        input: {
          planId: plan.planId,
          year: 2022,
          rows: [{ rowId: row.rowId, rowVersion: row.rowVersion, actual: '3' }],
        },
      });
      // the event is sent once the feed has read the plan as it now is, and scored it
      await listener.next();
      const tree = await counted(kept, reads(kept).tree);
      expect(tree).toMatchObject({ hit: 1, miss: 0 });
    } finally {
      await listener.stop();
    }
  });

  it('after a fund value, a new scoring profile, a lock and an approval the next read is fresh', async () => {
    const { fundParameters } = ok(await kept.gql('{ fundParameters { id unitValue } }'));
    for (const fund of fundParameters) {
      await write(`mutation($id: ID!) { updateFundParameter(id: $id, input: { unitValue: 12.5 }) { id } }`, {
        id: fund.id,
      });
    }
    if (fundParameters.length > 0) expect((await sameAnswers()).miss).toBeGreaterThan(0);

    // a profile of its own for the plan: its name reaches every explanation
    const profile = ok(
      await kept.gql(
        `mutation($org: ID!) { createScoringProfileFromPreset(organisationId: $org, preset: BRESCIA) { id } }`,
        { org: plan.orgId },
      ),
    ).createScoringProfileFromPreset;
    const reference = ok(
      await computed.gql(
        `mutation($org: ID!) { createScoringProfileFromPreset(organisationId: $org, preset: BRESCIA) { id } }`,
        { org: plan.orgId },
      ),
    ).createScoringProfileFromPreset;
    const assign = `mutation($id: ID!, $p: ID!) { updatePlanVersion(id: $id, input: { scoringProfileId: $p }) { id } }`;
    ok(await kept.gql(assign, { id: plan.planId, p: profile.id }));
    ok(await computed.gql(assign, { id: plan.planId, p: reference.id }));
    expect((await sameAnswers()).miss).toBeGreaterThan(0);

    // a revision of the profile in use (its row changes, the plan's does not)
    const revise = `mutation($id: ID!) { reviseScoringProfile(id: $id, parameters: { bandsMode: "linear" }) { id } }`;
    ok(await kept.gql(revise, { id: profile.id }));
    ok(await computed.gql(revise, { id: reference.id }));
    await sameAnswers();

    await write(
      `mutation($id: ID!) { lockCheckpoint(planId: $id, year: 2022, checkpoint: YEAR_END, reason: "chiusura") { id } }`,
      { id: plan.planId },
    );
    expect((await sameAnswers()).miss).toBeGreaterThan(0);

    // approval freezes the profile (the explanation then names it frozen)
    await write(`mutation($id: ID!) { approvePlanVersion(id: $id) { status } }`, { id: plan.planId });
    expect((await sameAnswers()).miss).toBeGreaterThan(0);
    expect((await sameAnswers()).miss).toBe(0);
  });

  it('a plan of another organisation is not found, kept or not', async () => {
    await reads(kept).report();
    const other = await buildTenant(kept.gql, 'ALTRO');
    const outsider = await kept.as('admin', other.org);
    const answer = await kept.gqlWith(outsider.token, REPORT, { id: plan.planId });
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
