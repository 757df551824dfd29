/**
 * The column API (indicatorColumns, scoreColumns, rollUp) against the object API (scoreIndicator, aggregate,
 * scoreStrategicObjective) on the Sondrio plan (seed 004's hand-checked fixture) for its three years and on
 * generated plans drawing every rule, polarity, kind, threshold layout, flag and missing value, under the profiles
 * that change a rule: every score, attainment, status, achieved flag, warning and error of the columns, and every
 * record built on demand with its explanation and display, must be the object API's. The numeric rows are also
 * checked against the rules themselves as the explanation runs them (the full rule, not the shared kernel).
 */
import { isDeepStrictEqual } from 'node:util';
import {
  aggregate,
  type AggregateResult,
  childIndex,
  DEFAULT_PROFILE,
  indicatorColumns,
  type IndicatorResult,
  nextProfileVersion,
  PROFILE_PRESETS,
  rollUp,
  scoreColumns,
  scoreIndicator,
  scoreStrategicObjective,
  type ScoreColumns,
  type ScoringProfile,
  STATUS_CODES,
  toPlain,
} from '@core/scoring';
import { resolvePolarity } from '@core/scoring/resolve';
import { ruleContext, runRule } from '@core/scoring/rules';
import { outcomeScore } from '@core/scoring/rules/common';
import { type ColumnPlan, generatedPlan, sondrioPlan } from '../helpers/column-plans';

const P = (changes: Partial<ScoringProfile>): ScoringProfile => nextProfileVersion(DEFAULT_PROFILE, changes as never);
const PROFILES: Record<string, ScoringProfile> = {
  default: DEFAULT_PROFILE,
  sondrio: PROFILE_PRESETS.sondrio,
  uncapped: P({ capRatio: false }),
  inverseZero: P({ inverseMiss: 'zero' }),
  linear: P({ bandsMode: 'linear' }),
  overachieving: P({ overachievementWarnAt: 1.1 }),
  ownShareOutOfRange: { ...DEFAULT_PROFILE, name: 'broken', ownShare: 1.5 },
};

type Scored = { score: number | null; status: string; attainment?: number | null; achieved?: boolean | null };

/** Where a column row and an object result differ: numbers, status, and the whole record with its explanation. */
function differences(
  label: string,
  columns: ScoreColumns & { attainment?: Float64Array; achieved?: Int8Array },
  i: number,
  expected: Scored & object,
): string[] {
  const out: string[] = [];
  const score = columns.score[i];
  if (!Object.is(score !== score ? null : score, expected.score))
    out.push(`${label}: score ${score} ≠ ${expected.score}`);
  if (STATUS_CODES[columns.status[i]] !== expected.status)
    out.push(`${label}: status ${STATUS_CODES[columns.status[i]]} ≠ ${expected.status}`);
  if (columns.attainment) {
    const a = columns.attainment[i];
    if (!Object.is(a !== a ? null : a, expected.attainment))
      out.push(`${label}: attainment ${a} ≠ ${expected.attainment}`);
  }
  if (columns.achieved) {
    const a = columns.achieved[i];
    if ((a === -1 ? null : a === 1) !== expected.achieved) out.push(`${label}: achieved ${a} ≠ ${expected.achieved}`);
  }
  const record = toPlain(columns.record(i) as IndicatorResult);
  if (!isDeepStrictEqual(record, toPlain(expected as IndicatorResult)))
    out.push(`${label}: record ${JSON.stringify(record)} ≠ ${JSON.stringify(toPlain(expected as IndicatorResult))}`);
  return out;
}

