/**
 * A rescore of 4 indicators (computePlanScores with ScoreReuse, as a sync scores after its batch) on a generated plan
 * of 4,800 indicators with managers and cruscotti (addManagersAndDashboards: two cruscotti of 400 entries each), the
 * edits seeded so every run rescores the same rows, the period's rows indexed as the sync's plan state gives them. Prints the quartiles of a rescore in ms, apart for those that scored a cruscotto again, and a sum of
 * the cruscotti's scores so that two commits' answers can be compared. SQLite in a temporary file, read once: the
 * database takes no part in the time measured.
 *   npx ts-node --swc -r tsconfig-paths/register bench/rescore-cruscotti.ts [rounds=200]
 */
import { Checkpoint } from '@core/vocabulary/enums';
import { openOrm } from '../server/db/orm';
import { groupBy } from '../server/services/group-by';
import { forPeriod, type PlanSnapshot } from '../server/services/plan-snapshot';
import { computePlanScores } from '../server/services/realization';
import { loadPlanState } from '../server/sync/plan-state';
import { databaseFor } from '../test/helpers/databases';
import { addManagersAndDashboards } from '../test/helpers/plan-cruscotti';
import { edited, random } from '../test/helpers/rescore-edits';
import { buildPlan } from '../test/helpers/synthetic-plan';

function periodIndexes(s: PlanSnapshot, year: number, checkpoint: Checkpoint) {
  const inPeriod = (row: { year: number; checkpoint: string }) => row.year === year && row.checkpoint === checkpoint;
  const targets = new Map(s.targets.filter(inPeriod).map((t) => [t.indicator.id, t]));
  const revisions = groupBy(s.revisions, (r) => r.target.id);
  const measurements = new Map(s.measurements.filter(inPeriod).map((m) => [m.indicator.id, m]));
  return {
    targetOf: (id: string) => targets.get(id),
    revisionsOf: (id: string) => revisions.get(id),
    measurementOf: (id: string) => measurements.get(id),
  };
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 200);
  const year = 2022;
  const checkpoint = Checkpoint.YEAR_END;
  const database = databaseFor('sqlite');
  const orm = await openOrm(await database.create());
  try {
    const shape = { perspectives: 4, strategic: 12, operational: 10, indicators: 10 };
    const { planId } = await buildPlan(orm.em, 'RESCORECRUSCOTTI', shape);
    await addManagersAndDashboards(orm.em, planId);
    const state = await loadPlanState(orm.em.fork(), planId, year, checkpoint, { readOnly: true });
    const next = random(7);
    let s = state.snapshot;
    let prev = computePlanScores(forPeriod(s, year, checkpoint), year, checkpoint);
    // picked by code, not by list position: the ids (and so the lists' order) differ from run to run
    const byCode = [...s.indicators].sort((a, b) => a.code.localeCompare(b.code)).map((i) => i.id);
    const withCruscotto: number[] = [];
    const without: number[] = [];
    let sum = 0;
    for (let round = 0; round < rounds; round++) {
      const changed = new Set<string>();
      while (changed.size < 4) {
        const id = byCode[Math.floor(next() * byCode.length)];
        changed.add(id);
        s = edited(s, id, year, checkpoint, next);
      }
      // the period's rows indexed beforehand, untimed, as the sync's plan state holds them (rescore.ts scoresAfter)
      const rows = periodIndexes(s, year, checkpoint);
      const start = process.hrtime.bigint();
      const after = computePlanScores(s, year, checkpoint, { prev, changed, rows });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      // a cruscotto lists every 12th indicator: about 3 rescores in 10 score one again, the rest keep them all
      const again = [...after.dashboards].some(([id, d]) => d !== prev.dashboards.get(id));
      (again ? withCruscotto : without).push(ms);
      prev = after;
      for (const d of prev.dashboards.values()) sum += d.score ?? 0;
    }
    const quartiles = (times: number[]) => {
      const sorted = [...times].sort((a, b) => a - b);
      const at = (q: number) => Number(sorted[Math.floor(q * (sorted.length - 1))].toFixed(3));
      return { n: times.length, p25: at(0.25), p50: at(0.5), p75: at(0.75) };
    };
    const ms = { withCruscotto: quartiles(withCruscotto), without: quartiles(without) };
    console.log(JSON.stringify({ rounds, ...ms, dashboardScoreSum: sum.toFixed(6) }));
  } finally {
    await orm.close(true);
    await database.dropAll();
  }
}

void main();
