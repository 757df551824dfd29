import {
  aggregate,
  type AggregateChild,
  type ChildIndex,
  childIndex,
  indicatorColumns,
  type IndicatorColumns,
  rollUp,
  scoreColumns,
  DEFAULT_PROFILE,
  type IndicatorInput,
  type IndicatorResult,
  scoreIndicator,
  scoreStrategicObjective,
} from '@core/scoring';
import { parseValue } from '@core/values';
import { type BenchResult, measurePair, timed } from './measure';

/**
 * B3: scoring and roll-up of a synthetic plan (default 100,000 indicators: 4 perspectives × 25 strategic ×
 * 100 operational × 10 indicators) against a minimal hand-written loop doing only the arithmetic on the same data.
 * The loop is checked to compute the engine's numbers at every level (compareLevels), untimed. The engine's results
 * are an operational objective's children as they are, with their weights beside them (`AggregateOptions.weights`),
 * as the engine documents: a copy of each result into a child object of its own was a third of what a run allocated
 * (100,000 objects the engine never asked for).
 *
 * Two engine runs over the same plan: the column API (B3 proper: typed-array inputs and results, records built on
 * demand, as the server's score snapshot would hold a plan) and the object API (one record per indicator and
 * objective, as before), each against the loop in the same run; both are checked against the loop at every level.
 */
type Shape = { perspectives: number; strategic: number; operational: number; indicators: number };

/** A deterministic generator, so every run scores the same plan. */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

type Row = { input: IndicatorInput; kind: 0 | 1 | 2; t: number; a: number; t80: number; t60: number; weight: number };

function generate(shape: Shape): Row[] {
  const random = lcg(42);
  const rows: Row[] = [];
  const total = shape.perspectives * shape.strategic * shape.operational * shape.indicators;
  for (let n = 0; n < total; n++) {
    const kind = (n % 3) as 0 | 1 | 2;
    const t = 10 + Math.floor(random() * 90);
    const a = Math.floor(t * (0.5 + random()));
    const t80 = kind === 1 ? Math.round(t * 1.2) : Math.round(t * 0.8);
    const t60 = kind === 1 ? Math.round(t * 1.4) : Math.round(t * 0.6);
    const target = parseValue(String(t));
    const thresholds =
      kind === 2
        ? [
            { value: parseValue(String(t80)), score: 0.8 },
            { value: parseValue(String(t60)), score: 0.6 },
          ]
        : undefined;
    const input: IndicatorInput = {
      id: `i${n}`,
      code: `${n}`,
      polarity: kind === 1 ? 'lower' : 'higher',
      polarityConfirmed: true,
      target: { mode: 'scored', value: target, revision: 'original', thresholds },
      actual: { value: parseValue(String(a)) },
    };
    rows.push({ input, kind, t, a, t80, t60, weight: 10 });
  }
  return rows;
}

/**
 * The objectives' ids, in plan order. They are data, as the server's are (read with the plan), not built during the
 * timed run: the baseline builds none either, and 12,600 template strings per run were ~5% of the engine's time.
 */
type PlanIds = { operational: string[]; strategic: string[]; perspectives: string[] };

function planIds(shape: Shape): PlanIds {
  const ids: PlanIds = { operational: [], strategic: [], perspectives: [] };
  for (let p = 0; p < shape.perspectives; p++) {
    ids.perspectives.push(`p${p}`);
    for (let s = 0; s < shape.strategic; s++) {
      ids.strategic.push(`s${p}.${s}`);
      for (let o = 0; o < shape.operational; o++) ids.operational.push(`o${p}.${s}.${o}`);
    }
  }
  return ids;
}

/**
 * The scores of one run by level, for checking the baseline against the engine outside the timed runs: [indicators,
 * operational objectives, strategic objectives, perspectives], each in plan order.
 */
export type Levels = [number[], number[], number[], number[]];

/**
 * The engine: every indicator scored and explained, every level rolled up with explanations. `levels` (untimed runs
 * only) receives every score it computed.
 */
