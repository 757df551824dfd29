/**
 * Property-based tests (fast-check) of the scoring engine: ranges, monotonicity along the polarity, aggregate
 * bounds, renormalisation, excluded children, robustness. Test names cite sections of docs/scoring.md.
 */
import fc from 'fast-check';
import {
  aggregate,
  DEFAULT_PROFILE,
  nextProfileVersion,
  scoreIndicator,
  scoreStrategicObjective,
  STATUS_ORDER,
  type ActivityInput,
  type AggregateChild,
  type IndicatorInput,
  type IndicatorResult,
  type ScoreContext,
  type ScoringProfile,
} from '@core/scoring';
import type { ParsedValue, Polarity } from '@core/values/types';
import { ScoringRule } from '@core/vocabulary/enums';
import { asChild } from '../helpers/aggregate-inputs';

const num = (value: number): ParsedValue => ({ raw: String(value), kind: 'number', value, warnings: [] });
const iso = (day: number): string => new Date(Date.UTC(2022, 0, 1) + day * 86400000).toISOString().slice(0, 10);
const date = (day: number): ParsedValue => ({ raw: iso(day), kind: 'date', value: iso(day), warnings: [] });
const C: ScoreContext = { year: 2022, checkpoint: '31/12' };
const P = (changes: Partial<ScoringProfile>): ScoringProfile => nextProfileVersion(DEFAULT_PROFILE, changes as never);
const profiles = {
  default: DEFAULT_PROFILE,
  uncapped: P({ capRatio: false }),
  inverseZero: P({ inverseMiss: 'zero' }),
  linear: P({ bandsMode: 'linear' }),
  grace: P({ deadlineLate: 'linear', graceDays: 30 }),
};
const EPS = 1e-12;

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const positive = fc.double({ min: 1e-3, max: 1e6, noNaN: true, noDefaultInfinity: true });
/** two values of `arb`, the smaller first: the actuals a monotonicity property compares */
const ordered = <T extends number>(arb: fc.Arbitrary<T>) =>
  fc.tuple(arb, arb).map(([x, y]): [T, T] => (x <= y ? [x, y] : [y, x]));

function indicator(
  polarity: Polarity,
  t: ParsedValue,
  a: ParsedValue,
  thresholds?: Array<{ value: ParsedValue; score: number }>,
): IndicatorInput {
  return {
    id: 'i',
    polarity,
    target: { mode: 'scored', value: t, revision: 'original', thresholds },
    actual: { value: a },
  };
}
const s = (i: IndicatorInput, profile: ScoringProfile = DEFAULT_PROFILE) => scoreIndicator(i, { ...C, profile });

/**
 * For a rule under which less is better (inverse, deadline): the score at the smaller actual is in [0, 1] and the
 * larger actual scores no higher. Returns the first score, for a rule's own further checks.
 */
function expectFalling(
  polarity: Polarity,
  t: ParsedValue,
  smaller: ParsedValue,
  larger: ParsedValue,
  profile: ScoringProfile,
): number {
  const s1 = s(indicator(polarity, t, smaller), profile).score!;
  const s2 = s(indicator(polarity, t, larger), profile).score!;
  expect(s1).toBeGreaterThanOrEqual(0);
  expect(s1).toBeLessThanOrEqual(1);
  expect(s2).toBeLessThanOrEqual(s1);
  return s1;
}

/**
 * A monotonicity property: `check` on two actuals of `actual` (the smaller first), a target of `target` and one of
 * `under` (the profiles whose modes the rule must stay monotone in).
 */
function forOrderedActuals(
  actual: fc.Arbitrary<number>,
  target: fc.Arbitrary<number>,
  under: ScoringProfile[],
  check: (smaller: number, larger: number, target: number, profile: ScoringProfile) => void,
): void {
  fc.assert(
    fc.property(ordered(actual), target, fc.constantFrom(...under), ([a1, a2], t, profile) =>
      check(a1, a2, t, profile),
    ),
  );
}

