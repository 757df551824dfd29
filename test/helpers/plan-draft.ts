import type { IndicatorDraft, PlanDraft } from '../../server/import/draft';

/** The indicator listed at a source line, with the dashboards listing it (name@line). */
export function atLine(
  draft: PlanDraft,
  line: number,
): { indicator: IndicatorDraft; objective: string; dashboards: string[] } {
  for (const p of draft.perspectives)
    for (const s of p.strategicObjectives)
      for (const i of s.indicators) {
        const dashboards = draft.dashboards.filter((d) => d.entries.some((e) => e.indicatorKey === i.key));
        const lines = dashboards.flatMap((d) => d.entries.filter((e) => e.indicatorKey === i.key).map((e) => e.line));
        if (lines.includes(line))
          return {
            indicator: i,
            objective: s.code,
            dashboards: dashboards.map(
              (d) => `${d.name}@${(d.entries.find((e) => e.indicatorKey === i.key) as { line: number }).line}`,
            ),
          };
      }
  throw new Error(`no indicator listed at line ${line}`);
}

/** Targets of an indicator by year, as printed. */
export const targets = (i: IndicatorDraft) => Object.fromEntries(i.targets.map((t) => [t.year, t.raw]));

/** Baselines of an indicator, as printed. */
export const baseline = (i: IndicatorDraft) =>
  i.baselines.map((b) => ({ year: b.year, target: b.target, actual: b.actual }));
