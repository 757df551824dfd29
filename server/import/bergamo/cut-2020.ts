/**
 * Where a Bergamo 2020 text (seed 000) ends inside a table (issue 17, item 4). Its PDF text has no TAB cells, so the
 * common check (damage.ts: the last line is a table row) never fired, and the Dirigente dashboard's heading (000:2838)
 * is present in any text cut after it: a text cut in the last dashboard imported without a word. In this layout a
 * table closes with the perspective and objective labels of its rows (000:2950-2962), so a text whose last table has
 * rows and no objective label after them, or fewer labels than the objectives its rows are filed under in the other
 * dashboards, or that ends in a page's column header or right after a dashboard's title, was cut there.
 */
import type { TextCut } from '../importer';
import type { PdfLayout, PdfSegment } from './pdf-layout';
import { titleKey, type BergamoRow } from './rows';

export function cutOf(layout: PdfLayout, rows: BergamoRow[]): TextCut | null {
  const last = layout.dashboards.at(-1);
  if (!last) return null;
  const name = last.dashboard.name;
  if (layout.endsInHeader)
    return {
      en: `inside the column header of a page of dashboard "${name}"`,
      it: `dentro l'intestazione di colonna di una pagina del cruscotto "${name}"`,
    };
  const segment = last.segments.at(-1);
  if (!segment)
    return {
      en: `right after the title of dashboard "${name}" (line ${last.dashboard.line}), before its table`,
      it: `subito dopo il titolo del cruscotto "${name}" (riga ${last.dashboard.line}), prima della sua tabella`,
    };
  if (segment.objectives.length === 0) {
    const from = segment.rows[0]?.line ?? last.dashboard.line;
    return {
      en: `inside the table of dashboard "${name}": its ${segment.rows.length} row(s) from line ${from} have none of the objective labels this layout prints after the rows`,
      it: `dentro la tabella del cruscotto "${name}": le sue ${segment.rows.length} righe dalla riga ${from} non hanno nessuna delle etichette di obiettivo che questo formato stampa dopo le righe`,
    };
  }
  const missing = unnamedObjectives(segment, rows);
  if (missing.length > 0) {
    const said = missing.map(([code, line]) => `${code} (line ${line})`).join(', ');
    return {
      en: `inside the labels closing a table of dashboard "${name}": its rows are listed in other dashboards under objective(s) ${said}, which the labels read up to here do not name`,
      it: `dentro le etichette che chiudono una tabella del cruscotto "${name}": le sue righe sono elencate in altri cruscotti sotto gli obiettivi ${said}, che le etichette lette fin qui non nominano`,
    };
  }
  return null;
}

/**
 * Objectives the other dashboards file this segment's rows under and its label block does not name, with the first
 * line that files them so: a block cut after some of its labels (000:2950-2962 cut at 2955 names 3.1 and 1.2 only,
 * while its rows are under 1.6, 2.1 and 2.2 elsewhere). On the whole seed every such objective is named.
 */
function unnamedObjectives(segment: PdfSegment, rows: BergamoRow[]): Array<[string, number]> {
  const named = new Set(segment.objectives.map((o) => o.code));
  const own = new Set(segment.rows.map((r) => r.line));
  const mine = new Set(segment.rows.map((r) => titleKey(r.indicator)));
  const out = new Map<string, number>();
  for (const r of rows) {
    if (own.has(r.line) || !r.objective || named.has(r.objective.code) || !mine.has(titleKey(r.indicator))) continue;
    out.set(r.objective.code, Math.min(out.get(r.objective.code) ?? r.line, r.line));
  }
  return [...out].sort(([a], [b]) => a.localeCompare(b));
}
