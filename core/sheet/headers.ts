/**
 * Header recognition: which canonical plan column (layout.ts) each header of a user's sheet holds. Shared by the
 * add-in ("map my existing sheet") and the workbook import, so that both read a seed-shaped table the same way.
 *
 * Headers arrive damaged (OCR letter spacing "p o n d e r a z i o n e", line breaks inside cells, accents lost,
 * "Cod." / "codice" / "COD"), so matching runs on a folded form. Every match says on what evidence it was made and
 * how sure it is; nothing is mapped silently: a header that fits two columns is reported as ambiguous, and a
 * header that fits none is left unmapped (column null) for the user to decide.
 *
 * Pure: no ORM, no GraphQL, no Office imports (the add-in bundles it).
 */
import { cellText } from './cell-text';
import { foldHeader, HEADER_PART_SEPARATOR } from './header-fold';
import { readHeader } from './header-reading';
import { PLAN_LAYOUT, type LayoutColumnKey } from './layout';
import type { CruscottoColumnKey, SheetLevel } from './row';

export { rowsFromMappedSheet } from './mapped-sheet';
export { cellText } from './cell-text';
export { collapseSpacedLetters, foldHeader, HEADER_PART_SEPARATOR } from './header-fold';
export type { MappedSheet, MappedSheetOptions, UnplacedCell, Inference } from './mapped-sheet';

/**
 * Columns outside the canonical plan table: those the seeds print that the sheet-row contract has no place for
 * (recognised so they can be reported), and the cruscotto columns of the contract (issue 14, item 5), which a
 * mapped sheet sends with its rows.
 */
export type ExtraColumnKey = 'baseline' | 'indicatorType' | CruscottoColumnKey;
export { CRUSCOTTO_COLUMNS, type CruscottoColumnKey } from './row';

export type HeaderCheckpoint = '30/6' | '31/12';

export type HeaderMatch = {
  index: number;
  /** the header as given */
  header: string;
  column: LayoutColumnKey | null;
  /** recognised, but not a column of the canonical layout (reported, never dropped silently) */
  extra: ExtraColumnKey | null;
  /** the level a column group names ("Obiettivi operativi › cod." → operational); null when the header names none */
  level: SheetLevel | null;
  /** a year the header names ("Risultato atteso 2021", "Target › 2023") */
  year: number | null;
  /** a threshold's score the header names ("Soglie › 80%" → 0.8) */
  score: number | null;
  checkpoint: HeaderCheckpoint | null;
  /** 1 = the canonical header, 0.9 = a known synonym, 0.75 = a synonym inside a longer header, 0.6 = near miss */
  confidence: number;
  evidence: string;
};

export type HeaderAmbiguity = { indexes: number[]; columns: LayoutColumnKey[]; reason: string };

export type HeaderRecognition = {
  mapping: HeaderMatch[];
  /** input columns of the canonical layout that no header holds */
  missing: LayoutColumnKey[];
  ambiguous: HeaderAmbiguity[];
  /** every header is the canonical layout's, in one language: the table can be read without any inference */
  canonical: boolean;
};

const INPUT_COLUMNS = PLAN_LAYOUT.filter((c) => c.kind === 'input').map((c) => c.key);

/**
 * Reads a header row. Use combineHeaderRows first when the table's header spans several rows (column groups over
 * sub-headings, as in the Sondrio table).
 */
export function recognizeHeaders(headers: readonly string[]): HeaderRecognition {
  const canonical = new Map<string, LayoutColumnKey>();
  for (const c of PLAN_LAYOUT) {
    canonical.set(c.it.toLowerCase(), c.key);
    canonical.set(c.en.toLowerCase(), c.key);
  }
  const readings = headers.map((header, index) => ({ index, header, ...readHeader(header ?? '', canonical) }));
  readActionBesideIndicator(readings);
  const ambiguous: HeaderAmbiguity[] = [];
  for (const r of readings) {
    if (r.alternatives.length > 0 && r.column) {
      ambiguous.push({
        indexes: [r.index],
        columns: [r.column, ...r.alternatives],
        reason: `"${r.header}" fits ${[r.column, ...r.alternatives].join(' and ')}`,
      });
    }
  }
  // Two headers holding the same thing (same column, level, year, score, checkpoint): the more certain one is used,
  // the other is unmapped and reported, so no cell is written twice.
  const byKey = new Map<string, typeof readings>();
  for (const r of readings) {
    if (!r.column) continue;
    const key = [r.column, r.level, r.year, r.score, r.checkpoint].join('|');
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
  }
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    const sorted = [...group].sort((a, b) => b.confidence - a.confidence || a.index - b.index);
    const column = sorted[0].column!;
    ambiguous.push({
      indexes: group.map((g) => g.index),
      columns: [column],
      reason: `${group.map((g) => `"${g.header}"`).join(', ')} all hold ${column}${sorted[0].level ? ` (${sorted[0].level})` : ''}; column ${sorted[0].index + 1} is used`,
    });
    for (const other of sorted.slice(1)) {
      other.evidence = `${other.evidence}; not used: column ${sorted[0].index + 1} holds the same`;
      other.column = null;
      other.confidence = 0;
    }
  }
  const mapping: HeaderMatch[] = readings.map(({ alternatives: _alternatives, ...r }) => r);
  const present = new Set(mapping.map((m) => m.column));
  const missing = INPUT_COLUMNS.filter((key) => !present.has(key));
  const isCanonical = (lang: 'it' | 'en') =>
    headers.length === PLAN_LAYOUT.length && PLAN_LAYOUT.every((c, i) => (headers[i] ?? '').trim() === c[lang]);
  return { mapping, missing, ambiguous, canonical: isCanonical('it') || isCanonical('en') };
}

