/**
 * Bergamo plan 2020-2022 (seed 000), first pass: the PDF text into dashboards, pages and rows. A page starts with the
 * column header ("Azione Indicatore … Fonte del dato"); a row is the text lines since the previous row plus the line
 * holding its values (and the source words wrapped under it). The merged cells of the left-hand columns (perspective,
 * strategic objective, and an action spanning several rows) are printed AFTER the rows, in a block closing a run of
 * pages (e.g. 000:953-965): a "segment". Which row each of those labels belongs to is decided later (attribute.ts).
 */
import type { SourceText } from '../draft';
import type { SourceLine } from '../source-text';
import type { BergamoCell, BergamoDashboard } from './rows';
import { squeeze } from './rows';
import { dashboardOf } from './tables-2021';
import { valueRun } from './pdf-values';
import type { ValueRun } from './pdf-values';

export interface PdfRow {
  /** the line holding the values */
  line: number;
  action: { text: string; line: number } | null;
  /** how the action was told apart from the indicator, when it was not a paragraph of its own */
  /** why the action was told apart from the indicator, in English and Italian (the review says both) */
  actionSplit: Reason | null;
  indicator: string;
  indicatorLine: number;
  /** as printed, left to right */
  values: BergamoCell[];
  source: string | null;
}

export interface PdfLabel {
  text: string;
  line: number;
}

export interface PdfSegment {
  rows: PdfRow[];
  objectives: Array<PdfLabel & { code: string; title: string }>;
  perspectives: PdfLabel[];
  actions: PdfLabel[];
}

export interface PdfDashboard {
  dashboard: BergamoDashboard;
  /** value columns of its rows: 5 (strategic) or 3 */
  columns: number;
  segments: PdfSegment[];
}

