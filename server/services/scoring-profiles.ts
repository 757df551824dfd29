import { DEFAULT_PROFILE, PROFILE_PRESETS, validateProfile, type ScoringProfile as EngineProfile } from '@core/scoring';
import { AuditAction, PlanStatus, ProfileStatus } from '@core/vocabulary/enums';
import { PlanVersion } from '../entities/plan-version';
import { ScoringProfile } from '../entities/scoring-profile';
import { Organisation } from '../entities/organisation';
import { recordChange, snapshot } from './audit';
import { type FieldProblem, InputError, NotFoundError } from '../errors';
import type { ServiceContext } from './service-context';
import { jsonShapeProblems, parameterValueProblems, PROFILE_PARAMETERS } from './json-parameters';

export type PresetName = keyof typeof PROFILE_PRESETS;

/**
 * Checks stored parameters: bounded in shape (services/json-parameters.ts), known names, allowed values, and the
 * engine's own consistency rules.
 */
export function parameterProblems(parameters: Record<string, unknown>): FieldProblem[] {
  const shape = jsonShapeProblems('parameters', parameters);
  if (shape.length > 0) return shape;
  const problems = Object.entries(parameters).flatMap(([key, value]) => {
    const field = `parameters.${key}`;
    const kind = Object.hasOwn(PROFILE_PARAMETERS, key) ? PROFILE_PARAMETERS[key] : undefined;
    if (!kind)
      return [
        {
          field,
          code: 'UNKNOWN_PARAMETER',
          message: `is not a scoring parameter (known: ${Object.keys(PROFILE_PARAMETERS).join(', ')})`,
          messageIt: `non è un parametro di calcolo`,
        },
      ];
    return parameterValueProblems(field, kind, value);
  });
  if (problems.length > 0) return problems;
  const merged = { ...DEFAULT_PROFILE, ...parameters, name: 'check', version: 1 } as EngineProfile;
  return validateProfile(merged).map((message) => ({ field: 'parameters', code: 'INVALID_PROFILE', message }));
}

function parametersOf(profile: EngineProfile): Record<string, unknown> {
  const { name: _name, version: _version, status: _status, ...parameters } = profile;
  return parameters;
}

/** A profile of the organisation from one of the three seed families' presets. */
export async function profileFromPreset(
  ctx: ServiceContext,
  organisationId: string,
  preset: PresetName,
): Promise<ScoringProfile> {
  const org = await ctx.em.findOne(Organisation, { id: organisationId });
  if (!org) throw InputError.of('organisationId', 'NOT_FOUND', `no Organisation with id "${organisationId}"`);
  ctx.access?.check(org.id, 'plan');
  const source = PROFILE_PRESETS[preset];
  const last = await ctx.em.findOne(
    ScoringProfile,
    { org, name: source.name },
    { orderBy: { profileVersion: 'desc' } },
  );
  const row = ctx.em.create(ScoringProfile, {
    org,
    name: source.name,
    profileVersion: (last?.profileVersion ?? 0) + 1,
    status: ProfileStatus.DRAFT,
    parameters: parametersOf(source),
  });
  recordChange(ctx, row, AuditAction.CREATE, null, snapshot(ctx.em, row), org);
  await ctx.em.flush();
  return row;
}

/**
 * A parameter change is a new version of the profile (docs/scoring.md §5.11): the old version stays as it was, so plans scored
 * with it keep their numbers. The new version is a draft until a plan using it is approved.
 */
export async function reviseProfile(
  ctx: ServiceContext,
  profileId: string,
  changes: Record<string, unknown>,
): Promise<ScoringProfile> {
  const current = await ctx.em.findOne(ScoringProfile, { id: profileId });
  if (!current) throw new NotFoundError('ScoringProfile', profileId);
  ctx.access?.check(current.org.id, 'plan');
  const parameters = { ...current.parameters, ...changes };
  const problems = parameterProblems(parameters);
  if (problems.length > 0) throw new InputError(problems);
  const last = await ctx.em.findOne(
    ScoringProfile,
    { org: current.org, name: current.name },
    { orderBy: { profileVersion: 'desc' } },
  );
  const row = ctx.em.create(ScoringProfile, {
    org: current.org,
    name: current.name,
    profileVersion: last!.profileVersion + 1,
    status: ProfileStatus.DRAFT,
    parameters,
  });
  recordChange(ctx, row, AuditAction.CREATE, null, snapshot(ctx.em, row), current.org);
  await ctx.em.flush();
  return row;
}

/** Approval freezes the plan's profile: from then on its numbers cannot change through the profile. */
export async function freezeProfileOf(ctx: ServiceContext, plan: PlanVersion): Promise<void> {
  plan.approvedAt ??= new Date();
  if (!plan.scoringProfile) return;
  const profile = await ctx.em.findOneOrFail(ScoringProfile, { id: plan.scoringProfile.id });
  if (profile.status === ProfileStatus.FROZEN) return;
  const before = snapshot(ctx.em, profile);
  profile.status = ProfileStatus.FROZEN;
  profile.frozenAt = new Date();
  recordChange(ctx, profile, AuditAction.UPDATE, before, snapshot(ctx.em, profile), profile.org);
}

export const LOCKED_PLAN_STATUSES = new Set<PlanStatus>([
  PlanStatus.APPROVED,
  PlanStatus.CLOSED,
  PlanStatus.SUPERSEDED,
]);
