/**
 * Checks the hand-checked Sondrio 2022-2024 fixture (server/fixtures/sondrio-2022-2024.json) against the seed text
 * it was read from (test/fixtures/seeds/004_fa97ad9e72b5b7ce.txt). The seed is required: a missing seed FAILS the
 * suite.
 */
import * as fs from 'fs';
import * as path from 'path';
import { seedPath } from '../helpers/seeds';

type Polarity = 'higher' | 'lower' | 'deadline' | 'boolean';
type Year = '2022' | '2023' | '2024';

interface Action {
  code: string;
  title: string;
  weight: string;
  kpi: string;
  targets: Partial<Record<Year, string>>;
  thresholds: string[];
  polarity: Polarity;
  polarityByYear: Partial<Record<Year, Polarity>>;
  rule: string | null;
  polarityEvidence: string;
  units: string[];
  line: number;
}
interface OperationalObjective {
  code: string;
  title: string;
  weight: string | null;
  kpi: string | null;
  line: number;
  actions: Action[];
}
interface StrategicObjective {
  code: string;
  title: string;
  kpi: string;
  passMark: number;
  targets: Record<Year, string>;
  line: number;
  operationalObjectives: OperationalObjective[];
}
interface Perspective {
  name: string;
  order: number;
  line: number;
  strategicObjectives: StrategicObjective[];
}
interface Reading {
  line: number;
  cell: string;
  seen: string;
  chosen: string;
  why: string;
}
interface Fixture {
  source: string;
  organisation: { name: string; code: string };
  cycle: { name: string; firstYear: number; years: number[] };
  version: { revision: number; label: string; status: string };
  thresholdYear: number;
  thresholdScores: number[];
  units: { key: string; name: string; type: string }[];
  perspectives: Perspective[];
  readings: Reading[];
}

const FIXTURE_PATH = path.resolve(__dirname, '../../server/fixtures/sondrio-2022-2024.json');
const SEED_PATH = seedPath('004_fa97ad9e72b5b7ce.txt');

function loadSeed(): string {
  if (!fs.existsSync(SEED_PATH)) {
    // Throwing here makes the whole suite fail (never skip) when the seed is missing.
    throw new Error(`Sondrio seed not found at ${SEED_PATH}`);
  }
  return fs.readFileSync(SEED_PATH, 'utf8');
}

const seed = loadSeed();
const seedLines = seed.split('\n');
const fixture: Fixture = JSON.parse(fs.readFileSync(FIXTURE_PATH, 'utf8'));

/** Collapses letter-spacing: runs of single characters separated by single spaces ("p o n d" -> "pond"). */
function collapse(s: string): string {
  return s.replace(/(?<!\S)\S(?: \S)+(?!\S)/g, (m) => m.replace(/ /g, ''));
}

/** 1-based seed line. */
function seedLine(n: number): string {
  expect(n).toBeGreaterThanOrEqual(1);
  expect(n).toBeLessThanOrEqual(seedLines.length);
  return seedLines[n - 1];
}

/** Non-empty TAB-separated cells of a seed line, trimmed and letter-spacing collapsed. */
function cellsOf(n: number): string[] {
  return seedLine(n)
    .split('\t')
    .map((c) => collapse(c.trim()))
    .filter((c) => c !== '');
}

function pct(w: string): number {
  const m = /^(\d+)%$/.exec(w);
  if (!m) throw new Error(`not a weight: ${w}`);
  return Number(m[1]);
}

const MONTHS = [
  'gennaio',
  'febbraio',
  'marzo',
  'aprile',
  'maggio',
  'giugno',
  'luglio',
  'agosto',
  'settembre',
  'ottobre',
  'novembre',
  'dicembre',
];

/** Tiny parser for the Sondrio cells: "3,25%", "105 €", "4,0", "70" -> number; month names -> month index. */
function parseCell(raw: string): { kind: 'number' | 'month'; value: number } | null {
  const month = MONTHS.indexOf(raw.trim().toLowerCase());
  if (month >= 0) return { kind: 'month', value: month };
  const t = raw.replace(/[%€]/g, '').trim();
  if (!/^\d+(,\d+)?$/.test(t)) return null;
  return { kind: 'number', value: Number(t.replace(',', '.')) };
}

const strategic = fixture.perspectives.flatMap((p) => p.strategicObjectives);
const operational = strategic.flatMap((s) => s.operationalObjectives);
const actions = operational.flatMap((o) => o.actions);
const unitByKey = new Map(fixture.units.map((u) => [u.key, u]));