/** A header that is only the action group's word ("Azione", "Azioni", "Action"): no title, label or code beside it. */
const BARE_ACTION = new Set(['azione', 'azioni', 'action', 'actions']);
/** A header that is only "Indicatore": the indicator itself, not its formula ("Descrizione indicatore", "Formula"). */
const BARE_INDICATOR = new Set(['indicatore', 'indicatori', 'indicator', 'indicators']);

/**
 * "Azione" means two things in the seeds, and the header row says which (docs/sheet-contract.md, "Cruscotti"):
 * - a Bergamo cruscotto prints "Azione | Indicatore | Risultato atteso …": the action label beside the indicator,
 *   whose title is under "Indicatore" ("Sviluppare il sistema turistico…" | "Progetto: Turismo"). A bare "Azione"
 *   in a row that also has a bare "Indicatore" column is therefore the label (actionLabel), and "Indicatore" the
 *   indicator's title; so is a bare "Azione" beside a column that already holds the title ("Titolo");
 * - anywhere else (Sondrio's "Azioni › descrizione", a sheet with "Azione" and "KPI") a bare "Azione" is the
 *   action's title, as before.
 * "Titolo azione" is always the title and "Etichetta azione" always the label, whatever else the row has.
 */
function readActionBesideIndicator(
  readings: Array<{ index: number; header: string } & ReturnType<typeof readHeader>>,
): void {
  const folded = (header: string) => foldHeader(header ?? '');
  const actions = readings.filter((r) => BARE_ACTION.has(folded(r.header)) && r.column === 'title');
  if (actions.length !== 1) return;
  const [action] = actions;
  const indicators = readings.filter((r) => BARE_INDICATOR.has(folded(r.header)) && r.column === 'kpi');
  const title = readings.find(
    (r) => r !== action && r.column === 'title' && (r.level === 'indicator' || r.level == null),
  );
  const indicator = !title && indicators.length === 1 ? indicators[0] : undefined;
  if (!title && !indicator) return;
  Object.assign(action, {
    column: null,
    extra: 'actionLabel',
    level: null,
    confidence: 0.9,
    evidence: `"${action.header}" beside "${(title ?? indicator)!.header}": the action label a cruscotto prints next to the indicator`,
  });
  if (indicator)
    Object.assign(indicator, {
      column: 'title',
      level: 'indicator',
      confidence: 0.9,
      evidence: `"${indicator.header}" beside "${action.header}": the indicator itself, its title`,
    });
}

/**
 * Several header rows → one header per column. An upper-row label spans the empty cells to its right as long as
 * the rows below have something there (a merged cell in the original), and parts are joined with " › ":
 * "Azioni › 2022 › Soglie › 80%".
 */
export function combineHeaderRows(rows: ReadonlyArray<ReadonlyArray<unknown>>): string[] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const text = rows.map((r) => Array.from({ length: width }, (_, i) => cellText(r[i])));
  const filled = text.map((r) => [...r]);
  for (let level = 0; level < text.length; level++) {
    let carry = '';
    for (let col = 0; col < width; col++) {
      if (text[level][col] !== '') {
        carry = text[level][col];
        continue;
      }
      // a parent group at this column starts a new span: the label to the left does not reach over it
      if (level > 0 && col > 0 && filled[level - 1][col] !== filled[level - 1][col - 1]) carry = '';
      const below = text.slice(level + 1).some((r) => r[col] !== '');
      if (carry && below) filled[level][col] = carry;
      else carry = below ? carry : '';
    }
  }
  return Array.from({ length: width }, (_, col) =>
    filled
      .map((r) => r[col])
      .filter((t) => t !== '')
      .join(HEADER_PART_SEPARATOR),
  );
}
