import {
  aggregate,
  editProfile,
  effectiveTarget,
  formatEuro,
  formatScore,
  PROFILE_PRESETS,
  scoreIndicator,
  scoreManager,
  scoreStrategicObjective,
} from '@core/scoring';
import {
  banded,
  date,
  eur,
  month,
  num,
  pct,
  ph,
  score,
  tgt,
  th,
  Y2022,
  namedIndicator as ind,
} from '../helpers/scoring-inputs';
import { asChild } from '../helpers/aggregate-inputs';

/**
 * Worked examples of docs/scoring.md §6.8 – 6.11: aggregation, a strategic objective with contribution, the manager
 * score and incentive, the explanation payload; with the exact numbers and displays given there.
 */

const monitoraggio = ph('monitoring', 'monitoraggio');

describe('§6.8 aggregation', () => {
  test('// §5.5 (a) equal weights (Bergamo): 1, 0.9090…, 1, monitoring, neutralised → 97%, not 73%', () => {
    const kids = [
      score(ind('r1', 'higher', tgt(num(10)), num(10))),
      score(ind('r2', 'higher', tgt(num(11)), num(10))),
      score(ind('d1', 'deadline', tgt(date('2022-03-31')), date('2022-03-30'))),
      score(ind('m1', 'higher', tgt(monitoraggio, { mode: 'monitoring' }), num(21, '21'))),
      score({
        id: 'n1',
        code: 'n1',
        polarity: 'higher',
        target: tgt(num(5)),
        actual: { neutralised: true, neutralisationReason: 'regional law suspended the service' },
      }),
    ];
    expect(kids.map((k) => k.status)).toEqual(['scored', 'scored', 'scored', 'monitoring', 'neutralised']);
    expect(kids[3].display).toBe('21'); // monitoring rows repeat the measured value
    const group = aggregate(kids, { subject: { type: 'dashboard_group', id: 'g' } });
    expect(group.score).toBeCloseTo((1 + 10 / 11 + 1) / 3, 15);
    expect(group.display).toBe('97%');
    // counting the neutralised one as 0 would wrongly give 73%
    expect(formatScore((1 + 10 / 11 + 1) / 4, 'aggregate')).toBe('73%');
    expect(group.display).not.toBe('73%');
    expect(group.explanation.excluded.map((e) => e.reason)).toEqual(['monitoring', 'neutralised']);
  });

  test('// §5.5 (b) weights with renormalisation (Sondrio OS 1, step): (20×0.75 + 30×1 + 40×0.8)/(20+30+40) = 86%, pass mark 80% achieved', () => {
    const sondrio = PROFILE_PRESETS.sondrio;
    const ctx = { ...Y2022, profile: sondrio };
    const b = (...indicator: Parameters<typeof banded>) => scoreIndicator(banded(...indicator), ctx);
    const a111 = b('1.1.1', 'higher', pct(3.25, '3,25%'), pct(3, '3,00%'), pct(2.85, '2,85%'), pct(3.1, '3,10%'));
    const a112 = b('1.1.2', 'higher', num(12), num(10), num(8), num(11));
    const a113 = b('1.1.3', 'higher', num(100), num(75), num(60), num(70));
    const a114 = b(
      '1.1.4',
      'deadline',
      month('2022-07-31', 'luglio'),
      month('2022-09-30', 'settembre'),
      month('2022-10-31', 'ottobre'),
      date('2022-08-15'),
    );
    expect([a111, a112, a113, a114].map((r) => r.score)).toEqual([0.8, 0.8, 0.6, 0.8]);
    const oo11 = aggregate([asChild(a111, 25), asChild(a112, 25), asChild(a113, 25), asChild(a114, 25)], {
      profile: sondrio,
      subject: { id: 'oo1.1', code: '1.1' },
    });
    expect(oo11.score).toBeCloseTo(0.75, 15);
    const oo13 = aggregate([scoreIndicator(ind('1.3.1', 'higher', tgt(num(4)), num(4)), ctx)], {
      profile: sondrio,
      subject: { id: 'oo1.3', code: '1.3' },
    });
    const oo14 = aggregate([b('1.4.1', 'higher', num(10), num(8), num(6), undefined)], {
      profile: sondrio,
      subject: { id: 'oo1.4', code: '1.4' },
    });
    const a151 = b('1.5.1', 'higher', num(300), num(250), num(200), num(260));
    const oo15 = aggregate([a151], { profile: sondrio, subject: { id: 'oo1.5', code: '1.5' } });
    expect([oo13.score, oo14.score, oo15.score]).toEqual([1, null, 0.8]);
    expect(oo14.status).toBe('empty');

    const os1 = aggregate([asChild(oo11, 20), asChild(oo13, 30), asChild(oo14, 10), asChild(oo15, 40)], {
      profile: sondrio,
      subject: { type: 'strategic_objective', id: 'os1', code: '1' },
      passMark: 0.8,
    });
    expect(os1.score).toBeCloseTo(77 / 90, 15);
    expect(os1.display).toBe('86%');
    expect(os1.achieved).toBe(true);
    expect(os1.warnings).toEqual([]);
    expect(os1.explanation.text).toBe(
      'mean: (20×0.75 + 30×1 + 40×0.8)/(20+30+40) = 0.8556 → 86% [1.4 excluded: no scored child]',
    );
    expect(os1.explanation.profile).toBe('sondrio@1');

    // the same objective through scoreStrategicObjective (Sondrio: operational objectives only)
    const viaStrategic = scoreStrategicObjective(
      {
        id: 'os1',
        code: '1',
        contributions: [asChild(oo11, 20), asChild(oo13, 30), asChild(oo14, 10), asChild(oo15, 40)],
        passMark: 0.8,
      },
      { profile: sondrio },
    );
    expect(viaStrategic.score).toBeCloseTo(77 / 90, 15);
    expect(viaStrategic.display).toBe('86%');
    expect(viaStrategic.achieved).toBe(true);
    expect(viaStrategic.warnings).not.toContain('COMPONENT_EMPTY');
  });

  test('// §5.5 (c) weights 50/30/50 = 130, scores 1/0.8/0.5 → (50 + 24 + 25)/130 = 76% + WEIGHT_SUM', () => {
    const r = aggregate([
      { id: 'i1', score: 1, weight: 50 },
      { id: 'i2', score: 0.8, weight: 30 },
      { id: 'i3', score: 0.5, weight: 50 },
    ]);
    expect(r.score).toBeCloseTo(99 / 130, 15);
    expect(r.display).toBe('76%');
    expect(r.warnings).toEqual(['WEIGHT_SUM']);
    expect(r.weightSum).toBe(130);
  });

  test('// §5.5 (d) missing weight: Sondrio OS 3, siblings 20 + 20 + 40 and OO 3.2 without weight → invalid WEIGHT_MISSING', () => {
    const r = aggregate([
      { id: 'oo3.1', code: '3.1', score: 0.9, weight: 20 },
      { id: 'oo3.2', code: '3.2', score: 0.7 },
      { id: 'oo3.3', code: '3.3', score: 1, weight: 20 },
      { id: 'oo3.4', code: '3.4', score: 0.8, weight: 40 },
    ]);
    expect(r.status).toBe('invalid');
    expect(r.score).toBeNull();
    expect(r.display).toBeNull();
    expect(r.errors).toEqual(['WEIGHT_MISSING']);
  });
});

