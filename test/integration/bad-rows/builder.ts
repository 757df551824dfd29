import type { SheetRow, SheetRowIn } from '../../helpers/sync';
import { type OtherPlan } from '../../helpers/other-plan';

/**
 * The vocabulary of the bad-row corpus (sync-bad-rows.test.ts): a Builder hands out the plan's rows and fresh new
 * rows, each variant is one row with the single column and code it must be refused with, and a category is one rule.
 */

export type Level = 'perspective' | 'strategic' | 'operational' | 'indicator';
export type Expected = { status: 'REJECTED'; column: string; code: string } | { status: 'CREATED' | 'UNCHANGED' };
export type Entry = { variant: string; row: SheetRowIn; expect: Expected };

/** Rows named by code in some variant: the pool of "any row of this level" never hands them out. */
const RESERVED: Record<Level, string[]> = {
  perspective: ['Processi', 'Economico Finanziaria'],
  strategic: ['1', '2', '4', '7', '9'],
  operational: ['1.1', '1.3', '1.4', '2.2', '3.3', '3.4'],
  indicator: [
    '1.1.2',
    '1.1.3',
    '1.3.1',
    '1.4.1',
    '2.1.1',
    '2.2.2',
    '2.2.4',
    '3.1.1',
    '3.3.1',
    '3.3.2',
    '3.3.3',
    '3.4.1',
    '3.4.6',
    '5.1.2',
    '5.1.3',
    '7.1.2',
    '9.1.1',
  ],
};

let fresh = 0;
export const next = (prefix: string) => `${prefix}${++fresh}`;

/** What a variant may use: the plan's rows as read just before the batch, another tenant's ids, fresh keys. */
export class Builder {
  private readonly used = new Set<string>();
  constructor(
    readonly rows: SheetRow[],
    readonly planId: string,
    readonly orgId: string,
    readonly unitId: string,
    readonly other: OtherPlan,
  ) {}

  private key(row: SheetRow): string {
    return row.level === 'PERSPECTIVE' ? row.title : (row.code ?? '');
  }

  /** A named row; each row may be claimed once per batch (a second claim would be a DUPLICATE_ROW). */
  row(level: Level, key: string): SheetRow {
    const row = this.rows.find((r) => r.level === level.toUpperCase() && this.key(r) === key);
    if (!row) throw new Error(`no ${level} ${key} in the plan`);
    if (this.used.has(row.rowId)) throw new Error(`${level} ${key} is used twice in one batch`);
    this.used.add(row.rowId);
    return row;
  }

  /** A named row to point at (as a parent), without claiming it. */
  ref(level: Level, key: string): string {
    const row = this.rows.find((r) => r.level === level.toUpperCase() && this.key(r) === key);
    if (!row) throw new Error(`no ${level} ${key} in the plan`);
    return row.rowId;
  }

  /** Any row of the level that no variant names and this batch has not used yet. */
  any(level: Level, where: (r: SheetRow) => boolean = () => true): SheetRow {
    const row = this.rows.find(
      (r) =>
        r.level === level.toUpperCase() &&
        !RESERVED[level].includes(this.key(r)) &&
        !this.used.has(r.rowId) &&
        where(r),
    );
    if (!row) throw new Error(`no ${level} left for this batch`);
    this.used.add(row.rowId);
    return row;
  }

  existing(row: SheetRow, patch: SheetRowIn): SheetRowIn {
    return { rowId: row.rowId, rowVersion: row.rowVersion, ...patch };
  }

  /** A new row of the level under the named parent, with a fresh client reference and code */
  private newRow(level: Level, code: string, title: string, parentRef: string, patch: SheetRowIn): SheetRowIn {
    return { clientRef: next('bad-'), level, code, title, parentRef, ...patch };
  }

  newIndicator(patch: SheetRowIn = {}): SheetRowIn {
    return this.newRow('indicator', next('B.'), 'Azione di prova', this.ref('operational', '1.4'), patch);
  }

  newOperational(patch: SheetRowIn = {}): SheetRowIn {
    return this.newRow('operational', next('B.'), 'Obiettivo operativo di prova', this.ref('strategic', '2'), patch);
  }

