import type { ClassType } from 'type-graphql';
import type { Node } from '../entities/base';
import type { EntitySpec } from '../services/crud';
import * as specs from '../services/specs';
import { type CrudApi, crudResolver } from './crud-resolver';
import * as org from './inputs/organisation';
import * as plan from './inputs/plan';
import * as portfolio from './inputs/portfolio';
import * as tree from './inputs/tree';
import * as values from './inputs/values';
import { INDICATOR_PAGING, MEASUREMENT_PAGING } from './orders';

const byPosition = { position: 'asc', id: 'asc' } as const;
const byName = { name: 'asc', id: 'asc' } as const;

type Inputs = Record<string, unknown>;
type Options<E extends Node> = Pick<CrudApi<E>, 'filterPaths' | 'orderBy' | 'paging'>;

/**
 * One entity's API from its spec and the module of its inputs, which are named after it (`CreateXInput`,
 * `UpdateXInput`, `XFilter`); a missing input fails at start-up, before any schema is built.
 */
function apiOf<E extends Node>(
  spec: EntitySpec<E>,
  many: string,
  inputs: Inputs,
  options: Options<E> = {},
): CrudApi<E> {
  const input = (name: string): ClassType<object> => {
    const type = inputs[name];
    if (typeof type !== 'function') throw new Error(`${spec.label}: no input named ${name}`);
    return type as ClassType<object>;
  };
  return {
    ...spec,
    names: { one: spec.label[0].toLowerCase() + spec.label.slice(1), many },
    createInput: input(`Create${spec.label}Input`),
    updateInput: input(`Update${spec.label}Input`),
    filterInput: input(`${spec.label}Filter`),
    ...options,
  };
}

/** Every entity's queries and mutations, declared once. */
const APIS: CrudApi<any>[] = [
  apiOf(specs.organisationSpec, 'organisations', org, { orderBy: byName }),
  apiOf(specs.orgUnitSpec, 'orgUnits', org, { orderBy: byName }),
  apiOf(specs.personSpec, 'people', org, { orderBy: { fullName: 'asc', id: 'asc' } }),
  apiOf(specs.managerRoleSpec, 'managerRoles', org),
  apiOf(specs.fundParameterSpec, 'fundParameters', org),
  apiOf(specs.planCycleSpec, 'planCycles', plan, { orderBy: { firstYear: 'desc', id: 'asc' } }),
  apiOf(specs.planVersionSpec, 'planVersions', plan, { orderBy: { revision: 'asc', id: 'asc' } }),
  apiOf(specs.scoringProfileSpec, 'scoringProfiles', plan, {
    orderBy: { name: 'asc', profileVersion: 'asc', id: 'asc' },
  }),
  apiOf(specs.perspectiveSpec, 'perspectives', tree, { orderBy: byPosition }),
  apiOf(specs.strategicObjectiveSpec, 'strategicObjectives', tree, { orderBy: byPosition }),
  apiOf(specs.operationalObjectiveSpec, 'operationalObjectives', tree, {
    filterPaths: { unitId: 'responsibleUnits' },
    orderBy: byPosition,
  }),
  apiOf(specs.indicatorSpec, 'indicators', tree, {
    filterPaths: { unitId: 'responsibleUnits' },
    orderBy: byPosition,
    paging: INDICATOR_PAGING,
  }),
  apiOf(specs.targetSpec, 'targets', values, { orderBy: { year: 'asc', checkpoint: 'asc', id: 'asc' } }),
  apiOf(specs.targetRevisionSpec, 'targetRevisions', values, { orderBy: { seq: 'asc', id: 'asc' } }),
  apiOf(specs.baselineSpec, 'baselines', values, { orderBy: { year: 'asc', id: 'asc' } }),
  apiOf(specs.measurementSpec, 'measurements', values, {
    filterPaths: { unitId: 'indicator.responsibleUnits' },
    orderBy: { year: 'asc', checkpoint: 'asc', id: 'asc' },
    paging: MEASUREMENT_PAGING,
  }),
  apiOf(specs.projectSpec, 'projects', portfolio, { orderBy: byPosition }),
  apiOf(specs.activitySpec, 'activities', portfolio, { orderBy: byPosition }),
  apiOf(specs.dashboardSpec, 'dashboards', portfolio, { orderBy: byPosition }),
  apiOf(specs.dashboardEntrySpec, 'dashboardEntries', portfolio, { orderBy: byPosition }),
  apiOf(specs.managerAssignmentSpec, 'managerAssignments', portfolio),
];

export const CRUD_RESOLVERS = APIS.map(crudResolver);
