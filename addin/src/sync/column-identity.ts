/**
 * Which column of the bound table holds which plan column. A column is known by the header it had and by where
 * it stood (the binding, in the workbook's settings), never by header text alone: a column moved elsewhere is
 * found by its header, a column renamed in place is found by its place (counted from the nearest column that
 * kept its header, so an inserted column elsewhere does not shift it). A column found neither way is missing:
 * reading the table stops with ColumnsMissingError, so no edit in it is ever dropped silently.
 */
import { bindingWords } from '../binding-words';
import { format, type Language } from '../i18n';
import { PLAN_LAYOUT, type LayoutColumnKey } from '@core/sheet/layout';
import type { ColumnHeaders } from './columns';

export type ColumnReading = {
  headers: ColumnHeaders;
  renamed: Array<{ key: LayoutColumnKey; from: string; to: string }>;
  missing: Array<{ key: LayoutColumnKey; header: string }>;
};

/** where each column stood when the table was written: the canonical layout's order, unless the binding says */
export function layoutPositions(expected: ColumnHeaders): Map<LayoutColumnKey, number> {
  const keys = PLAN_LAYOUT.map((c) => c.key).filter((k) => expected[k] !== undefined);
  return new Map(keys.map((k, i) => [k, i]));
}

export function readColumns(
  tableHeaders: readonly string[],
  expected: ColumnHeaders,
  positions: ReadonlyMap<LayoutColumnKey, number> = layoutPositions(expected),
): ColumnReading {
  const keys = [...positions.keys()].sort((a, b) => positions.get(a)! - positions.get(b)!);
  const found = new Map<LayoutColumnKey, number>();
  for (const key of keys) {
    const at = tableHeaders.indexOf(expected[key]!);
    if (at >= 0) found.set(key, at);
  }
  const claimed = new Set(found.values());
  const expectedTexts = new Set(Object.values(expected));
  const out: ColumnReading = { headers: {}, renamed: [], missing: [] };
  for (const key of keys) {
    if (found.has(key)) {
      out.headers[key] = tableHeaders[found.get(key)!];
      continue;
    }
    const at = placeOf(key, keys, positions, found);
    const candidate = at === null ? undefined : tableHeaders[at];
    if (at !== null && candidate !== undefined && !claimed.has(at) && !expectedTexts.has(candidate)) {
      claimed.add(at);
      found.set(key, at);
      out.headers[key] = candidate;
      out.renamed.push({ key, from: expected[key]!, to: candidate });
    } else {
      out.missing.push({ key, header: expected[key]! });
    }
  }
  return out;
}

/** the place a column should have now, counted from the nearest column on its left that kept its header */
function placeOf(
  key: LayoutColumnKey,
  keys: LayoutColumnKey[],
  positions: ReadonlyMap<LayoutColumnKey, number>,
  found: ReadonlyMap<LayoutColumnKey, number>,
): number | null {
  const own = positions.get(key)!;
  for (let i = keys.indexOf(key) - 1; i >= 0; i--) {
    const anchor = keys[i];
    if (found.has(anchor)) return found.get(anchor)! + (own - positions.get(anchor)!);
  }
  for (let i = keys.indexOf(key) + 1; i < keys.length; i++) {
    const anchor = keys[i];
    if (found.has(anchor)) return found.get(anchor)! - (positions.get(anchor)! - own);
  }
  return null;
}

export class ColumnsMissingError extends Error {
  constructor(
    readonly table: string,
    readonly headers: string[],
  ) {
    super(`columns missing from table "${table}": ${headers.join(', ')}`);
    this.name = 'ColumnsMissingError';
  }
  text(language: Language): string {
    return format(bindingWords[language].columnsMissing, {
      table: this.table,
      headers: this.headers.map((h) => `"${h}"`).join(', '),
    });
  }
}
