/**
 * Dashboards (docs/scoring.md §5.8): a dashboard aggregates only the entries it lists. Each group (one objective within this
 * dashboard) is the mean of this dashboard's entries for that objective; the dashboard is the mean of its groups.
 * Scores belong to indicators: an indicator listed in several dashboards contributes the same score to each, and
 * no dashboard is derived from another dashboard or from the plan tree.
 */
import { aggregate, plainAggregate } from './aggregate';
import { DEFAULT_PROFILE } from './profiles';
import type {
  AggregateChild,
  AggregateResult,
  DashboardEntryInput,
  DashboardInput,
  DashboardResult,
  ResultLookup,
  ScoredLike,
} from './aggregate-types';
import type { Checkpoint, ScoringProfile } from './types';

export type DashboardOptions = {
  readonly profile?: ScoringProfile;
  readonly year?: number;
  readonly checkpoint?: Checkpoint;
};

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Any ReadonlyMap, not only a Map: the server's rescore gives the kept results with a few over them (LayeredMap). A
 * record's values are results, never functions, so a `get` function tells a map.
 */
function lookup(results: ResultLookup, id: string): ScoredLike | undefined {
  const map = results as ReadonlyMap<string, ScoredLike>;
  if (typeof map.get === 'function') return map.get(id);
  const rec = results as Readonly<Record<string, ScoredLike>>;
  return hasOwn.call(rec, id) ? rec[id] : undefined;
}

/**
 * Score a dashboard from the indicators' results. `results` may hold any number of other indicators: only the
 * entries of this dashboard are used. An entry whose indicator has no result is excluded ("no result").
 */
export function scoreDashboard(
  input: DashboardInput,
  results: ResultLookup,
  options: DashboardOptions = {},
): DashboardResult {
  const profile = options.profile || DEFAULT_PROFILE;
  const order: string[] = [];
  const byObjective = new Map<string, { code?: string; entries: DashboardEntryInput[] }>();
  for (const e of input.entries) {
    let g = byObjective.get(e.objectiveId);
    if (!g) {
      g = { code: e.objectiveCode, entries: [] };
      byObjective.set(e.objectiveId, g);
      order.push(e.objectiveId);
    }
    g.entries.push(e);
  }
  const groups: AggregateResult[] = [];
  const groupChildren: AggregateChild[] = [];
  for (const objectiveId of order) {
    const g = byObjective.get(objectiveId)!;
    const children: AggregateChild[] = g.entries.map((e) => {
      const r = lookup(results, e.indicatorId);
      if (!r)
        return {
          id: e.indicatorId,
          code: e.indicatorCode,
          weight: e.weight,
          score: null,
          status: 'missing',
          reason: 'no result',
        };
      return {
        id: e.indicatorId,
        code: e.indicatorCode !== undefined ? e.indicatorCode : r.code,
        weight: e.weight,
        score: r.score,
        status: r.status,
        errors: r.errors,
      };
    });
    const gr = aggregate(children, {
      profile,
      subject: {
        type: 'dashboard_group',
        id: objectiveId,
        code: g.code,
        year: options.year,
        checkpoint: options.checkpoint,
      },
    });
    groups.push(gr);
    const w =
      input.groupWeights && hasOwn.call(input.groupWeights, objectiveId) ? input.groupWeights[objectiveId] : undefined;
    groupChildren.push({ id: gr.id, code: gr.code, weight: w, score: gr.score, status: gr.status, errors: gr.errors });
  }
  const total = aggregate(groupChildren, {
    profile,
    rule: 'dashboard',
    subject: { type: 'dashboard', id: input.id, code: input.code, year: options.year, checkpoint: options.checkpoint },
  });
  return { ...plainAggregate(total), groups };
}
