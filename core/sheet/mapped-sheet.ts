/**
 * A seed-shaped grid (a plan table as organisations keep it) → rows of the sheet-row contract, after
 * recognizeHeaders said what each column holds. Levels come from the sheet's own structure: a level column, column
 * groups per level (Sondrio: perspective | OS cod./descrizione | OO cod./peso | action cod./peso/target…, several
 * nodes on one line), group rows (Bergamo: "1.1 Attrattività del territorio" alone on its line) or code depth
 * ("1", "1.1", "1.1.2"). Every cell it cannot place is reported with its row, column and reason; every inference
 * (a parent found by code prefix, a code made up for an uncoded row) is reported too. Pure: no ORM.
 */
import type { HeaderMatch } from './headers';
import { cellText } from './cell-text';
import { foldHeader, HEADER_PART_SEPARATOR } from './header-fold';
import { parseFutureTargets, parseThresholds } from './layout';
import { levelOf } from './vocabulary';
import { CRUSCOTTO_COLUMNS, type CruscottoColumnKey, type SheetLevel, type SheetRowIn } from './row';
import { INDICATOR_ONLY_COLUMNS } from '../vocabulary/levels';

export type MappedSheetOptions = {
  /** the plan year the rows are for: a target column of this year is the target, later years are futureTargets */
  year: number;
  /** the checkpoint the rows are for ('31/12' by default); a column of another checkpoint is not placed */
  checkpoint?: '30/6' | '31/12';
  /** index in `values` of the first data row (after the header rows); 0 by default */
  firstDataRow?: number;
  /** sheet row number of values[0], for messages (1 = the sheet's first row) */
  firstRowNumber?: number;
  /** clientRef prefix, "R" by default: clientRef = R<sheet row>[:level] */
  clientRefPrefix?: string;
  /** level of a code by its number of segments, when nothing else says ("1" → strategic, "1.1" → operational…) */
  codeLevels?: readonly SheetLevel[];
  /**
   * carry the cruscotto columns into the rows (the workbook import sends them to the server); without it they are
   * reported as unplaced, as the add-in's canonical table has no place for them yet
   */
  cruscotti?: boolean;
};

export type UnplacedCell = { row: number; column: number; header: string; value: string; reason: string };
export type Inference = { row: number; column: number | null; message: string };

export type MappedSheet = {
  rows: SheetRowIn[];
  /** sheet row number each output row came from (aligned with rows) */
  sourceRows: number[];
  unplaced: UnplacedCell[];
  inferred: Inference[];
};

const ORDER: SheetLevel[] = ['perspective', 'strategic', 'operational', 'indicator'];
const ALLOWED_PARENTS: Record<SheetLevel, SheetLevel[]> = {
  perspective: [],
  strategic: ['perspective'],
  operational: ['strategic'],
  indicator: ['operational', 'strategic'],
};
const INDICATOR_ONLY = new Set<string>(INDICATOR_ONLY_COLUMNS);
const IGNORED_OUTPUTS = new Set(['realization', 'syncStatus', 'syncMessage', 'rowHash']);
const CODE_AND_TITLE = /^\s*(\d+(?:\.\d+)*)\.?\s+(\S.*)$/;

type Node = { ref: string; level: SheetLevel; code: string | null; title: string | null; row: SheetRowIn };

