import { isNumericValue, parseValue } from '../values';
import type { ParsedValue, Polarity } from '../values/types';
import { type CellError, cellError } from './messages';
import { thresholdScoreFits } from './layout';
import { DASHBOARD_COLUMNS, LIMITS, type SheetLevel, type SheetRowIn } from './row';
import { checkCode, checkText } from './text-checks';
import {
  type DashboardKindWord,
  dashboardKindOf,
  entryLevelOf,
  flagOf,
  levelOf,
  polarityOf,
  ruleOf,
  unitNamesOf,
} from './vocabulary';

/** What a row asks for, read and checked cell by cell. `undefined` = not sent (leave as is); `null` = clear. */
export type RowValues = {
  code?: string | null;
  title?: string;
  weight?: number | null;
  kpi?: string | null;
  unit?: string | null;
  polarity?: Polarity;
  rule?: string | null;
  target?: ParsedValue | null;
  thresholds?: Array<{ value: ParsedValue; score: number }>;
  futureTargets?: Array<{ year: number; value: ParsedValue }>;
  actual?: ParsedValue | null;
  neutralised?: boolean;
  neutralisationReason?: string | null;
  note?: string | null;
  unitNames?: string[];
  dataSource?: string | null;
  actionLabel?: string | null;
  /** where the row appears; only on a row with a cruscotto cell */
  membership?: Membership;
};

/** A row's place in a cruscotto, read from its dashboard cells (`undefined` = not sent, keep the server's). */
export type Membership = {
  dashboard: string;
  kind?: DashboardKindWord;
  owner?: string | null;
  position?: number | null;
  entryLevel?: 'strategic' | 'operational';
  /** the entry's own weight (null = cleared) */
  weight?: number | null;
  /** the entry's own data source (null = cleared: the indicator's applies) */
  dataSource?: string | null;
};

export type ParsedRow = {
  index: number;
  input: SheetRowIn;
  level?: SheetLevel;
  values: RowValues;
  errors: CellError[];
};

export type RowContext = {
  /** the batch's year: month names and future-year checks */
  year: number;
  /** the years of the plan's cycle */
  years: readonly number[];
  /** the unit of the existing indicator, when the row does not send one */
  unit?: string | null;
};

/** Free text (a code, when `kind` says so): refused when it is a formula, holds characters no cell should, or is too long. */
function text(column: string, raw: string, max: number, errors: CellError[], kind: 'text' | 'code' = 'text') {
  const checked = kind === 'code' ? checkCode(raw, max) : checkText(raw, max);
  if ('text' in checked) return checked.text;
  const { code, ...details } = checked.problem;
  errors.push(cellError(column, code, details));
  return undefined;
}

const VALUE_ERRORS = ['FORMULA_NOT_ALLOWED', 'CONTROL_CHARACTERS', 'MIXED_DECIMAL_SEPARATORS', 'INVALID_DATE'];

/**
 * A value cell read as docs/scoring.md §3 says, or why it is refused: a formula, an impossible date ("31/02/2022"), free
 * text or a number no double holds ("1e309") is no value. The one reading of a typed value: the sheet sync and the
 * GraphQL mutations (server/services/values.ts) both call it, so no path stores what the other refuses.
 */
export function readValueCell(
  column: string,
  raw: string,
  ctx: { year?: number; unit?: string | null; role: 'target' | 'actual' | 'threshold' },
): { value: ParsedValue } | { error: CellError } {
  if (raw.length > LIMITS.raw) return { error: cellError(column, 'TOO_LONG', { max: LIMITS.raw }) };
  // stored trimmed, like every text cell: " 5 " and "\t5" are "5", so what a workbook or a sheet carries back is
  // what is stored (a threshold's spaces cannot survive its one-cell form "80%: 10"; issue 13, finding 10)
  const parsed = parseValue(raw.trim(), { year: ctx.year, unit: ctx.unit ?? undefined, role: ctx.role });
  const fatal = parsed.warnings.find((w) => VALUE_ERRORS.includes(w));
  if (fatal) return { error: cellError(column, fatal, { raw }) };
  if (parsed.kind === 'text') {
    // the parser knows why "SI/NO" is no actual: say that rather than "not a value"
    const reason = parsed.warnings.includes('BOOLEAN_TARGET_FORM') ? 'BOOLEAN_TARGET_FORM' : 'NOT_A_VALUE';
    // "entro il 30/06/2022" is how plans print a deadline: say to type the date alone, which makes it a deadline
    const date = reason === 'NOT_A_VALUE' ? dateInText(raw, ctx.year) : undefined;
    if (date) return { error: cellError(column, 'DATE_IN_TEXT', { raw, date }) };
    return { error: cellError(column, reason, { raw }) };
  }
  return { value: parsed };
}