// ---- 6.9 strategic objective with contribution -------------------------------------------------------------------
describe('§6.9 strategic objective with contribution (Brescia)', () => {
  const brescia = PROFILE_PRESETS.brescia;
  const ctx = { year: 2020, checkpoint: '31/12' as const, profile: brescia };
  const contributionTarget = tgt(eur(6490000, '€ 6.490.000'), {
    revision: 'revised',
    original: eur(3200000, '€ 3.200.000'),
  });
  const own = () => [
    asChild(scoreIndicator(ind('smart', 'higher', tgt(pct(88)), pct(90)), ctx), 15),
    asChild(scoreIndicator(ind('productivity', 'higher', tgt(pct(100)), pct(100)), ctx), 15),
    asChild(scoreIndicator(ind('contributions', 'higher', contributionTarget, eur(5841000, '€ 5.841.000')), ctx), 5),
    asChild(
      scoreIndicator(
        ind(
          'firms',
          'higher',
          tgt(num(1600, '1600'), { revision: 'revised', original: num(800, '800') }),
          num(800, '800'),
        ),
        ctx,
      ),
      5,
    ),
    asChild(scoreIndicator(ind('reorg', 'higher', tgt(pct(100)), pct(100)), ctx), 10),
  ];

  test('// §5.2.1 revised target scores, the original is kept and shown: 5.841.000/6.490.000 = 0.9 (1.0 against the original)', () => {
    const r = scoreIndicator(ind('contributions', 'higher', contributionTarget, eur(5841000, '€ 5.841.000')), ctx);
    expect(r.score).toBeCloseTo(0.9, 15);
    expect(r.explanation.inputs.target).toMatchObject({ raw: '€ 6.490.000', value: 6490000, revision: 'revised' });
    expect(r.explanation.inputs.target!.original).toMatchObject({ raw: '€ 3.200.000', value: 3200000 });
    const againstOriginal = scoreIndicator(
      ind('contributions', 'higher', tgt(eur(3200000, '€ 3.200.000')), eur(5841000, '€ 5.841.000')),
      ctx,
    );
    expect(againstOriginal.score).toBe(1);
    // picking the effective target from the revision history
    const eff = effectiveTarget([
      { kind: 'original', value: eur(3200000, '€ 3.200.000') },
      { kind: 'revised', value: eur(6490000, '€ 6.490.000'), act: 'delibera 45/2020' },
    ]);
    expect(eff).toEqual({
      value: eur(6490000, '€ 6.490.000'),
      revision: 'revised',
      original: eur(3200000, '€ 3.200.000'),
    });
  });

  test('// §5.6 own = (15 + 15 + 4.5 + 2.5 + 10)/50 = 0.94; with Ops = 0.90 → 0.5×0.94 + 0.5×0.90 = 92%', () => {
    const ops = Array.from({ length: 11 }, (_, i) => ({ id: 'oo' + i, code: '2.' + i, score: 0.9 }));
    const r = scoreStrategicObjective({ id: 'so', code: 'SO', own: own(), contributions: ops }, ctx);
    expect(r.own!.score).toBeCloseTo(0.94, 15);
    expect(r.own!.warnings).toEqual([]); // 50 = ownShare × 100 is accepted
    expect(r.contributions!.score).toBeCloseTo(0.9, 15);
    expect(r.ownShare).toBe(0.5);
    expect(r.score).toBeCloseTo(0.92, 15);
    expect(r.display).toBe('92%');
    expect(r.warnings).toEqual([]);
    expect(r.explanation.text).toBe('strategic: 0.5×0.94 + 0.5×0.9 = 0.92 → 92%');
  });

  test('// §5.6 at 30/6 no operational objective scored yet → s = Own = 0.94 + COMPONENT_EMPTY', () => {
    const ops = Array.from({ length: 11 }, (_, i) => ({
      id: 'oo' + i,
      code: '2.' + i,
      score: null,
      status: 'empty' as const,
    }));
    const r = scoreStrategicObjective({ id: 'so', own: own(), contributions: ops }, { ...ctx, checkpoint: '30/6' });
    expect(r.score).toBeCloseTo(0.94, 15);
    expect(r.display).toBe('94%');
    expect(r.warnings).toContain('COMPONENT_EMPTY');
  });
});

