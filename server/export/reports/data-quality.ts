/**
 * The plan lint as a data-quality report (docs/domain.md §7.4): every finding of lintPlan (the GraphQL `planLint`
 * query), plus the cells whose reading carried a warning (ambiguous decimal point, scale suspect…) with the raw
 * text, and the indicators of the period without an actual.
 */
import { groupBy } from '../../services/group-by';
import { lintPlan } from '../../services/plan-lint';
import { CODE_COLUMN, type ReportDocument, type ReportTableRow } from './document';
import { checkpointLabel } from '@core/vocabulary/checkpoint';
import { countIt, fixIt, indicatorStatusIt, reasonIt } from '@core/vocabulary/reasons-it';
import { byCode, COLLATOR } from '../../services/code-order';
import { type ReportData, subtitleOf } from './data';

const SUBJECT_IT: Record<string, string> = {
  indicator: 'Indicatore',
  target: 'Target',
  operational_objective: 'Obiettivo operativo',
  strategic_objective: 'Obiettivo strategico',
  plan: 'Piano',
};

/**
 * The lint's English message in Italian: the finding in words, the detail the lint attached (weights, target text,
 * duplicate code) where its shape is known, and what to fix. A detail of unknown shape is left out rather than
 * printed in English.
 */
export function descriptionIt(code: string, message: string): string {
  const details: Array<[RegExp, (m: RegExpExecArray) => string]> = [
    [/weights? ([\d.,–\s+]+)$/, (m) => `pesi ${m[1].trim()}`],
    [/weight ([\d.,]+)$/, (m) => `peso ${m[1]}`],
    [/target "(.*)"$/, (m) => `target "${m[1]}"`],
    [/"(.*)" also on .*$/, (m) => `"${m[1]}" è usato anche da un'altra riga`],
  ];
  const detail = details.map(([re, it]) => [re.exec(message), it] as const).find(([m]) => m);
  const fix = fixIt(code);
  return [detail ? detail[1](detail[0]!) : null, fix ? `da correggere: ${fix}` : reasonIt(code)]
    .filter(Boolean)
    .join('; ');
}

export function buildDataQuality(data: ReportData): ReportDocument {
  const { full, period, scores, request } = data;
  const issues = lintPlan(full, data.years);
  const lintRows: ReportTableRow[] = issues
    .sort(
      (a, b) =>
        (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
        COLLATOR.compare(a.subjectCode ?? '', b.subjectCode ?? ''),
    )
    .map((i) => ({
      style: i.severity === 'error' ? 'error' : 'warning',
      cells: {
        severity: i.severity === 'error' ? 'Errore' : 'Avviso',
        code: reasonIt(i.code),
        subject: SUBJECT_IT[i.subjectType] ?? i.subjectType,
        subjectCode: i.subjectCode,
        year: i.year,
        message: descriptionIt(i.code, i.message),
      },
    }));

  const indicatorOf = new Map(full.indicators.map((i) => [i.id, i]));
  const targetById = new Map(full.targets.map((t) => [t.id, t]));
  const cellRows: ReportTableRow[] = [];
  for (const r of full.revisions) {
    if (!r.value.warnings?.length) continue;
    const t = targetById.get(r.target.id);
    const i = t ? indicatorOf.get(t.indicator.id) : undefined;
    cellRows.push({
      style: 'warning',
      cells: {
        code: i?.code ?? null,
        what: `Target ${t?.year ?? ''} al ${t?.checkpoint ?? ''}${r.seq > 0 ? ` (revisione ${r.seq})` : ''}`,
        raw: r.value.raw,
        warnings: r.value.warnings.map(reasonIt).join(', '),
      },
    });
  }
  for (const m of full.measurements) {
    if (!m.value?.warnings?.length) continue;
    cellRows.push({
      style: 'warning',
      cells: {
        code: indicatorOf.get(m.indicator.id)?.code ?? null,
        what: `Valore ottenuto ${m.year} al ${m.checkpoint}`,
        raw: m.value.raw,
        warnings: m.value.warnings.map(reasonIt).join(', '),
      },
    });
  }

  const measured = groupBy(period.measurements, (m) => m.indicator.id);
  const missingRows: ReportTableRow[] = [...period.indicators]
    .sort((a, b) => byCode(a.code, b.code))
    .filter(
      (i) =>
        scores.indicators.get(i.id)?.status === 'missing' ||
        (!measured.has(i.id) && scores.indicators.get(i.id)?.status !== 'monitoring'),
    )
    .map((i) => ({
      cells: {
        code: i.code,
        title: i.title,
        status: indicatorStatusIt(scores.indicators.get(i.id)?.status ?? 'missing'),
      },
    }));

  const errors = issues.filter((i) => i.severity === 'error').length;
  return {
    kind: 'data-quality',
    title: `Qualità dei dati del piano`,
    subtitle: subtitleOf(data),
    generatedAt: data.generatedAt,
    sections: [
      {
        title: 'Controlli del piano',
        subtitle: `${countIt(errors, 'errore', 'errori')} (il punteggio non è calcolabile), ${countIt(issues.length - errors, 'avviso', 'avvisi')}`,
        columns: [
          { key: 'severity', label: 'Gravità', width: 9 },
          { key: 'code', label: 'Controllo', width: 26 },
          { key: 'subject', label: 'Oggetto', width: 18 },
          { key: 'subjectCode', label: 'Cod.', width: 8 },
          { key: 'year', label: 'Anno', kind: 'number', width: 7 },
          { key: 'message', label: 'Descrizione', width: 70 },
        ],
        rows: lintRows,
      },
      {
        title: 'Celle lette con avvisi',
        subtitle: 'Il testo originale è conservato: verificare la lettura',
        columns: [
          CODE_COLUMN,
          { key: 'what', label: 'Cella', width: 30 },
          { key: 'raw', label: 'Testo originale', width: 24 },
          { key: 'warnings', label: 'Avvisi', width: 40 },
        ],
        rows: cellRows.length ? cellRows : [{ style: 'muted', cells: { what: 'nessuna cella con avvisi' } }],
      },
      {
        title: `Valori ottenuti mancanti ${request.year} al ${checkpointLabel(request.checkpoint)}`,
        columns: [
          CODE_COLUMN,
          { key: 'title', label: 'Indicatore', width: 60 },
          { key: 'status', label: 'Stato', width: 16 },
        ],
        rows: missingRows.length ? missingRows : [{ style: 'muted', cells: { title: 'nessun valore mancante' } }],
      },
    ],
  };
}