export function rowsFromMappedSheet(
  values: ReadonlyArray<ReadonlyArray<unknown>>,
  mapping: readonly HeaderMatch[],
  options: MappedSheetOptions,
): MappedSheet {
  const out: MappedSheet = { rows: [], sourceRows: [], unplaced: [], inferred: [] };
  const first = options.firstDataRow ?? 0;
  const base = options.firstRowNumber ?? 1;
  const prefix = options.clientRefPrefix ?? 'R';
  const codeLevels = options.codeLevels ?? ['strategic', 'operational', 'indicator'];
  const checkpoint = options.checkpoint ?? '31/12';

  const grouped = new Set(
    mapping.filter((m) => m.level && (m.column === 'code' || m.column === 'title')).map((m) => m.level!),
  );
  const multiLevel = grouped.size >= 2;
  const deepest = ORDER.filter((l) => grouped.has(l)).pop() ?? null;
  const groupOf = (m: HeaderMatch): SheetLevel | null =>
    multiLevel ? (m.level && grouped.has(m.level) ? m.level : deepest) : null;

  const last = new Map<SheetLevel, Node>();
  const byCode = new Map<string, Node>();
  const childCount = new Map<string, number>();

  const place = (rowNo: number, m: HeaderMatch, value: string, reason: string) =>
    out.unplaced.push({ row: rowNo, column: m.index + 1, header: m.header, value, reason });

  const emit = (rowNo: number, level: SheetLevel, cells: Array<{ m: HeaderMatch; text: string }>, suffix: string) => {
    const row: SheetRowIn = { clientRef: `${prefix}${rowNo}${suffix}`, level };
    let code: string | null = null;
    let title: string | null = null;
    let parentCode: string | null = null;
    const thresholds: Array<{ score: number; value: string }> = [];
    const futureTargets: Array<{ year: number; value: string }> = [];
    for (const { m, text } of cells) {
      const column = m.column!;
      if (INDICATOR_ONLY.has(column) && level !== 'indicator') {
        place(
          rowNo,
          m,
          text,
          column === 'target'
            ? `a target on a ${level} row (e.g. a pass mark) has no place in the plan table: only indicators carry targets`
            : `${column} belongs to indicator rows; this cell is on a ${level} row`,
        );
        continue;
      }
      if (
        m.checkpoint &&
        m.checkpoint !== checkpoint &&
        (column === 'target' || column === 'actual' || column === 'thresholds')
      ) {
        place(rowNo, m, text, `the column is for the ${m.checkpoint} checkpoint; the import is for ${checkpoint}`);
        continue;
      }
      switch (column) {
        case 'code':
          code = text;
          break;
        case 'title':
          title = text;
          break;
        case 'parentCode':
          parentCode = text;
          break;
        case 'level':
          break;
        case 'rowId':
          row.rowId = text;
          break;
        case 'rowVersion': {
          const n = Number(text);
          if (Number.isInteger(n)) row.rowVersion = n;
          else place(rowNo, m, text, 'a row version is a whole number');
          break;
        }
        case 'target': {
          if (m.year == null || m.year === options.year) row.target = text;
          else if (m.year > options.year) futureTargets.push({ year: m.year, value: text });
          else
            place(
              rowNo,
              m,
              text,
              `a ${m.year} value is before the plan year ${options.year} (a baseline): the plan table has no baseline column`,
            );
          break;
        }
        case 'actual': {
          if (m.year == null || m.year === options.year) row.actual = text;
          else
            place(
              rowNo,
              m,
              text,
              `the actual of ${m.year} is not an actual of ${options.year} (a baseline): the plan table has no baseline column`,
            );
          break;
        }
        case 'thresholds': {
          if (m.year != null && m.year !== options.year)
            place(rowNo, m, text, `thresholds of ${m.year}: only the plan year ${options.year} takes thresholds`);
          else if (m.score != null) thresholds.push({ score: m.score, value: text });
          else {
            const parsed = parseThresholds(text);
            if (parsed.ok) thresholds.push(...parsed.value);
            else place(rowNo, m, text, parsed.reason);
          }
          break;
        }
        case 'futureTargets': {
          const parsed = parseFutureTargets(text);
          if (parsed.ok) futureTargets.push(...parsed.value);
          else place(rowNo, m, text, parsed.reason);
          break;
        }
        default:
          (row as Record<string, unknown>)[column] = text;
      }
    }
    if (thresholds.length > 0) row.thresholds = thresholds.sort((a, b) => b.score - a.score);
    if (futureTargets.length > 0) row.futureTargets = futureTargets.sort((a, b) => a.year - b.year);
    row.title = title;
    const node: Node = { ref: row.clientRef!, level, code, title, row };
    attach(rowNo, node, parentCode);
    if (code == null && level !== 'perspective') {
      const parent = node.row.parentRef
        ? [...last.values(), ...byCode.values()].find((n) => n.ref === node.row.parentRef)
        : undefined;
      const n = (childCount.get(parent?.ref ?? '') ?? 0) + 1;
      childCount.set(parent?.ref ?? '', n);
      code = parent?.code ? `${parent.code}.${n}` : String(n);
      out.inferred.push({ row: rowNo, column: null, message: `row has no code: numbered "${code}" after its parent` });
    } else if (parentRefOf(node)) {
      childCount.set(parentRefOf(node)!, (childCount.get(parentRefOf(node)!) ?? 0) + 1);
    }
    row.code = code;
    node.code = code;
    if (code) byCode.set(`${level}|${code}`, node);
    last.set(level, node);
    for (const deeper of ORDER.slice(ORDER.indexOf(level) + 1)) last.delete(deeper);
    out.rows.push(row);
    out.sourceRows.push(rowNo);
  };

  const parentRefOf = (node: Node) => node.row.parentRef ?? null;

  const attach = (rowNo: number, node: Node, parentCode: string | null) => {
    const allowed = ALLOWED_PARENTS[node.level];
    if (allowed.length === 0) return;
    const codeParent = (code: string | null) => {
      if (!code) return undefined;
      for (const level of allowed) {
        const found = byCode.get(`${level}|${code}`);
        if (found) return found;
      }
      return undefined;
    };
    if (parentCode) {
      const found = codeParent(parentCode);
      if (found) node.row.parentRef = found.ref;
      else
        out.inferred.push({
          row: rowNo,
          column: null,
          message: `parent code "${parentCode}" is not a row above: the row is sent without a parent`,
        });
      return;
    }
    const recent = allowed.map((l) => last.get(l)).find((n) => n);
    const prefixCode = node.code && node.code.includes('.') ? node.code.slice(0, node.code.lastIndexOf('.')) : null;
    const byPrefix = codeParent(prefixCode);
    if (byPrefix && recent && byPrefix !== recent) {
      out.inferred.push({
        row: rowNo,
        column: null,
        message: `code "${node.code}" names parent "${byPrefix.code}", not the row above it ("${recent.code ?? recent.title}"): attached to "${byPrefix.code}"`,
      });
      node.row.parentRef = byPrefix.ref;
    } else if (recent) {
      node.row.parentRef = recent.ref;
      if (prefixCode && recent.code && prefixCode !== recent.code && !byPrefix) {
        out.inferred.push({
          row: rowNo,
          column: null,
          message: `code "${node.code}" does not start with its parent's code: attached to the ${recent.level} row above ("${recent.code}"), check it`,
        });
      }
    } else if (byPrefix) {
      node.row.parentRef = byPrefix.ref;
    }
  };

  const mapped = mapping.filter((m) => m.column && !IGNORED_OUTPUTS.has(m.column));
  const labelColumn = mapping.find((m) => m.extra === 'actionLabel');
  let lastLabel: string | null = null;
  /**
   * a printed line of an indicator (its title beside a KPI or a value), in a table without a level column: merged
   * cells exist only in printed tables, a typed level says what a line is
   */
  const isIndicatorLine = (cells: Array<{ m: HeaderMatch; text: string }>) =>
    !mapping.some((m) => m.column === 'level') &&
    cells.some((c) => c.m.column === 'title') &&
    cells.some((c) => c.m.column === 'kpi' || INDICATOR_ONLY.has(c.m.column ?? ''));
  // the cruscotto cells of each line, given to the rows the line becomes once they are known
  const placements = new Map<number, Array<{ m: HeaderMatch; text: string }>>();
  for (let r = first; r < values.length; r++) {
    const rowNo = base + r;
    const line = values[r] ?? [];
    let cells = mapping.map((m) => ({ m, text: cellText(line[m.index]) })).filter((c) => c.text !== '');
    if (cells.length === 0) continue;
    // Bergamo prints its group rows ("1.1 Attrattività del territorio") alone in the "Azione" column, which there
    // holds the action label (headers.ts): a lone cell in it is a heading, read as a title like any group row
    if (cells.length === 1 && cells[0].m.extra === 'actionLabel' && mapping.some((m) => m.column === 'title'))
      cells = [{ m: { ...cells[0].m, column: 'title', extra: null }, text: cells[0].text }];
    const label = cells.find((c) => c.m.extra === 'actionLabel');
    if (cells.length === 1 && cells[0].m.column === 'title') lastLabel = null;
    else if (label) lastLabel = label.text;
    else if (options.cruscotti && lastLabel && labelColumn && isIndicatorLine(cells)) {
      // a merged cell in the original: the action label is printed once for the several indicators under it
      cells = [...cells, { m: labelColumn, text: lastLabel }];
      out.inferred.push({
        row: rowNo,
        column: labelColumn.index + 1,
        message: `no action label: "${lastLabel}" taken from the row above (merged cell)`,
      });
    }

    for (const c of cells) {
      if (options.cruscotti && isCruscotto(c.m)) placements.set(rowNo, [...(placements.get(rowNo) ?? []), c]);
      else if (c.m.extra) place(rowNo, c.m, c.text, `the plan table has no ${c.m.extra} column`);
      else if (!c.m.column) place(rowNo, c.m, c.text, `header "${c.m.header}" was not recognised`);
    }
    if (isHeaderRow(cells)) {
      out.inferred.push({ row: rowNo, column: null, message: 'a repeated header row: skipped' });
      continue;
    }
    const usable = cells.filter((c) => c.m.column && !IGNORED_OUTPUTS.has(c.m.column));
    if (usable.length === 0) continue;

    if (multiLevel) {
      for (const level of ORDER) {
        const own = usable.filter((c) => groupOf(c.m) === level);
        if (own.length === 0) continue;
        const code = own.find((c) => c.m.column === 'code')?.text ?? null;
        const title = own.find((c) => c.m.column === 'title')?.text ?? null;
        if (code == null && title == null) {
          for (const c of own) place(rowNo, c.m, c.text, `a ${level} value on a row with no ${level} code or title`);
          continue;
        }
        const current = last.get(level);
        // the same node printed again on the next line (merged cells, repeated header block): not a new row
        if (current && ((code != null && code === current.code) || (code == null && title === current.title))) continue;
        emit(rowNo, level, own, `:${level}`);
      }
      continue;
    }

    // One node per line. A line with a single text cell and nothing else is a group row above the data rows.
    const explicitLevel = usable.find((c) => c.m.column === 'level');
    const data = usable.filter((c) => c.m.column !== 'level');
    let level: SheetLevel | undefined = explicitLevel ? levelOf(explicitLevel.text) : undefined;
    if (explicitLevel && !level) {
      place(
        rowNo,
        explicitLevel.m,
        explicitLevel.text,
        `"${explicitLevel.text}" is not a level: write prospettiva, obiettivo strategico, obiettivo operativo or azione`,
      );
      continue;
    }
    const codeCell = data.find((c) => c.m.column === 'code');
    if (
      !level &&
      !codeCell &&
      data.length === 1 &&
      data[0].m.column === 'title' &&
      mapped.length > 2 &&
      deepest !== 'perspective'
    ) {
      const split = CODE_AND_TITLE.exec(data[0].text);
      const groupLevel: SheetLevel = split ? 'strategic' : 'perspective';
      out.inferred.push({
        row: rowNo,
        column: data[0].m.index + 1,
        message: `a line with only "${data[0].text}" is a ${groupLevel} group row`,
      });
      const cellsOf = split
        ? [
            { m: { ...data[0].m, column: 'code' as const }, text: split[1] },
            { m: data[0].m, text: split[2] },
          ]
        : [data[0]];
      emit(rowNo, groupLevel, cellsOf, '');
      continue;
    }
    if (!level && grouped.size === 1) level = [...grouped][0];
    if (!level && codeCell) {
      const depth = codeCell.text.split('.').filter(Boolean).length;
      level = codeLevels[Math.min(depth, codeLevels.length) - 1];
      out.inferred.push({
        row: rowNo,
        column: codeCell.m.index + 1,
        message: `level ${level} from code "${codeCell.text}" (${depth} part${depth > 1 ? 's' : ''})`,
      });
    }
    if (!level) {
      for (const c of data) place(rowNo, c.m, c.text, 'the line has no level, code or group to say what it is');
      continue;
    }
    const previous = last.get(level);
    if (!data.some((c) => c.m.column === 'title') && previous?.title && !data.some((c) => c.m.column === 'rowId')) {
      // a merged cell in the original: the action text is printed once for its several indicators
      out.inferred.push({
        row: rowNo,
        column: null,
        message: `no title: "${previous.title}" taken from the ${level} row above (merged cell)`,
      });
      const titleMatch = mapping.find((m) => m.column === 'title');
      emit(rowNo, level, titleMatch ? [...data, { m: titleMatch, text: previous.title }] : data, '');
      continue;
    }
    emit(rowNo, level, data, '');
  }
  placeInCruscotti(out, placements, place);
  out.unplaced.sort((a, b) => a.row - b.row || a.column - b.column);
  return out;
}