// ---- 6.10 manager score and incentive ----------------------------------------------------------------------------
describe('§6.10 manager score and incentive (Brescia)', () => {
  const funds = [
    { name: 'Fondo Dirigenti', unitValue: 3106 },
    { name: 'Fondo Dipendenti', unitValue: 4469 },
  ];
  test('// §5.9 (10×0.92 + 10×1 + 40×0.85 + 20×0.70)/(10+10+40+20) = 84%, "1.3 excluded: not scored", 15.530 € / 22.345 €', () => {
    const r = scoreManager(
      {
        id: 'mgr-promo',
        funds,
        assignments: [
          { objectiveId: 'so', code: 'SO', weight: 10, score: 0.92, relevance: 'HIGH' },
          { objectiveId: 'o11', code: '1.1', weight: 10, score: 1, relevance: 'HIGH' },
          { objectiveId: 'o12', code: '1.2', weight: 40, score: 0.85, relevance: 'HIGH' },
          { objectiveId: 'o13', code: '1.3', weight: 20, score: null, status: 'empty', relevance: 'HIGH' },
          { objectiveId: 'o14', code: '1.4', weight: 20, score: 0.7, relevance: 'ALTA' },
        ],
      },
      { profile: PROFILE_PRESETS.brescia },
    );
    expect(r.score).toBeCloseTo(67.2 / 80, 15);
    expect(r.display).toBe('84%');
    expect(r.warnings).toEqual([]);
    expect(r.explanation.excluded).toEqual([{ id: 'o13', code: '1.3', reason: 'not scored' }]);
    expect(r.explanation.text).toBe(
      'manager: (10×0.92 + 10×1 + 40×0.85 + 20×0.7)/(10+10+40+20) = 0.84 → 84% [1.3 excluded: not scored]',
    );
    for (const o of r.objectives) {
      expect(o.coefficient).toBe(5);
      expect(o.incentives).toEqual([
        { fund: 'Fondo Dirigenti', value: 15530 },
        { fund: 'Fondo Dipendenti', value: 22345 },
      ]);
      expect(o.incentives.map((x) => formatEuro(x.value))).toEqual(['15.530 €', '22.345 €']);
    }
  });

  test('// §5.9 the weights of the evaluated version are used: original version 10/20/50/20, no 1.4', () => {
    const r = scoreManager({
      id: 'mgr-promo',
      assignments: [
        { objectiveId: 'so', weight: 10, score: 0.92 },
        { objectiveId: 'o11', weight: 20, score: 1 },
        { objectiveId: 'o12', weight: 50, score: 0.85 },
        { objectiveId: 'o13', weight: 20, score: null },
      ],
    });
    expect(r.score).toBeCloseTo((9.2 + 20 + 42.5) / 80, 15);
    expect(r.display).toBe('90%');
  });
});

