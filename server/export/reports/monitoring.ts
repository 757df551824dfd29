/**
 * Monitoring at 30/6 (docs/domain.md §7.3): per indicator the 30/6 target, actual and score next to the 31/12 target
 * (original and revised); scores below the alert level and missing actuals are highlighted. Both checkpoints are
 * scored by computePlanScores, as the API does for each.
 */
import { Checkpoint, TargetMode } from '@core/vocabulary/enums';
import { countIt, invalidNoteIt } from '@core/vocabulary/reasons-it';
import { aggregateNote } from '../../services/report-notes';
import { byCode } from '../../services/code-order';
import { groupBy } from '../../services/group-by';
import { CODE_COLUMN, type ReportDocument, type ReportTableRow, weightColumn } from './document';
import { type ReportData, scoresAt, subtitleOf, targetCell } from './data';
import { numberCell } from '../canonical-row';

/** A weight as printed: "25%"; an OIV checks each objective's % at 30/6 as the weighted mean of its rows. */
const weightCell = (w: number | null | undefined) => (w == null ? null : `${numberCell(w)}%`);

export const DEFAULT_ALERT = 0.6;

export function alertLevel(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_ALERT;
  const n = Number(raw.replace(',', '.').replace('%', ''));
  const level = raw.includes('%') || n > 1 ? n / 100 : n;
  if (!Number.isFinite(level) || level < 0 || level > 1)
    throw new RangeError(`alert level "${raw}" is not a percentage between 0 and 100`);
  return level;
}

export function buildMonitoring(data: ReportData): ReportDocument {
  const { full, request } = data;
  const year = request.year;
  const alert = alertLevel(request.options?.alert);
  const mid = scoresAt(data, Checkpoint.MID_YEAR);
  const measurementOf = new Map(
    full.measurements
      .filter((m) => m.year === year && m.checkpoint === Checkpoint.MID_YEAR)
      .map((m) => [m.indicator.id, m]),
  );

  const indicatorsOf = groupBy(full.indicators, (i) => i.operationalObjective?.id ?? i.strategicObjective?.id);
  // a monitoring target ("monitoraggio") is a mode, not an expected value: its cell stays blank
  const expected = (indicatorId: string, monitoring: boolean, checkpoint: Checkpoint) => {
    const target = data.targetIndex.get(`${indicatorId}|${year}|${checkpoint}`);
    const cell = targetCell(data, indicatorId, year, checkpoint);
    const effective = target ? (data.revisionsOf.get(target.id) ?? []).filter((r) => r.approved).at(-1) : undefined;
    const isMonitoring =
      monitoring ||
      target?.mode === TargetMode.MONITORING ||
      (effective?.value.kind === 'placeholder' && effective.value.placeholder === 'monitoring');
    return isMonitoring
      ? { effective: null, original: null, revised: null, monitoring: true }
      : { ...cell, monitoring: false };
  };
  const rows: ReportTableRow[] = [];
  let alerts = 0;
  let missing = 0;
  const objectiveRow = (
    code: string,
    title: string,
    display: string | null,
    style: 'strategic' | 'operational',
    note: string | null,
    weight: number | null = null,
  ) => rows.push({ style, cells: { code, title, weight: weightCell(weight), mid: display, note } });
  const indicatorRows = (parentId: string) => {
    for (const i of [...(indicatorsOf.get(parentId) ?? [])].sort((a, b) => byCode(a.code, b.code))) {
      const t30 = expected(i.id, i.monitoring, Checkpoint.MID_YEAR);
      const t31 = expected(i.id, i.monitoring, Checkpoint.YEAR_END);
      const score = mid.indicators.get(i.id);
      const measurement = measurementOf.get(i.id);
      let note: string | null = null;
      let style: ReportTableRow['style'];
      if (score?.status === 'monitoring' || t30.monitoring || t31.monitoring) note = 'monitoraggio: non valutato';
      else if (t30.effective == null) note = 'non applicabile: nessun target al 30/6';
      else if (!measurement?.value || measurement.value.kind === 'empty' || measurement.value.kind === 'placeholder') {
        note = 'valore al 30/6 mancante';
        style = 'warning';
        missing++;
      } else if (score?.score != null && score.score < alert) {
        note = `sotto il livello di allerta (${Math.round(alert * 100)}%)`;
        style = 'error';
        alerts++;
      } else if (score?.status === 'invalid') {
        note = invalidNoteIt(score.errors);
        style = 'error';
      }
      rows.push({
        style,
        cells: {
          code: i.code,
          title: i.title,
          weight: weightCell(i.weight),
          target30: t30.effective,
          actual30: measurement?.value?.raw ?? null,
          mid: measurement?.neutralised ? null : (score?.display ?? null),
          target31: t31.original,
          revised31: t31.revised,
          note,
        },
      });
    }
  };
  const oosOf = groupBy(full.operationalObjectives, (o) => o.strategicObjective?.id);
  const sosOf = groupBy(full.strategicObjectives, (o) => o.perspective.id);
  const inCodeOrder = <T extends { code: string }>(list: T[] | undefined) =>
    [...(list ?? [])].sort((a, b) => byCode(a.code, b.code));
  for (const p of full.perspectives) {
    const sos = inCodeOrder(sosOf.get(p.id));
    if (sos.length === 0) continue;
    const r = mid.perspectives.get(p.id);
    rows.push({ style: 'perspective', cells: { title: p.name, mid: r?.display ?? null, note: aggregateNote(r).it } });
    for (const so of sos) {
      const s = mid.strategicObjectives.get(so.id);
      objectiveRow(so.code, so.title, s?.display ?? null, 'strategic', aggregateNote(s).it);
      indicatorRows(so.id);
      for (const oo of inCodeOrder(oosOf.get(so.id))) {
        const o = mid.operationalObjectives.get(oo.id);
        objectiveRow(oo.code, oo.title, o?.display ?? null, 'operational', aggregateNote(o).it, oo.weight ?? null);
        indicatorRows(oo.id);
      }
    }
  }
  return {
    kind: 'monitoring',
    title: `Monitoraggio al 30/6/${year}`,
    subtitle: `${subtitleOf({ ...data, request: { ...request, checkpoint: Checkpoint.MID_YEAR } })} · livello di allerta ${Math.round(alert * 100)}%`,
    generatedAt: data.generatedAt,
    sections: [
      {
        title: `Monitoraggio intermedio al 30/6/${year}`,
        subtitle: `${countIt(alerts, 'indicatore', 'indicatori')} sotto il livello di allerta, ${countIt(missing, 'valore mancante', 'valori mancanti')}`,
        columns: [
          CODE_COLUMN,
          { key: 'title', label: 'Obiettivo / Indicatore', width: 46 },
          weightColumn(7),
          { key: 'target30', label: 'Target al 30/6', kind: 'number', width: 13 },
          { key: 'actual30', label: 'Valore al 30/6', kind: 'number', width: 13 },
          { key: 'mid', label: '% al 30/6', kind: 'percent', width: 11 },
          { key: 'target31', label: 'Target al 31/12', kind: 'number', width: 13 },
          { key: 'revised31', label: 'Nuova previsione al 31/12', kind: 'number', width: 14 },
          { key: 'note', label: 'Segnalazioni', width: 30 },
        ],
        rows,
      },
    ],
  };
}
