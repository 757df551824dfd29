import type { EntityClass } from '@mikro-orm/core';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, type ClassType, Ctx, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import { Checkpoint } from '@core/vocabulary/enums';
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
import { AuditEvent } from '../entities/audit-event';
import type { Context } from './context';
import { REVISION_ORDER } from './target-value.resolver';
import { selectsAny } from './then-maybe';

type Order = Record<string, 'asc' | 'desc'>;
const byPosition: Order = { position: 'asc', id: 'asc' };

/**
 * The edges of the GraphQL graph. Every edge resolves through a request-scoped batch loader, so a level of the
 * tree costs one statement however many rows it has.
 */
type Edge =
  | {
      kind: 'ref';
      parent: EntityClass<any>;
      field: string;
      prop: string;
      target: EntityClass<any>;
      nullable: boolean;
      description?: string;
    }
  | {
      kind: 'children';
      parent: EntityClass<any>;
      field: string;
      target: EntityClass<any>;
      foreignKey: string;
      orderBy: Order;
      description?: string;
    }
  | {
      kind: 'collection';
      parent: EntityClass<any>;
      field: string;
      prop: string;
      target: EntityClass<any>;
      description?: string;
    };

const ref = (
  parent: EntityClass<any>,
  field: string,
  target: EntityClass<any>,
  nullable = true,
  prop = field,
): Edge => ({ kind: 'ref', parent, field, prop, target, nullable });
const children = (
  parent: EntityClass<any>,
  field: string,
  target: EntityClass<any>,
  foreignKey: string,
  orderBy: Order = byPosition,
  description?: string,
): Edge => ({ kind: 'children', parent, field, target, foreignKey, orderBy, description });
const collection = (parent: EntityClass<any>, field: string, target: EntityClass<any>): Edge => ({
  kind: 'collection',
  parent,
  field,
  prop: field,
  target,
});

