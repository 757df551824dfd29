import * as specs from '../services/specs';
import { type CrudApi, crudResolver } from './crud-resolver';
import * as org from './inputs/organisation';
import * as plan from './inputs/plan';
import * as portfolio from './inputs/portfolio';
import * as tree from './inputs/tree';
import * as values from './inputs/values';

const byPosition = { position: 'asc', id: 'asc' } as const;

/** Every entity's queries and mutations, declared once. */
const APIS: CrudApi<any>[] = [
  { ...specs.organisationSpec, names: { one: 'organisation', many: 'organisations' }, createInput: org.CreateOrganisationInput, updateInput: org.UpdateOrganisationInput, filterInput: org.OrganisationFilter, orderBy: { name: 'asc', id: 'asc' } },
  { ...specs.orgUnitSpec, names: { one: 'orgUnit', many: 'orgUnits' }, createInput: org.CreateOrgUnitInput, updateInput: org.UpdateOrgUnitInput, filterInput: org.OrgUnitFilter, orderBy: { name: 'asc', id: 'asc' } },
  { ...specs.personSpec, names: { one: 'person', many: 'people' }, createInput: org.CreatePersonInput, updateInput: org.UpdatePersonInput, filterInput: org.PersonFilter, orderBy: { fullName: 'asc', id: 'asc' } },
  { ...specs.managerRoleSpec, names: { one: 'managerRole', many: 'managerRoles' }, createInput: org.CreateManagerRoleInput, updateInput: org.UpdateManagerRoleInput, filterInput: org.ManagerRoleFilter },
  { ...specs.fundParameterSpec, names: { one: 'fundParameter', many: 'fundParameters' }, createInput: org.CreateFundParameterInput, updateInput: org.UpdateFundParameterInput, filterInput: org.FundParameterFilter },
  { ...specs.planCycleSpec, names: { one: 'planCycle', many: 'planCycles' }, createInput: plan.CreatePlanCycleInput, updateInput: plan.UpdatePlanCycleInput, filterInput: plan.PlanCycleFilter, orderBy: { firstYear: 'desc', id: 'asc' } },
  { ...specs.planVersionSpec, names: { one: 'planVersion', many: 'planVersions' }, createInput: plan.CreatePlanVersionInput, updateInput: plan.UpdatePlanVersionInput, filterInput: plan.PlanVersionFilter, orderBy: { revision: 'asc', id: 'asc' } },
  { ...specs.scoringProfileSpec, names: { one: 'scoringProfile', many: 'scoringProfiles' }, createInput: plan.CreateScoringProfileInput, updateInput: plan.UpdateScoringProfileInput, filterInput: plan.ScoringProfileFilter, orderBy: { name: 'asc', profileVersion: 'asc', id: 'asc' } },
  { ...specs.perspectiveSpec, names: { one: 'perspective', many: 'perspectives' }, createInput: tree.CreatePerspectiveInput, updateInput: tree.UpdatePerspectiveInput, filterInput: tree.PerspectiveFilter, orderBy: byPosition },
  { ...specs.strategicObjectiveSpec, names: { one: 'strategicObjective', many: 'strategicObjectives' }, createInput: tree.CreateStrategicObjectiveInput, updateInput: tree.UpdateStrategicObjectiveInput, filterInput: tree.StrategicObjectiveFilter, orderBy: byPosition },
  { ...specs.operationalObjectiveSpec, names: { one: 'operationalObjective', many: 'operationalObjectives' }, createInput: tree.CreateOperationalObjectiveInput, updateInput: tree.UpdateOperationalObjectiveInput, filterInput: tree.OperationalObjectiveFilter, filterPaths: { unitId: 'responsibleUnits' }, orderBy: byPosition },
  { ...specs.indicatorSpec, names: { one: 'indicator', many: 'indicators' }, createInput: tree.CreateIndicatorInput, updateInput: tree.UpdateIndicatorInput, filterInput: tree.IndicatorFilter, filterPaths: { unitId: 'responsibleUnits' }, orderBy: byPosition, connection: true },
  { ...specs.targetSpec, names: { one: 'target', many: 'targets' }, createInput: values.CreateTargetInput, updateInput: values.UpdateTargetInput, filterInput: values.TargetFilter, orderBy: { year: 'asc', checkpoint: 'asc', id: 'asc' } },
  { ...specs.targetRevisionSpec, names: { one: 'targetRevision', many: 'targetRevisions' }, createInput: values.CreateTargetRevisionInput, updateInput: values.UpdateTargetRevisionInput, filterInput: values.TargetRevisionFilter, orderBy: { seq: 'asc', id: 'asc' } },
  { ...specs.baselineSpec, names: { one: 'baseline', many: 'baselines' }, createInput: values.CreateBaselineInput, updateInput: values.UpdateBaselineInput, filterInput: values.BaselineFilter, orderBy: { year: 'asc', id: 'asc' } },
  { ...specs.measurementSpec, names: { one: 'measurement', many: 'measurements' }, createInput: values.CreateMeasurementInput, updateInput: values.UpdateMeasurementInput, filterInput: values.MeasurementFilter, filterPaths: { unitId: 'indicator.responsibleUnits' }, orderBy: { year: 'asc', checkpoint: 'asc', id: 'asc' }, connection: true },
  { ...specs.projectSpec, names: { one: 'project', many: 'projects' }, createInput: portfolio.CreateProjectInput, updateInput: portfolio.UpdateProjectInput, filterInput: portfolio.ProjectFilter, orderBy: byPosition },
  { ...specs.activitySpec, names: { one: 'activity', many: 'activities' }, createInput: portfolio.CreateActivityInput, updateInput: portfolio.UpdateActivityInput, filterInput: portfolio.ActivityFilter, orderBy: byPosition },
  { ...specs.dashboardSpec, names: { one: 'dashboard', many: 'dashboards' }, createInput: portfolio.CreateDashboardInput, updateInput: portfolio.UpdateDashboardInput, filterInput: portfolio.DashboardFilter, orderBy: byPosition },
  { ...specs.dashboardEntrySpec, names: { one: 'dashboardEntry', many: 'dashboardEntries' }, createInput: portfolio.CreateDashboardEntryInput, updateInput: portfolio.UpdateDashboardEntryInput, filterInput: portfolio.DashboardEntryFilter, orderBy: byPosition },
  { ...specs.managerAssignmentSpec, names: { one: 'managerAssignment', many: 'managerAssignments' }, createInput: portfolio.CreateManagerAssignmentInput, updateInput: portfolio.UpdateManagerAssignmentInput, filterInput: portfolio.ManagerAssignmentFilter },
];

export const CRUD_RESOLVERS = APIS.map(crudResolver);

