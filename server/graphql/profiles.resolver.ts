import { GraphQLJSONObject } from 'graphql-scalars';
import { PROFILE_PRESETS } from '@core/scoring';
import {
  Arg,
  Args,
  ArgsType,
  type ClassType,
  Ctx,
  Field,
  ID,
  Int,
  Mutation,
  registerEnumType,
  Resolver,
} from 'type-graphql';
import { PlanVersion } from '../entities/plan-version';
import { ScoringProfile } from '../entities/scoring-profile';
import { movePlan } from '../services/plan-workflow';
import { type PresetName, profileFromPreset, reviseProfile } from '../services/scoring-profiles';
import type { Context } from './context';

/** The presets of core/scoring by their GraphQL names (`BERGAMO` → `bergamo`): a new one reaches the API with it. */
export const ProfilePreset = Object.fromEntries(
  Object.keys(PROFILE_PRESETS).map((preset) => [preset.toUpperCase(), preset]),
) as { [P in PresetName as Uppercase<P>]: P };
export type ProfilePreset = PresetName;
registerEnumType(ProfilePreset, {
  name: 'ProfilePreset',
  description:
    'La famiglia da cui parte un profilo; oggi le tre hanno gli stessi parametri predefiniti (docs/scoring.md §5.11) / The family a profile starts from. All three carry the default parameters today (docs/scoring.md §5.11): equal or declared weights and the 50/50 strategic split follow from the plan data, not from the preset',
});

/** A plan version to move along its life cycle, and the version of it the client saw */
@ArgsType()
class PlanVersionMoveArgs {
  @Field(() => ID) id!: string;
  @Field(() => Int, { nullable: true }) expectedVersion!: number | null;
}

/** Profile versions and plan approval (PLAN_MOVES): the moves that decide which parameters a plan's numbers use. */
@Resolver()
export class ProfilesResolver {
  @Mutation(() => ScoringProfile, {
    description:
      "Un nuovo profilo dell'organizzazione da un profilo predefinito / A new profile of the organisation from a seed family preset",
  })
  createScoringProfileFromPreset(
    @Arg('organisationId', () => ID) organisationId: string,
    @Arg('preset', () => ProfilePreset) preset: ProfilePreset,
    @Ctx() ctx: Context,
  ): Promise<ScoringProfile> {
    return profileFromPreset(ctx, organisationId, preset);
  }

  @Mutation(() => ScoringProfile, {
    description:
      "Una nuova versione di un profilo con alcuni parametri cambiati; la vecchia resta com'è / A new version of a profile with some parameters changed; the old version stays as it is",
  })
  reviseScoringProfile(
    @Arg('id', () => ID) id: string,
    @Arg('parameters', () => GraphQLJSONObject, { validate: false }) parameters: Record<string, unknown>,
    @Ctx() ctx: Context,
  ): Promise<ScoringProfile> {
    return reviseProfile(ctx, id, parameters);
  }
}

type PlanMove = Parameters<typeof movePlan>[1];

/** The moves of a plan version along its life cycle (services/plan-workflow.ts): mutations `<move>PlanVersion` */
const PLAN_MOVES: Record<PlanMove, string> = {
  approve:
    'Approva una versione in bozza (si registrano chi e quando) e congela il suo profilo di calcolo; da allora la struttura non cambia più / Approves a draft plan version (who and when are recorded) and freezes its scoring profile; from then on its structure cannot change',
  close:
    'Chiude una versione approvata (si registrano chi e quando): non cambia più nulla / Closes an approved plan version (who and when are recorded): nothing of it changes any more',
};

function planMoveResolver(move: PlanMove, description: string): ClassType<object> {
  @Resolver()
  class PlanMoveResolver {
    @Mutation(() => PlanVersion, { name: `${move}PlanVersion`, description })
    move(
      @Args(() => PlanVersionMoveArgs) { id, expectedVersion }: PlanVersionMoveArgs,
      @Ctx() ctx: Context,
    ): Promise<PlanVersion> {
      return movePlan(ctx, move, id, expectedVersion);
    }
  }
  return PlanMoveResolver;
}

export const PLAN_MOVE_RESOLVERS = Object.entries(PLAN_MOVES).map(([move, description]) =>
  planMoveResolver(move as PlanMove, description),
);