// ---- ranges and monotonicity -------------------------------------------------------------------------------------
describe('properties of the indicator rules', () => {
  test('// §5.1 ratio with capRatio: s ∈ [0, 1] for any actual and any positive target', () => {
    fc.assert(
      fc.property(finite, positive, (a, t) => {
        const r = s(indicator('higher', num(t), num(a)));
        expect(r.status).toBe('scored');
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(1);
      }),
    );
  });

  test('// §5.3 ratio is monotone non-decreasing in the actual (capped and uncapped)', () => {
    forOrderedActuals(finite, positive, [profiles.default, profiles.uncapped], (a1, a2, t, profile) => {
      expect(s(indicator('higher', num(t), num(a1)), profile).score!).toBeLessThanOrEqual(
        s(indicator('higher', num(t), num(a2)), profile).score!,
      );
    });
  });

  test('// §5.3 inverse: s ∈ [0, 1], monotone non-increasing in the actual (both inverseMiss modes)', () => {
    const nonNeg = fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true });
    forOrderedActuals(finite, nonNeg, [profiles.default, profiles.inverseZero], (a1, a2, t, profile) => {
      expectFalling('lower', num(t), num(a1), num(a2), profile);
    });
  });

  test('// §5.3 deadline: s ∈ [0, 1], monotone non-increasing in the completion date (zero and linear)', () => {
    const day = fc.integer({ min: 0, max: 700 });
    forOrderedActuals(day, day, [profiles.default, profiles.grace], (d1, d2, t, profile) => {
      const s1 = expectFalling('deadline', date(t), date(d1), date(d2), profile);
      if (d1 <= t) expect(s1).toBe(1);
    });
  });

  /** random monotone bands: target (t, 1) plus k thresholds with strictly decreasing scores and strictly worse values */
  const bandsArb = fc
    .record({
      t: fc.integer({ min: -1000, max: 1000 }),
      gaps: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 6 }),
      scores: fc.uniqueArray(fc.integer({ min: 0, max: 99 }), { minLength: 6, maxLength: 6 }),
      shuffle: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
    })
    .map(({ t, gaps, scores, shuffle }) => {
      const sc = scores
        .slice(0, gaps.length)
        .sort((a, b) => b - a)
        .map((x) => x / 100);
      let acc = 0;
      const offsets = gaps.map((g) => (acc += g));
      // the input order of thresholds does not matter: the engine sorts them by score
      const order = offsets.map((_, i) => i).sort((i, j) => shuffle[i] - shuffle[j] || i - j);
      return { t, offsets, scores: sc, order };
    });

  test.each([
    ['higher', 'step'],
    ['higher', 'linear'],
    ['lower', 'step'],
    ['lower', 'linear'],
    ['deadline', 'step'],
    ['deadline', 'linear'],
  ] as const)('// §5.4 bands %s/%s: s ∈ [0, 1], monotone along the polarity, 1 at the target', (polarity, mode) => {
    const profile = mode === 'linear' ? profiles.linear : profiles.default;
    const worse = polarity === 'higher' ? -1 : 1;
    const value = (v: number) => (polarity === 'deadline' ? date(v + 1000) : num(v));
    fc.assert(
      fc.property(bandsArb, ordered(fc.integer({ min: -1500, max: 1500 })), (b, [a1, a2]) => {
        const thresholds = b.order.map((i) => ({ value: value(b.t + worse * b.offsets[i]), score: b.scores[i] }));
        const at = (a: number) => s(indicator(polarity, value(b.t), value(a), thresholds), profile);
        const r1 = at(a1);
        const r2 = at(a2);
        expect(r1.status).toBe('scored');
        expect(r1.score!).toBeGreaterThanOrEqual(0);
        expect(r1.score!).toBeLessThanOrEqual(1);
        // higher: better as the actual grows; lower/deadline: better as it shrinks
        if (polarity === 'higher') expect(r1.score!).toBeLessThanOrEqual(r2.score! + EPS);
        else expect(r2.score!).toBeLessThanOrEqual(r1.score! + EPS);
        expect(at(b.t).score).toBe(1);
        // exactly on a threshold → its score
        const i = b.order[0];
        expect(at(b.t + worse * b.offsets[i]).score).toBeCloseTo(b.scores[i], 12);
      }),
    );
  });
});

// ---- aggregates --------------------------------------------------------------------------------------------------
type Kid = { score: number; weight: number };
const kidsArb = (weighted: boolean) =>
  fc.array(
    fc.record({
      score: fc.double({ min: 0, max: 1, noNaN: true }),
      weight: weighted ? fc.double({ min: 0.01, max: 100, noNaN: true }) : fc.constant(NaN),
    }),
    { minLength: 1, maxLength: 30 },
  );