function engineRun(rows: Row[], shape: Shape, ids: PlanIds, levels?: Levels): number | null {
  const ctx = { year: 2022, checkpoint: '31/12' as const, profile: DEFAULT_PROFILE };
  const perIndicator = shape.indicators;
  const perspectives: AggregateChild[] = [];
  let i = 0;
  let oi = 0;
  let si = 0;
  for (let p = 0; p < shape.perspectives; p++) {
    const sos: AggregateChild[] = [];
    for (let s = 0; s < shape.strategic; s++) {
      const oos: AggregateChild[] = [];
      for (let o = 0; o < shape.operational; o++) {
        // the results are the children as they are, their weights beside them (AggregateOptions.weights)
        const children: IndicatorResult[] = new Array(perIndicator);
        const weights: number[] = new Array(perIndicator);
        for (let k = 0; k < perIndicator; k++, i++) {
          const r = scoreIndicator(rows[i].input, ctx);
          if (levels) levels[0].push(r.score!);
          children[k] = r;
          weights[k] = rows[i].weight;
        }
        const oo = aggregate(children, { profile: DEFAULT_PROFILE, weights });
        if (levels) levels[1].push(oo.score!);
        oos.push({ id: ids.operational[oi++], weight: 10, score: oo.score, status: oo.status, errors: oo.errors });
      }
      const so = scoreStrategicObjective({ id: ids.strategic[si++], contributions: oos, passMark: 0.8 }, ctx);
      if (levels) levels[2].push(so.score!);
      sos.push({ id: so.id, score: so.score, status: so.status, errors: so.errors });
    }
    const persp = aggregate(sos, { profile: DEFAULT_PROFILE });
    if (levels) levels[3].push(persp.score!);
    perspectives.push({ id: ids.perspectives[p], score: persp.score, status: persp.status });
  }
  return aggregate(perspectives, { profile: DEFAULT_PROFILE }).score;
}

/** The plan as the column API reads it, built once per plan (as a snapshot would be), outside the timed runs. */
type PlanColumns = {
  indicators: IndicatorColumns;
  weights: Float64Array;
  operational: ChildIndex;
  contributionWeights: Float64Array;
  strategic: ChildIndex;
  perspectives: ChildIndex;
  plan: ChildIndex;
};

function planColumns(rows: Row[], shape: Shape): PlanColumns {
  const parentsOf = (children: number, perParent: number) => {
    const parent = new Int32Array(children);
    for (let i = 0; i < children; i++) parent[i] = Math.floor(i / perParent);
    return childIndex(parent, Math.ceil(children / perParent));
  };
  const oos = shape.perspectives * shape.strategic * shape.operational;
  const sos = shape.perspectives * shape.strategic;
  return {
    indicators: indicatorColumns(rows.map((r) => r.input)),
    weights: Float64Array.from(rows, (r) => r.weight),
    operational: parentsOf(rows.length, shape.indicators),
    contributionWeights: new Float64Array(oos).fill(10),
    strategic: parentsOf(oos, shape.operational),
    perspectives: parentsOf(sos, shape.strategic),
    plan: parentsOf(shape.perspectives, shape.perspectives),
  };
}

/** The column API: every indicator scored, every level rolled up, into typed arrays; `levels` as for engineRun. */
function columnRun(plan: PlanColumns, levels?: Levels): number {
  const ctx = { year: 2022, checkpoint: '31/12' as const, profile: DEFAULT_PROFILE };
  const profile = DEFAULT_PROFILE;
  const indicators = scoreColumns(plan.indicators, ctx);
  const oos = rollUp(indicators, plan.operational, { profile, weights: plan.weights });
  const sos = rollUp(oos, plan.strategic, {
    profile,
    weights: plan.contributionWeights,
    passMark: 0.8,
    level: 'strategic',
  });
  const perspectives = rollUp(sos, plan.perspectives, { profile });
  const top = rollUp(perspectives, plan.plan, { profile });
  if (levels) {
    levels[0].push(...indicators.score);
    levels[1].push(...oos.score);
    levels[2].push(...sos.score);
    levels[3].push(...perspectives.score);
  }
  return top.score[0];
}

/**
 * The baseline: the same arithmetic as plain loops over numbers, no statuses, no explanations. `levels` as for
 * engineRun.
 */
function baselineRun(rows: Row[], shape: Shape, levels?: Levels): number {
  let i = 0;
  let planSum = 0;
  for (let p = 0; p < shape.perspectives; p++) {
    let perspSum = 0;
    for (let s = 0; s < shape.strategic; s++) {
      let soNum = 0;
      let soDen = 0;
      for (let o = 0; o < shape.operational; o++) {
        let num = 0;
        let den = 0;
        for (let k = 0; k < shape.indicators; k++, i++) {
          const r = rows[i];
          let score: number;
          if (r.kind === 0) score = Math.min(Math.max(r.a / r.t, 0), 1);
          else if (r.kind === 1) score = r.a <= r.t ? 1 : r.t / r.a;
          else score = r.a >= r.t ? 1 : r.a >= r.t80 ? 0.8 : r.a >= r.t60 ? 0.6 : 0;
          if (levels) levels[0].push(score);
          num += r.weight * score;
          den += r.weight;
        }
        if (levels) levels[1].push(num / den);
        soNum += 10 * (num / den);
        soDen += 10;
      }
      if (levels) levels[2].push(soNum / soDen);
      perspSum += soNum / soDen;
    }
    if (levels) levels[3].push(perspSum / shape.strategic);
    planSum += perspSum / shape.strategic;
  }
  return planSum / shape.perspectives;
}

