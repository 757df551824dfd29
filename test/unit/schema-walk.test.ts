import { getIntrospectionQuery, graphql, type IntrospectionQuery, type IntrospectionTypeRef } from 'graphql';
import { getSchema } from '../../server/graphql/schema';

/**
 * Walks the schema as a client sees it — graphql-js introspection of the built schema — and fails on what issue 19
 * says a client developer must not meet: a list that grows without a Relay connection, a closed set of words typed
 * as a String, anything (type, field, argument, enum value) without a description, or one in English only.
 */

/*
 * Lists that may stay plain lists, each with why it cannot grow past a handful of rows. Any other list field must
 * be a connection (a type named …Connection), or be deprecated beside the connection that replaces it.
 */
const BOUNDED: Record<string, string> = {
  // the parts of one answer: a connection's page, a value's words, an explanation's inputs
  'AuditEventConnection.edges': 'a page: at most `first`/`last` (≤ 500) rows',
  'ParsedValue.warnings': 'what reading one cell noticed',
  'Realization.errors': 'what went wrong computing one score',
  'Realization.warnings': 'what computing one score noticed',
  'Explanation.errors': 'what went wrong computing one score',
  'Explanation.warnings': 'what computing one score noticed',
  'Explanation.thresholds': "one target's threshold points",
  'Explanation.used': 'the children of one objective, plan or dashboard that the score counted',
  'Explanation.excluded': 'the children of one objective, plan or dashboard that the score left out',
  'Target.thresholds': "one target's threshold points",
  'SheetRow.thresholds': "one target's threshold points",
  'Query.codeValues': 'one answer per cell asked, in order: at most 5,000 cells (CodeValuesInput.requests)',
  'Query.lastFieldChanges': 'one answer per row asked, in order: at most 5,000 rows (a sync batch)',
  'RowFieldChanges.changes': 'the newest change of each field of one row (one per field at most)',
  'ConflictRow.thresholds': "one target's threshold points",
  'SheetRow.futureTargets': 'one target a year of the cycle (three years)',
  'ConflictRow.futureTargets': 'one target a year of the cycle (three years)',
  'SheetRowColumns.thresholds': "one target's threshold points",
  'SheetRowColumns.futureTargets': 'one target a year of the cycle (three years)',
  'PlanCycle.years': 'the years of one cycle (three)',
  'OperationalObjective.budgetLines': 'the budget lines one objective names',
  'OperationalObjective.evidence': 'the evidence one objective names',
  'Indicator.categories': 'a subset of the four IndicatorCategory values',
  'RowResult.errors': 'the refused cells of one row (one per column at most)',
  // the children of one row: the rows one indicator, objective, plan or unit holds, fetched with it in one batch per
  // level; each is also paged as `xConnection` beside it (the test below)
  'Indicator.targets': 'one a year and checkpoint of the cycle (six)',
  'Indicator.measurements': 'one a year and checkpoint of the cycle (six)',
  'Indicator.baselines': 'the reference years of one indicator',
  'Indicator.dashboardEntries': 'the dashboards showing one indicator',
  'Indicator.responsibleUnits': 'the units responsible for one indicator',
  'Target.revisions': 'the original and the "nuove previsioni" of one target',
  'OperationalObjective.indicators': 'the indicators of one objective',
  'OperationalObjective.managerAssignments': 'the managers of one objective',
  'OperationalObjective.responsiblePersons': 'the persons responsible for one objective',
  'OperationalObjective.responsibleUnits': 'the units responsible for one objective',
  'StrategicObjective.indicators': 'the own indicators of one objective',
  'StrategicObjective.managerAssignments': 'the managers of one objective',
  'StrategicObjective.operationalObjectives': 'the operational objectives of one strategic objective',
  'Perspective.strategicObjectives': 'the strategic objectives of one perspective',
  'PlanVersion.perspectives': 'the perspectives of one plan (a handful)',
  'PlanVersion.dashboards': 'the dashboards of one plan: one per manager and service at most',
  'PlanVersion.projects': 'the projects of one plan',
  'PlanVersion.managerAssignments':
    'the manager assignments of one plan; the paged list is managerAssignmentsConnection',
  'PlanCycle.versions': 'the revisions of one cycle (REV. 0, 1, 2…)',
  'PlanCycle.fundParameters': 'the fund parameters of one cycle',
  'Project.activities': 'the activities of one project',
  'Project.indicators': 'the indicators of one project',
  'Dashboard.entries': 'the entries of one dashboard',
  'OrgUnit.children': 'the units directly under one unit',
  'Organisation.units': "one organisation's units; the paged list is orgUnitsConnection",
  'BindableScopes.units': "a subset of one organisation's units, as Organisation.units, for one choice in the pane",
  'BindableScopes.dashboards': 'a subset of the dashboards of one plan, as PlanVersion.dashboards',
  'Organisation.people': "one organisation's people; the paged list is peopleConnection",
  'Organisation.cycles': "one organisation's plan cycles (one every three years)",
  'Organisation.scoringProfiles': "one organisation's scoring profiles",
  'Person.roles': 'the roles of one person',
  'Person.assignments': 'the assignments of one person',
  'Me.memberships': 'the organisations of the caller',
  'Me.tokens': "the caller's tokens",
  'MyMembership.unitIds': 'the units of one membership',
  'OrganisationMember.unitIds': 'the units of one membership',
  'OrganisationMember.tokens': "one member's tokens",
  'SheetRow.responsibleUnits': 'the units responsible for one row',
  'ConflictRow.responsibleUnits': 'the units responsible for one row',
  'SheetRowColumns.responsibleUnits': 'the units responsible for one row',
  'ReviewReport.entries': 'what reading one document found, answered once with the import',
  // the answer of one write or one live event: as long as what was sent or changed
  'SyncResult.rows': 'one result per row sent (a batch is at most the sync limit)',
  'UndoSyncResult.rowIds': 'the rows of one batch (at most the sync limit)',
  'UndoSyncResult.removedRowIds': 'the rows one batch created (at most the sync limit)',
  'UndoSyncResult.refusals': 'one per row of one batch changed since (at most the sync limit)',
  'SyncResult.affected': 'the scores one batch moved',
  'PlanChange.rows': 'the rows one change touched',
  'PlanChange.scores': 'the scores one change moved',
  'PlanChange.deletedRowIds': 'the rows one change deleted',
  'Mutation.confirmPolarities': 'the indicators named, or those of one plan left to confirm',
  'Mutation.createDashboardEntries': 'one per entry sent',
  'Query.nodes': 'one per id asked (at most 100)',
  // the add-in's sheet: the whole plan in one consistent answer with its serverTime, or the rows changed since
  // (docs/sheet-contract.md); a page could mix two states of the plan
  'SheetRowsPage.rows': 'the sync contract: the whole sheet at once, then deltas with since',
  'SheetRowsPage.deletedRowIds': 'the sync contract: rows deleted since the last read',
  // the same sheet's scores: all of one state of the plan, or those moved since the pane's last read of them
  'SheetScoresPage.rows': 'the sync contract: every score at once, then the moved ones since a cursor',
};

