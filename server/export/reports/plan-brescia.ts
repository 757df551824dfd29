/**
 * The plan as Brescia's objective cards (docs/domain.md §7.1, seeds/003): one card per objective with its weight,
 * perspective, description, expected benefit, actions, units, managers (with the weights of this plan version),
 * relevance, and its indicators (categories, baseline, target at 30/6 and 31/12, revised target, weight).
 */
import { Checkpoint, IndicatorCategory } from '@core/vocabulary/enums';
import type { Indicator } from '../../entities';
import { groupBy } from '../../services/group-by';
import { inCodeOrder } from '../../services/code-order';
import { numberCell } from '../canonical-row';
import { CODE_COLUMN, type ReportDocument, type ReportSection, weightColumn } from './document';
import { planLabelIt, rawOf, type ReportData, subtitleOf, targetCell } from './data';

const CATEGORY_IT: Record<string, string> = {
  [IndicatorCategory.EXTERNAL_EFFECTIVENESS]: 'efficacia esterna',
  [IndicatorCategory.INTERNAL_EFFECTIVENESS]: 'efficacia interna',
  [IndicatorCategory.EFFICIENCY]: 'efficienza',
  [IndicatorCategory.QUALITY]: 'qualità',
};
const RELEVANCE_IT: Record<string, string> = { high: 'ALTA (5)', medium: 'MEDIA (3)', low: 'BASSA (1)' };

export function buildPlanBrescia(data: ReportData): ReportDocument {
  const { full, request } = data;
  const y = request.year;
  const indicatorsOf = groupBy(
    inCodeOrder(full.indicators),
    (i) => i.operationalObjective?.id ?? i.strategicObjective?.id,
  );
  const assignmentsOf = groupBy(full.assignments, (a) => (a.operationalObjective ?? a.strategicObjective)?.id);
  const perspectiveOf = new Map(full.perspectives.map((p) => [p.id, p.name]));
  const soById = new Map(full.strategicObjectives.map((o) => [o.id, o]));
  const weight = (w: number | null | undefined) => (w == null ? '' : `${numberCell(w)}%`);
  const pct = (w: number | null | undefined) => (w == null ? null : `${numberCell(w)}%`);

  const card = (
    kind: string,
    o: { id: string; code: string; title: string; description?: string | null; relevance?: string | null },
    extra: Array<[string, string]>,
  ): ReportSection => {
    const indicators: Indicator[] = indicatorsOf.get(o.id) ?? [];
    const units = [...new Set(indicators.flatMap((i) => full.unitsOf.get(i.id) ?? []))].map(
      (id) => data.units.get(id)?.name ?? id,
    );
    // a re-weighted assignment prints both weights with the dates each holds, never as two bare weights
    const managers = (assignmentsOf.get(o.id) ?? []).map(
      (a) => `${data.persons.get(a.manager.id)?.fullName ?? a.manager.id} (${weight(a.weight)}${validity(a)})`,
    );
    return {
      title: `${kind} ${o.code}: ${o.title}`,
      fields: [
        ...extra,
        ...(o.description ? [['Descrizione', o.description] as [string, string]] : []),
        ['Unità coinvolte', units.join('; ') || '—'],
        ["Dirigenti e peso dell'obiettivo", managers.join('; ') || '—'],
        ['Rilevanza', o.relevance ? (RELEVANCE_IT[o.relevance.toLowerCase()] ?? o.relevance) : '—'],
        ['Versione dei pesi', planLabelIt(full.plan.label)],
      ],
      columns: [
        CODE_COLUMN,
        { key: 'title', label: 'Indicatore', width: 44 },
        { key: 'categories', label: 'Tipo indicatore', width: 20 },
        { key: 'baseline', label: 'Base line', kind: 'number', width: 11 },
        { key: 'target30', label: 'Target al 30/6', kind: 'number', width: 11 },
        { key: 'target31', label: 'Target al 31/12', kind: 'number', width: 11 },
        { key: 'revised', label: 'Nuova previsione al 31/12', kind: 'number', width: 13 },
        weightColumn(8),
      ],
      rows: indicators.map((i) => {
        const t31 = targetCell(data, i.id, y, Checkpoint.YEAR_END);
        const baseline = (data.baselines.get(i.id) ?? []).filter((b) => b.year < y).at(-1);
        return {
          cells: {
            code: i.code,
            title: i.formula ? `${i.title}: ${i.formula}` : i.title,
            categories: i.categories.map((c) => CATEGORY_IT[c] ?? c).join(', '),
            baseline: rawOf(baseline?.actual) ?? rawOf(baseline?.target),
            target30: targetCell(data, i.id, y, Checkpoint.MID_YEAR).effective,
            target31: t31.original,
            revised: t31.revised,
            weight: pct(i.weight),
          },
        };
      }),
    };
  };

  const sections: ReportSection[] = [];
  for (const so of inCodeOrder(full.strategicObjectives)) {
    if ((indicatorsOf.get(so.id) ?? []).length === 0 && !(assignmentsOf.get(so.id) ?? []).length) continue;
    sections.push(
      card('Obiettivo strategico', so, [
        ['Prospettiva', perspectiveOf.get(so.perspective.id) ?? ''],
        ['Quota indicatori propri', so.ownShare == null ? '' : (pct(so.ownShare * 100) ?? '')],
      ]),
    );
  }
  for (const oo of inCodeOrder(full.operationalObjectives)) {
    const so = oo.strategicObjective ? soById.get(oo.strategicObjective.id) : undefined;
    sections.push(
      card('Obiettivo operativo', oo, [
        // the card's own perspective (Brescia 2.4 "Tutela della legalità") over its strategic objective's
        ['Prospettiva', oo.cardPerspective ?? (so ? (perspectiveOf.get(so.perspective.id) ?? '') : '')],
        ['Obiettivo strategico', so ? `${so.code} ${so.title}` : ''],
        ["Peso nell'obiettivo strategico", weight(oo.weight) || '—'],
        ...(oo.expectedBenefit ? [['Risultati attesi', oo.expectedBenefit] as [string, string]] : []),
        ...(oo.plannedActions ? [['Azioni', oo.plannedActions] as [string, string]] : []),
        ...(oo.effort ? [['Impegno richiesto', oo.effort] as [string, string]] : []),
      ]),
    );
  }
  return {
    kind: 'plan-brescia',
    title: `Schede obiettivo ${y}`,
    subtitle: subtitleOf(data),
    generatedAt: data.generatedAt,
    stacked: true,
    sections,
  };
}

function validity(a: { validFrom?: string | null; validTo?: string | null }): string {
  const it = (iso: string) => iso.split('-').reverse().map(Number).join('/');
  if (a.validFrom && a.validTo) return ` dal ${it(a.validFrom)} al ${it(a.validTo)}`;
  if (a.validFrom) return ` dal ${it(a.validFrom)}`;
  return a.validTo ? ` fino al ${it(a.validTo)}` : '';
}
