import { PlanStatus, ProfileStatus, RevisionKind } from '@core/vocabulary/enums';
import {
  Activity,
  Baseline,
  Dashboard,
  DashboardEntry,
  FundParameter,
  Indicator,
  ManagerAssignment,
  ManagerRole,
  Measurement,
  OperationalObjective,
  OrgUnit,
  Organisation,
  Person,
  Perspective,
  PlanCycle,
  PlanVersion,
  Project,
  ScoringProfile,
  StrategicObjective,
  Target,
  TargetRevision,
} from '../entities';
import type { Constructor } from '@mikro-orm/core';
import type { Node } from '../entities/base';
import type { EntitySpec, RefSpec } from './crud';
import type { FieldProblem } from '../errors';
import { freezeProfileOf, LOCKED_PLAN_STATUSES, parameterProblems } from './scoring-profiles';
import { dateUnderNumericRule, inferPolarityFrom, parseFor, parseThresholds, statedPolarity } from './values';

type Input = Record<string, unknown>;
/** a parent by its property (`perspective` ← `perspectiveId`), or in brackets a list (`responsibleUnits` ← `responsibleUnitIds`) */
type Parents = Record<string, Constructor<Node> | [Constructor<Node>]>;

/**
 * One entity's spec: labelled by its class name, which also names its GraphQL type and mutations, and with an input
 * field per parent named after the property.
 */
function specOf<E extends Node>(
  entity: Constructor<E>,
  parents: Parents = {},
  rules: Pick<EntitySpec<E>, 'computed' | 'prepare'> = {},
): EntitySpec<E> {
  const refs: Record<string, RefSpec> = {};
  for (const [prop, target] of Object.entries(parents)) {
    if (Array.isArray(target)) refs[`${prop.replace(/s$/, '')}Ids`] = { prop, target: target[0], many: true };
    else refs[`${prop}Id`] = { prop, target };
  }
  return { entity, label: entity.name, refs, ...rules };
}

/** At most one of the named parents may be set: an indicator hangs from one objective, not two. */
function atMostOne<E>(row: E, props: Array<[keyof E, string]>): FieldProblem[] {
  const set = props.filter(([prop]) => row[prop]);
  if (set.length <= 1) return [];
  return [
    { field: set[1][1], code: 'ONE_PARENT', message: `give either ${props.map(([, f]) => f).join(' or ')}, not both` },
  ];
}

export const organisationSpec = specOf(Organisation);

export const orgUnitSpec = specOf(
  OrgUnit,
  { parent: OrgUnit, head: Person },
  {
    async prepare(ctx, row) {
      // A unit may not become its own ancestor: walk up the chain of parents (trees are a few levels deep).
      let current = row.parent ?? null;
      for (let depth = 0; current && depth < 50; depth++) {
        if (current.id === row.id)
          return [{ field: 'parentId', code: 'CYCLE', message: 'a unit cannot be inside itself' }];
        current = (await ctx.em.findOne(OrgUnit, current.id))?.parent ?? null;
      }
      return [];
    },
  },
);

export const personSpec = specOf(Person);

export const managerRoleSpec = specOf(ManagerRole, { person: Person, unit: OrgUnit });

export const planCycleSpec = specOf(PlanCycle);

export const fundParameterSpec = specOf(FundParameter, { cycle: PlanCycle });

export const scoringProfileSpec = specOf(
  ScoringProfile,
  {},
  {
    async prepare(_ctx, row, input, mode, before) {
      // A frozen profile never changes (docs/scoring.md §5.11): a parameter change is a new version (reviseScoringProfile).
      if (mode === 'update' && before?.status === ProfileStatus.FROZEN) {
        return [
          {
            field: 'parameters',
            code: 'PROFILE_FROZEN',
            message:
              'this profile version is frozen by an approved plan; create a new version with reviseScoringProfile',
          },
        ];
      }
      return input.parameters ? parameterProblems(row.parameters) : [];
    },
  },
);

export const planVersionSpec = specOf(
  PlanVersion,
  { cycle: PlanCycle, scoringProfile: ScoringProfile, previousVersion: PlanVersion },
  {
    async prepare(ctx, row, input, mode, before) {
      const wasLocked = mode === 'update' && LOCKED_PLAN_STATUSES.has(before?.status as PlanStatus);
      if (wasLocked && 'scoringProfileId' in input && (row.scoringProfile?.id ?? null) !== before?.scoringProfile) {
        return [
          {
            field: 'scoringProfileId',
            code: 'PLAN_APPROVED',
            message: 'an approved plan keeps its scoring profile; adopt a new plan revision to change it',
          },
        ];
      }
      if (row.status === PlanStatus.APPROVED && before?.status !== PlanStatus.APPROVED) await freezeProfileOf(ctx, row);
      return [];
    },
  },
);

export const perspectiveSpec = specOf(Perspective);

export const strategicObjectiveSpec = specOf(StrategicObjective, { perspective: Perspective });

export const operationalObjectiveSpec = specOf(OperationalObjective, {
  strategicObjective: StrategicObjective,
  responsibleUnits: [OrgUnit],
  responsiblePersons: [Person],
});

export const projectSpec = specOf(Project, { responsible: Person });

