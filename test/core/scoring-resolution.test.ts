import {
  effectiveTarget,
  resolveRule,
  STATUS_ORDER,
  type ActualInput,
  type IndicatorInput,
  type IndicatorResult,
} from '@core/scoring';
import { bool, dash, date, empty, nd, num, ph, score, text, tgt, th, ind } from '../helpers/scoring-inputs';

/** §5.2: the one status of an indicator, tested in order; its effective target; which rule scores it. */

// ---- §5.2.2 status order -------------------------------------------------------------------------------------------
describe('§5.2.2 status: exactly one, tested in order', () => {
  test('// §5.2.2 the order is monitoring, neutralised, not_applicable, missing, invalid, scored', () => {
    expect(STATUS_ORDER).toEqual(['monitoring', 'neutralised', 'not_applicable', 'missing', 'invalid', 'scored']);
  });

  test('// §5.2.2 monitoring: never scored even with a usable actual; the value is shown as is', () => {
    const r = score(ind('higher', tgt(num(10), { mode: 'monitoring' }), num(21, '21')));
    expect(r.status).toBe('monitoring');
    expect(r.score).toBeNull();
    expect(r.rule).toBe('monitoring');
    expect(r.display).toBe('21');
    expect(r.explanation.text).toBe('monitoring: not scored (value 21)');
  });

  test('// §5.2.2 monitoring wins over neutralised and missing; a "monitoraggio" target cell is monitoring too', () => {
    expect(score(ind('higher', tgt(num(10), { mode: 'monitoring' }), { neutralised: true })).status).toBe('monitoring');
    expect(score(ind('higher', tgt(ph('monitoring', 'monitoraggio')), undefined)).status).toBe('monitoring');
    expect(score(ind('higher', tgt(ph('monitoring', 'monitoraggio')), undefined)).display).toBeNull();
    expect(score(ind('higher', tgt(num(10), { rule: 'monitoring' }), num(3))).status).toBe('monitoring');
    expect(score(ind('higher', tgt(num(10)), num(3), { rule: 'monitoring' })).status).toBe('monitoring');
  });

  test('// §5.2.2 neutralised: flag with a non-empty reason → excluded, score null (not zero)', () => {
    const r = score(
      ind('higher', tgt(num(10)), {
        value: num(0),
        neutralised: true,
        neutralisationReason: 'causa di forza maggiore',
      }),
    );
    expect(r.status).toBe('neutralised');
    expect(r.score).toBeNull();
    expect(r.display).toBeNull();
    expect(r.explanation.inputs.neutralisationReason).toBe('causa di forza maggiore');
  });

  test('// §5.2.2 neutralised flag with an empty reason → invalid NEUTRALISATION_REASON_MISSING', () => {
    for (const reason of [undefined, '', '   ']) {
      const r = score(ind('higher', tgt(num(10)), { value: num(5), neutralised: true, neutralisationReason: reason }));
      expect(r.status).toBe('invalid');
      expect(r.score).toBeNull();
      expect(r.errors).toEqual(['NEUTRALISATION_REASON_MISSING']);
    }
  });

  test('// §5.2.2 not_applicable: no target ("-", empty, absent) and no actual; neither is ever 0', () => {
    for (const t of [
      tgt(dash()),
      tgt(ph('not_applicable', '//')),
      tgt(ph('not_applicable', '-------')),
      tgt(empty()),
      undefined,
    ]) {
      for (const a of [undefined, dash(), nd(), empty()]) {
        const r = score(ind('higher', t, a));
        expect(r.status).toBe('not_applicable');
        expect(r.score).toBeNull();
      }
    }
  });

  test('// §5.2.2 an empty 31/12 target is listed as NO_TARGET; "-" and 30/6 are not', () => {
    expect(score(ind('higher', tgt(empty()), undefined)).warnings).toContain('NO_TARGET');
    expect(score(ind('higher', undefined, undefined)).warnings).toContain('NO_TARGET');
    expect(score(ind('higher', tgt(dash()), undefined)).warnings).not.toContain('NO_TARGET');
    expect(score(ind('higher', tgt(empty()), undefined), { year: 2022, checkpoint: '30/6' }).warnings).not.toContain(
      'NO_TARGET',
    );
  });

  test('// §5.2.2 missing: target present, actual empty / "n.d." / "-" / absent → excluded, not zero', () => {
    for (const a of [undefined, empty(), nd(), dash(), { justification: 'x' } as ActualInput]) {
      const r = score(ind('higher', tgt(num(10)), a));
      expect(r.status).toBe('missing');
      expect(r.score).toBeNull();
      expect(r.display).toBeNull();
    }
  });

  test('// §5.2.2 missing comes before invalid: a bad target without actual is missing', () => {
    expect(score(ind('higher', tgt(num(0)), undefined)).status).toBe('missing');
  });

  test('// §5.2.2 invalid: an actual without any target → TARGET_MISSING; no throw, no 0', () => {
    for (const t of [undefined, tgt(dash()), tgt(empty())]) {
      const r = score(ind('higher', t, num(5)));
      expect(r.status).toBe('invalid');
      expect(r.errors).toEqual(['TARGET_MISSING']);
      expect(r.score).toBeNull();
    }
  });

  test('// §5.2.2 MUST NOT throw, MUST NOT substitute 0 on unusable inputs', () => {
    const weird: IndicatorInput[] = [
      ind('higher', tgt({ raw: 'x', kind: 'number', value: 'x' as never, warnings: [] }), num(1)),
      ind('higher', tgt(num(NaN)), num(1)),
      ind('higher', tgt(num(10)), num(Infinity)),
      ind('lower', tgt(num(10)), { raw: '?', kind: 'boolean', value: 3 as never, warnings: [] }),
      ind('deadline', tgt({ raw: '2022-13-45', kind: 'date', value: '2022-13-45', warnings: [] }), date('2022-01-01')),
      ind('boolean', tgt(bool(true)), num(1)),
      ind('higher', tgt(num(10), { thresholds: [th(text('otto'), 0.8)] }), num(9)),
      { id: 'x', polarity: 'higher', rule: 'project', activities: [] },
    ];
    // untyped callers: unknown rule or polarity names are invalid, not a crash
    const unknownRule = score(ind('higher', tgt(num(10)), num(5), { rule: 'percentile' as never }));
    expect(unknownRule.errors).toEqual(['RULE_UNKNOWN']);
    expect(score(ind('sideways' as never, tgt(num(10)), num(5))).errors).toEqual(['RULE_UNKNOWN']);
    for (const w of weird) {
      let r: IndicatorResult | undefined;
      expect(() => (r = score(w))).not.toThrow();
      expect(STATUS_ORDER).toContain(r!.status);
      expect(r!.score === null || r!.status === 'scored').toBe(true);
      expect(() => JSON.stringify(r)).not.toThrow();
    }
  });
});

