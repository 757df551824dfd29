import { Field, ID, InputType, Int, type ClassType } from 'type-graphql';
import {
  Checkpoint,
  DashboardKind,
  FundKind,
  ManagerRoleKind,
  PlanStatus,
  Polarity,
  RevisionKind,
  UnitType,
} from '@core/vocabulary/enums';
import { LIMITS } from './validation';
import { Optional, OptionalText } from './fields';

/** What every filter of rows takes first: the rows with these ids */
@InputType()
abstract class RowFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
}

/** A filter of one organisation's rows (its cycles, units, people, profiles…): the organisation first */
@InputType()
abstract class OrganisationRowFilter extends RowFilter {
  @Optional(ID) organisationId?: string;
}

/** A filter of one plan version's rows (its tree, values, dashboards…): the plan first */
@InputType()
abstract class PlanRowFilter extends RowFilter {
  @Optional(ID) planId?: string;
}

type FieldDecorator = (prototype: object, key: string) => void;
type Base = abstract new () => object;

const id = Optional(ID);
const code = OptionalText(LIMITS.code);
const year = Optional(Int);
const checkpoint = Optional(Checkpoint);

/**
 * The filter of each entity's rows (`XFilter`, by the entity's label): what it filters first, then its fields. A
 * filter is nothing but optional fields, each one given narrowing the rows to those with that value (whereOf in
 * crud-resolver.ts), so they are one table rather than a class each.
 */
const FILTER_FIELDS: Record<string, [Base, Record<string, FieldDecorator>]> = {
  Organisation: [RowFilter, { code }],
  OrgUnit: [OrganisationRowFilter, { parentId: id, type: Optional(UnitType), code }],
  Person: [OrganisationRowFilter, {}],
  ManagerRole: [OrganisationRowFilter, { personId: id, unitId: id, role: Optional(ManagerRoleKind) }],
  FundParameter: [OrganisationRowFilter, { cycleId: id, fund: Optional(FundKind) }],
  PlanCycle: [OrganisationRowFilter, { firstYear: year }],
  PlanVersion: [OrganisationRowFilter, { cycleId: id, status: Optional(PlanStatus) }],
  ScoringProfile: [OrganisationRowFilter, { name: OptionalText(100) }],
  Perspective: [PlanRowFilter, { code }],
  StrategicObjective: [PlanRowFilter, { perspectiveId: id, code }],
  OperationalObjective: [
    PlanRowFilter,
    {
      strategicObjectiveId: id,
      unitId: Optional(ID, 'Obiettivi di cui questa unità è responsabile / Objectives this unit is responsible for'),
      code,
    },
  ],
  Indicator: [
    PlanRowFilter,
    {
      strategicObjectiveId: id,
      operationalObjectiveId: id,
      unitId: Optional(ID, 'Indicatori di cui questa unità è responsabile / Indicators this unit is responsible for'),
      code,
      polarity: Optional(Polarity),
      monitoring: Optional(Boolean),
    },
  ],
  Target: [PlanRowFilter, { indicatorId: id, year, checkpoint }],
  TargetRevision: [RowFilter, { targetId: id, kind: Optional(RevisionKind) }],
  Baseline: [RowFilter, { indicatorId: id, year }],
  Measurement: [
    PlanRowFilter,
    {
      indicatorId: id,
      year,
      checkpoint,
      unitId: Optional(
        ID,
        'Valori degli indicatori di cui questa unità è responsabile / Measurements of indicators this unit is responsible for',
      ),
      neutralised: Optional(Boolean),
    },
  ],
  Project: [PlanRowFilter, { responsibleId: id }],
  Activity: [RowFilter, { projectId: id, responsibleId: id }],
  Dashboard: [
    PlanRowFilter,
    {
      kind: Optional(DashboardKind),
      ownerUnitId: Optional(ID, 'Cruscotti di questa unità / Dashboards owned by this unit'),
      ownerPersonId: Optional(ID, 'Cruscotti di questo dirigente / Dashboards of this manager'),
      year,
    },
  ],
  DashboardEntry: [PlanRowFilter, { dashboardId: id, indicatorId: id }],
  ManagerAssignment: [PlanRowFilter, { managerId: id, strategicObjectiveId: id, operationalObjectiveId: id }],
};

function filterType(label: string, base: Base, fields: Record<string, FieldDecorator>): ClassType<object> {
  const Filter = class extends base {};
  Object.defineProperty(Filter, 'name', { value: `${label}Filter` });
  for (const [key, decorate] of Object.entries(fields)) decorate(Filter.prototype, key);
  InputType(`${label}Filter`)(Filter);
  return Filter;
}

const FILTERS = new Map(
  Object.entries(FILTER_FIELDS).map(([label, [base, fields]]) => [label, filterType(label, base, fields)]),
);

/** The filter input of an entity's rows, by its label; a missing one fails at start-up, before any schema is built. */
export function filterOf(label: string): ClassType<object> {
  const filter = FILTERS.get(label);
  if (!filter) throw new Error(`${label}: no filter`);
  return filter;
}
