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

/**
 * What was read by hand about the indicator listed at a source line. Only the facts given are compared, so a sample
 * states what its line shows and nothing more.
 */
export type HandRead = {
  line: number;
  objective?: string;
  indicator?: Partial<Pick<IndicatorDraft, 'title' | 'actionLabel' | 'dataSource'>>;
  targets?: Record<number, string>;
  baseline?: ReturnType<typeof baseline>;
  polarity?: string;
  dashboards?: string[];
};

/** The draft's reading of `sample.line`, cut to the facts the sample gives: `toEqual(sample)` compares them all. */
export function readAt(draft: PlanDraft, sample: HandRead): HandRead {
  const { indicator, objective, dashboards } = atLine(draft, sample.line);
  const read: HandRead = {
    line: sample.line,
    objective,
    indicator: Object.fromEntries(Object.keys(sample.indicator ?? {}).map((k) => [k, indicator[k as 'title']])),
    targets: targets(indicator),
    baseline: baseline(indicator),
    polarity: indicator.polarity?.value,
    dashboards,
  };
  return Object.fromEntries(Object.keys(sample).map((k) => [k, read[k as keyof HandRead]])) as HandRead;
}