// ---- §5.2.1 effective target ---------------------------------------------------------------------------------------
describe('§5.2.1 effective target', () => {
  test('// §5.2.1 the latest approved revision is effective; the original is kept', () => {
    const o = num(100);
    const r1 = num(120);
    const r2 = num(130);
    expect(effectiveTarget([{ kind: 'original', value: o }])).toEqual({ value: o, revision: 'original' });
    expect(
      effectiveTarget([
        { kind: 'original', value: o },
        { kind: 'revised', value: r1 },
      ]),
    ).toEqual({ value: r1, revision: 'revised', original: o });
    expect(
      effectiveTarget([
        { kind: 'original', value: o },
        { kind: 'revised', value: r1 },
        { kind: 'revised', value: r2, approved: false },
      ]),
    ).toEqual({ value: r1, revision: 'revised', original: o });
    expect(effectiveTarget([{ kind: 'original', value: o, approved: false }])).toBeNull();
  });

  test('// §5.2.1 "nuova previsione" replaces the original for scoring; the explanation shows both', () => {
    const r = score(ind('higher', tgt(num(120), { revision: 'revised', original: num(100) }), num(110)));
    expect(r.score).toBeCloseTo(110 / 120, 15);
    expect(r.explanation.inputs.target).toMatchObject({
      value: 120,
      revision: 'revised',
      original: { value: 100, raw: '100' },
    });
  });
});