/** Every result of the plan by both APIs, compared; the differences found (none expected). */
function compare(plan: ColumnPlan, profile: ScoringProfile): { differences: string[]; scored: number; rows: number } {
  const ctx = { year: 2022, checkpoint: '31/12' as const, profile };
  const found: string[] = [];
  const subject = (type: 'objective' | 'perspective' | 'plan', id: string, code: string) => ({
    type,
    id,
    code,
    year: 2022,
    checkpoint: '31/12' as const,
  });

  // the object API, as the server's computePlanScores calls it
  const indicators = plan.indicators.map((input) => scoreIndicator(input, ctx));
  const oos: AggregateResult[] = plan.operational.map((o, k) => {
    const rows = plan.parents.flatMap((p, i) => (p === k ? [i] : []));
    return aggregate(
      rows.map((i) => indicators[i]),
      {
        profile,
        subject: subject('objective', o.id, o.code),
        weights: rows.map((i) => (Number.isNaN(plan.weights[i]) ? undefined : plan.weights[i])),
      },
    );
  });
  const sos = plan.strategic.map((so, k) => {
    const contributions = plan.operational.flatMap((o, j) =>
      o.strategic === k
        ? [
            {
              id: oos[j].id,
              code: oos[j].code,
              weight: Number.isNaN(o.weight) ? undefined : o.weight,
              score: oos[j].score,
              status: oos[j].status,
              errors: oos[j].errors,
            },
          ]
        : [],
    );
    return scoreStrategicObjective(
      {
        id: so.id,
        code: so.code,
        contributions: contributions.length ? contributions : undefined,
        passMark: so.passMark,
      },
      ctx,
    );
  });
  const perspectives = plan.perspectives.map((p, k) =>
    aggregate(
      sos.filter((_, j) => plan.strategic[j].perspective === k),
      { profile, subject: subject('perspective', p.id, p.code) },
    ),
  );

  // the column API; a level's children index, from each child's parent
  const childrenBy = <T>(children: readonly T[], parentOf: (child: T) => number, parents: number) =>
    childIndex(Int32Array.from(children, parentOf), parents);
  const scores = scoreColumns(indicatorColumns(plan.indicators), ctx);
  const oosC = rollUp(scores, childIndex(Int32Array.from(plan.parents), plan.operational.length), {
    profile,
    weights: Float64Array.from(plan.weights),
    subject: (k) => subject('objective', plan.operational[k].id, plan.operational[k].code),
  });
  const sosC = rollUp(
    oosC,
    childrenBy(plan.operational, (o) => o.strategic, plan.strategic.length),
    {
      profile,
      level: 'strategic',
      weights: Float64Array.from(plan.operational, (o) => o.weight),
      passMark: Float64Array.from(plan.strategic, (s) => s.passMark),
      subject: (k) => ({ id: plan.strategic[k].id, code: plan.strategic[k].code, year: 2022, checkpoint: '31/12' }),
    },
  );
  const perspectivesC = rollUp(
    sosC,
    childrenBy(plan.strategic, (s) => s.perspective, plan.perspectives.length),
    {
      profile,
      subject: (k) => subject('perspective', plan.perspectives[k].id, plan.perspectives[k].code),
    },
  );

  let scored = 0;
  indicators.forEach((r, i) => {
    found.push(...differences(`indicator ${r.id}`, scores, i, r));
    if (r.status !== 'scored' || (r.rule !== 'ratio' && r.rule !== 'inverse' && r.rule !== 'bands')) return;
    scored++;
    // the rule as the explanation runs it (explain on: bands sorts copies of its points, no shared kernel)
    const input = plan.indicators[i];
    const o = runRule(
      r.rule,
      ruleContext(
        input.target!.value,
        input.target!.thresholds,
        input.actual,
        resolvePolarity(input, input.target),
        profile,
        true,
      ),
    );
    if (o.errors === null && !Object.is(outcomeScore(), r.score))
      found.push(`indicator ${r.id}: the rule scores ${outcomeScore()}, both APIs ${r.score}`);
  });
  oos.forEach((r, k) => found.push(...differences(`objective ${r.id}`, oosC, k, r)));
  sos.forEach((r, k) => found.push(...differences(`strategic ${r.id}`, sosC, k, r)));
  perspectives.forEach((r, k) => found.push(...differences(`perspective ${r.id}`, perspectivesC, k, r)));
  return { differences: found, scored, rows: indicators.length };
}

describe("the column API gives the object API's results (docs/scoring.md §5.2–5.7)", () => {
  test.each(['2022', '2023', '2024'] as const)(
    'Sondrio %s, every profile: every score, status and explanation',
    (year) => {
      for (const profile of Object.values(PROFILES)) {
        const { differences: found, scored } = compare(sondrioPlan(year, 7), profile);
        expect(found).toEqual([]);
        expect(scored).toBeGreaterThan(20);
      }
    },
  );

  test.each(Object.keys(PROFILES))(
    'generated plans under the %s profile: every rule, polarity, threshold and missing value',
    (name) => {
      for (const seed of [1, 2, 3]) {
        const plan = generatedPlan(1500, seed);
        const { differences: found, scored, rows } = compare(plan, PROFILES[name]);
        expect(found).toEqual([]);
        // the plans reach every status, rule and numeric kind (else this test would prove little)
        const results = plan.indicators.map((i) =>
          scoreIndicator(i, { year: 2022, checkpoint: '31/12', profile: PROFILES[name] }),
        );
        expect(new Set(results.map((r) => r.status)).size).toBe(6);
        expect(new Set(results.map((r) => r.rule))).toEqual(
          new Set([null, 'ratio', 'inverse', 'bands', 'deadline', 'boolean', 'manual', 'monitoring']),
        );
        expect(scored).toBeGreaterThan(rows / 5);
      }
    },
  );

  test('a difference in one rule is found: the comparison is not blind', () => {
    const plan = generatedPlan(300, 4);
    const ctx = { year: 2022, checkpoint: '31/12' as const, profile: DEFAULT_PROFILE };
    const scores = scoreColumns(indicatorColumns(plan.indicators), ctx);
    const i = plan.indicators.findIndex((_, k) => STATUS_CODES[scores.status[k]] === 'scored');
    const right = scoreIndicator(plan.indicators[i], ctx);
    expect(differences('row', scores, i, right)).toEqual([]);
    scores.score[i] = right.score! * 0.5 + 0.01;
    expect(differences('row', scores, i, right)).toHaveLength(1);
    const other = scoreIndicator(
      { ...plan.indicators[i], polarity: 'lower', target: { ...plan.indicators[i].target!, polarity: 'lower' } },
      ctx,
    );
    scores.score[i] = right.score!;
    expect(differences('row', scores, i, other).length).toBeGreaterThan(0);
  });
});
