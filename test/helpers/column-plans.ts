/**
 * Plans for the column engine's equivalence test (test/core/scoring-columns.test.ts), as both APIs read them:
 * indicator inputs with their weights and parents, operational objectives under strategic ones under perspectives.
 * `sondrioPlan` is the hand-checked Sondrio fixture (from seed 004) with deterministic actuals; `generatedPlan` draws
 * every rule, polarity, kind, threshold layout, flag and missing-value case there is.
 */
import type { IndicatorInput, ParsedValue, Polarity, RuleName } from '@core/scoring';
import { parseValue } from '@core/values';
import { type Year, fixture, pct } from './sondrio-fixture';
import { bool, date, days, dash, empty, eur, nd, num, pct as percent, text } from './scoring-inputs';

export type ColumnPlan = {
  indicators: IndicatorInput[];
  /** weight of each indicator in its objective (NaN: not declared) */
  weights: number[];
  /** operational objective of each indicator */
  parents: number[];
  operational: { id: string; code: string; weight: number; strategic: number }[];
  strategic: { id: string; code: string; passMark: number; perspective: number }[];
  perspectives: { id: string; code: string }[];
};

/** A plan with no rows yet, that both builders fill in order. */
function emptyPlan(): ColumnPlan {
  return { indicators: [], weights: [], parents: [], operational: [], strategic: [], perspectives: [] };
}

/** A deterministic generator: every run draws the same plan. */
export function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

export function sondrioPlan(year: Year, seed: number): ColumnPlan {
  const random = lcg(seed);
  const plan = emptyPlan();
  fixture.perspectives.forEach((p) => {
    plan.perspectives.push({ id: `p${p.order}`, code: p.name });
    for (const so of p.strategicObjectives) {
      plan.strategic.push({
        id: so.code,
        code: so.code,
        passMark: so.passMark,
        perspective: plan.perspectives.length - 1,
      });
      for (const oo of so.operationalObjectives) {
        plan.operational.push({
          id: oo.code,
          code: oo.code,
          weight: oo.weight ? pct(oo.weight) : NaN,
          strategic: plan.strategic.length - 1,
        });
        for (const action of oo.actions) {
          const raw = action.targets[year];
          const target = raw === undefined ? undefined : parseValue(raw);
          const polarity = action.polarityByYear[year] ?? action.polarity;
          const thresholds =
            Number(year) === fixture.thresholdYear && action.thresholds.length > 0
              ? action.thresholds.map((t, k) => ({ value: parseValue(t), score: fixture.thresholdScores[k] }))
              : undefined;
          const t = target && typeof target.value === 'number' ? target.value : 10;
          const draw = random();
          const actual: ParsedValue | undefined =
            draw < 0.1
              ? undefined
              : draw < 0.15
                ? dash()
                : target
                  ? { ...target, value: t * (0.3 + random()), raw: '' }
                  : num(t);
          plan.indicators.push({
            id: action.code,
            code: action.code,
            polarity,
            polarityEvidence: action.polarityEvidence,
            rule: (action.rule as RuleName | null) ?? undefined,
            target: target && { mode: 'scored', value: target, revision: 'original', thresholds },
            actual:
              action.rule === 'manual'
                ? { manualScore: 0.7, justification: 'verbale', value: actual }
                : actual && { value: actual },
          });
          plan.weights.push(pct(action.weight));
          plan.parents.push(plan.operational.length - 1);
        }
      }
    }
  });
  return plan;
}

const POLARITIES: Polarity[] = ['higher', 'lower', 'deadline', 'boolean', 'higher', 'lower'];
const RULES: Array<RuleName | undefined> = [undefined, undefined, undefined, 'manual', 'monitoring', 'bands', 'ratio'];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

/** A value of a numeric kind (sometimes another kind, a placeholder, an empty cell or a warning). */
function value(random: () => number, x: number, kind: number): ParsedValue {
  const draw = random();
  if (draw < 0.03) return empty();
  if (draw < 0.06) return dash();
  if (draw < 0.08) return nd();
  if (draw < 0.1) return text('circa ' + x, undefined, ['NUMBER_IN_TEXT']);
  if (draw < 0.12) return { ...num(x), warnings: ['AMBIGUOUS_SEPARATOR'] };
  return kind === 0 ? num(x) : kind === 1 ? percent(x) : kind === 2 ? eur(x) : days(x);
}

