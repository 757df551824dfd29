import type { ClassType } from 'type-graphql';
import type { Node } from '../entities/base';
import type { EntitySpec } from '../services/crud';
import * as specs from '../services/specs';
import { type CrudApi, crudResolver } from './crud-resolver';
import { filterOf } from './inputs/filters';
import * as org from './inputs/organisation';
import * as plan from './inputs/plan';
import * as portfolio from './inputs/portfolio';
import * as tree from './inputs/tree';
import * as values from './inputs/values';
import { codeOrdering, type OrderKey, sqlOrdering } from './orderings';
import { OrderDirection } from './paging';

const byPosition = { position: 'asc', id: 'asc' } as const;
const byName = { name: 'asc', id: 'asc' } as const;

type Inputs = Record<string, unknown>;
/** How a long list is ordered, given the entity and its label: its connection's order input and pages */
type Ordering<E extends Node> = (label: string, entity: new () => E) => NonNullable<CrudApi<E>['paging']>;
type Options<E extends Node> = Pick<CrudApi<E>, 'filterPaths' | 'orderBy' | 'paging'> & {
  /** a Relay connection `xsConnection` in this order, the plain list `xs` kept beside it */
  ordering?: Ordering<E>;
};

/**
 * One entity's API from its spec, the module of its inputs, which are named after it (`CreateXInput`,
 * `UpdateXInput`), and its filter; a missing input fails at start-up, before any schema is built.
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
  const { ordering, ...rest } = options;
  return {
    ...spec,
    names: { one: spec.label[0].toLowerCase() + spec.label.slice(1), many },
    createInput: input(`Create${spec.label}Input`),
    updateInput: input(`Update${spec.label}Input`),
    filterInput: filterOf(spec.label),
    ...rest,
    ...(ordering && { paging: ordering(spec.label, spec.entity), connection: `${many}Connection` }),
  };
}

const ASC = OrderDirection.ASC;
const key = (it: string, en: string, ...properties: string[]): OrderKey => ({ it, en, properties });
const NAME = key('nome', 'name', 'name');
const POSITION = key('posizione data nel piano', 'position given in the plan', 'position');
const CREATED_AT = key('quando è stato creato', 'when it was created', 'createdAt');
const UPDATED_AT = key('ultima modifica', 'last change', 'updatedAt');
const PERIOD = key('anno e scadenza (30/6 prima di 31/12)', 'year, then checkpoint', 'year', 'checkpoint');

/**
 * Every root list that grows with the organisation's plans is a Relay connection (issue 19): `xsConnection`, with
 * the plain `xs` list kept beside it, deprecated, for the clients that read it. Plan objects with a code come in code
 * order, the others in the order the plain list always had.
 */
const paged =
  <E extends Node>(keys: Record<string, OrderKey>, field: string, direction = ASC): Ordering<E> =>
  (label, entity) =>
    sqlOrdering(label, entity, keys, { field, direction });
const coded =
  <E extends Node>(title: string): Ordering<E> =>
  (label, entity) =>
    codeOrdering(label, entity, title);