const isCruscotto = (m: HeaderMatch): boolean =>
  m.extra != null && (CRUSCOTTO_COLUMNS as readonly string[]).includes(m.extra);

/** Cells a cruscotto shows beside an indicator only; the cruscotto's name, kind and owner go on every row of the line. */
const INDICATOR_PLACE = new Set(['position', 'entryLevel', 'actionLabel', 'entryWeight', 'entryDataSource']);

/**
 * A line's cruscotto cells on the rows it became: its name, kind and owner on each, its order, level and "Azione"
 * on its indicator. A cell no row can take (a line that became no row) is reported, never dropped.
 */
function placeInCruscotti(
  out: MappedSheet,
  placements: Map<number, Array<{ m: HeaderMatch; text: string }>>,
  place: (rowNo: number, m: HeaderMatch, value: string, reason: string) => void,
): void {
  for (const [rowNo, cells] of placements) {
    const rows = out.rows.filter((_, i) => out.sourceRows[i] === rowNo);
    for (const { m, text } of cells) {
      const key = m.extra as CruscottoColumnKey;
      const takers = INDICATOR_PLACE.has(key) ? rows.filter((r) => r.level === 'indicator') : rows;
      if (takers.length === 0) place(rowNo, m, text, `no row of this line takes the ${key} cell`);
      for (const row of takers) row[key] = text;
    }
  }
}

/** Seeds repeat their header block on every page: a line whose cells are the headers' own words is not data. */
function isHeaderRow(cells: Array<{ m: HeaderMatch; text: string }>): boolean {
  const parts = (header: string) => header.split(HEADER_PART_SEPARATOR).map((p) => foldHeader(p));
  const same = cells.filter((c) => parts(c.m.header).includes(foldHeader(c.text))).length;
  return same >= 2 && same * 2 >= cells.length;
}
