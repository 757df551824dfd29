/**
 * The plan in Sondrio's flat table (docs/domain.md §7.1, seeds/004): one line per action, the perspective, strategic
 * and operational objective cells printed on the first line of their group, targets of the plan's three years and
 * the thresholds of the first year, the Relatore.
 */
import { Checkpoint } from '@core/vocabulary/enums';
import { formatPercent } from '@core/scoring';
import { numberCell } from '../canonical-row';
import { type ReportColumn, type ReportDocument, type ReportTableRow, weightColumn } from './document';
import { childrenInCodeOrder, type ReportData, subtitleOf, targetCell } from './data';

export function buildPlanSondrio(data: ReportData): ReportDocument {
  const { full, request } = data;
  const years = data.years.filter((y) => y >= request.year).slice(0, 3);
  const [first, ...later] = years.length ? years : [request.year];
  const targets = full.targets.filter((t) => t.year === first && t.checkpoint === Checkpoint.YEAR_END);
  const scores = [...new Set(targets.flatMap((t) => t.thresholds.map((th) => th.score)))].sort((a, b) => b - a);
  const thresholdsOf = new Map(targets.map((t) => [t.indicator.id, t.thresholds]));
  const unitName = (id: string) => data.units.get(id)?.name ?? id;
  const weight = (w: number | null | undefined) => (w == null ? null : `${numberCell(w)}%`);

  const columns: ReportColumn[] = [
    { key: 'perspective', label: 'Prospettiva', width: 18 },
    // on paper the codes lead their titles and the kpi follow them, so the table fits A4 landscape
    { key: 'soCode', label: 'OS cod.', width: 6, printInto: 'soTitle' },
    { key: 'soTitle', label: 'OS descrizione', width: 24, printLabel: 'Obiettivo strategico (kpi)' },
    { key: 'soKpi', label: 'OS kpi', width: 12, printInto: 'soTitle', separator: ' · kpi: ' },
    ...years.map((y, n): ReportColumn => ({
      key: `soTarget:${y}`,
      label: `OS target ${y}`,
      kind: 'percent',
      width: 8,
      ...(n === 0
        ? { printLabel: `OS target ${years.join(' / ')}` }
        : { printInto: `soTarget:${years[0]}`, separator: ' / ' }),
    })),
    { key: 'ooCode', label: 'OO cod.', width: 6, printInto: 'ooTitle' },
    { key: 'ooTitle', label: 'OO titolo / descrizione', width: 22, printLabel: 'Obiettivo operativo (kpi)' },
    { key: 'ooWeight', label: 'OO peso', kind: 'percent', width: 7 },
    { key: 'ooKpi', label: 'OO kpi', width: 12, printInto: 'ooTitle', separator: ' · kpi: ' },
    { key: 'code', label: 'Azione cod.', width: 7, printInto: 'title' },
    { key: 'title', label: 'Azione titolo / descrizione', width: 30, printLabel: 'Azione' },
    weightColumn(7),
    { key: 'kpi', label: 'kpi', width: 30 },
    { key: `target:${first}`, label: `target ${first}`, kind: 'number', width: 9 },
    // a revised target keeps the first one beside it, as in the Relazione: on paper inside the target's cell
    {
      key: `original:${first}`,
      label: `target iniziale ${first}, se rivisto`,
      kind: 'number',
      width: 9,
      printInto: `target:${first}`,
      separator: ' · iniziale: ',
    },
    ...scores.map((s): ReportColumn => ({
      key: `threshold:${s}`,
      label: `Soglia ${formatPercent(s, 0)} ${first}`,
      kind: 'number',
      width: 9,
    })),
    ...later.map((y): ReportColumn => ({ key: `target:${y}`, label: `target ${y}`, kind: 'number', width: 9 })),
    { key: 'units', label: 'Relatore', width: 24 },
  ];

  const { sosOf, oosOf, indicatorsOf } = childrenInCodeOrder(full);
  const rows: ReportTableRow[] = [];
  for (const p of full.perspectives) {
    let perspectiveShown = false;
    for (const so of sosOf.get(p.id) ?? []) {
      let soShown = false;
      const soCells = () => {
        const cells: ReportTableRow['cells'] = { soCode: so.code, soTitle: so.title, soKpi: so.kpi ?? null };
        for (const y of years) cells[`soTarget:${y}`] = so.passMark == null ? null : formatPercent(so.passMark, 0);
        return cells;
      };
      const groups = [
        ...(oosOf.get(so.id) ?? []).map((oo) => ({ oo, indicators: indicatorsOf.get(oo.id) ?? [] })),
        { oo: null, indicators: indicatorsOf.get(so.id) ?? [] },
      ];
      for (const { oo, indicators } of groups) {
        const lines = indicators.length ? indicators : oo ? [null] : [];
        lines.forEach((i, n) => {
          const cells: ReportTableRow['cells'] = {};
          if (!perspectiveShown) {
            cells.perspective = p.name;
            perspectiveShown = true;
          }
          if (!soShown) {
            Object.assign(cells, soCells());
            soShown = true;
          }
          if (oo && n === 0)
            Object.assign(cells, {
              ooCode: oo.code,
              ooTitle: oo.title,
              ooWeight: weight(oo.weight),
              ooKpi: oo.kpi ?? null,
            });
          if (i) {
            Object.assign(cells, {
              code: i.code,
              title: i.title,
              weight: weight(i.weight),
              kpi: i.formula ?? null,
              units: (full.unitsOf.get(i.id) ?? []).map(unitName).join(' e '),
            });
            for (const y of years) cells[`target:${y}`] = targetCell(data, i.id, y, Checkpoint.YEAR_END).effective;
            const firstCell = targetCell(data, i.id, first, Checkpoint.YEAR_END);
            cells[`original:${first}`] = firstCell.revised ? firstCell.original : null;
            for (const th of thresholdsOf.get(i.id) ?? []) cells[`threshold:${th.score}`] = th.value.raw;
          }
          rows.push({ cells });
        });
      }
      if (!soShown) rows.push({ cells: { ...(perspectiveShown ? {} : { perspective: p.name }), ...soCells() } });
      perspectiveShown = true;
    }
    if (!perspectiveShown) rows.push({ cells: { perspective: p.name } });
  }
  return {
    kind: 'plan-sondrio',
    title: `Piano della Performance ${years.length > 1 ? `${years[0]}-${years[years.length - 1]}` : (years[0] ?? request.year)}`,
    subtitle: subtitleOf(data),
    generatedAt: data.generatedAt,
    sections: [{ title: 'Obiettivi strategici, obiettivi operativi e azioni', columns, rows }],
  };
}
