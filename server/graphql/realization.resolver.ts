import { Arg, type ClassType, Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
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
import type { PlanViews } from '../compute/plan-tasks';
import type { RealizationView } from '../services/realization-view';
import type { Context } from './context';
import { nextTurn } from '../services/next-turn';
import { thenMaybe } from './then-maybe';
import { Realization } from './types/realization';

/**
 * The realizations of a plan's nodes for (year, checkpoint), computed once per request however many fields ask for
 * them (off the event loop: server/compute), from rows read without the unit of work. Once computed they are handed
 * out as they are, not in a promise: a plan tree asks for them once per node.
 */
function planViews(ctx: Context, planId: string, year: number, checkpoint: Checkpoint): PlanViews | Promise<PlanViews> {
  return ctx.loaders.onceNow(`scores:${planId}:${year}:${checkpoint}`, async () => {
    await nextTurn(); // a big plan's read on a turn of its own (report.resolver.ts)
    const snapshot = await loadPlanSnapshot(ctx.em, planId, { year, checkpoint }, { readOnly: ctx.fastPaths });
    return ctx.compute.run({ kind: 'views', snapshot, year, checkpoint });
  });
}

type Pick = (views: PlanViews, id: string) => RealizationView | null | undefined;

/** `realization(year, checkpoint)` on a node of a plan: the node knows its plan. */
function planNodeRealization(entity: ClassType<object>, pick: Pick, planIdOf: (row: any) => string): ClassType<object> {
  @Resolver(() => entity)
  class NodeRealization {
    @FieldResolver(() => Realization, {
      nullable: true,
      description: 'Realization for a year and checkpoint, with its explanation',
    })
    realization(
      @Root() row: { id: string },
      @Arg('year', () => Int) year: number,
      @Arg('checkpoint', () => Checkpoint, { defaultValue: Checkpoint.YEAR_END }) checkpoint: Checkpoint,
      @Ctx() ctx: Context,
    ): Realization | null | Promise<Realization | null> {
      return thenMaybe(planViews(ctx, planIdOf(row), year, checkpoint), (views) => pick(views, row.id) ?? null);
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
      description: `Realization of this ${what} in a plan version, for a year and checkpoint`,
    })
    realization(
      @Root() row: { id: string },
      @Arg('planId', () => ID) planId: string,
      @Arg('year', () => Int) year: number,
      @Arg('checkpoint', () => Checkpoint, { defaultValue: Checkpoint.YEAR_END }) checkpoint: Checkpoint,
      @Ctx() ctx: Context,
    ): Realization | null | Promise<Realization | null> {
      return thenMaybe(planViews(ctx, planId, year, checkpoint), (views) => pick(views, row.id) ?? null);
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
