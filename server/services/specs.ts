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
import type { ServiceContext } from './service-context';
import type { FieldProblem } from '../errors';
import { ruleParamProblems } from './json-parameters';
import { freezeProfileOf, LOCKED_PLAN_STATUSES, parameterProblems } from './scoring-profiles';
import {
  dateUnderNumericRule,
  inferPolarityFrom,
  parseThresholds,
  readValue,
  statedPolarity,
  yearProblems,
} from './values';

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

export const planCycleSpec = specOf(
  PlanCycle,
  {},
  {
    async prepare(_ctx, row) {
      // the first year names the cycle ("2022-2024"): it must be the first of its years, or values go unfiled
      if (row.years.length === 0 || Math.min(...row.years) === row.firstYear) return [];
      return [
        {
          field: 'firstYear',
          code: 'FIRST_YEAR',
          message: `the first year must be the first of the cycle's years`,
          messageIt: `il primo anno deve essere il primo degli anni del ciclo (${row.years.join(', ')})`,
        },
      ];
    },
  },
);

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
      // checked against the rule the indicator has after this change, whichever of the two the input changed
      const params = 'ruleParams' in input || 'rule' in input ? ruleParamProblems(row.rule, row.ruleParams ?? {}) : [];
      if (params.length > 0) return params;
      return atMostOne(row, [
        ['operationalObjective', 'operationalObjectiveId'],
        ['strategicObjective', 'strategicObjectiveId'],
      ]);
    },
  },
);

/** The indicator a value is filed under, with the years of its plan's cycle (a value of another year is refused). */
async function indicatorWithYears(ctx: ServiceContext, id: string): Promise<{ indicator: Indicator; years: number[] }> {
  const indicator = await ctx.em.findOneOrFail(Indicator, id, { populate: ['plan.cycle'] as never[] });
  return { indicator, years: indicator.plan.cycle.years };
}

export const targetSpec = specOf(
  Target,
  { indicator: Indicator },
  {
    computed: ['value', 'thresholds', 'adoptingAct', 'note'],
    async prepare(ctx, row, input, mode) {
      const { indicator, years } = await indicatorWithYears(ctx, row.indicator.id);
      const problems = mode === 'create' ? yearProblems('year', row.year, years) : [];
      if (Array.isArray(input.thresholds))
        row.thresholds = parseThresholds(input.thresholds, indicator, row.year, problems);
      const value =
        mode === 'create' && typeof input.value === 'string'
          ? readValue('value', input.value, indicator, row.year, 'target', problems)
          : undefined;
      if (problems.length > 0 || !value) return problems;
      const dated = dateUnderNumericRule(indicator, row.polarity || row.rule ? row : null, value);
      if (dated.length > 0) return dated;
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
      const problems: FieldProblem[] = [];
      const value = readValue('value', String(input.value), target.indicator, target.year, 'target', problems);
      if (!value) return problems;
      const last = await ctx.em.findOne(TargetRevision, { target: target.id }, { orderBy: { seq: 'desc' } });
      row.seq = last ? last.seq + 1 : 0;
      row.kind =
        (input.kind as RevisionKind | undefined) ?? (row.seq === 0 ? RevisionKind.ORIGINAL : RevisionKind.REVISED);
      row.value = value;
      inferPolarityFrom(ctx, target.indicator, row.value);
      return [];
    },
  },
);

/** `target` and `actual` as typed, each read as a sheet cell; a refused one is a problem and stays unwritten. */
function readTargetAndActual(
  row: { target?: unknown; actual?: unknown },
  input: Input,
  indicator: Indicator | null,
  year: number | null,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of ['target', 'actual'] as const) {
    const raw = input[field];
    if (typeof raw === 'string') row[field] = readValue(field, raw, indicator, year, field, problems);
  }
  return problems;
}

export const baselineSpec = specOf(
  Baseline,
  { indicator: Indicator },
  {
    computed: ['target', 'actual'],
    async prepare(ctx, row, input) {
      // a baseline is the value before the plan: its year is usually not one of the cycle's, so it is not checked
      const indicator = await ctx.em.findOneOrFail(Indicator, row.indicator.id);
      return readTargetAndActual(row, input, indicator, row.year);
    },
  },
);

export const measurementSpec = specOf(
  Measurement,
  { indicator: Indicator },
  {
    computed: ['value'],
    async prepare(ctx, row, input, mode) {
      const { indicator, years } = await indicatorWithYears(ctx, row.indicator.id);
      const problems: FieldProblem[] = mode === 'create' ? yearProblems('year', row.year, years) : [];
      if (typeof input.value === 'string') {
        const value = readValue('value', input.value, indicator, row.year, 'actual', problems);
        if (value) row.value = value;
      } else if (input.value === null) row.value = null;
      if (problems.length > 0) return problems;
      row.recordedAt = new Date();
      // Neutralising needs a reason (docs/domain.md §2.2); a manual score needs its justification (docs/scoring.md §5.3).
      // only a date needs the year's target (its polarity or rule may make it a deadline): no extra read otherwise
      const target =
        row.value?.kind === 'date'
          ? await ctx.em.findOne(Target, { indicator: indicator.id, year: row.year, checkpoint: row.checkpoint })
          : null;
      problems.push(...dateUnderNumericRule(indicator, target, row.value));
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
      return readTargetAndActual(row, input, null, null);
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