function isoDay(day: number): string {
  return new Date(Date.UTC(2022, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
}

/** `n` indicators under objectives of 1–12 indicators: every rule, polarity, kind, flag and missing value. */
export function generatedPlan(n: number, seed: number): ColumnPlan {
  const random = lcg(seed);
  const plan = emptyPlan();
  // a fourth perspective that no objective is under, and (below) a strategic objective without contributions
  for (let p = 0; p < 4; p++) plan.perspectives.push({ id: `p${p}`, code: `P${p}` });
  let left = 0;
  for (let i = 0; i < n; i++) {
    if (left === 0) {
      if (plan.strategic.length === 0 || random() < 0.3) {
        plan.strategic.push({
          id: `s${plan.strategic.length}`,
          code: `S${plan.strategic.length}`,
          passMark: pick(random, [0.8, 0.6, 1]),
          perspective: Math.floor(random() * 3),
        });
      }
      const weight = random() < 0.7 ? 10 * Math.floor(random() * 5) : random() < 0.5 ? NaN : -5;
      plan.operational.push({
        id: `o${plan.operational.length}`,
        code: `O${plan.operational.length}`,
        weight,
        strategic: plan.strategic.length - 1,
      });
      left = 1 + Math.floor(random() * 12);
    }
    left--;
    const polarity = pick(random, POLARITIES);
    const rule = random() < 0.8 ? undefined : pick(random, RULES);
    const kind = Math.floor(random() * 4);
    const t = random() < 0.05 ? 0 : random() < 0.03 ? -3 : Math.round(random() * 1000) / 10;
    const a = random() < 0.05 ? -Math.round(random() * 50) : Math.round(random() * 2000) / 10;
    const dated = polarity === 'deadline';
    const targetValue = dated
      ? date(isoDay(Math.floor(random() * 365)))
      : polarity === 'boolean'
        ? bool(true)
        : value(random, t, kind);
    const actualValue = dated
      ? date(isoDay(Math.floor(random() * 400)))
      : polarity === 'boolean'
        ? bool(random() < 0.5)
        : value(random, a, random() < 0.9 ? kind : 0);
    let thresholds: Array<{ value: ParsedValue; score: number }> | undefined;
    if (random() < 0.4) {
      const m = 1 + Math.floor(random() * 3);
      const worse = polarity === 'lower' ? 1 : -1;
      thresholds = [];
      for (let k = 1; k <= m; k++) {
        const v = dated
          ? date(isoDay(30 * k + Math.floor(random() * 300)))
          : value(random, t + worse * k * 7 * random(), kind);
        const score = random() < 0.05 ? 1.2 : 1 - k * 0.2 + (random() < 0.05 ? 0.3 : 0);
        thresholds.push({ value: v, score });
      }
      if (random() < 0.1) thresholds.reverse();
    }
    const flag = random();
    plan.indicators.push({
      id: `i${i}`,
      code: `${i}`,
      polarity,
      polarityConfirmed: random() < 0.9,
      rule,
      target:
        random() < 0.05
          ? undefined
          : {
              mode: random() < 0.05 ? 'monitoring' : 'scored',
              value: targetValue,
              revision: 'original',
              thresholds,
              polarity: random() < 0.05 ? 'lower' : undefined,
            },
      actual:
        flag < 0.05
          ? undefined
          : {
              value: actualValue,
              neutralised: flag > 0.97,
              neutralisationReason: flag > 0.985 ? 'sospeso' : undefined,
              notCompleted: flag > 0.95 && flag <= 0.97,
              manualScore: rule === 'manual' && random() < 0.8 ? Math.round(random() * 100) / 100 : undefined,
              justification: rule === 'manual' ? 'verbale' : undefined,
            },
    });
    plan.weights.push(random() < 0.85 ? pick(random, [10, 20, 25, 0]) : random() < 0.5 ? NaN : -1);
    plan.parents.push(plan.operational.length - 1);
  }
  plan.strategic.push({ id: 'empty', code: 'E', passMark: 0.8, perspective: 2 });
  return plan;
}