/** The date a text cell holds ("entro il 30/06/2022"; "entro il 30/06" in the column's year), written alone. */
function dateInText(raw: string, year: number | undefined): string | undefined {
  const full = /(?:^|[^\d./])(\d{1,2})([./])(\d{1,2})\2(\d{4})(?![\d./])/.exec(raw);
  if (full) return `${full[1]}/${full[3]}/${full[4]}`;
  const dayMonth = /\bentro\b.*?(?:^|[^\d./])(\d{1,2})\/(\d{1,2})(?![\d./])/i.exec(raw);
  return dayMonth && year ? `${dayMonth[1]}/${dayMonth[2]}/${year}` : undefined;
}

function value(
  column: string,
  raw: string,
  ctx: { year: number; unit?: string | null; role: 'target' | 'actual' | 'threshold' },
  errors: CellError[],
): ParsedValue | undefined {
  const read = readValueCell(column, raw, ctx);
  if ('error' in read) {
    errors.push(read.error);
    return undefined;
  }
  return read.value;
}

function weight(raw: string, errors: CellError[], column = 'weight'): number | null | undefined {
  if (raw.trim() === '') return null;
  const parsed = parseValue(raw);
  const fatal = parsed.warnings.find((w) => VALUE_ERRORS.includes(w));
  if (fatal) {
    errors.push(cellError(column, fatal, { raw }));
    return undefined;
  }
  if (!isNumericValue(parsed) || (parsed.kind !== 'number' && parsed.kind !== 'percent')) {
    errors.push(cellError(column, 'NOT_A_NUMBER', { raw }));
    return undefined;
  }
  if (parsed.value < 0) errors.push(cellError(column, 'NEGATIVE_WEIGHT'));
  else if (parsed.value > 1000) errors.push(cellError(column, 'WEIGHT_TOO_LARGE'));
  else return parsed.value;
  return undefined;
}

/** Reads one row: every cell that was sent is parsed and checked on its own; cross-row checks come later. */
export function parseRow(index: number, input: SheetRowIn, ctx: RowContext): ParsedRow {
  const errors: CellError[] = [];
  const values: RowValues = {};
  let level: SheetLevel | undefined;
  // an empty level cell is no level: a new row without one is refused as REQUIRED later
  if (input.level != null && input.level.trim() !== '') {
    level = levelOf(input.level);
    if (!level) errors.push(cellError('level', 'UNKNOWN_LEVEL', { raw: input.level }));
  }
  if (input.clientRef != null && input.clientRef.length > 200)
    errors.push(cellError('clientRef', 'TOO_LONG', { max: 200 }));
  if (input.delete) return { index, input, level, values, errors };

  if (input.code != null) {
    // an empty code is allowed only on perspectives; the row's level decides (checkCodeAndTitle)
    const code = text('code', input.code, LIMITS.code, errors, 'code');
    if (code !== undefined) values.code = code === '' ? null : code;
  }
  if (input.title != null) {
    const title = text('title', input.title, LIMITS.title, errors);
    if (title === '') errors.push(cellError('title', 'REQUIRED'));
    else if (title !== undefined) values.title = title;
  }
  if (input.weight != null) {
    const w = weight(input.weight, errors);
    if (w !== undefined) values.weight = w;
  }
  for (const column of ['kpi', 'note', 'neutralisationReason'] as const) {
    const raw = input[column];
    if (raw == null) continue;
    const t = text(column, raw, LIMITS.text, errors);
    if (t !== undefined) values[column] = t === '' ? null : t;
  }
  if (input.unit != null) {
    const u = text('unit', input.unit, LIMITS.code, errors);
    if (u !== undefined) values.unit = u === '' ? null : u;
  }
  if (input.polarity != null && input.polarity.trim() !== '') {
    const p = polarityOf(input.polarity);
    if (!p) errors.push(cellError('polarity', 'UNKNOWN_POLARITY', { raw: input.polarity }));
    else values.polarity = p;
  }
  if (input.rule != null) {
    if (input.rule.trim() === '') values.rule = null;
    else {
      const r = ruleOf(input.rule);
      if (!r) errors.push(cellError('rule', 'UNKNOWN_RULE', { raw: input.rule }));
      else values.rule = r;
    }
  }
  if (input.responsibleUnit != null) {
    const t = text('responsibleUnit', input.responsibleUnit, LIMITS.text, errors);
    const names = t === undefined ? [] : unitNamesOf(t);
    // each name is a unit of its own, as long as a unit's name may be (it was a database error on PostgreSQL)
    if (names.some((name) => name.length > LIMITS.unitName))
      errors.push(cellError('responsibleUnit', 'TOO_LONG', { max: LIMITS.unitName }));
    else if (t !== undefined) values.unitNames = names;
  }

  const unit = values.unit !== undefined ? values.unit : ctx.unit;
  if (input.target != null) {
    if (input.target.trim() === '') values.target = null;
    else {
      const t = value('target', input.target, { year: ctx.year, unit, role: 'target' }, errors);
      if (t) values.target = t;
    }
  }
  if (input.thresholds != null && input.thresholds.length > 20)
    errors.push(cellError('thresholds', 'TOO_LONG', { max: 20 }));
  else if (input.thresholds != null) {
    const out: Array<{ value: ParsedValue; score: number }> = [];
    input.thresholds.forEach((th, i) => {
      if (!thresholdScoreFits(th.score)) errors.push(cellError(`thresholds.${i}`, 'THRESHOLD_SCORE'));
      const v = value(`thresholds.${i}`, th.value, { year: ctx.year, unit, role: 'threshold' }, errors);
      if (v) out.push({ value: v, score: th.score });
    });
    values.thresholds = out.filter((t) => t.value.kind !== 'empty');
  }
  if (input.futureTargets != null && input.futureTargets.length > 10)
    errors.push(cellError('futureTargets', 'TOO_LONG', { max: 10 }));
  else if (input.futureTargets != null) {
    const out: Array<{ year: number; value: ParsedValue }> = [];
    input.futureTargets.forEach((ft, i) => {
      if (!ctx.years.includes(ft.year) || ft.year <= ctx.year) {
        errors.push(cellError(`futureTargets.${i}`, 'BAD_YEAR', { raw: ft.year }));
        return;
      }
      // two targets for one year: which one is meant cannot be guessed (it was a database error, failing the batch)
      if (input.futureTargets!.findIndex((other) => other.year === ft.year) !== i) {
        errors.push(cellError(`futureTargets.${i}`, 'DUPLICATE_YEAR', { raw: ft.year }));
        return;
      }
      const v = value(`futureTargets.${i}`, ft.value, { year: ft.year, unit, role: 'target' }, errors);
      if (v) out.push({ year: ft.year, value: v });
    });
    values.futureTargets = out;
  }
  if (input.actual != null) {
    if (input.actual.trim() === '') values.actual = null;
    else {
      const a = value('actual', input.actual, { year: ctx.year, unit, role: 'actual' }, errors);
      if (a) values.actual = a;
    }
  }
  if (input.neutralised != null) {
    const flag = flagOf(input.neutralised);
    if (flag === undefined) errors.push(cellError('neutralised', 'NOT_BOOLEAN', { raw: input.neutralised }));
    else values.neutralised = flag;
  }
  if (input.dataSource != null) {
    const t = text('dataSource', input.dataSource, LIMITS.dataSource, errors);
    if (t !== undefined) values.dataSource = t === '' ? null : t;
  }
  if (input.actionLabel != null) {
    const t = text('actionLabel', input.actionLabel, LIMITS.text, errors);
    if (t !== undefined) values.actionLabel = t === '' ? null : t;
  }
  const membership = membershipOf(input, errors);
  if (membership) values.membership = membership;
  return { index, input, level, values, errors };
}

