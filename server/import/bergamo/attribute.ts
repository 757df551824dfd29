/**
 * Bergamo 2020 (seed 000), second pass: the labels printed after a segment's rows back onto the rows. The text keeps
 * no positions, so this is inference, reported row by row with its evidence:
 * - objectives: attribute-objectives.ts weighs the order of the rows, the other dashboards and the titles, and flags
 *   the rows it cannot settle.
 * - multi-row actions: attach-actions.ts.
 * - perspectives: by elimination, a segment with one unnamed perspective and one unnamed objective digit names it.
 */
import type { ReviewReport } from '../review';
import type { PdfDashboard } from './pdf-layout';
import type { BergamoCell, BergamoRow } from './rows';
import { titleKey } from './rows';
import { attributeObjectives } from './attribute-objectives';
import type { Attributed } from './attribute-objectives';
import { attachActions } from './attach-actions';

export function attributeRows(dashboards: PdfDashboard[], review: ReviewReport): BergamoRow[] {
  const titles = new Map<string, { title: string; line: number }>();
  const actionOfIndicator = new Map<string, { text: string; line: number }>();
  for (const d of dashboards) {
    for (const s of d.segments) {
      for (const o of s.objectives) if (!titles.has(o.code)) titles.set(o.code, { title: o.title, line: o.line });
      for (const r of s.rows)
        if (r.action && !actionOfIndicator.has(titleKey(r.indicator)))
          actionOfIndicator.set(titleKey(r.indicator), r.action);
    }
  }
  const perspectives = namePerspectives(dashboards, review);
  for (const s of dashboards.flatMap((d) => d.segments)) {
    for (const o of s.objectives) {
      const first = titles.get(o.code) as { title: string; line: number };
      if (first.line === o.line || titleKey(first.title) === titleKey(o.title)) continue;
      review.warning(
        o.line,
        `strategic objective ${o.code}`,
        'OBJECTIVE_TITLE_CONFLICT',
        `Objective ${o.code} is printed "${o.title}" here but "${first.title}" at line ${first.line}: the code is kept, with the title at line ${first.line}.`,
        `L'obiettivo ${o.code} è stampato "${o.title}" qui ma "${first.title}" alla riga ${first.line}: si tiene il codice, con il titolo della riga ${first.line}.`,
        o.text,
      );
    }
  }

  const blocks = dashboards.flatMap((d) =>
    d.segments.map((segment) => ({ dashboard: d, segment, rows: attachActions(segment, actionOfIndicator, review) })),
  );
  attributeObjectives(blocks, titles, review);
  return blocks.flatMap((b) => b.rows.map((a) => toRow(b.dashboard, a, titles, perspectives, review)));
}

function namePerspectives(
  dashboards: PdfDashboard[],
  review: ReviewReport,
): Map<string, { name: string; line: number }> {
  const named = new Map<string, { name: string; line: number }>();
  const segments = dashboards.flatMap((d) => d.segments);
  for (let changed = true; changed;) {
    changed = false;
    for (const s of segments) {
      const known = new Set([...named.values()].map((p) => titleKey(p.name)));
      const labels = s.perspectives.filter((p) => !known.has(titleKey(p.text)));
      const digits = [...new Set(s.objectives.map((o) => o.code.split('.')[0]))].filter((dg) => !named.has(dg));
      if (labels.length === 1 && digits.length === 1) {
        named.set(digits[0], { name: labels[0].text, line: labels[0].line });
        review.inferred(
          labels[0].line,
          `perspective ${digits[0]}`,
          'PERSPECTIVE_ATTRIBUTED',
          `Perspective "${labels[0].text}" is the only unnamed one beside objectives ${s.objectives.map((o) => o.code).join(', ')}: it is perspective ${digits[0]}.`,
          `La prospettiva "${labels[0].text}" è l'unica non ancora attribuita accanto agli obiettivi ${s.objectives.map((o) => o.code).join(', ')}: è la prospettiva ${digits[0]}.`,
          `objectives ${s.objectives.map((o) => o.code).join(', ')}`,
        );
        changed = true;
      }
    }
  }
  return named;
}

/** Values into columns. A row printing fewer values than columns lost empty cells: the values are aligned right. */
function toRow(
  d: PdfDashboard,
  a: Attributed,
  titles: Map<string, { title: string; line: number }>,
  perspectives: Map<string, { name: string; line: number }>,
  review: ReviewReport,
): BergamoRow {
  const { row } = a;
  let values: Array<BergamoCell | null> = row.values;
  if (row.values.length < d.columns) {
    values = [...new Array<null>(d.columns - row.values.length).fill(null), ...row.values];
    review.inferred(
      row.line,
      `row at line ${row.line}`,
      'COLUMNS_ASSIGNED',
      `${row.values.length} values for ${d.columns} columns ("${row.values.map((v) => v.raw).join(' ')}"): aligned to the right, the target ${d.dashboard.targetYears[0]} last; the first ${d.columns - row.values.length} column(s) are read as empty. To be checked.`,
      `${row.values.length} valori per ${d.columns} colonne ("${row.values.map((v) => v.raw).join(' ')}"): allineati a destra, il target ${d.dashboard.targetYears[0]} per ultimo; le prime ${d.columns - row.values.length} colonne sono lette vuote. Da verificare.`,
      row.values.map((v) => v.raw).join(' '),
    );
  } else if (row.values.length > d.columns) {
    values = row.values.slice(row.values.length - d.columns);
    review.warning(
      row.line,
      `row at line ${row.line}`,
      'EXTRA_VALUES',
      `${row.values.length} values for ${d.columns} columns: the last ${d.columns} are read.`,
      `${row.values.length} valori per ${d.columns} colonne: si leggono gli ultimi ${d.columns}.`,
      row.values.map((v) => v.raw).join(' '),
    );
  }
  if (!row.indicator) {
    review.unreadable(
      row.line,
      `row at line ${row.line}`,
      'INDICATOR_MISSING',
      'Values without an indicator text.',
      "Valori senza testo dell'indicatore.",
      row.values.map((v) => v.raw).join(' '),
    );
  }
  const title = a.code ? titles.get(a.code) : undefined;
  const perspective = a.code ? (perspectives.get(a.code.split('.')[0]) ?? null) : null;
  return {
    dashboard: d.dashboard,
    line: row.line,
    perspective,
    objective: a.code && title ? { code: a.code, title: title.title, line: title.line } : null,
    action: a.action,
    indicator: row.indicator,
    indicatorLine: row.indicatorLine,
    baselineTarget: values[0] ?? null,
    baselineActual: values[1] ?? null,
    targets: values.slice(2),
    source: row.source,
  };
}
