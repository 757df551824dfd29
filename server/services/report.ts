import type { AggregateResult, IndicatorResult } from '@core/scoring';
import type { ReportLevel } from '@core/vocabulary/results';
import type { Indicator } from '../entities';
import { groupBy } from './group-by';
import type { PlanSnapshot } from './plan-snapshot';
import type { PlanScores } from './realization';
import { aggregateNote, indicatorNote } from './report-notes';
import { inCodeOrder } from './code-order';
import { runSteps, STEP_ITEMS, type Steps } from '../speed/steps';

/** One row of a Relazione table: "Valore ottenuto | Risultato atteso | % Realizzazione" (docs/domain.md §7.2). */
export type ReportRow = {
  level: ReportLevel;
  id: string;
  code: string | null;
  title: string;
  kpi: string | null;
  actual: string | null;
  target: string | null;
  realization: string | null;
  score: number | null;
  status: string;
  /** not counted in the aggregate above it (monitoring, neutralised, missing, invalid, no scored child) */
  excluded: boolean;
  /** why the row is blank or what its % leaves out: English for the API, Italian for the documents */
  note: string | null;
  noteIt: string | null;
  /** the row's declared weight in its parent (percentage points), for checking a weighted mean */
  weight: number | null;
};

export type Report = { title: string; rows: ReportRow[]; total: ReportRow | null };

function aggregateRow(
  level: ReportLevel,
  node: { id: string; code?: string | null; title?: string; name?: string; weight?: number | null },
  r: AggregateResult | undefined,
): ReportRow {
  const note = aggregateNote(r);
  return {
    level,
    id: node.id,
    code: node.code ?? null,
    title: node.title ?? node.name ?? '',
    kpi: null,
    actual: null,
    target: null,
    realization: r?.display ?? null,
    score: r?.score ?? null,
    status: r?.status ?? 'empty',
    excluded: r?.score == null,
    note: note.en,
    noteIt: note.it,
    weight: node.weight ?? null,
  };
}

type Measurements = Map<string, PlanSnapshot['measurements'][number]>;

function measurementsOf(s: PlanSnapshot): Measurements {
  return new Map(s.measurements.map((m) => [m.indicator.id, m]));
}

function indicatorRow(indicator: Indicator, r: IndicatorResult | undefined, measurements: Measurements): ReportRow {
  const measurement = measurements.get(indicator.id);
  const target = r?.explanation.inputs.target;
  const status = r?.status ?? 'not_applicable';
  const note = indicatorNote(status, r?.errors ?? [], measurement?.neutralisationReason);
  return {
    level: 'indicator',
    id: indicator.id,
    code: indicator.code,
    title: indicator.title,
    kpi: indicator.formula ?? null,
    actual: measurement?.value?.raw ?? null,
    // a monitoring target ("monitoraggio") is a mode, not an expected result: the Relazione prints nothing there
    target: status === 'monitoring' ? null : (target?.raw ?? null),
    // neutralised rows leave the % blank; monitoring rows repeat the measured value (a display convention, docs/domain.md §7.2)
    realization: status === 'neutralised' ? null : (r?.display ?? null),
    score: r?.score ?? null,
    status,
    excluded: status !== 'scored',
    note: note.en,
    noteIt: note.it,
    weight: indicator.weight ?? null,
  };
}

/** The plan tree as a Relazione table: perspectives, strategic and operational objectives with their %. */
export function planReport(s: PlanSnapshot, scores: PlanScores): Report {
  return runSteps(planReportSteps(s, scores));
}

/**
 * planReport as steps (server/speed/steps.ts): a yield every STEP_ITEMS rows. Each level is grouped by its parent in
 * the plan's order, then sorted per parent: a stable sort, so the same order as the whole level sorted then grouped,
 * for a fraction of the comparisons (collation is most of a big plan's layout).
 */