const TITLE =
  /^\s+(CRUSCOTTO STRATEGICO \d{4}|SERVIZIO [A-Z ,']+?|AZIENDA SPECIALE|CRUSCOTTO DEL SEGRETARIO GENERALE|CRUSCOTTO DEL DIRIGENTE)\s*$/;
/** A chapter heading between dashboards (" 3.3 Gli obiettivi operativi ", " 4. DALLA PERFORMANCE …"): indented, unlike labels. */
const CHAPTER = /^\s+\d(\.\d)*\.?\s+\S/;
export const OBJECTIVE_LABEL = /^(\d)\.\s?(\d+)\s+(\S.*)$/;
const INFINITIVE = /^[A-Z][a-zà-ù]+(are|ere|ire)$/;

export function isPerspectiveLabel(text: string): boolean {
  const t = squeeze(text);
  return t.length > 10 && t === t.toUpperCase() && /^[A-ZÀ-Ü' ]+$/.test(t);
}

export interface PdfLayout {
  planYear: number;
  dashboards: PdfDashboard[];
  /** the text ended inside a page's column header ("Azione Indicatore" … "Fonte del dato"): a cut (cut-2020.ts) */
  endsInHeader: boolean;
}

export function readPdfLayout(source: SourceText): PdfLayout {
  const first = source.find(/^\s*CRUSCOTTO STRATEGICO (\d{4})\s*$/);
  const planYear = Number(/(\d{4})/.exec(first?.text ?? '')?.[1] ?? 0);
  const dashboards: PdfDashboard[] = [];
  if (!first) return { planYear, dashboards, endsInHeader: false };
  let current: PdfDashboard | null = null;
  let page: SourceLine[] | null = null;
  let header: string[] | null = null;

  const closePage = () => {
    if (current && page) readPage(page, current);
    page = null;
  };
  for (const line of source.lines.slice(first.no - 1)) {
    const title = TITLE.exec(line.text);
    if (title) {
      closePage();
      const dashboard = dashboardOf(title[1], line.no, planYear, dashboards.length);
      current = dashboard
        ? {
            dashboard,
            columns: dashboard.targetYears.length + 2,
            segments: [{ rows: [], objectives: [], perspectives: [], actions: [] }],
          }
        : null;
      if (current) dashboards.push(current);
      continue;
    }
    if (CHAPTER.test(line.text)) {
      closePage();
      current = null;
      continue;
    }
    if (!current) continue;
    if (header) {
      header.push(line.text);
      if (/^\s*Fonte del dato\s*$/.test(line.text)) header = null;
      continue;
    }
    if (/^\s*Azione Indicatore\s*$/.test(line.text)) {
      closePage();
      header = [line.text];
      page = [];
      continue;
    }
    page?.push(line);
  }
  const endsInHeader = header !== null && current !== null;
  closePage();
  for (const d of dashboards) d.segments = d.segments.filter((s) => s.rows.length > 0 || s.objectives.length > 0);
  return { planYear, dashboards, endsInHeader };
}

/** Rows of one page; what follows the last row is the label block closing the segment. */
function readPage(lines: SourceLine[], into: PdfDashboard): void {
  let segment = into.segments[into.segments.length - 1];
  let pending: SourceLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const run = lines[i].text.trim() ? valueRun(lines[i].text) : null;
    if (!run) {
      pending.push(lines[i]);
      continue;
    }
    const valuesLine = lines[i];
    let sourceText = run.source;
    const bare = run.source === '';
    // Source words wrapped under the values: "LWA - Balanced" / "scorecard" (000:841-842), "Griglia valutazione" / "OIV".
    for (let k = 0; k < 2; k++) {
      const next = lines[i + 1];
      if (!next || !next.text.trim() || valueRun(next.text)) break;
      const t = next.text.trim();
      const wraps = bare ? t.length <= 30 : /^[a-z]/.test(t) || /[,-]$/.test(sourceText);
      if (!wraps) break;
      sourceText = squeeze(`${sourceText} ${t}`);
      i++;
    }
    segment.rows.push(rowOf(pending, valuesLine, run, sourceText));
    pending = [];
  }
  const labels = paragraphs(pending);
  if (labels.length === 0) return;
  for (const p of labels) {
    const text = squeeze(p.map((l) => l.text).join(' '));
    const obj = OBJECTIVE_LABEL.exec(text);
    if (obj) segment.objectives.push({ text, line: p[0].no, code: `${obj[1]}.${obj[2]}`, title: obj[3] });
    else if (isPerspectiveLabel(text)) segment.perspectives.push({ text, line: p[0].no });
    else segment.actions.push({ text, line: p[0].no });
  }
  into.segments.push({ rows: [], objectives: [], perspectives: [], actions: [] });
  segment = into.segments[into.segments.length - 1];
}

function paragraphs(lines: SourceLine[]): SourceLine[][] {
  const out: SourceLine[][] = [];
  let cur: SourceLine[] = [];
  for (const l of lines) {
    if (!l.text.trim()) {
      if (cur.length) out.push(cur);
      cur = [];
    } else cur.push(l);
  }
  if (cur.length) out.push(cur);
  return out;
}

function rowOf(pending: SourceLine[], valuesLine: SourceLine, run: ValueRun, source: string): PdfRow {
  const paras = paragraphs(pending);
  if (run.prefix) paras.push([{ no: valuesLine.no, text: run.prefix }]);
  const values = run.values.map((raw) => ({ raw, line: valuesLine.no }));
  const base = { line: valuesLine.no, values, source: source || null };
  if (paras.length === 0) {
    return { ...base, action: null, actionSplit: null, indicator: '', indicatorLine: valuesLine.no };
  }
  const indicatorPara = paras[paras.length - 1];
  const actionParas = paras.slice(0, -1);
  if (actionParas.length > 0) {
    const flat = actionParas.flat();
    return {
      ...base,
      action: { text: squeeze(flat.map((l) => l.text).join(' ')), line: flat[0].no },
      actionSplit: null,
      indicator: squeeze(indicatorPara.map((l) => l.text).join(' ')),
      indicatorLine: indicatorPara[0].no,
    };
  }
  return { ...base, ...splitAction(indicatorPara) };
}

/**
 * One paragraph holding both the action and the indicator: an action cell whose lines stand before the indicator's
 * (000:1007-1010), or both on one line (000:1381 "Approntare Regolamenti di Consiglio e Giunta Predisposizione …").
 */
export function splitAction(
  para: SourceLine[],
): Pick<PdfRow, 'action' | 'actionSplit' | 'indicator' | 'indicatorLine'> {
  const whole = squeeze(para.map((l) => l.text).join(' '));
  const none = { action: null, actionSplit: null, indicator: whole, indicatorLine: para[0].no };
  if (para.length > 1) {
    const head = para[0].text;
    const firstWord = head.trim().split(/\s+/)[0];
    const complete = !/\s$/.test(head) && !/[:/,(-]\s*$/.test(head);
    if (INFINITIVE.test(firstWord) || complete) {
      return {
        action: { text: squeeze(head), line: para[0].no },
        actionSplit: INFINITIVE.test(firstWord)
          ? {
              en: `the first line starts with the verb "${firstWord}", as actions do`,
              it: `la prima riga comincia con il verbo "${firstWord}", come le azioni`,
            }
          : {
              en: 'the first line ends without the trailing space of a wrapped cell line: a cell of its own',
              it: 'la prima riga finisce senza lo spazio di una riga di cella andata a capo: è una cella a sé',
            },
        indicator: squeeze(
          para
            .slice(1)
            .map((l) => l.text)
            .join(' '),
        ),
        indicatorLine: para[1].no,
      };
    }
    return none;
  }
  const split = splitOneLine(whole);
  if (!split) return none;
  return {
    action: { text: split.action, line: para[0].no },
    actionSplit: split.reason,
    indicator: split.indicator,
    indicatorLine: para[0].no,
  };
}

const JOINING = new Set([
  'di',
  'del',
  'della',
  'dello',
  'dei',
  'degli',
  'delle',
  'e',
  'ed',
  'a',
  'al',
  'alla',
  'alle',
  'ai',
  'in',
  'nel',
  'nella',
  'per',
  'con',
  'su',
  'sul',
  'sulla',
  'il',
  'lo',
  'la',
  'le',
  'i',
  'gli',
  "l'",
  'da',
  'dal',
  'dalla',
  'tra',
  'fra',
]);

export type Reason = { en: string; it: string };

function splitOneLine(text: string): { action: string; indicator: string; reason: Reason } | null {
  const words = text.split(' ');
  const firstWord = words[0];
  const at = (i: number, reason: Reason) => ({
    action: words.slice(0, i).join(' '),
    indicator: words.slice(i).join(' '),
    reason,
  });
  const project = words.findIndex((w, i) => i > 0 && w === 'Progetto:');
  if (project > 0)
    return at(project, {
      en: 'the indicator is the "Progetto:" that follows the action',
      it: 'l\'indicatore è il "Progetto:" che segue l\'azione',
    });
  if (/^(N\.|%|Progetto)/.test(firstWord)) return null;
  const count = words.findIndex((w, i) => i > 1 && w === 'N.' && !/[:/]$/.test(words[i - 1]));
  if (count > 0)
    return at(count, {
      en: 'the indicator is the count "N. …" that follows the action',
      it: 'l\'indicatore è il conteggio "N. …" che segue l\'azione',
    });
  const candidates = words
    .map((w, i) => ({ w, i }))
    .filter(({ w, i }) => i > 0 && /^[A-ZÀ-Ü][a-zà-ù]/.test(w) && !JOINING.has(words[i - 1].toLowerCase()));
  if (INFINITIVE.test(firstWord)) {
    const noun = candidates.find(({ w }) => /(zione|zioni)$/.test(w));
    if (noun)
      return at(noun.i, {
        en: `the indicator starts at the noun "${noun.w}" after the action's verb "${firstWord}"`,
        it: `l'indicatore comincia dal sostantivo "${noun.w}" dopo il verbo dell'azione "${firstWord}"`,
      });
    if (candidates[0])
      return at(candidates[0].i, {
        en: `the indicator starts at the first capitalised word "${candidates[0].w}" after the action's verb "${firstWord}"`,
        it: `l'indicatore comincia dalla prima parola maiuscola "${candidates[0].w}" dopo il verbo dell'azione "${firstWord}"`,
      });
    return null;
  }
  // Financial rows: "Indice di struttura primario Patrimonio netto/Immobilizzazioni" (000:1238).
  const ratio = candidates.find(
    ({ i }) => /[A-Za-zà-ù]\/[A-Za-zà-ù]/.test(words.slice(i).join(' ')) && !/\//.test(words.slice(0, i).join(' ')),
  );
  if (ratio && ratio.i >= 2)
    return at(ratio.i, {
      en: `the indicator is the ratio "${words.slice(ratio.i).join(' ')}" after the action`,
      it: `l'indicatore è il rapporto "${words.slice(ratio.i).join(' ')}" dopo l'azione`,
    });
  return null;
}