/** Field names whose words come from a fixed set: they must be enums (or IDs, for the few that name a row). */
const CLOSED_NAMES = [
  'kind',
  'status',
  'level',
  'severity',
  'rule',
  'polarity',
  'mode',
  'type',
  'action',
  'source',
  'role',
  'checkpoint',
  'comparator',
  'placeholder',
  'direction',
  'valueKind',
  'subjectType',
  'relevance',
  'purposeClass',
  'fund',
  'weighting',
];

/**
 * The sheet's cells as typed: a batch sends what the person wrote ("Strategico", "↑", "rapporto"), read with the
 * sheet contract's synonyms and refused cell by cell with a reason (docs/sheet-contract.md), so these stay text.
 */
const CELLS_AS_TYPED = ['SheetRowInput.level', 'SheetRowInput.polarity', 'SheetRowInput.rule'];

/** Italian first, English second: "Italiano / English" or "Italiano — English". */
const BILINGUAL = / \/ | — /;
/** graphql-js's own scalars describe themselves, in English. */
const BUILT_IN = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);
/** Scalars of graphql-scalars and type-graphql, described by their library in English (a standard's wording). */
const LIBRARY_SCALARS = ['DateTimeISO', 'JSONObject'];

let introspection: IntrospectionQuery;
beforeAll(async () => {
  const answer = await graphql({
    schema: await getSchema(),
    source: getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }),
  });
  expect(answer.errors).toBeUndefined();
  introspection = answer.data as unknown as IntrospectionQuery;
});

const types = () => introspection.__schema.types.filter((t) => !t.name.startsWith('__') && !BUILT_IN.has(t.name));

function named(ref: IntrospectionTypeRef): { name: string; list: boolean } {
  let list = false;
  let at: IntrospectionTypeRef = ref;
  while ('ofType' in at && at.ofType) {
    if (at.kind === 'LIST') list = true;
    at = at.ofType;
  }
  return { name: (at as { name: string }).name, list };
}

it('every list that can grow is a connection, or deprecated beside the connection that replaces it', () => {
  const unpaged: string[] = [];
  for (const type of types()) {
    if (type.kind !== 'OBJECT' && type.kind !== 'INTERFACE') continue;
    const names = new Set(type.fields.map((f) => f.name));
    for (const field of type.fields) {
      const path = `${type.name}.${field.name}`;
      if (!named(field.type).list || BOUNDED[path]) continue;
      // a connection's own edges are its page
      if (type.name.endsWith('Connection') && field.name === 'edges') continue;
      const replaced = field.isDeprecated && names.has(`${field.name}Connection`);
      if (!replaced) unpaged.push(path);
    }
  }
  expect(unpaged).toEqual([]);
});

it('the allow-list names only lists that exist, so it cannot hide a new one by a stale name', () => {
  const lists = new Set(
    types().flatMap((t) =>
      t.kind === 'OBJECT' || t.kind === 'INTERFACE'
        ? t.fields.filter((f) => named(f.type).list).map((f) => `${t.name}.${f.name}`)
        : [],
    ),
  );
  expect(Object.keys(BOUNDED).filter((path) => !lists.has(path))).toEqual([]);
});

