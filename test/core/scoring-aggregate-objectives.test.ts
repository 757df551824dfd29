/**
 * Sections of docs/scoring.md (every § in this file): §5.6 strategic objectives, §5.7 pass mark.
 */
import {
  aggregate,
  DEFAULT_PROFILE,
  nextProfileVersion,
  scoreStrategicObjective,
  toPlain,
  withPassMark,
} from '@core/scoring';
import { child } from '../helpers/aggregate-inputs';

// ---- §5.6 --------------------------------------------------------------------------------------------------------
describe('§5.6 strategic objective', () => {
  const own = [child('i1', 1, 15), child('i2', 1, 15), child('i3', 0.9, 5), child('i4', 0.5, 5), child('i5', 1, 10)];
  const ops = [child('o1', 0.8), child('o2', 1)];

  test('// §5.6 both components: s = ownShare·Own + (1 − ownShare)·Ops, ownShare from the profile (0.5) by default', () => {
    const r = scoreStrategicObjective({ id: 'so', own, contributions: ops });
    expect(r.score).toBeCloseTo(0.5 * 0.94 + 0.5 * 0.9, 15);
    expect(r.explanation.used).toEqual([
      { id: 'own', weight: 0.5, score: r.own!.score },
      { id: 'contributions', weight: 0.5, score: r.contributions!.score },
    ]);
  });

  test('// §5.6 JSON and toPlain carry the explanation and both components as plain data; a spread carries the data', () => {
    const r = scoreStrategicObjective({ id: 'so', code: 'SO', own, contributions: ops }, { year: 2022 });
    const json = JSON.parse(JSON.stringify(r));
    expect(Object.keys(json)).toEqual([
      'id',
      'code',
      'status',
      'score',
      'display',
      'weightSum',
      'passMark',
      'achieved',
      'warnings',
      'errors',
      'explanation',
      'ownShare',
      'own',
      'contributions',
    ]);
    expect(json.explanation.text).toBe(r.explanation.text);
    expect(json.explanation.subject).toEqual({ type: 'strategic_objective', id: 'so', code: 'SO', year: 2022 });
    expect(json.own.explanation.used).toHaveLength(own.length);
    const plain = toPlain(r);
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(plain.own)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(plain))).toEqual(json);
    expect(structuredClone(plain).explanation.formula).toBe(r.explanation.formula);
    const spread = { ...r };
    expect([spread.id, spread.score, spread.display, spread.status]).toEqual([r.id, r.score, r.display, 'scored']);
  });

  test("// §5.6 the objective's own ownShare wins over the profile's", () => {
    expect(scoreStrategicObjective({ id: 'so', own, contributions: ops, ownShare: 0.7 }).score).toBeCloseTo(
      0.7 * 0.94 + 0.3 * 0.9,
      15,
    );
    const p = nextProfileVersion(DEFAULT_PROFILE, { ownShare: 0.6 });
    expect(scoreStrategicObjective({ id: 'so', own, contributions: ops }, { profile: p }).score).toBeCloseTo(
      0.6 * 0.94 + 0.4 * 0.9,
      15,
    );
  });

  test('// §5.6 own weights written as shares of the whole (15+15+5+5+10 = 50) are relative (= 30/30/10/10/20)', () => {
    const rel = [
      child('i1', 1, 30),
      child('i2', 1, 30),
      child('i3', 0.9, 10),
      child('i4', 0.5, 10),
      child('i5', 1, 20),
    ];
    const a = scoreStrategicObjective({ id: 'so', own, contributions: ops });
    const b = scoreStrategicObjective({ id: 'so', own: rel, contributions: ops });
    expect(a.own!.score).toBeCloseTo(b.own!.score!, 15);
    expect(a.own!.warnings).toEqual([]);
    expect(b.own!.warnings).toEqual([]);
  });

  test('// §5.6 the own sum check accepts 100 or ownShare × 100, and warns otherwise', () => {
    const seventy = [child('i1', 1, 35), child('i2', 0.5, 35)];
    expect(scoreStrategicObjective({ id: 'so', own: seventy, contributions: ops }).warnings).toEqual(['WEIGHT_SUM']);
    expect(scoreStrategicObjective({ id: 'so', own: seventy, contributions: ops, ownShare: 0.7 }).warnings).toEqual([]);
  });

  test('// §5.6 one component null → the other stands alone + COMPONENT_EMPTY', () => {
    const noOps = scoreStrategicObjective({ id: 'so', own, contributions: [child('o1', null, undefined, 'empty')] });
    expect(noOps.score).toBeCloseTo(0.94, 15);
    expect(noOps.warnings).toEqual(['COMPONENT_EMPTY']);
    const noOwn = scoreStrategicObjective({ id: 'so', own: [child('i1', null, 50, 'missing')], contributions: ops });
    expect(noOwn.score).toBeCloseTo(0.9, 15);
    expect(noOwn.warnings).toEqual(['COMPONENT_EMPTY']);
    expect(noOwn.explanation.excluded).toEqual([{ id: 'own', reason: 'no scored child' }]);
  });

  test('// §5.6 only one kind of child → that component is the score, no COMPONENT_EMPTY (Bergamo own / Sondrio ops)', () => {
    const bergamo = scoreStrategicObjective({ id: 'so', own: [child('i1', 1), child('i2', 0.5)] });
    expect(bergamo.score).toBe(0.75);
    expect(bergamo.warnings).toEqual([]);
    const sondrio = scoreStrategicObjective({ id: 'so', contributions: [child('o1', 0.6, 50), child('o2', 1, 50)] });
    expect(sondrio.score).toBeCloseTo(0.8, 15);
    expect(sondrio.warnings).toEqual([]);
  });

  test('// §5.6 both null → null (blank); a weight error inside a component makes the objective invalid', () => {
    const empty = scoreStrategicObjective({
      id: 'so',
      own: [child('i', null, 50, 'missing')],
      contributions: [child('o', null)],
    });
    expect(empty.status).toBe('empty');
    expect(empty.score).toBeNull();
    expect(empty.display).toBeNull();
    const bad = scoreStrategicObjective({ id: 'so', own: [child('i1', 1, 50), child('i2', 1)], contributions: ops });
    expect(bad.status).toBe('invalid');
    expect(bad.errors).toEqual(['WEIGHT_MISSING']);
    expect(scoreStrategicObjective({ id: 'so', own, ownShare: 1.5 }).errors).toEqual(['OWN_SHARE_OUT_OF_RANGE']);
  });
});

