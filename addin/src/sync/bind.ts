/**
 * Binding a sheet shaped like the seeds (Sondrio, Bergamo, Brescia tables): its headers are recognised with the
 * importer's own rules (core/sheet/headers.ts), the user confirms or corrects the mapping, and the rows become a
 * canonical plan table next to it, each matched to its server row by level and code (perspectives by title). On a
 * workbook bound already, the bound table is rewritten in place instead (rewrite.ts), after asking about edits not
 * sent: pressing "Collega questo foglio" again never leaves a second table beside an orphaned first one.
 * The original sheet is left as it is: the canonical table needs its hidden id, version and hash columns.
 * Matched rows get the server's hash, so every cell where the sheet differs from the server is a change the next
 * Sync sends; rows the server does not know are new rows. Columns the sheet lacks take the server's values.
 */
import { combineHeaderRows, recognizeHeaders, rowsFromMappedSheet, type HeaderMatch } from '@core/sheet/headers';
import { LEVEL_LABEL, formatFutureTargets, formatThresholds, sheetLayout } from '@core/sheet/layout';
import { CRUSCOTTO_COLUMNS, type SheetLevel, type SheetRowIn } from '@core/sheet/row';
import { ALLOWED_PARENT_LEVELS, INDICATOR_ONLY_COLUMNS } from '@core/vocabulary/levels';
import { levelOf } from '@core/sheet/vocabulary';
import type { ServerRow } from '../api/types';
import type { Cell } from '../workbook/port';
import { idsByKey } from './column-identity';
import { canonicalHeaders, linesOf, type Inputs } from './columns';
import { planTableOf, readPlanTable, statusLabel, TableMissingError, type OperationContext } from './context';
import { addCruscottoColumns, keepColumnIdentity, refuseUnsent, rewriteTable } from './rewrite';
import { rowHash } from './hash';
import { freshState, layoutColumns } from './load';
import { parentNames, referenceName, scoreCells, serverInputs } from './server-cells';
import type { StoredState } from './state';
import type { BindRequest, BindSummary, Binding, ColumnMapping, MappingProposal } from './types';
import { refreshVisuals } from './visuals';
import { cruscottoAsColumns, cruscottoAsExtras, titleFromIndicatorColumn } from './mapping';
import { foldWords } from '@core/vocabulary/fold';

/** the header row (or rows, for grouped headers) that names the most plan columns among the sheet's first rows */
export function proposeFromValues(sheet: string, address: string, values: Cell[][]): MappingProposal {
  let best: { start: number; rows: number; headers: string[]; matches: HeaderMatch[]; score: number } | null = null;
  for (let start = 0; start < Math.min(values.length, 12); start++) {
    for (let rows = 1; rows <= 4 && start + rows <= values.length; rows++) {
      const headers =
        rows === 1
          ? values[start].map((c) => (c === null ? '' : String(c)))
          : combineHeaderRows(values.slice(start, start + rows));
      const recognition = recognizeHeaders(headers);
      const score = recognition.mapping.filter((m) => m.column).reduce((n, m) => n + m.confidence, 0);
      if (!best || score > best.score + 1e-9) best = { start, rows, headers, matches: recognition.mapping, score };
    }
  }
  const matches = cruscottoAsColumns(titleFromIndicatorColumn(best?.matches ?? []));
  const mapping: ColumnMapping = {};
  for (const m of matches) if (m.column && !mapping[m.column]) mapping[m.column] = m.header;
  return {
    sheet,
    address,
    headerRow: best?.start ?? 0,
    headerRows: best?.rows ?? 1,
    headers: best?.headers ?? [],
    mapping,
    matches,
    unmatched: matches.filter((m) => !m.column && !m.extra && m.header.trim() !== '').map((m) => m.header),
  };
}

/** a simple "column → header" mapping the user edited, as the header matches the importer reads */
function matchesOf(proposal: MappingProposal, mapping: ColumnMapping | HeaderMatch[]): HeaderMatch[] {
  if (Array.isArray(mapping)) return mapping;
  const byHeader = new Map(Object.entries(mapping).map(([key, header]) => [header, key]));
  return proposal.headers.map((header, index) => {
    const chosen = byHeader.get(header) as HeaderMatch['column'] | undefined;
    const auto = proposal.matches.find((m) => m.index === index);
    // the user's choice wins; the importer's reading keeps its level / year / score details when it agrees
    if (auto && auto.column === (chosen ?? null)) return auto;
    return {
      index,
      header,
      column: chosen ?? null,
      extra: null,
      level: null,
      year: null,
      score: null,
      checkpoint: null,
      confidence: chosen ? 1 : 0,
      evidence: chosen ? 'chosen by the user' : 'left out by the user',
    };
  });
}

