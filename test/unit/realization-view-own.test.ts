/**
 * A sync's answer (server/sync/answer.ts) makes its scores' views with `own` explanations: the explanation built for
 * the stored replay answer (its JSON) and read by the answer itself (`text`, `details`) is held by the view, and not
 * memoized on the result, which the score cache keeps: bench B1's 10,000 explanations lived on with the plan's scores,
 * copied and promoted by the collector. Such a view answers and serialises exactly as a view of the result does.
 */
import { DEFAULT_PROFILE } from '@core/scoring';
import type { IndicatorRecord } from '@core/scoring/indicator-record';
import { realizationView } from '../../server/services/realization-view';
import { num, score, tgt, Y2022, namedIndicator as ind } from '../helpers/scoring-inputs';

/** a result never read: its explanation not built yet */
const fresh = () => score(ind('pratiche', 'higher', tgt(num(11)), num(10))) as IndicatorRecord;

describe("a sync answer's realization view (own explanation)", () => {
  it('reads and serialises as a view of the result does', () => {
    const own = realizationView(fresh(), Y2022.year, Y2022.checkpoint, true)!;
    const shared = realizationView(fresh(), Y2022.year, Y2022.checkpoint)!;
    expect(JSON.stringify(own)).toBe(JSON.stringify(shared));
    expect([own.text, own.rule, own.profile, own.display]).toEqual([
      shared.text,
      shared.rule,
      shared.profile,
      shared.display,
    ]);
    expect(own.explanation).toEqual(shared.explanation);
    expect(own.profile).toBe(`${DEFAULT_PROFILE.name}@${DEFAULT_PROFILE.version}`);
  });

  it('builds its explanation once and leaves the result without it', () => {
    const result = fresh();
    const own = realizationView(result, Y2022.year, Y2022.checkpoint, true)!;
    const json = JSON.stringify(own);
    // the answer reads the one the stored answer's JSON was written from
    expect(own.explanation).toBe(own.explanation);
    expect(own.text).toBe(own.explanation.text);
    expect(JSON.stringify(own)).toBe(json);
    // the result memoized none: each explanationOnce builds a new one
    expect(result.explanationOnce()).not.toBe(result.explanationOnce());
    expect(result.explanationOnce()).toEqual(own.explanation);
    // the result's own explanation, built now, is not the view's
    expect(result.explanation).not.toBe(own.explanation);
    // a view of the result as others make them reads the one memoized on the result, as before
    const shared = realizationView(result, Y2022.year, Y2022.checkpoint)!;
    expect(shared.explanation).toBe(result.explanation);
    expect(result.explanationOnce()).toBe(result.explanation);
  });
});
