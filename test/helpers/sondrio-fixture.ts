/**
 * The hand-checked Sondrio 2022-2024 fixture (server/fixtures/sondrio-2022-2024.json) and the seed text it was read
 * from (test/fixtures/seeds/004_fa97ad9e72b5b7ce.txt), loaded for the sondrio-fixture-*.test.ts checks, with the
 * readers of seed lines and cells they compare with. The seed is required: a missing seed FAILS the suite.
 */
import * as fs from 'fs';
import * as path from 'path';
import { seedPath } from './seeds';
import { MONTHS } from '@core/values/dates';

type Polarity = 'higher' | 'lower' | 'deadline' | 'boolean';
export type Year = '2022' | '2023' | '2024';

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
export const SEED_PATH = seedPath('004_fa97ad9e72b5b7ce.txt');

function loadSeed(): string {
  if (!fs.existsSync(SEED_PATH)) {
    // Throwing here makes the whole suite fail (never skip) when the seed is missing.
    throw new Error(`Sondrio seed not found at ${SEED_PATH}`);
  }
  return fs.readFileSync(SEED_PATH, 'utf8');
}

const seed = loadSeed();
export const seedLines = seed.split('\n');
export const fixture: Fixture = JSON.parse(fs.readFileSync(FIXTURE_PATH, 'utf8'));

/** Collapses letter-spacing: runs of single characters separated by single spaces ("p o n d" -> "pond"). */
export function collapse(s: string): string {
  return s.replace(/(?<!\S)\S(?: \S)+(?!\S)/g, (m) => m.replace(/ /g, ''));
}

/** 1-based seed line. */
export function seedLine(n: number): string {
  expect(n).toBeGreaterThanOrEqual(1);
  expect(n).toBeLessThanOrEqual(seedLines.length);
  return seedLines[n - 1];
}

/** Non-empty TAB-separated cells of a seed line, trimmed and letter-spacing collapsed. */
export function cellsOf(n: number): string[] {
  return seedLine(n)
    .split('\t')
    .map((c) => collapse(c.trim()))
    .filter((c) => c !== '');
}

export function pct(w: string): number {
  const m = /^(\d+)%$/.exec(w);
  if (!m) throw new Error(`not a weight: ${w}`);
  return Number(m[1]);
}

/** Tiny parser for the Sondrio cells: "3,25%", "105 €", "4,0", "70" -> number; month names -> month index. */
export function parseCell(raw: string): { kind: 'number' | 'month'; value: number } | null {
  const month = (MONTHS as readonly string[]).indexOf(raw.trim().toLowerCase());
  if (month >= 0) return { kind: 'month', value: month };
  const t = raw.replace(/[%€]/g, '').trim();
  if (!/^\d+(,\d+)?$/.test(t)) return null;
  return { kind: 'number', value: Number(t.replace(',', '.')) };
}

export const strategic = fixture.perspectives.flatMap((p) => p.strategicObjectives);
export const operational = strategic.flatMap((s) => s.operationalObjectives);
export const actions = operational.flatMap((o) => o.actions);
export const unitByKey = new Map(fixture.units.map((u) => [u.key, u]));