const toChildren = (kids: Kid[], weighted: boolean): AggregateChild[] =>
  kids.map((k, i) => ({
    id: 'c' + i,
    score: k.score,
    weight: weighted ? k.weight : undefined,
    status: 'scored' as const,
  }));

/** real excluded indicator results: monitoring, neutralised, missing, invalid, not applicable */
function excludedResult(kind: number, i: number): IndicatorResult {
  const base = { id: 'x' + i, polarity: 'higher' as const };
  const t = { mode: 'scored' as const, value: num(10), revision: 'original' as const };
  switch (kind % 5) {
    case 0:
      return scoreIndicator({ ...base, target: { ...t, mode: 'monitoring' }, actual: { value: num(99) } }, C);
    case 1:
      return scoreIndicator(
        { ...base, target: t, actual: { value: num(0), neutralised: true, neutralisationReason: 'force majeure' } },
        C,
      );
    case 2:
      return scoreIndicator({ ...base, target: t }, C);
    case 3:
      return scoreIndicator({ ...base, target: { ...t, value: num(0) }, actual: { value: num(5) } }, C);
    default:
      return scoreIndicator(
        {
          ...base,
          actual: { value: { raw: 'n.d.', kind: 'placeholder', placeholder: 'not_available', warnings: [] } },
        },
        C,
      );
  }
}

describe('properties of aggregation', () => {
  test('// §5.5 the aggregate lies between the min and max of the scored children', () => {
    fc.assert(
      fc.property(
        fc.boolean().chain((w) => kidsArb(w).map((k) => [w, k] as const)),
        ([weighted, kids]) => {
          const r = aggregate(toChildren(kids, weighted));
          const scores = kids.map((k) => k.score);
          expect(r.score!).toBeGreaterThanOrEqual(Math.min(...scores));
          expect(r.score!).toBeLessThanOrEqual(Math.max(...scores));
        },
      ),
    );
  });

  test('// §5.5 renormalisation: scaling all weights by k changes nothing', () => {
    fc.assert(
      fc.property(kidsArb(true), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (kids, k) => {
        const a = aggregate(toChildren(kids, true));
        const b = aggregate(
          toChildren(
            kids.map((x) => ({ ...x, weight: x.weight * k })),
            true,
          ),
        );
        expect(Math.abs(a.score! - b.score!)).toBeLessThanOrEqual(EPS);
        expect(b.status).toBe('scored');
      }),
    );
  });

  test('// §5.5 excluded children (monitoring, neutralised, missing, invalid, not applicable, null aggregates) never change the result', () => {
    fc.assert(
      fc.property(
        fc.boolean().chain((w) => kidsArb(w).map((k) => [w, k] as const)),
        fc.array(
          fc.record({ kind: fc.nat({ max: 5 }), at: fc.nat(), weight: fc.double({ min: 0, max: 100, noNaN: true }) }),
          { maxLength: 10 },
        ),
        ([weighted, kids], extra) => {
          const base = toChildren(kids, weighted);
          const mixed: AggregateChild[] = base.slice();
          extra.forEach((e, i) => {
            const r: AggregateChild =
              e.kind === 5 ? aggregate([], { subject: { id: 'empty' + i } }) : excludedResult(e.kind, i);
            // declared siblings keep the weighting consistent (monitoring children are never weighted)
            const weight = weighted && r.status !== 'monitoring' ? e.weight : undefined;
            mixed.splice(e.at % (mixed.length + 1), 0, asChild(r, weight));
          });
          const a = aggregate(base);
          const b = aggregate(mixed);
          expect(b.score).toBe(a.score);
          expect(b.status).toBe(a.status);
          expect(b.explanation.used.map((u) => u.id)).toEqual(a.explanation.used.map((u) => u.id));
          expect(b.explanation.excluded).toHaveLength(extra.length);
        },
      ),
    );
  });

  test('// §5.6 a strategic objective with both components lies between Own and Ops', () => {
    fc.assert(
      fc.property(kidsArb(false), kidsArb(false), fc.double({ min: 0, max: 1, noNaN: true }), (own, ops, share) => {
        const r = scoreStrategicObjective({
          id: 'so',
          own: toChildren(own, false),
          contributions: toChildren(ops, false),
          ownShare: share,
        });
        const lo = Math.min(r.own!.score!, r.contributions!.score!);
        const hi = Math.max(r.own!.score!, r.contributions!.score!);
        expect(r.score!).toBeGreaterThanOrEqual(lo - EPS);
        expect(r.score!).toBeLessThanOrEqual(hi + EPS);
      }),
    );
  });

  test('// §5.3 a project scores exactly the §5.5 aggregate of its activities', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            a: fc.option(fc.integer({ min: 0, max: 20 })),
            t: fc.integer({ min: 1, max: 20 }),
            w: fc.integer({ min: 0, max: 50 }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        (acts) => {
          const activities: ActivityInput[] = acts.map((x, i) => ({
            id: 'a' + i,
            weight: x.w,
            polarity: 'higher',
            target: { mode: 'scored', value: num(x.t), revision: 'original' },
            actual: x.a === null ? undefined : { value: num(x.a) },
          }));
          const p = scoreIndicator({ id: 'p', polarity: 'higher', rule: 'project', activities }, C);
          const expected = aggregate(p.activities!, { weights: acts.map((x) => x.w) });
          expect(p.score).toBe(expected.score);
        },
      ),
    );
  });
});