// ---- 6.11 explanation payload ------------------------------------------------------------------------------------
describe('§6.11 explanation payload', () => {
  test('// §5.12 shape of the explanation of 1.1.3 (bands/linear, profile sondrio-2022@1)', () => {
    const profile = editProfile(PROFILE_PRESETS.sondrio, { name: 'sondrio-2022', bandsMode: 'linear' });
    expect(profile.version).toBe(1);
    const r = scoreIndicator(
      {
        id: 'ind_7f3',
        code: '1.1.3',
        polarity: 'higher',
        target: tgt(num(100), { thresholds: [th(num(75), 0.8), th(num(60), 0.6)] }),
        actual: { value: num(70) },
      },
      { year: 2022, checkpoint: '31/12', profile },
    );
    expect(r.explanation).toMatchObject({
      subject: { type: 'indicator', id: 'ind_7f3', code: '1.1.3', year: 2022, checkpoint: '31/12' },
      status: 'scored',
      rule: 'bands',
      mode: 'linear',
      polarity: 'higher',
      inputs: {
        actual: { raw: '70', value: 70 },
        target: { raw: '100', value: 100, revision: 'original' },
        bands: [
          [100, 1.0],
          [75, 0.8],
          [60, 0.6],
        ],
      },
      formula: '0.6 + 0.2 × (70 − 60)/(75 − 60)',
      score: 0.7333333333333333,
      display: '73.33%',
      profile: 'sondrio-2022@1',
      warnings: [],
    });
    // the payload is JSON (plain data)
    const json = JSON.parse(JSON.stringify(r));
    expect(json.explanation.formula).toBe('0.6 + 0.2 × (70 − 60)/(75 − 60)');
    expect(json.explanation.inputs.bands).toEqual([
      [100, 1],
      [75, 0.8],
      [60, 0.6],
    ]);
  });
});
