import type { GraphQLResolveInfo } from 'graphql';
import { Arg, type ClassType, Ctx, FieldResolver, ID, Info, Int, Resolver, Root } from 'type-graphql';
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
import { Scored } from '../entities/base';
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

type Scoring = { pick: Pick; planIdOf: (row: any) => string };
const planOf = (row: { plan: { id: string } }) => row.plan.id;

/** Each type implementing Scored: where its result stands among the plan's scores, and which plan it belongs to. */
const SCORED_TYPES: Record<string, Scoring> = {
  [Indicator.name]: { pick: (s, id) => s.indicators.get(id), planIdOf: planOf },
  [OperationalObjective.name]: { pick: (s, id) => s.operationalObjectives.get(id), planIdOf: planOf },
  [StrategicObjective.name]: { pick: (s, id) => s.strategicObjectives.get(id), planIdOf: planOf },
  [Perspective.name]: { pick: (s, id) => s.perspectives.get(id), planIdOf: planOf },
  [Dashboard.name]: { pick: (s, id) => s.dashboards.get(id), planIdOf: planOf },
  [PlanVersion.name]: { pick: (s) => s.plan, planIdOf: (row: { id: string }) => row.id },
};

/**
 * `realization(year, checkpoint)` of a row of a plan (the Scored interface), one resolver for all its types: the row
 * knows its plan, and GraphQL names the row's type (`info.parentType`), whatever the row's class.
 */
@Resolver(() => Scored)
export class ScoredRealization {
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
    @Info() info: GraphQLResolveInfo,
  ): Realization | null | Promise<Realization | null> {
    const { pick, planIdOf } = SCORED_TYPES[info.parentType.name];
    return thenMaybe(planScores(ctx, planIdOf(row), year, checkpoint), (scores) =>
      toRealization(pick(scores, row.id), year, checkpoint),
    );
  }
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

export const REALIZATION_RESOLVERS: ClassType<object>[] = [
  ScoredRealization,
  orgNodeRealization(OrgUnit, (s, id) => s.units.get(id), 'unit'),
  orgNodeRealization(Person, (s, id) => s.managers.get(id), 'manager'),
];