// ---- robustness --------------------------------------------------------------------------------------------------
describe('robustness', () => {
  const anyValue: fc.Arbitrary<ParsedValue> = fc.oneof(
    fc.record({
      raw: fc.string(),
      kind: fc.constantFrom('number', 'percent', 'currency', 'days'),
      value: fc.oneof(fc.double(), fc.string(), fc.boolean()),
      warnings: fc.constant([]),
    }),
    fc.record({
      raw: fc.string(),
      kind: fc.constant('date'),
      value: fc.oneof(fc.string(), fc.constant('2022-02-29'), fc.constant('2022-07-31')),
      warnings: fc.constant([]),
    }),
    fc.record({
      raw: fc.string(),
      kind: fc.constant('boolean'),
      value: fc.oneof(fc.boolean(), fc.integer()),
      warnings: fc.constant([]),
    }),
    fc.record({
      raw: fc.string(),
      kind: fc.constant('text'),
      value: fc.string(),
      warnings: fc.constantFrom([], ['INVALID_DATE']),
    }),
    fc.record({
      raw: fc.string(),
      kind: fc.constant('placeholder'),
      placeholder: fc.constantFrom('monitoring', 'not_available', 'not_applicable', 'qualitative'),
      warnings: fc.constant([]),
    }),
    fc.record({ raw: fc.constant(''), kind: fc.constant('empty'), warnings: fc.constant([]) }),
  ) as unknown as fc.Arbitrary<ParsedValue>;

  test('// §5.2.2 the engine MUST NOT throw and never scores outside [0, 1] (capRatio), whatever the inputs', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Polarity>('higher', 'lower', 'deadline', 'boolean'),
        fc.option(fc.constantFrom(...Object.values(ScoringRule))),
        fc.option(anyValue),
        fc.option(anyValue),
        fc.array(fc.record({ value: anyValue, score: fc.double() }), { maxLength: 3 }),
        fc.record({
          neutralised: fc.boolean(),
          manualScore: fc.option(fc.double()),
          justification: fc.option(fc.string()),
          notCompleted: fc.boolean(),
        }),
        fc.constantFrom(...Object.values(profiles)),
        (polarity, rule, t, a, thresholds, flags, profile) => {
          const input: IndicatorInput = {
            id: 'f',
            polarity,
            rule: rule ?? undefined,
            target: t ? { mode: 'scored', value: t, revision: 'original', thresholds } : undefined,
            actual: {
              value: a ?? undefined,
              neutralised: flags.neutralised,
              neutralisationReason: 'r',
              manualScore: flags.manualScore ?? undefined,
              justification: flags.justification ?? undefined,
              notCompleted: flags.notCompleted,
            },
          };
          const r = scoreIndicator(input, { ...C, profile });
          expect(STATUS_ORDER).toContain(r.status);
          if (r.status === 'scored') {
            expect(Number.isFinite(r.score)).toBe(true);
            expect(r.score!).toBeGreaterThanOrEqual(0);
            if (profile.capRatio) expect(r.score!).toBeLessThanOrEqual(1);
            expect(r.display).not.toBeNull();
          } else {
            expect(r.score).toBeNull();
          }
          if (r.status === 'invalid') expect(r.errors.length).toBeGreaterThan(0);
          expect(typeof r.explanation.text).toBe('string');
          expect(() => JSON.stringify(r)).not.toThrow();
        },
      ),
      { numRuns: 500 },
    );
  });
});