function mappedInputs(row: SheetRowIn, level: SheetLevel | undefined, parentName: string): Partial<Inputs> {
  const out: Partial<Inputs> = {};
  if (level) out.level = LEVEL_LABEL[level];
  // the cells every row has, the indicator's own (but the two lists formatted below) and the cruscotto ones, as typed
  const copy: Array<keyof Inputs & keyof SheetRowIn> = [
    'code',
    'title',
    'weight',
    'kpi',
    ...INDICATOR_ONLY_COLUMNS.filter(
      (key): key is Exclude<typeof key, 'thresholds' | 'futureTargets'> =>
        key !== 'thresholds' && key !== 'futureTargets',
    ),
    ...CRUSCOTTO_COLUMNS,
  ];
  for (const key of copy) if (typeof row[key] === 'string') out[key] = row[key] as string;
  if (row.thresholds) out.thresholds = formatThresholds(row.thresholds);
  if (row.futureTargets) out.futureTargets = formatFutureTargets(row.futureTargets);
  if (parentName) out.parentCode = parentName;
  return out;
}

const matchKey = (level: SheetLevel | undefined, name: string) => `${level}|${foldWords(name)}`;
const parentLevels = (level: SheetLevel | undefined) => (level ? ALLOWED_PARENT_LEVELS[level] : []);

