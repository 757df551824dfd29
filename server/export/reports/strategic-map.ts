/**
 * The strategic map of the Relazione (docs/domain.md §7.2): one % per strategic objective, grouped by perspective,
 * with the pass mark and whether it was reached (docs/scoring.md §5.7).
 */
import { formatPercent } from '@core/scoring';
import { groupBy } from '../../services/group-by';
import { CODE_COLUMN, type ReportDocument, type ReportTableRow, yesNo } from './document';
import { type ReportData, subtitleOf } from './data';
import { aggregateNote } from '../../services/report-notes';
import { byCode } from '../../services/code-order';

export function buildStrategicMap(data: ReportData): ReportDocument {
  const { period, scores, request } = data;
  const sosOf = groupBy(period.strategicObjectives, (o) => o.perspective.id);
  const rows: ReportTableRow[] = [];
  for (const p of period.perspectives) {
    const r = scores.perspectives.get(p.id);
    rows.push({
      style: 'perspective',
      cells: { perspective: p.name, realization: r?.display ?? null, note: aggregateNote(r).it },
    });
    for (const so of [...(sosOf.get(p.id) ?? [])].sort((a, b) => byCode(a.code, b.code))) {
      const s = scores.strategicObjectives.get(so.id);
      rows.push({
        style: s?.status === 'invalid' ? 'error' : s?.score == null ? 'muted' : undefined,
        cells: {
          code: so.code,
          title: so.title,
          realization: s?.display ?? null,
          passMark: s?.passMark == null ? null : formatPercent(s.passMark, 0),
          achieved: yesNo(s?.achieved),
          note: aggregateNote(s).it,
        },
      });
    }
  }
  rows.push({
    style: 'total',
    cells: { perspective: 'Ente nel complesso', realization: scores.plan.display, note: aggregateNote(scores.plan).it },
  });
  return {
    kind: 'strategic-map',
    title: `Mappa strategica ${request.year}`,
    subtitle: subtitleOf(data),
    generatedAt: data.generatedAt,
    sections: [
      {
        title: 'Mappa strategica: realizzazione per obiettivo strategico',
        columns: [
          { key: 'perspective', label: 'Prospettiva', width: 30 },
          CODE_COLUMN,
          { key: 'title', label: 'Obiettivo strategico', width: 48 },
          { key: 'realization', label: `% Realizzazione ${request.year}`, kind: 'percent', width: 14 },
          { key: 'passMark', label: 'Soglia di raggiungimento', kind: 'percent', width: 14 },
          { key: 'achieved', label: 'Raggiunto', width: 10 },
          { key: 'note', label: 'Note', width: 24 },
        ],
        rows,
      },
    ],
  };
}
