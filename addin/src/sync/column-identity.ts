/**
 * Which column of the bound table holds which plan column. A column is known first by Excel's own key for it,
 * TableColumn.id, recorded in the binding (the workbook's settings): Excel keeps it through renames and moves, so a
 * column renamed and moved at once is still found. Bindings written before ids were recorded, and a column whose
 * id is gone (deleted and typed again), fall back to the header it had and where it stood: a column moved elsewhere
 * is found by its header, a column renamed in place by its place (counted from the nearest column that kept its
 * header, so an inserted column elsewhere does not shift it). A column found no way is missing: reading the table
 * stops with ColumnsMissingError, so no edit in it is ever dropped silently.
 */
import { bindingWords } from '../binding-words';
import { format, type Language } from '../i18n';
import { SHEET_LAYOUT, type LayoutColumnKey } from '@core/sheet/layout';
import type { ColumnHeaders } from './columns';

export type ColumnReading = {
  headers: ColumnHeaders;
  renamed: Array<{ key: LayoutColumnKey; from: string; to: string }>;
  missing: Array<{ key: LayoutColumnKey; header: string }>;
};

/** the binding's record of a table just written: each plan column's TableColumn.id, keys in the table's order */
export function idsByKey(
  keys: readonly LayoutColumnKey[],
  ids: readonly string[],
): Partial<Record<LayoutColumnKey, string>> {
  return Object.fromEntries(keys.map((k, i) => [k, ids[i]]).filter(([, id]) => id !== undefined));
}

/** where each column stood when the table was written: the canonical layout's order, unless the binding says */
export function layoutPositions(expected: ColumnHeaders): Map<LayoutColumnKey, number> {
  const keys = SHEET_LAYOUT.map((c) => c.key).filter((k) => expected[k] !== undefined);
  return new Map(keys.map((k, i) => [k, i]));
}

/** Excel's TableColumn.id of each column of the table now, and the id each plan column had when last read */
export type ColumnIds = { table: readonly string[]; bound: Partial<Record<LayoutColumnKey, string>> };

export function readColumns(
  tableHeaders: readonly string[],
  expected: ColumnHeaders,
  positions: ReadonlyMap<LayoutColumnKey, number> = layoutPositions(expected),
  ids?: ColumnIds,
): ColumnReading {
  const keys = [...positions.keys()].sort((a, b) => positions.get(a)! - positions.get(b)!);
  const found = new Map<LayoutColumnKey, number>();
  const byId = new Set<number>();
  for (const key of keys) {
    const id = ids?.bound[key];
    const at = id === undefined || ids!.table.length !== tableHeaders.length ? -1 : ids!.table.indexOf(id);
    if (at >= 0) {
      found.set(key, at);
      byId.add(at);
    }
  }
  for (const key of keys) {
    if (found.has(key)) continue;
    const at = tableHeaders.indexOf(expected[key]!);
    if (at >= 0 && !byId.has(at)) found.set(key, at);
  }
  const claimed = new Set(found.values());
  const expectedTexts = new Set(Object.values(expected));
  const out: ColumnReading = { headers: {}, renamed: [], missing: [] };
  for (const key of keys) {
    if (found.has(key)) {
      const now = tableHeaders[found.get(key)!];
      out.headers[key] = now;
      if (now !== expected[key]) out.renamed.push({ key, from: expected[key]!, to: now });
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
