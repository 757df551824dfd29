import { Arg, type ClassType, Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import type { AggregateResult, IndicatorResult } from '@core/scoring';
import { Checkpoint } from '@core/vocabulary/enums';
import {
  Dashboard,
  Indicator,
  OperationalObjective,
  OrgUnit,
  Person,
  Perspective,
  PlanVersion,
  StrategicObjective,
} from '../entities';
import { loadPlanSnapshot } from '../services/plan-snapshot';
import type { PlanScores } from '../services/realization';
import { realizationView } from '../services/realization-view';
import type { ScoredPlan } from '../services/score-snapshots';
import type { Context } from './context';
import { nextTurn } from '../speed/next-turn';
import { thenMaybe } from './then-maybe';
import { Realization } from './types/realization';

/**
 * Scores of a plan for (year, checkpoint), asked once per request however many fields ask for them, and computed
 * once per change of the plan (server/services/score-snapshots.ts), from rows read without the unit of work (they
 * are only read). Once there they are handed out as they are, not in a promise: a plan tree asks once per node.
 */
export function planScores(
  ctx: Context,
  planId: string,
  year: number,
  checkpoint: Checkpoint,
): PlanScores | Promise<PlanScores> {
  return ctx.loaders.onceNow(`scores:${planId}:${year}:${checkpoint}`, async () => {
    const scored = await scoredPlan(ctx, planId, year, checkpoint);
    return scored.scores;
  });
}

/** The rows of one period of a plan as a request reads them: outside the unit of work, in slices, on turns. */
export async function periodSnapshot(ctx: Context, planId: string, year: number, checkpoint: Checkpoint) {
  await nextTurn(); // the statements of a big plan's read answer without yielding (SQLite): a turn of their own
  return loadPlanSnapshot(ctx.em, planId, { year, checkpoint }, { readOnly: ctx.fastPaths, sliced: true });
}

/** The scored plan with the period's rows (the report reads both), kept or built. */
export function scoredPlan(ctx: Context, planId: string, year: number, checkpoint: Checkpoint): Promise<ScoredPlan> {
  return ctx.snapshots.read(ctx.em, planId, year, checkpoint, async () => {
    const snapshot = await periodSnapshot(ctx, planId, year, checkpoint);
    // scored off the event loop when the rows can be copied to a thread (server/compute)
    const scores = await ctx.compute.run({ kind: 'scores', snapshot, year, checkpoint });
    return { scores, snapshot, shareable: ctx.fastPaths };
  });
}

export function toRealization(
  result: IndicatorResult | AggregateResult | undefined,
  year: number,
  checkpoint: Checkpoint,
): Realization | null {
  return realizationView(result, year, checkpoint);
}

type Pick = (scores: PlanScores, id: string) => IndicatorResult | AggregateResult | undefined;

/** `realization(year, checkpoint)` on a node of a plan: the node knows its plan. */
function planNodeRealization(entity: ClassType<object>, pick: Pick, planIdOf: (row: any) => string): ClassType<object> {
  @Resolver(() => entity)
  class NodeRealization {
    @FieldResolver(() => Realization, {
      nullable: true,
      description:
        '% di realizzazione di un anno e una scadenza, con la spiegazione / Realization for a year and checkpoint, with its explanation',
    })
    realization(
      @Root() row: { id: string },
      @Arg('year', () => Int) year: number,
      @Arg('checkpoint', () => Checkpoint, { defaultValue: Checkpoint.YEAR_END }) checkpoint: Checkpoint,
      @Ctx() ctx: Context,
    ): Realization | null | Promise<Realization | null> {
      return thenMaybe(planScores(ctx, planIdOf(row), year, checkpoint), (scores) =>
        toRealization(pick(scores, row.id), year, checkpoint),
      );
    }
  }
  return NodeRealization;
}

/** Units and managers belong to the organisation, not to a plan: the plan is an argument. */
function orgNodeRealization(entity: ClassType<object>, pick: Pick, what: string): ClassType<object> {
  @Resolver(() => entity)
  class OrgRealization {
    @FieldResolver(() => Realization, {
      nullable: true,
      description: `% di realizzazione di questo ${what === 'unit' ? 'unità' : 'dirigente'} in una versione del piano, per un anno e una scadenza / Realization of this ${what} in a plan version, for a year and checkpoint`,
    })
    realization(
      @Root() row: { id: string },
      @Arg('planId', () => ID) planId: string,
      @Arg('year', () => Int) year: number,
      @Arg('checkpoint', () => Checkpoint, { defaultValue: Checkpoint.YEAR_END }) checkpoint: Checkpoint,
      @Ctx() ctx: Context,
    ): Realization | null | Promise<Realization | null> {
      return thenMaybe(planScores(ctx, planId, year, checkpoint), (scores) =>
        toRealization(pick(scores, row.id), year, checkpoint),
      );
    }
  }
  return OrgRealization;
}

const planOf = (row: { plan: { id: string } }) => row.plan.id;

export const REALIZATION_RESOLVERS: ClassType<object>[] = [
  planNodeRealization(Indicator, (s, id) => s.indicators.get(id), planOf),
  planNodeRealization(OperationalObjective, (s, id) => s.operationalObjectives.get(id), planOf),
  planNodeRealization(StrategicObjective, (s, id) => s.strategicObjectives.get(id), planOf),
  planNodeRealization(Perspective, (s, id) => s.perspectives.get(id), planOf),
  planNodeRealization(Dashboard, (s, id) => s.dashboards.get(id), planOf),
  planNodeRealization(
    PlanVersion,
    (s) => s.plan,
    (row: { id: string }) => row.id,
  ),
  orgNodeRealization(OrgUnit, (s, id) => s.units.get(id), 'unit'),
  orgNodeRealization(Person, (s, id) => s.managers.get(id), 'manager'),
];