export const EDGES: Edge[] = [
  children(Organisation, 'units', OrgUnit, 'org', { name: 'asc', id: 'asc' }),
  children(Organisation, 'people', Person, 'org', { fullName: 'asc', id: 'asc' }),
  children(Organisation, 'cycles', PlanCycle, 'org', { firstYear: 'desc', id: 'asc' }),
  children(Organisation, 'scoringProfiles', ScoringProfile, 'org', { name: 'asc', profileVersion: 'asc', id: 'asc' }),

  ref(OrgUnit, 'organisation', Organisation, false, 'org'),
  ref(OrgUnit, 'parent', OrgUnit),
  ref(OrgUnit, 'head', Person),
  children(OrgUnit, 'children', OrgUnit, 'parent', { name: 'asc', id: 'asc' }),

  ref(Person, 'organisation', Organisation, false, 'org'),
  children(Person, 'roles', ManagerRole, 'person', { createdAt: 'asc', id: 'asc' }),
  children(Person, 'assignments', ManagerAssignment, 'manager', { createdAt: 'asc', id: 'asc' }),

  ref(ManagerRole, 'person', Person, false),
  ref(ManagerRole, 'unit', OrgUnit),

  ref(PlanCycle, 'organisation', Organisation, false, 'org'),
  children(PlanCycle, 'versions', PlanVersion, 'cycle', { revision: 'asc', id: 'asc' }),
  children(PlanCycle, 'fundParameters', FundParameter, 'cycle', { fund: 'asc', id: 'asc' }),
  ref(FundParameter, 'cycle', PlanCycle, false),

  ref(ScoringProfile, 'organisation', Organisation, false, 'org'),

  ref(PlanVersion, 'organisation', Organisation, false, 'org'),
  ref(PlanVersion, 'cycle', PlanCycle, false),
  ref(PlanVersion, 'scoringProfile', ScoringProfile),
  ref(PlanVersion, 'previousVersion', PlanVersion),
  ref(PlanVersion, 'approvedBy', Person),
  children(PlanVersion, 'perspectives', Perspective, 'plan'),
  children(PlanVersion, 'projects', Project, 'plan'),
  children(PlanVersion, 'dashboards', Dashboard, 'plan'),
  children(PlanVersion, 'managerAssignments', ManagerAssignment, 'plan', { createdAt: 'asc', id: 'asc' }),

  ref(Perspective, 'plan', PlanVersion, false),
  children(Perspective, 'strategicObjectives', StrategicObjective, 'perspective'),

  ref(StrategicObjective, 'plan', PlanVersion, false),
  ref(StrategicObjective, 'perspective', Perspective, false),
  children(StrategicObjective, 'operationalObjectives', OperationalObjective, 'strategicObjective'),
  children(
    StrategicObjective,
    'indicators',
    Indicator,
    'strategicObjective',
    byPosition,
    "Gli indicatori propri dell'obiettivo / The objective's own indicators",
  ),
  children(StrategicObjective, 'managerAssignments', ManagerAssignment, 'strategicObjective', {
    createdAt: 'asc',
    id: 'asc',
  }),

  ref(OperationalObjective, 'plan', PlanVersion, false),
  ref(OperationalObjective, 'strategicObjective', StrategicObjective),
  children(OperationalObjective, 'indicators', Indicator, 'operationalObjective'),
  children(OperationalObjective, 'managerAssignments', ManagerAssignment, 'operationalObjective', {
    createdAt: 'asc',
    id: 'asc',
  }),
  collection(OperationalObjective, 'responsibleUnits', OrgUnit),
  collection(OperationalObjective, 'responsiblePersons', Person),

  ref(Indicator, 'plan', PlanVersion, false),
  ref(Indicator, 'strategicObjective', StrategicObjective),
  ref(Indicator, 'operationalObjective', OperationalObjective),
  ref(Indicator, 'replacedBy', Indicator),
  ref(Indicator, 'project', Project),
  collection(Indicator, 'responsibleUnits', OrgUnit),
  children(Indicator, 'baselines', Baseline, 'indicator', { year: 'asc', id: 'asc' }),
  children(Indicator, 'dashboardEntries', DashboardEntry, 'indicator', { createdAt: 'asc', id: 'asc' }),

  ref(Target, 'indicator', Indicator, false),
  children(
    Target,
    'revisions',
    TargetRevision,
    'target',
    REVISION_ORDER,
    'Ogni valore avuto da questo target, dal più vecchio / Every value this target had, oldest first',
  ),
  ref(TargetRevision, 'target', Target, false),
  ref(TargetRevision, 'author', Person),

  ref(Baseline, 'indicator', Indicator, false),
  ref(Measurement, 'indicator', Indicator, false),

  ref(Project, 'plan', PlanVersion, false),
  ref(Project, 'responsible', Person),
  children(Project, 'activities', Activity, 'project'),
  children(Project, 'indicators', Indicator, 'project'),
  ref(Activity, 'project', Project, false),
  ref(Activity, 'responsible', Person),

  ref(Dashboard, 'plan', PlanVersion, false),
  ref(Dashboard, 'ownerUnit', OrgUnit),
  ref(Dashboard, 'ownerPerson', Person),
  children(Dashboard, 'entries', DashboardEntry, 'dashboard'),
  ref(DashboardEntry, 'dashboard', Dashboard, false),
  ref(DashboardEntry, 'indicator', Indicator, false),
  ref(DashboardEntry, 'strategicObjective', StrategicObjective),
  ref(DashboardEntry, 'operationalObjective', OperationalObjective),

  ref(ManagerAssignment, 'plan', PlanVersion, false),
  ref(ManagerAssignment, 'manager', Person, false),
  ref(ManagerAssignment, 'strategicObjective', StrategicObjective),
  ref(ManagerAssignment, 'operationalObjective', OperationalObjective),

  ref(AuditEvent, 'organisation', Organisation, true, 'org'),
];

/**
 * One resolver class per edge, with the method named after the field: type-graphql pairs field resolvers of a type
 * by method name, so a shared name such as "resolve" would hand one edge another edge's function.
 */