// ---- §5.2.3 rule resolution --------------------------------------------------------------------------------------
describe('§5.2.3 rule resolution', () => {
  const bands = [th(num(8), 0.8), th(num(6), 0.6)];
  test('// §5.2.3 explicit target rule first', () => {
    expect(
      resolveRule(ind('higher', tgt(num(10), { rule: 'ratio', thresholds: bands }), undefined, { rule: 'bands' })),
    ).toBe('ratio');
    expect(score(ind('higher', tgt(num(10), { rule: 'ratio', thresholds: bands }), num(9))).rule).toBe('ratio');
  });
  test('// §5.2.3 else the indicator rule', () => {
    expect(score(ind('higher', tgt(num(10)), num(12), { rule: 'inverse' })).rule).toBe('inverse');
    expect(score(ind('higher', tgt(num(10), { thresholds: bands }), num(9), { rule: 'inverse' })).rule).toBe('inverse');
  });
  test('// §5.2.3 an indicator-level bands applies only in years with thresholds', () => {
    expect(score(ind('higher', tgt(num(10), { thresholds: bands }), num(9), { rule: 'bands' })).rule).toBe('bands');
    expect(score(ind('higher', tgt(num(10)), num(9), { rule: 'bands' })).rule).toBe('ratio');
    expect(score(ind('lower', tgt(num(10), { thresholds: [] }), num(9), { rule: 'bands' })).rule).toBe('inverse');
  });
  test('// §5.2.3 else bands when thresholds exist for that year', () => {
    expect(score(ind('higher', tgt(num(10), { thresholds: bands }), num(9))).rule).toBe('bands');
  });
  test('// §5.2.3 else the polarity default: higher → ratio, lower → inverse, deadline → deadline, boolean → boolean', () => {
    expect(resolveRule(ind('higher', tgt(num(1)), undefined))).toBe('ratio');
    expect(resolveRule(ind('lower', tgt(num(1)), undefined))).toBe('inverse');
    expect(resolveRule(ind('deadline', tgt(date('2022-01-01')), undefined))).toBe('deadline');
    expect(resolveRule(ind('boolean', tgt(bool(true)), undefined))).toBe('boolean');
  });
  test('// §5.2.3 the polarity (and so the default rule) is resolved per year: a target-level override', () => {
    // date target one year, count the next (§8.11)
    const r = score(ind('higher', tgt(date('2022-06-30'), { polarity: 'deadline' }), date('2022-06-15')));
    expect(r.rule).toBe('deadline');
    expect(r.explanation.polarity).toBe('deadline');
    expect(r.score).toBe(1);
  });
  test('// §5.2.3 a qualitative target is scored with manual', () => {
    expect(resolveRule(ind('higher', tgt(ph('qualitative', 'qualitativa')), undefined))).toBe('manual');
  });
  test('// §5.4 an explicit bands rule without thresholds that year → invalid THRESHOLDS_MISSING', () => {
    const r = score(ind('higher', tgt(num(10), { rule: 'bands' }), num(9)));
    expect(r.status).toBe('invalid');
    expect(r.errors).toEqual(['THRESHOLDS_MISSING']);
  });
  test('// §5.2.3 POLARITY_UNCONFIRMED is reported while scoring', () => {
    const r = score(ind('higher', tgt(num(10)), num(9), { polarityConfirmed: false }));
    expect(r.status).toBe('scored');
    expect(r.warnings).toContain('POLARITY_UNCONFIRMED');
  });
});
