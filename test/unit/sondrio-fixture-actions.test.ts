/**
 * Action by action: cells, units, thresholds and polarity on its seed line, and spot checks equal to the seed.
 *
 * Checks the hand-checked Sondrio 2022-2024 fixture (server/fixtures/sondrio-2022-2024.json) against the seed text
 * it was read from (test/fixtures/seeds/004_fa97ad9e72b5b7ce.txt). The seed is required: a missing seed FAILS the
 * suite.
 */
import { actions, cellsOf, fixture, operational, parseCell, unitByKey, type Year } from '../helpers/sondrio-fixture';

describe('Sondrio 2022-2024 fixture vs seed 004', () => {
  describe.each(actions.map((a) => [a.code, a] as const))('action %s', (_code, a) => {
    it('prints code, title, weight, kpi, targets and thresholds as consecutive cells on its line', () => {
      const cells = cellsOf(a.line);
      const at = cells.indexOf(a.code);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(cells).toContain(a.title);
      expect(cells).toContain(a.weight);
      for (const t of Object.values(a.targets)) expect(cells).toContain(t);
      for (const t of a.thresholds) expect(cells).toContain(t);
      // Order as in the plan table: code, title, peso, kpi, target 2022, soglia 80%, soglia 60%, 2023, 2024.
      const expected = [
        a.code,
        a.title,
        a.weight,
        a.kpi,
        ...(a.targets['2022'] !== undefined ? [a.targets['2022']] : []),
        ...a.thresholds,
        ...(a.targets['2023'] !== undefined ? [a.targets['2023']] : []),
        ...(a.targets['2024'] !== undefined ? [a.targets['2024']] : []),
      ];
      expect(cells.slice(at, at + expected.length)).toEqual(expected);
    });

    it('names exactly the units printed in its Relatore cell', () => {
      const cells = cellsOf(a.line);
      const at = cells.indexOf(a.code);
      const relatoreAt = at + 4 + Object.keys(a.targets).length + a.thresholds.length;
      let relatore = cells[relatoreAt];
      expect(relatore).toBeDefined();
      expect(a.units.length).toBeGreaterThan(0);
      for (const key of a.units) {
        const unit = unitByKey.get(key);
        expect(unit).toBeDefined();
        const printed = key === 'sg' ? 'SG' : unit!.name;
        expect(relatore).toContain(printed);
        relatore = relatore.replace(printed, '');
      }
      // Only connectives remain once every referenced unit is removed.
      expect(relatore.replace(/Responsabile|(^|\s)e(\s|$)/g, ' ').trim()).toBe('');
    });

    it('has thresholds only for 2022 and a polarity consistent with their order', () => {
      expect(['higher', 'lower', 'deadline', 'boolean']).toContain(a.polarity);
      expect(a.targets['2022']).toBeDefined();
      if (a.thresholds.length === 0) {
        // Only the qualitative action has no thresholds; it is scored manually.
        expect(a.targets['2022']).toBe('qualitativa');
        expect(a.rule).toBe('manual');
        return;
      }
      expect(a.thresholds).toHaveLength(fixture.thresholdScores.length);
      expect(a.rule).toBeNull();
      const triple = [a.targets['2022']!, ...a.thresholds].map(parseCell);
      for (const v of triple) expect(v).not.toBeNull();
      const [t, h80, h60] = triple.map((v) => v!);
      expect(new Set(triple.map((v) => v!.kind)).size).toBe(1);
      const p2022 = a.polarityByYear['2022'] ?? a.polarity;
      if (t.kind === 'month') {
        expect(p2022).toBe('deadline');
        expect(t.value).toBeLessThan(h80.value);
        expect(h80.value).toBeLessThan(h60.value);
      } else if (p2022 === 'higher') {
        expect(t.value).toBeGreaterThan(h80.value);
        expect(h80.value).toBeGreaterThan(h60.value);
      } else {
        expect(p2022).toBe('lower');
        expect(t.value).toBeLessThan(h80.value);
        expect(h80.value).toBeLessThan(h60.value);
      }
      // stored as everywhere else: "italiano — English", each half citing the values
      const [italian, english] = a.polarityEvidence.split(' — ');
      expect(italian).toMatch(/è meglio|predefinita/);
      expect(english).toMatch(/is better|default/);
      expect(italian).toContain(a.targets['2022']);
      expect(a.polarityEvidence).toContain(a.targets['2022']);
      for (const th of a.thresholds) expect(a.polarityEvidence).toContain(th);
      // Years overridden in polarityByYear must hold a value of a different kind than the 2022 target.
      for (const [year, pol] of Object.entries(a.polarityByYear)) {
        const v = parseCell(a.targets[year as Year] ?? '');
        expect(v).not.toBeNull();
        expect(v!.kind).not.toBe(t.kind);
        expect(pol).toBe(v!.kind === 'month' ? 'deadline' : 'higher');
      }
    });
  });

  describe('spot checks equal to the seed', () => {
    const LATER_HIGHER = { '2023': 'higher', '2024': 'higher' };
    const byCode = new Map(actions.map((a) => [a.code, a]));
    const get = (code: string) => {
      const a = byCode.get(code);
      if (!a) throw new Error(`missing action ${code}`);
      return a;
    };

    // code, targets 2022/2023/2024, thresholds, polarity, seed line, and what else the seed states of it (every row has
    // all six: a row one shorter would make it.each hand the test a done callback, and wait for it): 1.1.1 is
    // U.O. "Relazioni con il Pubblico", 3.1.1 has two units, 1.1.4 is a deadline then counts, 8.1.3 is in euro,
    // 5.1.1 has a falling trajectory and is still higher
    const SPOT: Array<[string, string[], string[], string, number, Record<string, unknown>]> = [
      ['1.1.1', ['3,25%', '3,5%', '3,8%'], ['3,00%', '2,85%'], 'higher', 7, { units: ['uo-relazioni-pubblico'] }],
      ['1.1.2', ['12', '15', '18'], ['10', '8'], 'higher', 8, {}],
      ['3.1.1', ['20', '19', '18'], ['25', '29'], 'lower', 32, { units: ['uo-ragioneria', 'uo-provveditorato'] }],
      ['1.1.4', ['luglio', '75', '100'], ['settembre', 'ottobre'], 'deadline', 10, { polarityByYear: LATER_HIGHER }],
      ['8.1.3', ['105 €', '115 €', '120 €'], ['95 €', '80 €'], 'higher', 67, {}],
      ['5.1.1', ['25%', '15%', '10%'], ['15%', '10%'], 'higher', 48, {}],
    ];
    it.each(SPOT)(
      '%s: targets %j, thresholds %j, %s, seed line %d',
      (code, targets, thresholds, polarity, line, more) => {
        const a = get(code);
        expect(a.targets).toEqual({ '2022': targets[0], '2023': targets[1], '2024': targets[2] });
        expect(a.thresholds).toEqual(thresholds);
        expect(a.polarity).toBe(polarity);
        expect(a.line).toBe(line);
        for (const [field, value] of Object.entries(more)) expect(a[field as keyof typeof a]).toEqual(value);
      },
    );

    it('3.2.1 keeps "4,0", 3.4.2 keeps "70" without %, 8.1.1 is higher despite "Oneri", 7.1.2 is lower', () => {
      expect(get('3.2.1').targets['2022']).toBe('4,0');
      expect(get('3.2.1').polarity).toBe('lower');
      expect(get('3.4.2').targets['2023']).toBe('70');
      expect(get('8.1.1').thresholds).toEqual(['40%', '35%']);
      expect(get('8.1.1').polarity).toBe('higher');
      expect(get('7.1.2').thresholds).toEqual(['25%', '28%']);
      expect(get('7.1.2').polarity).toBe('lower');
    });

    it('4.3.1 is qualitative with empty 2023/2024 and the manual rule', () => {
      const a = get('4.3.1');
      expect(a.targets).toEqual({ '2022': 'qualitativa' });
      expect(a.thresholds).toEqual([]);
      expect(a.rule).toBe('manual');
      expect(a.units).toEqual(['sg']);
    });

    it("shifted actions sit in their code's OO: 2.1.4 in 2.1, 3.3.4 in 3.3, 3.4.6 in 3.4", () => {
      const ooOf = (code: string) => operational.find((o) => o.actions.some((a) => a.code === code))!.code;
      expect(ooOf('2.1.4')).toBe('2.1');
      expect(ooOf('3.3.4')).toBe('3.3');
      expect(ooOf('3.4.6')).toBe('3.4');
      expect(get('2.1.4').line).toBe(22);
      expect(get('3.3.4').line).toBe(38);
      expect(get('3.4.6').line).toBe(44);
    });
  });
});