export const indicatorSpec = specOf(
  Indicator,
  {
    operationalObjective: OperationalObjective,
    strategicObjective: StrategicObjective,
    replacedBy: Indicator,
    project: Project,
    responsibleUnits: [OrgUnit],
  },
  {
    async prepare(_ctx, row, input, mode) {
      statedPolarity(row, input, mode);
      return atMostOne(row, [
        ['operationalObjective', 'operationalObjectiveId'],
        ['strategicObjective', 'strategicObjectiveId'],
      ]);
    },
  },
);

export const targetSpec = specOf(
  Target,
  { indicator: Indicator },
  {
    computed: ['value', 'thresholds', 'adoptingAct', 'note'],
    async prepare(ctx, row, input, mode) {
      const indicator = await ctx.em.findOneOrFail(Indicator, row.indicator.id);
      if (Array.isArray(input.thresholds)) row.thresholds = parseThresholds(input.thresholds, indicator, row.year);
      if (mode === 'create' && typeof input.value === 'string') {
        const value = parseFor(input.value, indicator, row.year, 'target');
        const problems = dateUnderNumericRule(indicator, row.polarity || row.rule ? row : null, value);
        if (problems.length > 0) return problems;
        inferPolarityFrom(ctx, indicator, value);
        const original = ctx.em.create(TargetRevision, {
          org: row.org,
          target: row,
          seq: 0,
          kind: RevisionKind.ORIGINAL,
          value,
          approved: true,
          adoptingAct: (input.adoptingAct as string | null) ?? null,
          note: (input.note as string | null) ?? null,
        });
        ctx.em.persist(original);
      }
      return [];
    },
  },
);

export const targetRevisionSpec = specOf(
  TargetRevision,
  { target: Target },
  {
    computed: ['value', 'kind'],
    async prepare(ctx, row, input: Input, mode) {
      if (mode === 'update') return [];
      // Appended after the last one: earlier values are history and are never overwritten.
      const target = await ctx.em.findOneOrFail(Target, row.target.id, { populate: ['indicator'] });
      const last = await ctx.em.findOne(TargetRevision, { target: target.id }, { orderBy: { seq: 'desc' } });
      row.seq = last ? last.seq + 1 : 0;
      row.kind =
        (input.kind as RevisionKind | undefined) ?? (row.seq === 0 ? RevisionKind.ORIGINAL : RevisionKind.REVISED);
      row.value = parseFor(String(input.value), target.indicator, target.year, 'target');
      inferPolarityFrom(ctx, target.indicator, row.value);
      return [];
    },
  },
);

export const baselineSpec = specOf(
  Baseline,
  { indicator: Indicator },
  {
    computed: ['target', 'actual'],
    async prepare(ctx, row, input) {
      const indicator = await ctx.em.findOneOrFail(Indicator, row.indicator.id);
      if (typeof input.target === 'string') row.target = parseFor(input.target, indicator, row.year, 'target');
      if (typeof input.actual === 'string') row.actual = parseFor(input.actual, indicator, row.year, 'actual');
      return [];
    },
  },
);

export const measurementSpec = specOf(
  Measurement,
  { indicator: Indicator },
  {
    computed: ['value'],
    async prepare(ctx, row, input) {
      const indicator = await ctx.em.findOneOrFail(Indicator, row.indicator.id);
      if (typeof input.value === 'string') row.value = parseFor(input.value, indicator, row.year, 'actual');
      else if (input.value === null) row.value = null;
      row.recordedAt = new Date();
      // Neutralising needs a reason (docs/domain.md §2.2); a manual score needs its justification (docs/scoring.md §5.3).
      // only a date needs the year's target (its polarity or rule may make it a deadline): no extra read otherwise
      const target =
        row.value?.kind === 'date'
          ? await ctx.em.findOne(Target, { indicator: indicator.id, year: row.year, checkpoint: row.checkpoint })
          : null;
      const problems: FieldProblem[] = dateUnderNumericRule(indicator, target, row.value);
      if (row.neutralised && !row.neutralisationReason?.trim()) {
        problems.push({
          field: 'neutralisationReason',
          code: 'NEUTRALISATION_REASON_MISSING',
          message: 'a neutralised indicator needs a reason',
        });
      }
      if (row.manualScore != null && !row.manualJustification?.trim()) {
        problems.push({
          field: 'manualJustification',
          code: 'MANUAL_JUSTIFICATION_MISSING',
          message: 'a manual score needs a justification',
        });
      }
      return problems;
    },
  },
);

export const activitySpec = specOf(
  Activity,
  { project: Project, responsible: Person },
  {
    computed: ['target', 'actual'],
    async prepare(_ctx, row, input) {
      if (typeof input.target === 'string') row.target = parseFor(input.target, null, null, 'target');
      if (typeof input.actual === 'string') row.actual = parseFor(input.actual, null, null, 'actual');
      return [];
    },
  },
);

export const dashboardSpec = specOf(Dashboard, { ownerUnit: OrgUnit, ownerPerson: Person });

export const dashboardEntrySpec = specOf(DashboardEntry, {
  dashboard: Dashboard,
  indicator: Indicator,
  strategicObjective: StrategicObjective,
  operationalObjective: OperationalObjective,
});

export const managerAssignmentSpec = specOf(
  ManagerAssignment,
  { manager: Person, strategicObjective: StrategicObjective, operationalObjective: OperationalObjective },
  {
    async prepare(_ctx, row) {
      return atMostOne(row, [
        ['strategicObjective', 'strategicObjectiveId'],
        ['operationalObjective', 'operationalObjectiveId'],
      ]);
    },
  },
);