/** Lists of rows under one row that stay unpaged, each with why: a year's few values, a link table, a whole answer. */
const UNPAGED_CHILDREN: Record<string, string> = {
  'Indicator.targets': 'one a year and checkpoint of the cycle, chosen by year and checkpoint',
  'Indicator.measurements': 'one a year and checkpoint of the cycle, chosen by year and checkpoint',
  'Indicator.responsibleUnits': 'a link to units, not rows of the indicator',
  'OperationalObjective.responsibleUnits': 'a link to units, not rows of the objective',
  'OperationalObjective.responsiblePersons': 'a link to people, not rows of the objective',
};

it('every list of plan rows under one row is also a Relay connection beside it (Dashboard.entriesConnection…)', () => {
  const nodeTypes = new Set(
    types()
      .filter((t) => t.kind === 'OBJECT' && t.interfaces.some((i) => i.name === 'Node'))
      .map((t) => t.name),
  );
  const unpaged: string[] = [];
  for (const type of types()) {
    if (type.kind !== 'OBJECT' || !nodeTypes.has(type.name)) continue;
    const names = new Set(type.fields.map((f) => f.name));
    for (const field of type.fields) {
      const { name, list } = named(field.type);
      const path = `${type.name}.${field.name}`;
      if (!list || !nodeTypes.has(name) || UNPAGED_CHILDREN[path]) continue;
      if (!names.has(`${field.name}Connection`)) unpaged.push(path);
    }
  }
  expect(unpaged).toEqual([]);
  // the exceptions name lists that exist, so a stale name cannot hide a new one
  const lists = new Set(
    types().flatMap((t) => (t.kind === 'OBJECT' ? t.fields.map((f) => `${t.name}.${f.name}`) : [])),
  );
  expect(Object.keys(UNPAGED_CHILDREN).filter((path) => !lists.has(path))).toEqual([]);
});

it('every connection takes first/after, last/before and orderBy, and counts its rows', () => {
  const incomplete: string[] = [];
  for (const type of types()) {
    if (type.kind !== 'OBJECT') continue;
    for (const field of type.fields) {
      const target = named(field.type).name;
      if (!target.endsWith('Connection')) continue;
      const args = field.args.map((a) => a.name);
      for (const arg of ['first', 'after', 'last', 'before', 'orderBy'])
        if (!args.includes(arg)) incomplete.push(`${type.name}.${field.name}(${arg})`);
      const connection = introspection.__schema.types.find((t) => t.name === target);
      if (connection?.kind !== 'OBJECT' || !connection.fields.some((f) => f.name === 'totalCount'))
        incomplete.push(`${target}.totalCount`);
    }
  }
  expect(incomplete).toEqual([]);
});

it('no closed set of words is typed as a String', () => {
  const strings: string[] = [];
  for (const type of types()) {
    const fields =
      type.kind === 'OBJECT' || type.kind === 'INTERFACE'
        ? type.fields.flatMap((f) => [
            { name: f.name, type: f.type, path: `${type.name}.${f.name}` },
            ...f.args.map((a) => ({ name: a.name, type: a.type, path: `${type.name}.${f.name}(${a.name})` })),
          ])
        : type.kind === 'INPUT_OBJECT'
          ? type.inputFields.map((f) => ({ name: f.name, type: f.type, path: `${type.name}.${f.name}` }))
          : [];
    for (const field of fields)
      if (
        CLOSED_NAMES.includes(field.name) &&
        named(field.type).name === 'String' &&
        !CELLS_AS_TYPED.includes(field.path)
      )
        strings.push(field.path);
  }
  expect(strings).toEqual([]);
});

/** Every description of the schema with where it stands: types, fields, arguments, input fields, enum values. */
function described(): Array<[string, string | null | undefined]> {
  const all: Array<[string, string | null | undefined]> = [];
  for (const type of types()) {
    all.push([type.name, type.description]);
    if (type.kind === 'OBJECT' || type.kind === 'INTERFACE')
      for (const f of type.fields) {
        all.push([`${type.name}.${f.name}`, f.description]);
        for (const a of f.args) all.push([`${type.name}.${f.name}(${a.name})`, a.description]);
      }
    if (type.kind === 'INPUT_OBJECT')
      for (const f of type.inputFields) all.push([`${type.name}.${f.name}`, f.description]);
    if (type.kind === 'ENUM') for (const v of type.enumValues) all.push([`${type.name}.${v.name}`, v.description]);
  }
  return all;
}

it('every type, field, argument and enum value has a description', () => {
  const all = described();
  expect(all.length).toBeGreaterThan(2000);
  expect(all.filter(([, d]) => !d?.trim()).map(([path]) => path)).toEqual([]);
});

it('descriptions are in Italian and English', () => {
  const oneLanguage = described().filter(([path, d]) => d && !BILINGUAL.test(d) && !LIBRARY_SCALARS.includes(path));
  expect(oneLanguage.map(([path, d]) => `${path}: ${d}`)).toEqual([]);
});