/** Every entity's queries and mutations, declared once. */
const APIS: CrudApi<any>[] = [
  apiOf(specs.organisationSpec, 'organisations', org, {
    orderBy: byName,
    ordering: paged({ NAME, CODE: key('codice', 'code', 'code') }, 'NAME'),
  }),
  apiOf(specs.orgUnitSpec, 'orgUnits', org, {
    orderBy: byName,
    ordering: paged({ NAME, CREATED_AT }, 'NAME'),
  }),
  apiOf(specs.personSpec, 'people', org, {
    orderBy: { fullName: 'asc', id: 'asc' },
    ordering: paged({ NAME: key('nome e cognome', 'full name', 'fullName'), CREATED_AT }, 'NAME'),
  }),
  apiOf(specs.managerRoleSpec, 'managerRoles', org, {
    ordering: paged({ CREATED_AT }, 'CREATED_AT'),
  }),
  apiOf(specs.fundParameterSpec, 'fundParameters', org, {
    ordering: paged({ CREATED_AT }, 'CREATED_AT'),
  }),
  apiOf(specs.planCycleSpec, 'planCycles', plan, {
    orderBy: { firstYear: 'desc', id: 'asc' },
    ordering: paged(
      { FIRST_YEAR: key('primo anno del ciclo', 'first year of the cycle', 'firstYear'), NAME, CREATED_AT },
      'FIRST_YEAR',
      OrderDirection.DESC,
    ),
  }),
  apiOf(specs.planVersionSpec, 'planVersions', plan, {
    orderBy: { revision: 'asc', id: 'asc' },
    ordering: paged(
      { REVISION: key('numero di revisione (REV. n)', 'revision number (REV. n)', 'revision'), CREATED_AT, UPDATED_AT },
      'REVISION',
    ),
  }),
  apiOf(specs.scoringProfileSpec, 'scoringProfiles', plan, {
    orderBy: { name: 'asc', profileVersion: 'asc', id: 'asc' },
    ordering: paged(
      { NAME: key('nome, poi versione', 'name, then version', 'name', 'profileVersion'), CREATED_AT },
      'NAME',
    ),
  }),
  apiOf(specs.perspectiveSpec, 'perspectives', tree, {
    orderBy: byPosition,
    ordering: paged({ POSITION, NAME, CREATED_AT }, 'POSITION'),
  }),
  apiOf(specs.strategicObjectiveSpec, 'strategicObjectives', tree, {
    orderBy: byPosition,
    ordering: coded('title'),
  }),
  apiOf(specs.operationalObjectiveSpec, 'operationalObjectives', tree, {
    filterPaths: { unitId: 'responsibleUnits' },
    orderBy: byPosition,
    ordering: coded('title'),
  }),
  apiOf(specs.indicatorSpec, 'indicators', tree, {
    filterPaths: { unitId: 'responsibleUnits' },
    orderBy: byPosition,
    // `indicators` itself is the connection (released so): `paging`, as `ordering` would add an xsConnection
    paging: codeOrdering('Indicator', specs.indicatorSpec.entity, 'title', { UPDATED_AT }),
  }),
  apiOf(specs.targetSpec, 'targets', values, {
    orderBy: { year: 'asc', checkpoint: 'asc', id: 'asc' },
    ordering: paged({ PERIOD, CREATED_AT, UPDATED_AT }, 'PERIOD'),
  }),
  apiOf(specs.targetRevisionSpec, 'targetRevisions', values, {
    orderBy: { seq: 'asc', id: 'asc' },
    ordering: paged({ SEQUENCE: key('ordine di inserimento', 'order entered', 'seq'), CREATED_AT }, 'SEQUENCE'),
  }),
  apiOf(specs.baselineSpec, 'baselines', values, {
    orderBy: { year: 'asc', id: 'asc' },
    ordering: paged({ YEAR: key('anno', 'year', 'year'), CREATED_AT }, 'YEAR'),
  }),
  apiOf(specs.measurementSpec, 'measurements', values, {
    filterPaths: { unitId: 'indicator.responsibleUnits' },
    orderBy: { year: 'asc', checkpoint: 'asc', id: 'asc' },
    // `measurements` itself is the connection, as `indicators`
    paging: sqlOrdering(
      'Measurement',
      specs.measurementSpec.entity,
      { PERIOD, CREATED_AT, UPDATED_AT },
      { field: 'PERIOD', direction: ASC },
    ),
  }),
  apiOf(specs.projectSpec, 'projects', portfolio, {
    orderBy: byPosition,
    ordering: paged({ POSITION, NAME, CREATED_AT }, 'POSITION'),
  }),
  apiOf(specs.activitySpec, 'activities', portfolio, {
    orderBy: byPosition,
    ordering: paged({ POSITION, NAME, CREATED_AT }, 'POSITION'),
  }),
  apiOf(specs.dashboardSpec, 'dashboards', portfolio, {
    orderBy: byPosition,
    ordering: paged({ POSITION, NAME, CREATED_AT }, 'POSITION'),
  }),
  apiOf(specs.dashboardEntrySpec, 'dashboardEntries', portfolio, {
    orderBy: byPosition,
    ordering: paged({ POSITION, CREATED_AT }, 'POSITION'),
  }),
  apiOf(specs.managerAssignmentSpec, 'managerAssignments', portfolio, {
    ordering: paged({ CREATED_AT }, 'CREATED_AT'),
  }),
];

export const CRUD_RESOLVERS = APIS.map(crudResolver);

/** The API of one entity, for the connections that page its rows under a parent (child-connections.ts). */
export const apiOfEntity = (entity: object): CrudApi<any> | undefined => APIS.find((api) => api.entity === entity);
