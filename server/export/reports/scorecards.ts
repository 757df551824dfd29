/**
 * Manager scorecards (docs/domain.md §7.3, docs/scoring.md §5.9): per manager the objectives with their weights (of this plan
 * version), scores, pass mark and whether it was reached, relevance coefficient and incentive value per fund; the
 * weight-sum check (100% expected); objectives left out of the score with the reason. All numbers are the
 * ManagerResult of computePlanScores.
 */
import { type AggregateResult, formatEuro, formatPercent } from '@core/scoring';
import { indicatorStatusIt, reasonIt } from '@core/vocabulary/reasons-it';
import { aggregateNote } from '../../services/report-notes';
import { byCode } from '../../services/code-order';
import { groupBy } from '../../services/group-by';
import { numberCell } from '../canonical-row';
import { type ReportColumn, type ReportDocument, type ReportSection, type ReportTableRow, yesNo } from './document';
import { type ReportData, subtitleOf } from './data';

const RELEVANCE_IT: Record<string, string> = { HIGH: 'ALTA', MEDIUM: 'MEDIA', LOW: 'BASSA' };

export function buildScorecards(data: ReportData): ReportDocument {
  const { period, scores, request } = data;
  const objectives = new Map<
    string,
    { title: string; result: (AggregateResult & { passMark: number | null }) | undefined }
  >([
    ...period.strategicObjectives.map(
      (o) => [o.id, { title: o.title, result: scores.strategicObjectives.get(o.id) }] as const,
    ),
    ...period.operationalObjectives.map(
      (o) => [o.id, { title: o.title, result: scores.operationalObjectives.get(o.id) }] as const,
    ),
  ]);
  const funds = [...new Set(period.funds.map((f) => f.fund as string))];
  const dashboardOf = new Map(period.dashboards.filter((d) => d.ownerPerson).map((d) => [d.ownerPerson!.id, d]));
  const assignmentsOf = groupBy(period.assignments, (a) => a.manager.id);
  const tolerance = scores.profile.weightSumTolerance;
  const sections: ReportSection[] = [];
  const managers = [...scores.managers.entries()].sort(([a], [b]) =>
    (data.persons.get(a)?.fullName ?? a).localeCompare(data.persons.get(b)?.fullName ?? b, 'it'),
  );
  for (const [managerId, result] of managers) {
    const name = data.persons.get(managerId)?.fullName ?? managerId;
    const rows: ReportTableRow[] = [];
    const excluded: string[] = [];
    for (const line of [...result.objectives].sort((a, b) => byCode(a.code, b.code))) {
      const objective = objectives.get(line.objectiveId);
      if (line.score == null)
        excluded.push(
          `${line.code ?? ''} ${objective?.title ?? ''}: ${objective?.result ? (aggregateNote(objective.result).it ?? indicatorStatusIt(objective.result.status)) : 'non valutato'}`.trim(),
        );
      const cells: ReportTableRow['cells'] = {
        code: line.code ?? null,
        title: objective?.title ?? null,
        weight: line.weight == null ? null : `${numberCell(line.weight)}%`,
        realization: line.display,
        passMark: objective?.result?.passMark == null ? null : formatPercent(objective.result.passMark, 0),
        achieved: yesNo(objective?.result?.achieved),
        relevance: line.relevance ? (RELEVANCE_IT[line.relevance] ?? line.relevance) : null,
        coefficient: line.coefficient,
      };
      for (const f of funds) cells[`fund:${f}`] = line.incentives.find((i) => i.fund === f)?.value ?? null;
      rows.push({ style: line.score == null ? 'muted' : undefined, cells });
    }
    const weightSum = result.objectives.reduce((s, l) => s + (l.weight ?? 0), 0);
    const weightsOk = result.objectives.length === 0 || Math.abs(weightSum - 100) <= tolerance;
    const totals: ReportTableRow['cells'] = {
      title: 'Totale',
      weight: result.objectives.length ? `${numberCell(Math.round(weightSum * 1e6) / 1e6)}%` : null,
      realization: result.display,
    };
    for (const f of funds)
      totals[`fund:${f}`] = result.objectives.reduce(
        (s, l) => s + (l.incentives.find((i) => i.fund === f)?.value ?? 0),
        0,
      );
    rows.push({ style: weightsOk ? 'total' : 'warning', cells: totals });
    const dashboard = !assignmentsOf.has(managerId) ? dashboardOf.get(managerId) : undefined;
    const columns: ReportColumn[] = [
      { key: 'code', label: 'Cod.', width: 8 },
      { key: 'title', label: 'Obiettivo', width: 44 },
      { key: 'weight', label: 'Peso', kind: 'percent', width: 9 },
      { key: 'realization', label: `% Realizzazione ${request.year}`, kind: 'percent', width: 13 },
      { key: 'passMark', label: 'Soglia', kind: 'percent', width: 9 },
      { key: 'achieved', label: 'Raggiunto', width: 10 },
      { key: 'relevance', label: 'Rilevanza', width: 10 },
      { key: 'coefficient', label: 'Coefficiente', kind: 'number', width: 11 },
      ...funds.map((f): ReportColumn => ({
        key: `fund:${f}`,
        label: `Valore economico (${f})`,
        kind: 'euro',
        width: 16,
      })),
    ];
    sections.push({
      title: `Scheda di valutazione: ${name}`,
      fields: [
        ['Responsabile', name],
        [
          'Valutato su',
          dashboard ? `cruscotto "${dashboard.name}"` : `obiettivi assegnati (versione ${period.plan.label})`,
        ],
        ['% complessiva', result.display ?? 'non valutabile'],
        [
          'Verifica pesi',
          result.objectives.length === 0
            ? 'nessun obiettivo pesato'
            : weightsOk
              ? `somma ${numberCell(Math.round(weightSum * 1e6) / 1e6)}%: corretta`
              : `somma ${numberCell(Math.round(weightSum * 1e6) / 1e6)}%: attesa 100%, da correggere`,
        ],
      ],
      columns,
      rows,
      notes: [
        ...excluded.map((e) => `Escluso dal calcolo: ${e}`),
        ...result.warnings.map((w) => `Avviso: ${reasonIt(w)}`),
        ...(funds.length
          ? [
              `Valori economici: coefficiente di rilevanza × valore unitario del fondo (${period.funds.map((f) => `${f.fund} ${formatEuro(f.unitValue)}`).join(', ')}); l'erogazione segue le regole dell'ente.`,
            ]
          : []),
      ],
    });
  }
  return {
    kind: 'scorecards',
    title: `Schede di valutazione dei dirigenti ${request.year}`,
    subtitle: subtitleOf(data),
    generatedAt: data.generatedAt,
    stacked: true,
    sections: sections.length
      ? sections
      : [
          {
            title: 'Nessun dirigente con obiettivi assegnati o cruscotto personale',
            columns: [{ key: 'x', label: '' }],
            rows: [],
          },
        ],
  };
}
