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
import type { EntitySpec } from './crud';
import type { FieldProblem } from '../errors';
import { freezeProfileOf, LOCKED_PLAN_STATUSES, parameterProblems } from './scoring-profiles';
import { parseFor, parseThresholds } from './values';

type Input = Record<string, unknown>;

/** At most one of the named parents may be set: an indicator hangs from one objective, not two. */
function atMostOne<E>(row: E, props: Array<[keyof E, string]>): FieldProblem[] {
  const set = props.filter(([prop]) => row[prop]);
  if (set.length <= 1) return [];
  return [
    { field: set[1][1], code: 'ONE_PARENT', message: `give either ${props.map(([, f]) => f).join(' or ')}, not both` },
  ];
}

export const organisationSpec: EntitySpec<Organisation> = { entity: Organisation, label: 'Organisation', refs: {} };

export const orgUnitSpec: EntitySpec<OrgUnit> = {
  entity: OrgUnit,
  label: 'OrgUnit',
  refs: { parentId: { prop: 'parent', target: OrgUnit }, headId: { prop: 'head', target: Person } },
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
};

export const personSpec: EntitySpec<Person> = { entity: Person, label: 'Person', refs: {} };

export const managerRoleSpec: EntitySpec<ManagerRole> = {
  entity: ManagerRole,
  label: 'ManagerRole',
  refs: { personId: { prop: 'person', target: Person }, unitId: { prop: 'unit', target: OrgUnit } },
};

export const planCycleSpec: EntitySpec<PlanCycle> = { entity: PlanCycle, label: 'PlanCycle', refs: {} };

export const fundParameterSpec: EntitySpec<FundParameter> = {
  entity: FundParameter,
  label: 'FundParameter',
  refs: { cycleId: { prop: 'cycle', target: PlanCycle } },
};

export const scoringProfileSpec: EntitySpec<ScoringProfile> = {
  entity: ScoringProfile,
  label: 'ScoringProfile',
  refs: {},
  async prepare(_ctx, row, input, mode, before) {
    // A frozen profile never changes (docs/scoring.md §5.11): a parameter change is a new version (reviseScoringProfile).
    if (mode === 'update' && before?.status === ProfileStatus.FROZEN) {
      return [
        {
          field: 'parameters',
          code: 'PROFILE_FROZEN',
          message: 'this profile version is frozen by an approved plan; create a new version with reviseScoringProfile',
        },
      ];
    }
    return input.parameters ? parameterProblems(row.parameters) : [];
  },
};

export const planVersionSpec: EntitySpec<PlanVersion> = {
  entity: PlanVersion,
  label: 'PlanVersion',
  refs: {
    cycleId: { prop: 'cycle', target: PlanCycle },
    scoringProfileId: { prop: 'scoringProfile', target: ScoringProfile },
    previousVersionId: { prop: 'previousVersion', target: PlanVersion },
  },
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
};

export const perspectiveSpec: EntitySpec<Perspective> = { entity: Perspective, label: 'Perspective', refs: {} };

export const strategicObjectiveSpec: EntitySpec<StrategicObjective> = {
  entity: StrategicObjective,
  label: 'StrategicObjective',
  refs: { perspectiveId: { prop: 'perspective', target: Perspective } },
};

export const operationalObjectiveSpec: EntitySpec<OperationalObjective> = {
  entity: OperationalObjective,
  label: 'OperationalObjective',
  refs: {
    strategicObjectiveId: { prop: 'strategicObjective', target: StrategicObjective },
    responsibleUnitIds: { prop: 'responsibleUnits', target: OrgUnit, many: true },
    responsiblePersonIds: { prop: 'responsiblePersons', target: Person, many: true },
  },
};

export const projectSpec: EntitySpec<Project> = {
  entity: Project,
  label: 'Project',
  refs: { responsibleId: { prop: 'responsible', target: Person } },
};

export const indicatorSpec: EntitySpec<Indicator> = {
  entity: Indicator,
  label: 'Indicator',
  refs: {
    operationalObjectiveId: { prop: 'operationalObjective', target: OperationalObjective },
    strategicObjectiveId: { prop: 'strategicObjective', target: StrategicObjective },
    replacedById: { prop: 'replacedBy', target: Indicator },
    projectId: { prop: 'project', target: Project },
    responsibleUnitIds: { prop: 'responsibleUnits', target: OrgUnit, many: true },
  },
  async prepare(_ctx, row) {
    return atMostOne(row, [
      ['operationalObjective', 'operationalObjectiveId'],
      ['strategicObjective', 'strategicObjectiveId'],
    ]);
  },
};

