/**
 * The SQL statements of one 20-row sync of existing indicators' actuals (B4's sync) on a 4,800-indicator plan: each
 * statement's verb and table, in order, and their count (every one a round trip on PostgreSQL).
 * Run: `npx ts-node --swc -r tsconfig-paths/register bench/turn-statements.ts [sqlite|postgresql] [rows] [batches]
 * [turns]`; with CREATE=1, B1's rows instead: `rows` new indicators each with target, thresholds, actual and unit, per
 * batch; with KEYS=1, each batch has a batch key (its answer stored for a retry). The statements are those of the last turn; with more than 2 turns, also the median time of a turn after the
 * first (the call of syncTogether: the plan's line waits for all of it).
 */
import { ChangeSource, Checkpoint } from '@core/vocabulary/enums';
import { Indicator, OperationalObjective } from '../server/entities';
import { syncTogether } from '../server/sync/sync-rows';
import { startServer } from '../test/helpers/server';
import { buildPlan } from '../test/helpers/synthetic-plan';

async function main(): Promise<void> {
  const dialect = (process.argv[2] ?? 'postgresql') as 'sqlite' | 'postgresql';
  const size = Number(process.argv[3] ?? 20);
  // a turn of several batches, as B4's 50 panes make them: `batches` syncs of `size` rows taken together
  const batches = Number(process.argv[4] ?? 1);
  const turns = Math.max(2, Number(process.argv[5] ?? 2));
  const times: number[] = [];
  const server = await startServer(dialect, {});
  try {
    const shape = { perspectives: 4, strategic: 12, operational: 10, indicators: 10 };
    const { planId } = await buildPlan(server.orm.em, `STMT${Date.now()}`, shape);
    const ids = (await server.orm.em.fork().find(Indicator, { plan: planId }, { limit: 2 * size * batches })).map(
      (i) => i.id,
    );
    const parents = (await server.orm.em.fork().find(OperationalObjective, { plan: planId })).map((o) => o.id);
    const read = await server.gql(
      `query($p: ID!) { sheetRows(planId: $p, year: 2022, checkpoint: YEAR_END) { rows { rowId rowVersion } } }`,
      { p: planId },
    );
    const versions = new Map<string, number>(
      (read.data.sheetRows.rows as Array<{ rowId: string; rowVersion: number }>).map((r) => [r.rowId, r.rowVersion]),
    );
    for (let n = 0; n < turns; n++) {
      const members = Array.from({ length: batches }, (_, b) => {
        // turns after the second write the first two's rows again, at the versions they left
        const from = ((n % 2) * batches + b) * size;
        const rows = process.env.CREATE
          ? created(parents, `${n}.${b}`, size)
          : ids.slice(from, from + size).map((rowId) => ({
              rowId,
              rowVersion: versions.get(rowId)! + Math.floor(n / 2),
              actual: String(40 + n),
            }));
        const ctx = { em: server.orm.em.fork(), actor: 'bench', source: ChangeSource.ADDIN, sourceDetail: null };
        // with KEYS=1 each batch has its key, as the add-in sends them: its answer is stored for a retry
        const batchKey = process.env.KEYS ? `${planId}-${n}-${b}` : undefined;
        const input = { planId, year: 2022, checkpoint: Checkpoint.YEAR_END, mode: 'partial' as const, rows, batchKey };
        return { ctx: { ...ctx, snapshots: server.app.snapshots }, input };
      });
      server.statements.length = 0;
      const start = performance.now();
      const answers = await syncTogether(members);
      if (n > 0) times.push(performance.now() - start);
      for (const answer of answers) {
        if ('error' in answer) throw answer.error;
        if (answer.value.applied !== size) throw new Error(`${answer.value.applied} rows applied`);
      }
      if (n < turns - 1) continue;
      const lines = server.statements.map((sql) => {
        const text = sql.replace(/\u001b\[[0-9;]*m/g, '').replace(/^\s*\[query\]\s*/, '');
        const table = /\b(?:from|into|update)\s+[`"]?(\w+)/i.exec(text)?.[1] ?? '';
        return `${text.split(/\s/)[0].toLowerCase()} ${table}  ${process.env.FULL ? text : text.slice(0, 140)}`;
      });
      console.log(lines.join('\n'));
      console.log(`${dialect}: ${lines.length} statements for a turn of ${batches} syncs of ${size} rows`);
      if (turns > 2) {
        const sorted = [...times].sort((a, b) => a - b);
        const median = sorted[Math.floor(sorted.length / 2)];
        console.log(`turn: median ${median.toFixed(1)} ms of ${times.length} (min ${sorted[0].toFixed(1)} ms)`);
      }
    }
  } finally {
    await server.close();
  }
}

/** New indicator rows as bench B1 sends them (bench/sync.ts) */
function created(parents: string[], prefix: string, count: number) {
  return Array.from({ length: count }, (_, n) => ({
    level: 'indicator',
    code: `9.${prefix}.${n}`,
    title: `Azione di prova ${n}`,
    parentRef: parents[n % parents.length],
    weight: '10%',
    target: String(100 + (n % 50)),
    thresholds: [{ score: 0.8, value: String(80 + (n % 20)) }],
    actual: String(90 + (n % 30)),
    responsibleUnit: n % 2 ? 'U.O. Bilancio' : 'U.O. Personale',
  }));
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
