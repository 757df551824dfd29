import {
  aggregate,
  type AggregateChild,
  DEFAULT_PROFILE,
  type IndicatorInput,
  scoreIndicator,
  scoreStrategicObjective,
} from '@core/scoring';
import { parseValue } from '@core/values';
import { type BenchResult, measurePair, timed } from './measure';

/**
 * B3: scoring and roll-up of a synthetic plan (default 100,000 indicators: 4 perspectives × 25 strategic ×
 * 100 operational × 10 indicators) against a minimal hand-written loop doing only the arithmetic on the same data.
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

/** The engine: every indicator scored and explained, every level rolled up with explanations. */
function engineRun(rows: Row[], shape: Shape): number | null {
  const ctx = { year: 2022, checkpoint: '31/12' as const, profile: DEFAULT_PROFILE };
  const perIndicator = shape.indicators;
  const perspectives: AggregateChild[] = [];
  let i = 0;
  for (let p = 0; p < shape.perspectives; p++) {
    const sos: AggregateChild[] = [];
    for (let s = 0; s < shape.strategic; s++) {
      const oos: AggregateChild[] = [];
      for (let o = 0; o < shape.operational; o++) {
        const children: AggregateChild[] = [];
        for (let k = 0; k < perIndicator; k++, i++) {
          const r = scoreIndicator(rows[i].input, ctx);
          children.push({
            id: r.id,
            code: r.code,
            weight: rows[i].weight,
            score: r.score,
            status: r.status,
            errors: r.errors,
          });
        }
        const oo = aggregate(children, { profile: DEFAULT_PROFILE });
        oos.push({ id: `o${p}.${s}.${o}`, weight: 10, score: oo.score, status: oo.status, errors: oo.errors });
      }
      const so = scoreStrategicObjective({ id: `s${p}.${s}`, contributions: oos, passMark: 0.8 }, ctx);
      sos.push({ id: so.id, score: so.score, status: so.status, errors: so.errors });
    }
    const persp = aggregate(sos, { profile: DEFAULT_PROFILE });
    perspectives.push({ id: `p${p}`, score: persp.score, status: persp.status });
  }
  return aggregate(perspectives, { profile: DEFAULT_PROFILE }).score;
}

/** The baseline: the same arithmetic as plain loops over numbers, no statuses, no explanations. */
function baselineRun(rows: Row[], shape: Shape): number {
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
          num += r.weight * score;
          den += r.weight;
        }
        soNum += 10 * (num / den);
        soDen += 10;
      }
      perspSum += soNum / soDen;
    }
    planSum += perspSum / shape.strategic;
  }
  return planSum / shape.perspectives;
}

export function benchScoring(indicators = 100_000, smoke = false): BenchResult {
  const shape: Shape = {
    perspectives: 4,
    strategic: 25,
    operational: Math.max(1, Math.round(indicators / 1000)),
    indicators: 10,
  };
  const rows = generate(shape);
  const count = rows.length;
  const m = measurePair(
    () => engineRun(rows, shape),
    () => baselineRun(rows, shape),
    smoke ? { warmup: 1, runs: 3 } : {},
  );
  const engineScore = engineRun(rows, shape)!;
  const baselineScore = baselineRun(rows, shape);
  if (Math.abs(engineScore - baselineScore) > 1e-9) {
    throw new Error(`B3: the engine (${engineScore}) and the baseline (${baselineScore}) disagree on the plan score`);
  }
  return timed(
    'B3',
    `scoring and roll-up of ${count.toLocaleString('en')} indicators vs a hand-written loop`,
    m.medianMs,
    m.baselineMs,
    3,
    smoke,
    `plan score ${engineScore.toFixed(6)} equal in both; medians of ${m.runs} alternate runs after ${m.warmup} warm-up runs of each`,
    { indicators: count, runs: m.runs, warmup: m.warmup },
  );
}