export function* planReportSteps(s: PlanSnapshot, scores: PlanScores): Steps<Report> {
  const rows: ReportRow[] = [];
  const measurements = measurementsOf(s);
  // code order, whatever order the rows were typed or synced in (1.2 before 1.10)
  const sosOf = groupBy(s.strategicObjectives, (o) => o.perspective.id);
  const oosOf = groupBy(s.operationalObjectives, (o) => o.strategicObjective?.id);
  const ownOf = groupBy(s.indicators, (i) => i.strategicObjective?.id);
  const indicatorsOf = groupBy(s.indicators, (i) => i.operationalObjective?.id);
  let laidOut = 0;
  for (const p of s.perspectives) {
    rows.push(aggregateRow('perspective', p, scores.perspectives.get(p.id)));
    for (const so of inCodeOrder(sosOf.get(p.id))) {
      rows.push(aggregateRow('strategic_objective', so, scores.strategicObjectives.get(so.id)));
      for (const own of inCodeOrder(ownOf.get(so.id)))
        rows.push(indicatorRow(own, scores.indicators.get(own.id), measurements));
      for (const oo of inCodeOrder(oosOf.get(so.id))) {
        rows.push(aggregateRow('operational_objective', oo, scores.operationalObjectives.get(oo.id)));
        for (const i of inCodeOrder(indicatorsOf.get(oo.id)))
          rows.push(indicatorRow(i, scores.indicators.get(i.id), measurements));
        if (rows.length - laidOut >= STEP_ITEMS) {
          laidOut = rows.length;
          yield;
        }
      }
    }
  }
  return {
    title: s.plan.label,
    rows,
    total: aggregateRow('perspective', { id: s.plan.id, code: null, title: s.plan.label }, scores.plan),
  };
}

/** One dashboard as a Relazione table: each group (objective) row with its %, then its entries. */
export function dashboardReport(s: PlanSnapshot, scores: PlanScores, dashboardId: string): Report {
  return runSteps(dashboardReportSteps(s, scores, dashboardId));
}

/** dashboardReport as steps (server/speed/steps.ts): a yield after each group. */
export function* dashboardReportSteps(s: PlanSnapshot, scores: PlanScores, dashboardId: string): Steps<Report> {
  const dashboard = s.dashboards.find((d) => d.id === dashboardId)!;
  const result = scores.dashboards.get(dashboardId);
  const indicators = new Map(s.indicators.map((i) => [i.id, i]));
  const objectives = new Map<string, { id: string; code: string; title: string; level: ReportLevel }>([
    ...s.strategicObjectives.map(
      (o) => [o.id, { id: o.id, code: o.code, title: o.title, level: 'strategic_objective' as const }] as const,
    ),
    ...s.operationalObjectives.map(
      (o) => [o.id, { id: o.id, code: o.code, title: o.title, level: 'operational_objective' as const }] as const,
    ),
  ]);
  const rows: ReportRow[] = [];
  const measurements = measurementsOf(s);
  const entries = s.entries.filter((e) => e.dashboard.id === dashboardId);
  for (const group of result?.groups ?? []) {
    yield;
    const objective = objectives.get(group.id) ?? {
      id: group.id,
      code: group.code ?? '',
      title: group.code ?? '',
      level: 'strategic_objective' as const,
    };
    rows.push(aggregateRow(objective.level, objective, group));
    const ids = new Set([...group.explanation.used.map((u) => u.id), ...group.explanation.excluded.map((e) => e.id)]);
    for (const entry of entries.filter((e) => ids.has(e.indicator.id))) {
      const indicator = indicators.get(entry.indicator.id);
      if (indicator)
        rows.push({
          ...indicatorRow(indicator, scores.indicators.get(indicator.id), measurements),
          title: entry.actionLabel ?? indicator.title,
          weight: entry.weight ?? null,
        });
    }
  }
  return {
    title: dashboard.name,
    rows,
    total: aggregateRow('perspective', { id: dashboard.id, code: null, title: dashboard.name }, result),
  };
}