export async function bindSheet(
  ctx: OperationContext,
  serverUrl: string,
  proposal: MappingProposal,
  mapping: ColumnMapping | HeaderMatch[],
  request: BindRequest,
  values: Cell[][],
  into: { current: StoredState; discard: boolean } | null = null,
): Promise<{ state: StoredState; summary: BindSummary }> {
  // bound already: the same table is rewritten (never a second one beside an orphan), and only once the user chose
  let bound = into ? await readBound(ctx, into.current) : null;
  if (bound) refuseUnsent(bound.table, into!.discard, 'bind');
  const { plan, passMarks } = await ctx.client.plan(request.planId);
  if (!plan) throw new Error(`plan ${request.planId} not found`);
  const matches = matchesOf(proposal, mapping);
  const explicitParent = matches.some((m) => m.column === 'parentCode');
  const mapped = rowsFromMappedSheet(values, cruscottoAsExtras(matches), {
    // the cruscotto columns of a Bergamo-shaped sheet are the bound table's too (docs/sheet-contract.md, "Cruscotti")
    cruscotti: true,
    year: request.year,
    checkpoint: request.checkpoint === 'YEAR_END' ? '31/12' : '30/6',
    firstDataRow: proposal.headerRow + proposal.headerRows,
    firstRowNumber: 1,
  });

  const cruscotti = mapped.rows.some((row) => !!row.dashboard?.trim());
  const { planId, year, checkpoint, scope } = request;
  const page = await ctx.client.sheetRows(planId, year, checkpoint, null, cruscotti, scope);
  const inSheet = new Set(
    mapped.rows.flatMap((row) => {
      const level = row.level ? levelOf(row.level) : undefined;
      return [row.code, level === 'perspective' ? row.title : null]
        .filter((name): name is string => !!name && name.trim() !== '')
        .map((name) => matchKey(level, name));
    }),
  );
  const serverByKey = new Map<string, ServerRow>();
  for (const row of page.rows) {
    const level = row.level.toLowerCase() as SheetLevel;
    // a cruscotto's row is found by its cruscotto too: the same node shown there, with its place in it
    if (row.dashboard) {
      if (row.code) serverByKey.set(`${foldWords(row.dashboard)}#${matchKey(level, row.code)}`, row);
      continue;
    }
    if (row.code) serverByKey.set(matchKey(level, row.code), row);
    if (row.level === 'PERSPECTIVE') serverByKey.set(matchKey(level, row.title), row);
  }
  const serverParents = parentNames(page.rows);
  const nameOfRef = new Map<string, string>();
  const status = {
    synced: statusLabel(ctx.language, 'SYNCED'),
    fresh: statusLabel(ctx.language, 'NEW'),
    dirty: statusLabel(ctx.language, 'DIRTY'),
  };
  const keys = sheetLayout(cruscotti).map((c) => c.key);
  let matched = 0;
  const rows: Cell[][] = mapped.rows.map((row) => {
    const level = row.level ? levelOf(row.level) : undefined;
    const name = row.code?.trim() || (level === 'perspective' ? (row.title ?? '') : '');
    nameOfRef.set(row.clientRef!, name);
    const parentName = row.parentRef ? (nameOfRef.get(row.parentRef) ?? '') : '';
    const shownIn = row.dashboard?.trim() ? `${foldWords(row.dashboard)}#` : null;
    const server =
      (row.rowId ? page.rows.find((r) => r.rowId === row.rowId) : undefined) ??
      (shownIn ? serverByKey.get(`${shownIn}${matchKey(level, row.code ?? '')}`) : undefined) ??
      serverByKey.get(matchKey(level, row.code ?? '')) ??
      (level === 'perspective' ? serverByKey.get(matchKey(level, row.title ?? '')) : undefined);
    const own = mappedInputs(row, level, parentName);
    const blank = Object.fromEntries(keys.map((k) => [k, ''])) as Record<string, Cell>;
    if (!server) return keys.map((k) => (({ ...blank, ...own, syncStatus: status.fresh }) as Record<string, Cell>)[k]);
    matched++;
    const base = serverInputs(server, serverParents.get(server.rowId) ?? '');
    // a parent read from where the row sits (a seed table has no parent column) is a guess, and the seeds' damage
    // puts rows under the wrong block: a matched row keeps the server's parent unless the sheet names one
    // a server parent the sheet does not hold (a sheet with part of the plan) is left out: not sent, kept as it is
    const serverParent = parentLevels(level).some((l) => inSheet.has(matchKey(l, base.parentCode)))
      ? base.parentCode
      : '';
    const parentCode = explicitParent ? own.parentCode || serverParent : serverParent;
    const inputs = { ...base, ...own, parentCode, level: base.level };
    const hash = rowHash(base);
    const cells: Record<string, Cell> = {
      ...inputs,
      ...scoreCells(server.realization, ctx.language),
      syncStatus: rowHash(inputs) === hash ? status.synced : status.dirty,
      rowId: server.rowId,
      rowVersion: server.rowVersion,
      rowHash: hash,
    };
    nameOfRef.set(row.clientRef!, referenceName(server));
    return keys.map((k) => cells[k]);
  });

  const fresh = (where: Pick<Binding, 'table' | 'sheet' | 'language'>) =>
    freshState(serverUrl, request, plan, passMarks, { ...where, serverTime: page.serverTime, cursor: page.cursor });
  let state: StoredState;
  if (bound) {
    // a table without the cruscotto columns gets them before lines in cruscotti are written into it
    const current = cruscotti ? await addCruscottoColumns(ctx, into!.current, bound.table) : into!.current;
    if (current !== into!.current) bound = await readBound(ctx, current);
    // the table's own column order, its renamed and its own columns kept (rewrite.ts)
    await rewriteTable(
      ctx,
      'bind',
      bound.data,
      bound.table,
      rows.map((cells) => Object.fromEntries(keys.map((k, i) => [k, cells[i]]))),
    );
    state = fresh(current.binding);
    keepColumnIdentity(state, current);
    await refreshVisuals(ctx.port, await readPlanTable(ctx.port, state.binding), state.lights, ctx.language);
  } else {
    const existing = await ctx.port.listTables();
    const taken = new Set(existing.map((t) => t.name.toLowerCase()));
    let name = request.table ?? `Cruscotto_${proposal.sheet}`.replace(/[^A-Za-z0-9_]/g, '_');
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${name.replace(/_\d+$/, '')}_${n}`;
    const sheet = `${proposal.sheet} (Cruscotto)`.slice(0, 31);
    const columnIds = await ctx.port.createTable(sheet, name, layoutColumns(ctx.language, cruscotti), rows);
    state = fresh({ table: name, sheet, language: ctx.language });
    state.binding.columnIds = idsByKey(keys, columnIds);
    const headers = canonicalHeaders(ctx.language, cruscotti);
    if (cruscotti) state.binding.columns = headers;
    await refreshVisuals(
      ctx.port,
      linesOf({ name, sheet, headers: keys.map((k) => headers[k]!), rowCount: rows.length, rows }, headers),
      state.lights,
      ctx.language,
    );
  }
  const table = state.binding.table;
  return {
    state,
    summary: { rows: rows.length, matched, table, newRows: rows.length - matched, unplaced: mapped.unplaced.length },
  };
}

/** the bound table as it is now, to be rewritten in place */
async function readBound(ctx: OperationContext, current: StoredState) {
  const data = await ctx.port.readTable(current.binding.table);
  if (!data) throw new TableMissingError(current.binding.table);
  return { data, table: planTableOf(data, current.binding) };
}