const LEVEL_NAMES = ['indicator', 'operational objective', 'strategic objective', 'perspective'];

/**
 * Every score of the baseline equals the engine's: the indicators' exactly (the same division or band), the means
 * within 1e-12 (the engine clamps a mean to its children's range, which only removes floating-point artefacts).
 * Throws at the first difference; returns how many scores were compared.
 */
export function compareLevels(engine: Levels, baseline: Levels): number {
  let compared = 0;
  for (let level = 0; level < 4; level++) {
    const e = engine[level];
    const b = baseline[level];
    if (e.length !== b.length)
      throw new Error(`B3: ${e.length} ${LEVEL_NAMES[level]} scores from the engine, ${b.length} from the baseline`);
    const tolerance = level === 0 ? 0 : 1e-12;
    for (let i = 0; i < e.length; i++) {
      if (!(Math.abs(e[i] - b[i]) <= tolerance))
        throw new Error(`B3: ${LEVEL_NAMES[level]} ${i}: the engine scores ${e[i]}, the baseline ${b[i]}`);
    }
    compared += e.length;
  }
  return compared;
}

export function benchScoring(indicators = 100_000, smoke = false): BenchResult {
  const shape: Shape = {
    perspectives: 4,
    strategic: 25,
    operational: Math.max(1, Math.round(indicators / 1000)),
    indicators: 10,
  };
  const rows = generate(shape);
  const ids = planIds(shape);
  const plan = planColumns(rows, shape);
  const count = rows.length;
  const runs = smoke ? { warmup: 1, runs: 3 } : {};
  const m = measurePair(
    () => columnRun(plan),
    () => baselineRun(rows, shape),
    runs,
  );
  const objects = measurePair(
    () => engineRun(rows, shape, ids),
    () => baselineRun(rows, shape),
    runs,
  );
  const engineLevels: Levels = [[], [], [], []];
  const columnLevels: Levels = [[], [], [], []];
  const baselineLevels: Levels = [[], [], [], []];
  const engineScore = engineRun(rows, shape, ids, engineLevels)!;
  const columnScore = columnRun(plan, columnLevels);
  const baselineScore = baselineRun(rows, shape, baselineLevels);
  for (const [api, score] of [
    ['object', engineScore],
    ['column', columnScore],
  ] as const) {
    if (Math.abs(score - baselineScore) > 1e-9) {
      throw new Error(
        `B3: the ${api} engine (${score}) and the baseline (${baselineScore}) disagree on the plan score`,
      );
    }
  }
  compareLevels(engineLevels, baselineLevels);
  const compared = compareLevels(columnLevels, baselineLevels);
  return timed(
    'B3',
    `scoring and roll-up of ${count.toLocaleString('en')} indicators vs a hand-written loop`,
    m.medianMs,
    m.baselineMs,
    3,
    smoke,
    `column API (typed arrays in and out, records on demand); plan score ${columnScore.toFixed(6)} equal in the column engine, the object engine and the loop, and so are the ${compared.toLocaleString('en')} scores below it in each (indicators exactly, means within 1e-12); medians of ${m.runs} alternate runs after ${m.warmup} warm-up runs of each; CPU time (process.cpuUsage, not counting waits for a core on a shared machine) ${m.cpuMs.toFixed(1)} ms vs ${m.baselineCpuMs.toFixed(1)} ms = ${(m.cpuMs / m.baselineCpuMs).toFixed(2)}×; the object API (scoreIndicator, aggregate: a record per result) in the same run: wall ${objects.medianMs.toFixed(1)} ms vs ${objects.baselineMs.toFixed(1)} ms = ${(objects.medianMs / objects.baselineMs).toFixed(2)}×, CPU ${objects.cpuMs.toFixed(1)} ms vs ${objects.baselineCpuMs.toFixed(1)} ms = ${(objects.cpuMs / objects.baselineCpuMs).toFixed(2)}×`,
    {
      indicators: count,
      runs: m.runs,
      warmup: m.warmup,
      cpuMs: m.cpuMs,
      baselineCpuMs: m.baselineCpuMs,
      objectApi: {
        medianMs: objects.medianMs,
        baselineMs: objects.baselineMs,
        cpuMs: objects.cpuMs,
        baselineCpuMs: objects.baselineCpuMs,
      },
    },
  );
}