describe('Sondrio 2022-2024 fixture vs seed 004', () => {
  it('points at the seed and has the cycle metadata', () => {
    expect(fixture.source).toBe('seeds/004_fa97ad9e72b5b7ce.txt');
    expect(path.basename(SEED_PATH)).toBe(path.basename(fixture.source));
    expect(fixture.organisation).toEqual({ name: 'Camera di Commercio di Sondrio', code: 'CCIAA-SO' });
    expect(fixture.cycle).toEqual({
      name: 'Piano della Performance 2022-2024',
      firstYear: 2022,
      years: [2022, 2023, 2024],
    });
    expect(fixture.version).toEqual({ revision: 0, label: 'Piano 2022-2024 REV. 0', status: 'draft' });
    expect(fixture.thresholdYear).toBe(2022);
    expect(fixture.thresholdScores).toEqual([0.8, 0.6]);
  });

  it('has the hand-counted numbers of perspectives, objectives and actions', () => {
    // Counted by hand on the seed: perspectives at lines 7, 32, 55, 61; OS 1-9; OO 1.1, 1.3, 1.4, 1.5, 2.1, 2.2,
    // 3.1, 3.2 (row lost), 3.3, 3.4, 4.1, 4.2, 4.3, 5.1, 6.1, 7.1, 8.1, 9.1; actions 11 + 8 + 13 + 3 + 3 + 2 + 4 + 3 + 1.
    expect(fixture.perspectives).toHaveLength(4);
    expect(strategic).toHaveLength(9);
    expect(operational).toHaveLength(18);
    expect(actions).toHaveLength(48);
    expect(fixture.perspectives.map((p) => p.order)).toEqual([1, 2, 3, 4]);
    expect(strategic.map((s) => s.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('has exactly the action codes printed in the seed, each once', () => {
    const inSeed = new Set<string>();
    for (const line of seedLines) {
      for (const c of line.split('\t')) if (/^\d\.\d\.\d$/.test(c.trim())) inSeed.add(c.trim());
    }
    const codes = actions.map((a) => a.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual([...inSeed].sort());
  });

  it('nests codes by prefix', () => {
    for (const s of strategic) {
      for (const o of s.operationalObjectives) {
        expect(o.code.startsWith(`${s.code}.`)).toBe(true);
        for (const a of o.actions) expect(a.code.startsWith(`${o.code}.`)).toBe(true);
      }
    }
  });

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

  it('has action weights summing to 100% in every operational objective', () => {
    for (const o of operational) {
      const sum = o.actions.reduce((acc, a) => acc + pct(a.weight), 0);
      expect({ oo: o.code, sum }).toEqual({ oo: o.code, sum: 100 });
    }
  });

  it('has OO weights summing to 100% where all are present, and only OO 3.2 without a weight', () => {
    for (const s of strategic) {
      const weights = s.operationalObjectives.map((o) => o.weight);
      const present = weights.filter((w): w is string => w !== null);
      const sum = present.reduce((acc, w) => acc + pct(w), 0);
      if (present.length === weights.length) {
        expect({ os: s.code, sum }).toEqual({ os: s.code, sum: 100 });
      } else {
        expect(s.code).toBe('3');
        expect(sum).toBe(80);
      }
    }
    const missing = operational.filter((o) => o.weight === null);
    expect(missing.map((o) => o.code)).toEqual(['3.2']);
    expect(missing[0].title).toBe('(titolo non leggibile nella fonte)');
    // The residual 20% is only a proposal, documented in the readings.
    const reading = fixture.readings.find((r) => r.line === 33 && r.cell.includes('3.2') && !r.cell.includes('3.2.'));
    expect(reading).toBeDefined();
    expect(reading!.why).toMatch(/residual weight 20%/);
  });

  it('prints each strategic objective code and targets on its line', () => {
    for (const s of strategic) {
      const cells = cellsOf(s.line);
      const at = cells.indexOf(s.code);
      expect(at).toBeGreaterThanOrEqual(0);
      const tail = cells.slice(at);
      expect(tail).toEqual(expect.arrayContaining([s.targets['2022'], s.targets['2023'], s.targets['2024']]));
      expect(s.passMark).toBeCloseTo(parseCell(s.targets['2022'])!.value / 100, 10);
      expect(s.kpi).toBe('ponderazione');
      // The title is printed as a cell, unless a reading records how a damaged title was read.
      const titleReading = fixture.readings.find(
        (r) => r.line === s.line && r.cell === `strategicObjective.title (${s.code})`,
      );
      if (titleReading) expect(titleReading.chosen).toBe(s.title);
      else expect(cells[at + 1]).toBe(s.title);
    }
  });

  it('prints each operational objective code, title and weight on its line (except the lost OO 3.2)', () => {
    for (const o of operational) {
      if (o.weight === null) continue;
      const cells = cellsOf(o.line);
      const at = cells.indexOf(o.code);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(cells.slice(at, at + 3)).toEqual([o.code, o.title, o.weight]);
    }
  });

  it('prints each perspective on the line of its first strategic objective', () => {
    for (const p of fixture.perspectives) {
      expect(cellsOf(p.line)[0]).toBe(p.name);
      expect(p.strategicObjectives[0].line).toBe(p.line);
    }
  });

  it('references only existing units and lists no unused unit', () => {
    const used = new Set(actions.flatMap((a) => a.units));
    for (const key of used) expect(unitByKey.has(key)).toBe(true);
    for (const u of fixture.units) {
      expect(used.has(u.key)).toBe(true);
      expect(['area', 'servizio', 'ufficio', 'uo', 'staff', 'working_group', 'special_agency']).toContain(u.type);
    }
    expect(unitByKey.get('sg')).toEqual({ key: 'sg', name: 'Segretario Generale', type: 'staff' });
    expect(new Set(fixture.units.map((u) => u.key)).size).toBe(fixture.units.length);
  });

  it('cites, for every reading, a line that contains what was seen', () => {
    expect(fixture.readings.length).toBeGreaterThan(0);
    for (const r of fixture.readings) {
      expect(r.seen.length).toBeGreaterThan(0);
      expect(r.chosen.length).toBeGreaterThan(0);
      expect(r.why.length).toBeGreaterThan(0);
      const line = seedLine(r.line);
      const found = line.includes(r.seen) || collapse(line).includes(collapse(r.seen));
      expect({ line: r.line, seen: r.seen, found }).toEqual({ line: r.line, seen: r.seen, found: true });
    }
  });

  it('records the damaged labels named in docs/domain.md §8.22', () => {
    const seen = (line: number, s: string) => fixture.readings.some((r) => r.line === line && r.seen === s);
    expect(seen(22, 'e')).toBe(true);
    expect(seen(22, 'ità delle imprese')).toBe(true);
    expect(seen(22, 'derazione')).toBe(true);
    expect(seen(22, '2.1.4')).toBe(true);
    expect(seen(38, '3.3.4')).toBe(true);
    expect(seen(44, '3.4.6')).toBe(true);
    expect(seen(55, "Innovazione aziendale 'crescita")).toBe(true);
    expect(seen(68, 'Escalante')).toBe(true);
    for (const line of [45, 48]) {
      expect(fixture.readings.some((r) => r.line === line && r.cell.startsWith('strategicObjective.title'))).toBe(true);
    }
    for (const line of [56, 62, 63, 64, 66, 67]) {
      expect(fixture.readings.some((r) => r.line === line && r.cell.startsWith('action.cells'))).toBe(true);
    }
  });

  describe('spot checks equal to the seed', () => {
    const byCode = new Map(actions.map((a) => [a.code, a]));
    const get = (code: string) => {
      const a = byCode.get(code);
      if (!a) throw new Error(`missing action ${code}`);
      return a;
    };

    it('1.1.1 3,25% / 3,00% / 2,85%, higher, U.O. "Relazioni con il Pubblico"', () => {
      const a = get('1.1.1');
      expect(a.targets).toEqual({ '2022': '3,25%', '2023': '3,5%', '2024': '3,8%' });
      expect(a.thresholds).toEqual(['3,00%', '2,85%']);
      expect(a.polarity).toBe('higher');
      expect(a.units).toEqual(['uo-relazioni-pubblico']);
      expect(a.line).toBe(7);
    });

    it('1.1.2 12 / 10 / 8, then 15, 18', () => {
      const a = get('1.1.2');
      expect(a.targets).toEqual({ '2022': '12', '2023': '15', '2024': '18' });
      expect(a.thresholds).toEqual(['10', '8']);
      expect(a.polarity).toBe('higher');
      expect(a.line).toBe(8);
    });

    it('3.1.1 20 / 25 / 29 lower, two units', () => {
      const a = get('3.1.1');
      expect(a.targets).toEqual({ '2022': '20', '2023': '19', '2024': '18' });
      expect(a.thresholds).toEqual(['25', '29']);
      expect(a.polarity).toBe('lower');
      expect(a.units).toEqual(['uo-ragioneria', 'uo-provveditorato']);
      expect(a.line).toBe(32);
    });

    it('1.1.4 luglio / settembre / ottobre deadline, then 75 / 100 counts', () => {
      const a = get('1.1.4');
      expect(a.targets).toEqual({ '2022': 'luglio', '2023': '75', '2024': '100' });
      expect(a.thresholds).toEqual(['settembre', 'ottobre']);
      expect(a.polarity).toBe('deadline');
      expect(a.polarityByYear).toEqual({ '2023': 'higher', '2024': 'higher' });
      expect(a.line).toBe(10);
    });

    it('8.1.3 "105 €"', () => {
      const a = get('8.1.3');
      expect(a.targets).toEqual({ '2022': '105 €', '2023': '115 €', '2024': '120 €' });
      expect(a.thresholds).toEqual(['95 €', '80 €']);
      expect(a.polarity).toBe('higher');
      expect(a.line).toBe(67);
    });

    it('5.1.1 25% / 15% / 10%, then 15%, 10% (falling trajectory, still higher)', () => {
      const a = get('5.1.1');
      expect(a.targets).toEqual({ '2022': '25%', '2023': '15%', '2024': '10%' });
      expect(a.thresholds).toEqual(['15%', '10%']);
      expect(a.polarity).toBe('higher');
      expect(a.line).toBe(48);
    });

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
