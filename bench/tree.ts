import Database from 'better-sqlite3';
import { Client } from 'pg';
import { resolveSqlitePath } from '../server/db/database-url';
import { buildPlan, type PlanShape } from '../test/helpers/synthetic-plan';
import { type BenchResult, measurePairAsync, timed } from './measure';
import { type BenchServer, dataStatements, post } from './server';
import { SCORED_PLAN_TREE } from '../test/helpers/tree-queries';

/**
 * B2 (SQLite) and B6 (PostgreSQL): the full plan tree with the realization of every node, over HTTP. Its SQL
 * statements at two plan sizes (goal: the same number), and its time against a raw SELECT of the same rows (every
 * node, target, revision, actual and unit link of the plan) plus JSON.stringify, in the same run.
 */

const RAW = [
  'select * from perspective where plan_id = $1 order by position, id',
  'select * from strategic_objective where plan_id = $1 order by position, id',
  'select * from operational_objective where plan_id = $1 order by position, id',
  'select * from indicator where plan_id = $1 order by position, id',
  'select * from target where plan_id = $1',
  'select r.* from target_revision r join target t on t.id = r.target_id where t.plan_id = $1',
  'select * from measurement where plan_id = $1',
  'select l.indicator_id, u.name from indicator_responsible_units l join org_unit u on u.id = l.org_unit_id join indicator i on i.id = l.indicator_id where i.plan_id = $1',
];

function countIndicators(tree: any): number {
  let n = 0;
  for (const p of tree.perspectives)
    for (const s of p.strategicObjectives) for (const o of s.operationalObjectives) n += o.indicators.length;
  return n;
}

async function treeOnce(server: BenchServer, planId: string, indicators: number): Promise<number> {
  server.statements.length = 0;
  const { json } = await post<{ planVersion: unknown }>(server, SCORED_PLAN_TREE, { id: planId });
  if (!json.data) throw new Error(`tree query failed: ${JSON.stringify(json.errors)}`);
  const got = countIndicators(json.data.planVersion);
  if (got !== indicators) throw new Error(`tree query returned ${got} indicators, expected ${indicators}`);
  return dataStatements(server.statements).length;
}

/** The baseline reader: the same rows read raw, then serialised, on the run's own database. */
async function rawReader(
  server: BenchServer,
): Promise<{ read: (planId: string) => Promise<number>; close: () => Promise<void> }> {
  if (server.dialect === 'sqlite') {
    const db = new Database(resolveSqlitePath(server.databaseUrl), { readonly: true });
    const statements = RAW.map((sql) => db.prepare(sql.replace('$1', '?')));
    return {
      read: async (planId) => JSON.stringify(statements.map((s) => s.all(planId))).length,
      close: async () => void db.close(),
    };
  }
  const client = new Client({ connectionString: server.databaseUrl });
  await client.connect();
  return {
    read: async (planId) => {
      const results = [];
      for (const sql of RAW) results.push((await client.query(sql, [planId])).rows);
      return JSON.stringify(results).length;
    },
    close: () => client.end(),
  };
}

export async function benchTree(server: BenchServer, shape: PlanShape, smoke: boolean): Promise<BenchResult[]> {
  const stamp = Date.now();
  const small = await buildPlan(server.orm.em, `S${stamp}`, {
    perspectives: 1,
    strategic: 1,
    operational: 1,
    indicators: 10,
  });
  const large = await buildPlan(server.orm.em, `L${stamp}`, shape);
  // the first request of each compiles the resolvers' paths and computes the plan's scores and answer, which the
  // server then keeps until the plan changes (server/services/score-snapshots.ts, server/graphql/kept-answers.ts):
  // count on the second read of each, like for like, and keep the first read of the large plan beside it
  await treeOnce(server, small.planId, small.indicators);
  const statementsSmall = await treeOnce(server, small.planId, small.indicators);
  const firstStarted = performance.now();
  const firstStatementsLarge = await treeOnce(server, large.planId, large.indicators);
  const firstReadMs = performance.now() - firstStarted;
  const statementsLarge = await treeOnce(server, large.planId, large.indicators);
  const raw = await rawReader(server);
  let bytes = 0;
  try {
    const m = await measurePairAsync(
      () => treeOnce(server, large.planId, large.indicators),
      async () => {
        bytes = await raw.read(large.planId);
      },
      smoke ? { warmup: 1, runs: 2 } : { warmup: 2, runs: 7 },
    );
    const where = server.dialect === 'sqlite' ? 'B2' : 'B6-tree';
    const size = `${large.indicators.toLocaleString('en')} indicators`;
    const constant = statementsLarge === statementsSmall;
    return [
      {
        id: `${where}-statements`,
        name: `plan tree with realization (${server.dialect}): SQL statements, ${small.indicators} vs ${size}`,
        unit: 'statements',
        measured: statementsLarge,
        baseline: statementsSmall,
        ratio: statementsLarge / statementsSmall,
        goal: 'constant',
        met: constant,
        note: `${statementsSmall} statements for ${small.indicators} indicators, ${statementsLarge} for ${large.indicators} (second reads; the first read of the large plan, which computes its scores: ${firstStatementsLarge})`,
        details: {
          small: small.indicators,
          large: large.indicators,
          statementsSmall,
          statementsLarge,
          firstStatementsLarge,
        },
      },
      timed(
        `${where}-time`,
        `plan tree with realization of ${size} over HTTP (${server.dialect}) vs raw SELECT + JSON.stringify`,
        m.medianMs,
        m.baselineMs,
        // issue 15: ≤ 2× for B2 and B6
        2,
        smoke,
        `medians of ${m.runs} alternate runs after ${m.warmup} warm-up runs of the unchanged plan, answered from its kept answer (server/graphql/kept-answers.ts; the first read, computing the scores and the answer: ${firstReadMs.toFixed(0)} ms); raw rows serialised: ${(bytes / 1e6).toFixed(2)} MB`,
        { indicators: large.indicators, shape, runs: m.runs, rawJsonBytes: bytes, firstReadMs },
      ),
    ];
  } finally {
    await raw.close();
  }
}