export const targetSpec: EntitySpec<Target> = {
  entity: Target,
  label: 'Target',
  refs: { indicatorId: { prop: 'indicator', target: Indicator } },
  computed: ['value', 'thresholds', 'adoptingAct', 'note'],
  async prepare(ctx, row, input, mode) {
    const indicator = await ctx.em.findOneOrFail(Indicator, row.indicator.id);
    if (Array.isArray(input.thresholds)) row.thresholds = parseThresholds(input.thresholds, indicator, row.year);
    if (mode === 'create' && typeof input.value === 'string') {
      const original = ctx.em.create(TargetRevision, {
        org: row.org,
        target: row,
        seq: 0,
        kind: RevisionKind.ORIGINAL,
        value: parseFor(input.value, indicator, row.year, 'target'),
        approved: true,
        adoptingAct: (input.adoptingAct as string | null) ?? null,
        note: (input.note as string | null) ?? null,
      });
      ctx.em.persist(original);
    }
    return [];
  },
};

export const targetRevisionSpec: EntitySpec<TargetRevision> = {
  entity: TargetRevision,
  label: 'TargetRevision',
  refs: { targetId: { prop: 'target', target: Target } },
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
    return [];
  },
};

export const baselineSpec: EntitySpec<Baseline> = {
  entity: Baseline,
  label: 'Baseline',
  refs: { indicatorId: { prop: 'indicator', target: Indicator } },
  computed: ['target', 'actual'],
  async prepare(ctx, row, input) {
    const indicator = await ctx.em.findOneOrFail(Indicator, row.indicator.id);
    if (typeof input.target === 'string') row.target = parseFor(input.target, indicator, row.year, 'target');
    if (typeof input.actual === 'string') row.actual = parseFor(input.actual, indicator, row.year, 'actual');
    return [];
  },
};

export const measurementSpec: EntitySpec<Measurement> = {
  entity: Measurement,
  label: 'Measurement',
  refs: { indicatorId: { prop: 'indicator', target: Indicator } },
  computed: ['value'],
  async prepare(ctx, row, input) {
    const indicator = await ctx.em.findOneOrFail(Indicator, row.indicator.id);
    if (typeof input.value === 'string') row.value = parseFor(input.value, indicator, row.year, 'actual');
    else if (input.value === null) row.value = null;
    row.recordedAt = new Date();
    // Neutralising needs a reason (docs/domain.md §2.2); a manual score needs its justification (docs/scoring.md §5.3).
    const problems: FieldProblem[] = [];
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
};

export const activitySpec: EntitySpec<Activity> = {
  entity: Activity,
  label: 'Activity',
  refs: { projectId: { prop: 'project', target: Project }, responsibleId: { prop: 'responsible', target: Person } },
  computed: ['target', 'actual'],
  async prepare(_ctx, row, input) {
    if (typeof input.target === 'string') row.target = parseFor(input.target, null, null, 'target');
    if (typeof input.actual === 'string') row.actual = parseFor(input.actual, null, null, 'actual');
    return [];
  },
};

export const dashboardSpec: EntitySpec<Dashboard> = {
  entity: Dashboard,
  label: 'Dashboard',
  refs: { ownerUnitId: { prop: 'ownerUnit', target: OrgUnit }, ownerPersonId: { prop: 'ownerPerson', target: Person } },
};

export const dashboardEntrySpec: EntitySpec<DashboardEntry> = {
  entity: DashboardEntry,
  label: 'DashboardEntry',
  refs: {
    dashboardId: { prop: 'dashboard', target: Dashboard },
    indicatorId: { prop: 'indicator', target: Indicator },
    strategicObjectiveId: { prop: 'strategicObjective', target: StrategicObjective },
    operationalObjectiveId: { prop: 'operationalObjective', target: OperationalObjective },
  },
};

export const managerAssignmentSpec: EntitySpec<ManagerAssignment> = {
  entity: ManagerAssignment,
  label: 'ManagerAssignment',
  refs: {
    managerId: { prop: 'manager', target: Person },
    strategicObjectiveId: { prop: 'strategicObjective', target: StrategicObjective },
    operationalObjectiveId: { prop: 'operationalObjective', target: OperationalObjective },
  },
  async prepare(_ctx, row) {
    return atMostOne(row, [
      ['strategicObjective', 'strategicObjectiveId'],
      ['operationalObjective', 'operationalObjectiveId'],
    ]);
  },
};
