/**
 * "Perché?" and "Cronologia" as the pane lists them: the server's typed explanation of a score (rule, inputs as
 * typed, effective target and its revision, thresholds, formula with numbers, children counted and left out) and
 * the audit trail of a row (who changed which cell, when, from where), in the pane's language. Pure: the view
 * (insight-view.ts) puts the lines on the page.
 */
import type { SheetLevel } from '@core/sheet/row';
import type { ExplanationFieldsFragment, RowHistoryQuery } from '../api/generated';
import { format, type Language } from '../i18n';
import { SHEET_LAYOUT } from '@core/sheet/layout';
import { exclusionWords, fixWords, reasonWords } from '@core/vocabulary/reasons-it';
import { HISTORY_FIELD_WORDS, YES_NO } from './history-words';
import { insightWords } from './insight-words';

/** one line: a label and its text, or a list under a label */
export type InsightLine = { label: string; text: string; items?: string[] };

const percent = (score: number, language: Language) =>
  `${(Math.round(score * 10000) / 100).toLocaleString(language === 'it' ? 'it-IT' : 'en-GB')}%`;

export function explanationLines(realization: ExplanationFieldsFragment, language: Language): InsightLine[] {
  const w = insightWords[language];
  const d = realization.details;
  const lines: InsightLine[] = [];
  const add = (label: string, text: string | null | undefined, items?: string[]) => {
    if (text !== null && text !== undefined && (text !== '' || items?.length)) lines.push({ label, text, items });
  };
  add(w.rule, d.rule ? (w.rules[d.rule] ?? d.rule.toLowerCase()) : null);
  add(w.status, w.statuses[d.status] ?? d.status);
  add(w.actual, d.actual?.raw);
  if (d.target) {
    add(w.target, d.target.value.raw);
    add(w.revision, w.revisions[d.target.revision] ?? d.target.revision);
    add(w.original, d.target.original?.raw);
  }
  if (d.polarity) add(w.polarity, `${w.polarities[d.polarity] ?? d.polarity}${d.polarityInferred ? w.inferred : ''}`);
  if (d.thresholds.length) {
    const items = d.thresholds.map((t) =>
      format(w.threshold, { value: t.date ?? String(t.number ?? ''), score: percent(t.score, language) }),
    );
    add(w.thresholds, String(items.length), items);
  }
  add(w.formula, d.formula);
  if (d.manual) {
    add(
      w.manual,
      format(w.manualItem, {
        score: d.manual.score === null ? '' : percent(d.manual.score, language),
        author: d.manual.author ?? w.unknownActor,
        justification: d.manual.justification ?? '',
      }),
    );
  }
  if (d.used.length) {
    const items = d.used.map((u) =>
      format(w.usedItem, {
        code: u.code ?? '?',
        score: percent(u.score, language),
        weight: u.weight === null ? '' : format(w.weight, { weight: u.weight }),
      }),
    );
    add(w.used, String(items.length), items);
  }
  if (d.excluded.length) {
    // the engine's reason ("invalid: WEIGHT_MISSING", "no scored child") in words, from core/vocabulary's one table
    const items = d.excluded.map((e) =>
      format(w.excludedItem, { code: e.code ?? '?', reason: exclusionWords(e.reason, language) }),
    );
    add(w.excluded, String(items.length), items);
  }
  add(w.neutralised, d.neutralisationReason);
  // codes never stand where words belong: each one said in words, an error with what to fix
  if (d.warnings.length) add(w.warnings, d.warnings.map((code) => reasonWords(code, language)).join(', '));
  if (d.errors.length) {
    const items = d.errors.map((code) => {
      const fix = fixWords(code, language);
      const text = reasonWords(code, language);
      return fix ? format(w.problem, { text, fix }) : text;
    });
    add(w.errors, String(items.length), items);
  }
  add(w.profile, d.profile);
  return lines;
}

/** "Perché?"'s heading: the row named by its level and code ("Perché l'obiettivo strategico 3 non ha un punteggio") */
export function whyHeading(
  code: string,
  realization: ExplanationFieldsFragment | null,
  language: Language,
  level?: SheetLevel,
): string {
  const w = insightWords[language];
  const named = { code, level: level ? w.levels[level] : '' };
  return realization?.score !== null && realization?.score !== undefined
    ? format(w.whyHeading, { ...named, display: realization.display ?? percent(realization.score, language) })
    : format(w.whyHeadingNone, named);
}

type Change = RowHistoryQuery['rowHistoryConnection']['edges'][number]['node'];

/** bookkeeping the audit trail keeps in every snapshot: not a cell the user changed */
const BOOKKEEPING = new Set(['id', 'version', 'updatedAt', 'createdAt', 'org', 'plan', 'indicator', 'author', 'at']);

/** a changed field as the sheet names it: the measurement's value is "Valore ottenuto", a target's is the target */
function cellName(entityType: string, key: string, language: Language): string {
  const layoutKey = key === 'value' ? (entityType === 'Measurement' ? 'actual' : 'target') : key;
  const column = SHEET_LAYOUT.find((c) => c.key === layoutKey);
  return column ? column[language] : (HISTORY_FIELD_WORDS[language][key] ?? key);
}

// a stored instant ("2026-12-05T09:53:10.803Z"), shown as the pane shows times
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function shown(value: unknown, language: Language, when: Intl.DateTimeFormat): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? YES_NO[language].yes : YES_NO[language].no;
  if (typeof value === 'string' && INSTANT.test(value)) return when.format(new Date(value));
  if (typeof value === 'object' && 'raw' in (value as object)) return String((value as { raw: unknown }).raw);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** the cells one change touched, "Valore ottenuto: 60% → 62%" */
export function changedCells(change: Change, language: Language, when = timeFormat(language)): string[] {
  const w = insightWords[language];
  const before = (change.before ?? {}) as Record<string, unknown>;
  const after = (change.after ?? {}) as Record<string, unknown>;
  if (change.action === 'DELETE') return [`${cellName(change.entityType, 'value', language)}: ${w.deleted}`];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !BOOKKEEPING.has(k));
  const cells = keys
    .filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null))
    .map((k) =>
      format(w.historyCell, {
        cell: cellName(change.entityType, k, language),
        before: change.action === 'CREATE' ? '—' : shown(before[k], language, when),
        after: shown(after[k], language, when),
      }),
    );
  return cells;
}

export function timeFormat(language: Language, timeZone?: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(language === 'it' ? 'it-IT' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone,
  });
}

export function historyLines(
  page: RowHistoryQuery['rowHistoryConnection'],
  language: Language,
  timeZone?: string,
): InsightLine[] {
  const w = insightWords[language];
  const when = timeFormat(language, timeZone);
  const lines: InsightLine[] = page.edges.map(({ node }) => ({
    label: format(w.historyItem, {
      when: when.format(new Date(node.at)),
      who: node.actor ?? w.unknownActor,
      where: [w.sources[node.source] ?? node.source, node.sourceDetail].filter(Boolean).join(', '),
    }),
    text: '',
    items: changedCells(node, language, when),
  }));
  if (page.totalCount > page.edges.length)
    lines.push({ label: format(w.totalMore, { count: page.totalCount - page.edges.length }), text: '' });
  return lines;
}