// ---- §5.7 --------------------------------------------------------------------------------------------------------
describe('§5.7 pass mark', () => {
  test('// §5.7 achieved = s ≥ p; null when s is null or there is no pass mark', () => {
    expect(aggregate([child('a', 0.85)], { passMark: 0.8 }).achieved).toBe(true);
    expect(aggregate([child('a', 0.75)], { passMark: 0.8 }).achieved).toBe(false);
    expect(aggregate([child('a', 0.99)], { passMark: 1 }).achieved).toBe(false);
    expect(aggregate([child('a', null, undefined, 'missing')], { passMark: 0.8 }).achieved).toBeNull();
    expect(aggregate([child('a', 0.85)]).achieved).toBeNull();
    expect(scoreStrategicObjective({ id: 'so', own: [child('a', 1)], passMark: 1 }).achieved).toBe(true);
  });

  test('// §5.7 s exactly at p counts as achieved despite binary artefacts: mean(0.4, 1, 1) = 0.7999999999999999', () => {
    const r = aggregate([child('a', 0.4), child('b', 1), child('c', 1)], { passMark: 0.8 });
    expect(r.achieved).toBe(true);
  });

  test('// §5.7 the pass mark MUST NOT rescale s', () => {
    const kids = [child('a', 0.6), child('b', 0.7)];
    const without = aggregate(kids);
    const withMark = aggregate(kids, { passMark: 0.8 });
    expect(withMark.score).toBe(without.score);
    expect(withMark.display).toBe(without.display);
    const so = scoreStrategicObjective({ id: 'so', own: kids, passMark: 0.8 });
    expect(so.score).toBe(without.score);
    expect(so.achieved).toBe(false);
    const later = withPassMark(without, 0.6);
    expect(later.score).toBe(without.score);
    expect(later.achieved).toBe(true);
    expect(later.explanation.achieved).toBe(true);
  });
});
