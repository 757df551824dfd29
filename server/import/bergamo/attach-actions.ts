/**
 * Bergamo 2020 (seed 000): the action of a row printed without one. A multi-row action is a merged cell whose label
 * is printed after the rows (000:1102), so each such row gets, in this order of evidence:
 * 1. the label named beside the same indicator in another dashboard, or sharing most words with it (a whole word
 *    counts more than a shared stem: "internazionalizzazione" at 000:1526 is the label of 000:1646, not the
 *    "internazionale" of 000:1628);
 * 2. the label of the row above when both name the same programme ("NIBI", 000:2550-2560);
 * 3. a label no row took: every label heads at least one row ("Vigilare sul mercato", 000:2079, heads 000:2008-2009);
 * 4. the label of the row above when that row also inherited it (a merged cell spans consecutive rows), else the
 *    inherited label of the row below (000:867 under "Diffondere la cultura dell'internazionalizzazione", the label
 *    of 000:871).
 * Every attachment is in the review with the evidence it rests on; a row none of these reaches is reported.
 */
import type { ReviewReport } from '../review';
import type { PdfRow, PdfSegment } from './pdf-layout';
import { titleKey } from './rows';
import type { Attributed } from './attribute-objectives';
import { stems, wordScore } from './words-2020';

type Evidence = { en: string; it: string };

interface Pending {
  row: PdfRow;
  action: PdfRow['action'];
  evidence: Evidence | null;
  /** the label came from step 1 or 2 (words or another dashboard), not from a neighbour */
  strong: boolean;
  /** taken from the row below: the merged cell may start here or not */
  fromBelow?: boolean;
}

/** Programme names printed in capitals ("NIBI", "GO.IN.", "AQI", "PID"). */
function programmes(text: string): Set<string> {
  return new Set((text.match(/\b[A-Z][A-Z.@]{2,}\b/g) ?? []).map((w) => w.replace(/\./g, '')));
}

export function attachActions(
  segment: PdfSegment,
  actionOfIndicator: Map<string, { text: string; line: number }>,
  review: ReviewReport,
): Attributed[] {
  const rows: Pending[] = segment.rows.map((row) => {
    if (row.actionSplit && row.action) {
      review.inferred(
        row.line,
        `row at line ${row.line}`,
        'ACTION_SPLIT',
        `Action "${row.action.text}" told apart from indicator "${row.indicator}": ${row.actionSplit.en}.`,
        `Azione "${row.action.text}" separata dall'indicatore "${row.indicator}": ${row.actionSplit.it}.`,
        `${row.action.text} | ${row.indicator}`,
      );
    }
    return { row, action: row.action, evidence: null, strong: true };
  });
  if (segment.actions.length > 0) {
    byWords(rows, segment, actionOfIndicator);
    byUnusedLabel(rows, segment);
    byNeighbour(rows);
  }
  for (const p of rows) report(p, segment, review);
  return rows.map((p) => ({
    row: p.row,
    action: p.action,
    code: null,
    weakAction: p.action !== null && p.row.action === null && !p.strong,
    actionFromBelow: p.fromBelow === true,
  }));
}

function byWords(
  rows: Pending[],
  segment: PdfSegment,
  actionOfIndicator: Map<string, { text: string; line: number }>,
): void {
  rows.forEach((p, i) => {
    if (p.row.action) return;
    const above = rows[i - 1];
    const shared = above?.action
      ? [...programmes(p.row.indicator)].filter((w) => programmes(above.row.indicator).has(w))
      : [];
    if (above?.action && shared.length > 0) {
      p.action = above.action;
      p.evidence = {
        en: `the row above (line ${above.row.line}) names the same programme ${shared.join(', ')}`,
        it: `la riga sopra (riga ${above.row.line}) nomina lo stesso programma ${shared.join(', ')}`,
      };
      return;
    }
    const elsewhere = actionOfIndicator.get(titleKey(p.row.indicator));
    const words = stems(p.row.indicator);
    let best: { label: PdfSegment['actions'][number]; score: number; ev: Evidence } | null = null;
    for (const label of segment.actions) {
      const named = elsewhere && titleKey(elsewhere.text) === titleKey(label.text);
      const shared = wordScore(p.row.indicator, words, label.text);
      const score = (named ? 10 : 0) + shared;
      const ev = named
        ? {
            en: `the same indicator has this action at line ${elsewhere.line}`,
            it: `lo stesso indicatore ha questa azione alla riga ${elsewhere.line}`,
          }
        : {
            en: `${shared} point(s) of words shared with the label`,
            it: `${shared} punti di parole in comune con l'etichetta`,
          };
      if (score > 0 && (!best || score > best.score)) best = { label, score, ev };
    }
    if (best) {
      p.action = { text: best.label.text, line: best.label.line };
      p.evidence = best.ev;
    }
  });
}