function edgeResolver(edge: Edge): ClassType<object> {
  const parent = edge.parent as ClassType<object>;
  const target = edge.target as ClassType<object>;
  const EdgeResolver = class {} as ClassType<object>;
  Object.defineProperty(EdgeResolver, 'name', { value: `${parent.name}_${edge.field}_Resolver` });
  const proto = EdgeResolver.prototype as Record<string, unknown>;
  const method = edge.field;
  if (edge.kind === 'ref') {
    const spec = edge;
    proto[method] = (root: Record<string, { id: string } | null>, ctx: Context) => {
      const value = root[spec.prop];
      return value ? ctx.loaders.byId(spec.target).load(value.id) : null;
    };
  } else if (edge.kind === 'children') {
    const spec = edge;
    proto[method] = (root: { id: string }, ctx: Context) =>
      ctx.loaders.children(spec.target, spec.foreignKey, spec.orderBy, root.id);
  } else {
    const spec = edge;
    proto[method] = (root: object, ctx: Context) => ctx.loaders.collection(spec.parent, spec.prop).load(root);
  }
  // no design:paramtypes to fake: @Root() without a reflected type hands the parent over as it is, and @Ctx() reads none
  Root()(proto, method, 0);
  Ctx()(proto, method, 1);
  const returns = edge.kind === 'ref' ? () => target : () => [target];
  const descriptor = Object.getOwnPropertyDescriptor(proto, method)!;
  FieldResolver(returns, { nullable: edge.kind === 'ref' ? edge.nullable : false, description: edge.description })(
    proto,
    method,
    descriptor,
  );
  Resolver(() => parent)(EdgeResolver);
  return EdgeResolver;
}

const REVISION_FIELDS = ['effective', 'original', 'revisions'];

/** Year-scoped edges of an indicator: its targets and measurements, optionally for one year and checkpoint. */
@Resolver(() => Indicator)
export class IndicatorValuesResolver {
  // not async: a plan tree asks for these once per indicator, and every promise counts there (bench B2)
  @FieldResolver(() => [Target], {
    description: 'Target, eventualmente di un anno e una scadenza / Targets, optionally of one year and checkpoint',
  })
  targets(
    @Root() indicator: Indicator,
    @Arg('year', () => Int, { nullable: true }) year: number | null,
    @Arg('checkpoint', () => Checkpoint, { nullable: true }) checkpoint: Checkpoint | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Target[]> {
    const all = ctx.loaders
      .childrenOf(Target, 'indicator', { year: 'asc', checkpoint: 'asc', id: 'asc' })
      .load(indicator.id);
    const wanted =
      year == null && checkpoint == null
        ? all
        : all.then((list) =>
            list.filter(
              (t) => (year == null || t.year === year) && (checkpoint == null || t.checkpoint === checkpoint),
            ),
          );
    // the revisions of every target of the level in one batch now, so each target's fields resolve without a promise
    if (!selectsAny(info, REVISION_FIELDS)) return wanted;
    return wanted.then(async (targets) => {
      await ctx.loaders.prefetch(
        TargetRevision,
        'target',
        REVISION_ORDER,
        targets.map((t) => t.id),
      );
      return targets;
    });
  }

  @FieldResolver(() => [Measurement], {
    description:
      'Valori ottenuti, eventualmente di un anno e una scadenza / Actual values, optionally of one year and checkpoint',
  })
  measurements(
    @Root() indicator: Indicator,
    @Arg('year', () => Int, { nullable: true }) year: number | null,
    @Arg('checkpoint', () => Checkpoint, { nullable: true }) checkpoint: Checkpoint | null,
    @Ctx() ctx: Context,
  ): Promise<Measurement[]> {
    const all = ctx.loaders
      .childrenOf(Measurement, 'indicator', { year: 'asc', checkpoint: 'asc', id: 'asc' })
      .load(indicator.id);
    return year == null && checkpoint == null
      ? all
      : all.then((list) =>
          list.filter((m) => (year == null || m.year === year) && (checkpoint == null || m.checkpoint === checkpoint)),
        );
  }
}

/** The lists of rows under one row (a dashboard's entries, an objective's indicators): each is also paged. */
export const CHILD_LISTS = EDGES.flatMap((edge) => (edge.kind === 'children' ? [edge] : []));

export const RELATION_RESOLVERS: ClassType<object>[] = [...EDGES.map(edgeResolver), IndicatorValuesResolver];