const filled = (raw: string | null | undefined): raw is string => raw != null && raw.trim() !== '';

/**
 * The cruscotto cells: a name makes the row a cruscotto row; kind, owner, order and level without a name are
 * refused (DASHBOARD_REQUIRED), never dropped, so a half-filled row is seen.
 */
function membershipOf(input: SheetRowIn, errors: CellError[]): Membership | undefined {
  if (!filled(input.dashboard)) {
    for (const column of DASHBOARD_COLUMNS.filter((c) => c !== 'dashboard'))
      if (filled(input[column])) errors.push(cellError(column, 'DASHBOARD_REQUIRED'));
    return undefined;
  }
  const name = text('dashboard', input.dashboard, LIMITS.dashboardName, errors);
  if (!name) return undefined;
  const membership: Membership = { dashboard: name };
  if (filled(input.dashboardKind)) {
    const kind = dashboardKindOf(input.dashboardKind);
    if (!kind) errors.push(cellError('dashboardKind', 'UNKNOWN_DASHBOARD_KIND', { raw: input.dashboardKind }));
    else membership.kind = kind;
  }
  if (input.dashboardOwner != null) {
    const owner = text('dashboardOwner', input.dashboardOwner, LIMITS.unitName, errors);
    if (owner !== undefined) membership.owner = owner === '' ? null : owner;
  }
  if (input.position != null) {
    const raw = input.position.trim();
    if (raw === '') membership.position = null;
    else if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1) errors.push(cellError('position', 'NOT_A_POSITION', { raw }));
    else membership.position = Number(raw);
  }
  if (filled(input.entryLevel)) {
    const level = entryLevelOf(input.entryLevel);
    if (!level) errors.push(cellError('entryLevel', 'UNKNOWN_ENTRY_LEVEL', { raw: input.entryLevel }));
    else membership.entryLevel = level;
  }
  if (input.entryWeight != null) {
    const w = weight(input.entryWeight, errors, 'entryWeight');
    if (w !== undefined) membership.weight = w;
  }
  if (input.entryDataSource != null) {
    const source = text('entryDataSource', input.entryDataSource, LIMITS.entryDataSource, errors);
    if (source !== undefined) membership.dataSource = source === '' ? null : source;
  }
  return membership;
}
