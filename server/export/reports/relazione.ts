/**
 * The Relazione sulla Performance tables (docs/domain.md §7.2): the plan tree, then every dashboard (strategic,
 * service, Segretario Generale, Dirigente), then every unit's indicators, each with Valore ottenuto / Risultato
 * atteso / % Realizzazione and the objective rows carrying their aggregate. Rows come from services/report.ts,
 * the same functions as the GraphQL `report` query.
 */
import { DashboardKind } from '@core/vocabulary/enums';
import { dashboardReport, planReport, type Report, type ReportRow } from '../../services/report';
import {
  CODE_COLUMN,
  type ReportColumn,
  type ReportDocument,
  type ReportSection,
  type ReportTableRow,
  type RowStyle,
  weightColumn,
} from './document';
import { type ReportData, subtitleOf, targetCell } from './data';
import { numberCell } from '../canonical-row';
import { aggregateNote } from '../../services/report-notes';
import { byCode } from '../../services/code-order';

const STYLE: Record<ReportRow['level'], RowStyle> = {
  perspective: 'perspective',
  strategic_objective: 'strategic',
  operational_objective: 'operational',
  indicator: 'indicator',
};

export function relazioneColumns(year: number): ReportColumn[] {
  return [
    CODE_COLUMN,
    { key: 'title', label: 'Obiettivo / Indicatore', width: 48 },
    { key: 'kpi', label: 'Indicatore (formula)', width: 36 },
    weightColumn(8),
    { key: 'actual', label: `Valore ottenuto ${year}`, kind: 'number', width: 14 },
    { key: 'target', label: `Risultato atteso ${year}`, kind: 'number', width: 14 },
    // an OIV checks a revised target against the one first approved: the first one is printed beside it
    { key: 'original', label: 'Target iniziale, se rivisto', kind: 'number', width: 12 },
    { key: 'realization', label: `% Realizzazione ${year}`, kind: 'percent', width: 14 },
    { key: 'note', label: 'Note', width: 28 },
  ];
}

/** The first target of an indicator whose target was revised (null when it never was). */
type OriginalOf = (indicatorId: string) => string | null;

export function relazioneRow(row: ReportRow, originalOf: OriginalOf = () => null): ReportTableRow {
  return {
    style: row.level === 'indicator' && row.excluded ? 'muted' : STYLE[row.level],
    cells: {
      code: row.code,
      title: row.title,
      kpi: row.kpi,
      actual: row.actual,
      target: row.target,
      original: row.level === 'indicator' ? originalOf(row.id) : null,
      weight: row.weight == null ? null : `${numberCell(row.weight)}%`,
      realization: row.realization,
      note: row.noteIt,
    },
  };
}

function section(
  title: string,
  subtitle: string,
  report: Report,
  totalLabel: string,
  year: number,
  originalOf: OriginalOf,
): ReportSection {
  const rows = report.rows.map((r) => relazioneRow(r, originalOf));
  if (report.total)
    rows.push({
      style: 'total',
      cells: { title: totalLabel, realization: report.total.realization, note: report.total.noteIt },
    });
  return { title, subtitle, columns: relazioneColumns(year), rows };
}

const DASHBOARD_HEADING: Record<string, string> = {
  [DashboardKind.STRATEGIC]: 'Cruscotto strategico',
  [DashboardKind.SERVICE]: 'Cruscotto di servizio',
  [DashboardKind.SECRETARY_GENERAL]: 'Cruscotto del Segretario Generale',
  [DashboardKind.MANAGER]: 'Cruscotto del Dirigente',
  [DashboardKind.INDIVIDUAL]: 'Cruscotto individuale',
};
const KIND_ORDER = [
  DashboardKind.STRATEGIC,
  DashboardKind.SERVICE,
  DashboardKind.SECRETARY_GENERAL,
  DashboardKind.MANAGER,
  DashboardKind.INDIVIDUAL,
];

export function buildRelazione(data: ReportData): ReportDocument {
  const { period, scores, request } = data;
  const year = request.year;
  const originalOf: OriginalOf = (id) => {
    const cell = targetCell(data, id, year, request.checkpoint);
    return cell.revised ? cell.original : null;
  };
  const sections: ReportSection[] = [
    section(
      'Piano: obiettivi e indicatori',
      'Albero del piano con la % di realizzazione di ogni livello',
      planReport(period, scores),
      'Totale piano',
      year,
      originalOf,
    ),
  ];

  const dashboards = [...period.dashboards].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  for (const d of dashboards) {
    const owner = d.ownerUnit
      ? data.units.get(d.ownerUnit.id)?.name
      : d.ownerPerson
        ? data.persons.get(d.ownerPerson.id)?.fullName
        : undefined;
    const heading = DASHBOARD_HEADING[d.kind] ?? 'Cruscotto';
    sections.push(
      section(
        `${heading}: ${d.name}`,
        owner ? `Responsabile: ${owner}` : heading,
        dashboardReport(period, scores, d.id),
        `Totale ${d.name}`,
        year,
        originalOf,
      ),
    );
  }

  // Units without a service dashboard are scored on the indicators they are responsible for (docs/scoring.md §5.5).
  const withDashboard = new Set(
    period.dashboards.filter((d) => d.kind === DashboardKind.SERVICE && d.ownerUnit).map((d) => d.ownerUnit!.id),
  );
  const tree = planReport(period, scores);
  const rowOf = new Map(tree.rows.filter((r) => r.level === 'indicator').map((r) => [r.id, r]));
  const indicatorsOfUnit = new Map<string, string[]>();
  for (const [indicatorId, unitIds] of period.unitsOf)
    for (const u of unitIds) indicatorsOfUnit.set(u, [...(indicatorsOfUnit.get(u) ?? []), indicatorId]);
  const units = [...data.units.values()]
    .filter((u) => scores.units.has(u.id) && !withDashboard.has(u.id))
    .sort((a, b) => a.name.localeCompare(b.name, 'it'));
  for (const unit of units) {
    const rows = (indicatorsOfUnit.get(unit.id) ?? [])
      .map((id) => rowOf.get(id))
      .filter((r): r is ReportRow => !!r)
      .sort((a, b) => byCode(a.code, b.code))
      .map((r) => relazioneRow(r, originalOf));
    const total = scores.units.get(unit.id);
    rows.push({
      style: 'total',
      cells: {
        title: `Totale ${unit.name}`,
        realization: total?.display ?? null,
        note: aggregateNote(total).it,
      },
    });
    sections.push({
      title: `Unità organizzativa: ${unit.name}`,
      subtitle: "Indicatori di cui l'unità è responsabile",
      columns: relazioneColumns(year),
      rows,
    });
  }
  return {
    kind: 'relazione',
    title: `Relazione sulla Performance ${year}`,
    subtitle: subtitleOf(data),
    generatedAt: data.generatedAt,
    sections,
  };
}