  newStrategic(patch: SheetRowIn = {}): SheetRowIn {
    return this.newRow(
      'strategic',
      next('B'),
      'Obiettivo strategico di prova',
      this.ref('perspective', 'Processi'),
      patch,
    );
  }

  newPerspective(patch: SheetRowIn = {}): SheetRowIn {
    return { clientRef: next('bad-'), level: 'prospettiva', title: next('Prospettiva di prova '), ...patch };
  }
}

export type Carrier = { name: string; make: (b: Builder, patch: SheetRowIn) => SheetRowIn };
export const NEW_INDICATOR: Carrier = { name: 'new indicator', make: (b, patch) => b.newIndicator(patch) };
export const INDICATOR: Carrier = { name: 'indicator', make: (b, patch) => b.existing(b.any('indicator'), patch) };
export const OPERATIONAL: Carrier = {
  name: 'operational objective',
  make: (b, patch) => b.existing(b.any('operational'), patch),
};
export const STRATEGIC: Carrier = {
  name: 'strategic objective',
  make: (b, patch) => b.existing(b.any('strategic'), patch),
};

export const rejected = (variant: string, row: SheetRowIn, column: string, code: string): Entry => ({
  variant,
  row,
  expect: { status: 'REJECTED', column, code },
});

/**
 * Rows sharing a key that must be unique within a batch (a code, a clientRef): the first is created, each later one
 * refused on `column` with `code`. `what` names the rows ("new indicator with the same code").
 */
export const firstThenRefused = (what: string, column: string, code: string, rows: SheetRowIn[]): Entry[] =>
  rows.map((row, i) =>
    i === 0
      ? { variant: `first ${what}`, row, expect: { status: 'CREATED' } }
      : rejected(`${['second', 'third', 'fourth'][i - 1]} ${what}`, row, column, code),
  );

/** Variants all refused on the same column with the same code: `[variant, row]` each */
export const rejectedAll = (column: string, code: string, variants: Array<[string, SheetRowIn]>): Entry[] =>
  variants.map(([variant, row]) => rejected(variant, row, column, code));

/** Variants all refused with the same code, each on its own column: `[variant, row, column]` each */
export const rejectedAs = (code: string, variants: Array<[string, SheetRowIn, string]>): Entry[] =>
  variants.map(([variant, row, column]) => rejected(variant, row, column, code));

/**
 * A row of `carrier` given these future targets (`[year, value]` each), refused with `code` on the last of them: the
 * ones before it are fine, so the column names the one that is not. The variant is named after the carrier.
 */
export const lastFutureTargetRefused = (
  b: Builder,
  carrier: Carrier,
  variant: string,
  code: string,
  ...targets: Array<[number, string]>
): Entry =>
  rejected(
    `${carrier.name}, ${variant}`,
    carrier.make(b, { futureTargets: targets.map(([year, value]) => ({ year, value })) }),
    `futureTargets.${targets.length - 1}`,
    code,
  );

/** The cell of a column, for the list columns too: thresholds.0 and futureTargets.0 are the first item of their list. */
function cell(column: string, value: string): SheetRowIn {
  if (column === 'thresholds.0') return { thresholds: [{ score: 0.8, value }] };
  if (column === 'futureTargets.0') return { futureTargets: [{ year: 2023, value }] };
  return { [column]: value } as SheetRowIn;
}

export const show = (value: string) =>
  JSON.stringify(value.length > 40 ? `${value.slice(0, 12)}…(${value.length} chars)` : value);

/** values × carriers, all refused on the same column with the same code */
export function cross(b: Builder, values: string[], column: string, carriers: Carrier[], code: string): Entry[] {
  return carriers.flatMap((carrier) =>
    values.map((v) =>
      rejected(`${carrier.name}, ${column} = ${show(v)}`, carrier.make(b, cell(column, v)), column, code),
    ),
  );
}

/** values × columns, each column with its own carrier */
export function byColumn(b: Builder, values: string[], columns: Array<[string, Carrier]>, code: string): Entry[] {
  return columns.flatMap(([column, carrier]) =>
    values.map((v) =>
      rejected(`${carrier.name}, ${column} = ${show(v)}`, carrier.make(b, cell(column, v)), column, code),
    ),
  );
}

export type Category = { name: string; build: (b: Builder) => Entry[] };