function byUnusedLabel(rows: Pending[], segment: PdfSegment): void {
  const used = new Set(rows.filter((p) => p.action).map((p) => titleKey(p.action!.text)));
  const unused = segment.actions.filter((l) => !used.has(titleKey(l.text)));
  // Runs of rows still without an action: with one label left and one run, the label is that run's.
  const runs: Pending[][] = [];
  rows.forEach((p, i) => {
    if (p.action) return;
    if (i > 0 && !rows[i - 1].action && runs.length) runs[runs.length - 1].push(p);
    else runs.push([p]);
  });
  if (unused.length !== 1 || runs.length !== 1) return;
  for (const p of runs[0]) {
    p.action = { text: unused[0].text, line: unused[0].line };
    p.evidence = {
      en: 'the only label printed for the block that no other row takes, and these the only rows without one',
      it: "l'unica etichetta del blocco che nessun'altra riga prende, e queste le sole righe senza azione",
    };
  }
}

function byNeighbour(rows: Pending[]): void {
  // Down first: a merged cell continues from the row above when that row inherited its label too.
  rows.forEach((p, i) => {
    const above = rows[i - 1];
    if (p.action || !above?.action || above.row.action) return;
    p.action = above.action;
    p.strong = false;
    p.evidence = {
      en: `no label fits by its words: the action of the row above (line ${above.row.line}), a merged cell spans consecutive rows`,
      it: `nessuna etichetta corrisponde per parole: l'azione della riga sopra (riga ${above.row.line}), una cella unita copre righe consecutive`,
    };
  });
  for (let i = rows.length - 2; i >= 0; i--) {
    const p = rows[i];
    const below = rows[i + 1];
    if (p.action || !below.action || below.row.action) continue;
    p.action = below.action;
    p.strong = false;
    p.fromBelow = true;
    p.evidence = {
      en: `no label fits by its words and the row above has its own action: the label of the row below (line ${below.row.line}), a merged cell spans consecutive rows`,
      it: `nessuna etichetta corrisponde per parole e la riga sopra ha un'azione propria: l'etichetta della riga sotto (riga ${below.row.line}), una cella unita copre righe consecutive`,
    };
  }
}

function report(p: Pending, segment: PdfSegment, review: ReviewReport): void {
  const { row } = p;
  if (row.action || segment.actions.length === 0) return;
  if (p.action && p.evidence) {
    review.inferred(
      row.line,
      `row at line ${row.line}`,
      'ACTION_ATTRIBUTED',
      `The action label "${p.action.text}" (line ${p.action.line}), printed after the rows, is attached to "${row.indicator}": ${p.evidence.en}.`,
      `L'azione "${p.action.text}" (riga ${p.action.line}), stampata dopo le righe, è attribuita a "${row.indicator}": ${p.evidence.it}.`,
      p.evidence.en,
    );
    return;
  }
  review.unreadable(
    row.line,
    `row at line ${row.line}`,
    'ACTION_UNKNOWN',
    `"${row.indicator}" has no action of its own and none of the labels printed after the rows fits it: no action label.`,
    `"${row.indicator}" non ha un'azione propria e nessuna delle etichette stampate dopo le righe vi corrisponde: nessuna azione.`,
    segment.actions.map((a) => a.text).join(' | '),
  );
}
