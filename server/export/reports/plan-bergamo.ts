/**
 * The plan in Bergamo's dashboard table (docs/domain.md §7.1, seeds/000 and 002): grouped perspective → strategic
 * objective, one line per indicator: Azione | Indicatore | Risultato atteso Y−1 | Risultato consuntivo Y−1 |
 * Risultato atteso Y, Y+1, Y+2 | Fonte del dato. The strategic dashboard's entries give the action label and the
 * source when there is one; the plan tree otherwise. When the plan weighs its indicators, a Peso column follows the
 * indicator (the entry's own weight in the strategic dashboard, else the indicator's in its objective), so that an
 * OIV can check every weighted mean (issue 14, item 7); a plan without weights prints the table as Bergamo does.
 */
import { Checkpoint, DashboardKind } from '@core/vocabulary/enums';
import { type ReportColumn, type ReportDocument, type ReportTableRow, weightColumn } from './document';
import { childrenInCodeOrder, rawOf, type ReportData, subtitleOf, targetCell } from './data';
import { numberCell } from '../canonical-row';

export function buildPlanBergamo(data: ReportData): ReportDocument {
  const { full, request } = data;
  const y = request.year;
  const years = data.years.filter((x) => x >= y).slice(0, 3);
  const strategic = full.dashboards.find((d) => d.kind === DashboardKind.STRATEGIC);
  const entryOf = new Map(
    full.entries.filter((e) => strategic && e.dashboard.id === strategic.id).map((e) => [e.indicator.id, e]),
  );
  const weightOf = (i: (typeof full.indicators)[number]): number | null =>
    entryOf.get(i.id)?.weight ?? i.weight ?? null;
  const weighed = full.indicators.some((i) => weightOf(i) != null);
  const columns: ReportColumn[] = [
    { key: 'action', label: 'Azione', width: 40 },
    { key: 'indicator', label: 'Indicatore', width: 44 },
    ...(weighed ? [weightColumn(7)] : []),
    { key: 'prevTarget', label: `Risultato atteso ${y - 1}`, kind: 'number', width: 12 },
    { key: 'prevActual', label: `Risultato consuntivo ${y - 1}`, kind: 'number', width: 12 },
    ...years.flatMap((x): ReportColumn[] => [
      { key: `target:${x}`, label: `Risultato atteso ${x}`, kind: 'number', width: 12 },
      // a revised target keeps the first one beside it, as in the Relazione
      ...(x === y
        ? [{ key: 'original', label: `Target iniziale ${y}, se rivisto`, kind: 'number', width: 12 } as ReportColumn]
        : []),
    ]),
    { key: 'source', label: 'Fonte del dato', width: 20 },
  ];
  const { sosOf, oosOf, indicatorsOf } = childrenInCodeOrder(full);
  const rows: ReportTableRow[] = [];
  for (const p of full.perspectives) {
    rows.push({ style: 'perspective', cells: { action: p.name.toUpperCase() } });
    for (const so of sosOf.get(p.id) ?? []) {
      rows.push({ style: 'strategic', cells: { action: `${so.code} ${so.title}` } });
      const indicators = [
        ...(indicatorsOf.get(so.id) ?? []),
        ...(oosOf.get(so.id) ?? []).flatMap((oo) => (indicatorsOf.get(oo.id) ?? []).map((i) => ({ i, oo }))),
      ].map((x) => ('i' in x ? x : { i: x, oo: null }));
      for (const { i, oo } of indicators) {
        const entry = entryOf.get(i.id);
        const baseline = (data.baselines.get(i.id) ?? []).find((b) => b.year === y - 1);
        const previous = targetCell(data, i.id, y - 1, Checkpoint.YEAR_END);
        const current = targetCell(data, i.id, y, Checkpoint.YEAR_END);
        const cells: ReportTableRow['cells'] = {
          action: entry?.actionLabel ?? i.actionLabel ?? oo?.title ?? i.title,
          indicator: i.formula ?? i.title,
          weight: weightOf(i) == null ? null : `${numberCell(weightOf(i)!)}%`,
          prevTarget: rawOf(baseline?.target) ?? previous.effective,
          prevActual: rawOf(baseline?.actual),
          original: current.revised ? current.original : null,
          source: entry?.dataSource ?? i.dataSource ?? null,
        };
        for (const x of years)
          cells[`target:${x}`] = i.monitoring
            ? 'monitoraggio'
            : (targetCell(data, i.id, x, Checkpoint.YEAR_END).effective ?? '-');
        rows.push({ cells });
      }
    }
  }
  return {
    kind: 'plan-bergamo',
    title: `Cruscotto strategico ${y}`,
    subtitle: subtitleOf(data),
    generatedAt: data.generatedAt,
    sections: [
      { title: `Cruscotto strategico ${y}`, subtitle: 'Per prospettiva e obiettivo strategico', columns, rows },
    ],
  };
}
