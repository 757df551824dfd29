/**
 * Manager scorecards (docs/domain.md §7.3, docs/scoring.md §5.9): per manager the objectives with their weights (of this plan
 * version), scores, pass mark and whether it was reached, relevance coefficient and incentive value per fund; the
 * weight-sum check (100% expected); objectives left out of the score with the reason. All numbers are the
 * ManagerResult of computePlanScores.
 */
import {
  type AggregateResult,
  type ManagerObjectiveLine,
  type ManagerPeriod,
  formatEuro,
  formatPercent,
} from '@core/scoring';
import { indicatorStatusIt, reasonIt } from '@core/vocabulary/reasons-it';
import { aggregateNote } from '../../services/report-notes';
import { byCode } from '../../services/code-order';
import { groupBy } from '../../services/group-by';
import { numberCell } from '../canonical-row';
import {
  CODE_COLUMN,
  type ReportColumn,
  type ReportDocument,
  type ReportSection,
  type ReportTableRow,
  weightColumn,
  yesNo,
} from './document';
import { type ReportData, planLabelIt, subtitleOf } from './data';

const RELEVANCE_IT: Record<string, string> = { HIGH: 'ALTA', MEDIUM: 'MEDIA', LOW: 'BASSA' };
/** columns printed only on a card where some objective fills them (Brescia sets no pass marks, Sondrio no relevance) */
const OPTIONAL_COLUMNS = new Set(['passMark', 'achieved', 'relevance', 'coefficient']);

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
  const proRata = scores.profile.managerPeriods === 'pro-rata';
  const sections: ReportSection[] = [];
  const managers = [...scores.managers.entries()].sort(([a], [b]) =>
    (data.persons.get(a)?.fullName ?? a).localeCompare(data.persons.get(b)?.fullName ?? b, 'it'),
  );
  for (const [managerId, result] of managers) {
    const name = data.persons.get(managerId)?.fullName ?? managerId;
    const dashboard = !assignmentsOf.has(managerId) ? dashboardOf.get(managerId) : undefined;
    const periods = result.periods ?? [];
    // docs/scoring.md §5.9: one card per assignment period, each on its own weights; two periods are never summed
    const cards: Array<{ lines: readonly ManagerObjectiveLine[]; period?: ManagerPeriod; counted: boolean }> =
      periods.length > 1
        ? periods.map((p, i) => ({
            lines: p.objectives,
            period: p,
            counted: proRata || p.inForce || (i === periods.length - 1 && !periods.some((q) => q.inForce)),
          }))
        : [{ lines: result.objectives, period: periods[0], counted: true }];
    const countedSpan = cards.length > 1 ? cards.find((c) => c.counted && c.period)?.period : undefined;
    for (const card of cards) {
      const rows: ReportTableRow[] = [];
      const excluded: string[] = [];
      for (const line of [...card.lines].sort((a, b) => byCode(a.code, b.code))) {
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
      const weightSum = card.lines.reduce((s, l) => s + (l.weight ?? 0), 0);
      const weightsOk = card.lines.length === 0 || Math.abs(weightSum - 100) <= tolerance;
      const sum = `somma ${numberCell(Math.round(weightSum * 1e6) / 1e6)}%`;
      const cardDisplay = card.period && cards.length > 1 ? card.period.display : result.display;
      const totals: ReportTableRow['cells'] = {
        title: 'Totale',
        weight: card.lines.length ? `${numberCell(Math.round(weightSum * 1e6) / 1e6)}%` : null,
        realization: cardDisplay,
      };
      for (const f of funds)
        totals[`fund:${f}`] = card.lines.reduce((s, l) => s + (l.incentives.find((i) => i.fund === f)?.value ?? 0), 0);
      rows.push({ style: weightsOk ? 'total' : 'warning', cells: totals });
      const span = card.period ? spanOf(card.period) : null;
      sections.push({
        title: cards.length > 1 && span ? `Scheda di valutazione: ${name}, ${span}` : `Scheda di valutazione: ${name}`,
        fields: [
          ['Responsabile', name],
          [
            'Valutato su',
            dashboard
              ? `cruscotto "${dashboard.name}"`
              : `obiettivi assegnati (versione ${planLabelIt(period.plan.label)})`,
          ],
          ...(span
            ? [['Periodo di assegnazione', periodNote(card.period!, span, cards.length, proRata)] as [string, string]]
            : []),
          ...(cards.length > 1
            ? [
                ['% del periodo', cardDisplay ?? 'non valutabile'] as [string, string],
                [
                  '% complessiva',
                  `${result.display ?? 'non valutabile'} (${totalBasis(proRata, request.checkpoint, countedSpan)})`,
                ] as [string, string],
              ]
            : [['% complessiva', result.display ?? 'non valutabile'] as [string, string]]),
          [
            'Verifica pesi',
            card.lines.length === 0
              ? 'nessun obiettivo pesato'
              : weightsOk
                ? `${sum}: corretta`
                : `${sum}: attesa 100%, da correggere`,
          ],
        ],
        // a pass mark or relevance no objective of the card has: empty columns an evaluator would ask about, left out
        columns: columnsOf(request.year, funds).filter(
          (c) => !OPTIONAL_COLUMNS.has(c.key) || rows.some((r) => r.cells[c.key] != null && r.cells[c.key] !== ''),
        ),
        rows,
        notes: [
          ...(card.counted || !countedSpan
            ? []
            : [
                `Periodo non conteggiato: la % e i valori economici di questa scheda non si sommano a quelli del periodo ${spanOf(countedSpan)}, che conta.`,
              ]),
          ...excluded.map((e) => `Escluso dal calcolo: ${e}`),
          ...(card.counted ? result.warnings : (card.period?.warnings ?? [])).map((w) => `Avviso: ${reasonIt(w)}`),
          ...(funds.length
            ? [
                `Valori economici: coefficiente di rilevanza × valore unitario del fondo (${period.funds.map((f) => `${f.fund} ${formatEuro(f.unitValue)}`).join(', ')}); l'erogazione segue le regole dell'ente.`,
              ]
            : []),
        ],
      });
    }
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

function columnsOf(year: number, funds: readonly string[]): ReportColumn[] {
  return [
    CODE_COLUMN,
    { key: 'title', label: 'Obiettivo', width: 44 },
    weightColumn(9),
    { key: 'realization', label: `% Realizzazione ${year}`, kind: 'percent', width: 13 },
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
}

/** 2020-07-01 → 1/7/2020, as the documents print dates. */
function dateIt(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${Number(d)}/${Number(m)}/${y}`;
}

const spanOf = (p: ManagerPeriod) => `dal ${dateIt(p.from)} al ${dateIt(p.to)}`;

function periodNote(p: ManagerPeriod, span: string, count: number, proRata: boolean): string {
  if (count === 1) return `${span}, pesi in vigore in questo periodo`;
  if (proRata) return `${span} (${p.days} giorni): pesi di questo periodo, conta in proporzione ai giorni`;
  return p.inForce
    ? `${span}: pesi in vigore alla data di rilevazione, sono quelli che contano`
    : `${span}: pesi di questo periodo, mostrati a parte e non sommati a quelli in vigore`;
}

/** what the manager's % is, naming the period that counts (the one in force at the checkpoint, or the last held) */
function totalBasis(proRata: boolean, checkpoint: string, counted: ManagerPeriod | undefined): string {
  if (proRata) return 'media dei periodi in proporzione ai giorni';
  if (!counted) return `sui pesi in vigore al ${checkpoint}`;
  return counted.inForce
    ? `quella del periodo ${spanOf(counted)}, in vigore al ${checkpoint}`
    : `quella del periodo ${spanOf(counted)}, l'ultimo del dirigente prima del ${checkpoint}`;
}
