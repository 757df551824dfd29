import { databaseFor, databaseNames } from '../helpers/databases';
import { seededWithCopy } from '../helpers/seeded-copy';
import { type GraphQLResponse, startServer, type TestServer } from '../helpers/server';
import { edit, SHEET_ROWS, sondrioPlan, type SondrioPlan, SYNC_ROWS } from '../helpers/sync';
import { REPORT_FIGURES } from '../helpers/score-tree';
import { PAGE_INFO } from '../helpers/connections';

/**
 * The speed layer (server/speed) must change how the server answers, never what it answers. The same requests go to
 * two servers over copies of one seeded database, one with the fast paths on and one with them off (plain type-graphql
 * resolvers, managed entities, every write through the unit of work), and the answers must be equal once the parts
 * that differ by nature are set aside: the ids of rows created by the requests (random, renamed by order of first
 * appearance) and clock times.
 */

const REALIZATION = 'status score display text explanation';
const TREE = /* GraphQL */ `
  query Tree($id: ID!) {
    planVersion(id: $id) {
      id label status version
      cycle { id name years fundParameters { id fund } }
      scoringProfile { id name }
      realization(year: 2022) { ${REALIZATION} }
      perspectives {
        id name code position realization(year: 2022) { ${REALIZATION} }
        strategicObjectives {
          id code title passMark realization(year: 2022) { ${REALIZATION} achieved }
          indicators { id code }
          managerAssignments { id }
          operationalObjectives {
            id code title weight version
            responsibleUnits { id name }
            realization(year: 2022) { ${REALIZATION} }
            indicators {
              id code title weight formula polarity unit version
              responsibleUnits { id name parent { id } }
              plan { id } operationalObjective { id } strategicObjective { id } project { id } replacedBy { id }
              realization(year: 2022) { ${REALIZATION} }
              baselines { id year }
              targets { id year checkpoint polarity version effective { seq value { raw number } } original { kind value { raw } } thresholds { score value { raw } } revisions { seq kind value { raw } } }
              targets2022: targets(year: 2022, checkpoint: YEAR_END) { id }
              measurements { id year checkpoint value { raw number } neutralised note }
            }
          }
        }
      }
      projects { id }
      dashboards { id }
    }
  }
`;

const CONNECTION = /* GraphQL */ `
  query Indicators($p: ID!, $after: String) {
    indicators(filter: { planId: $p }, first: 25, after: $after) {
      edges {
        cursor
        node {
          id
          code
          title
          weight
          realization(year: 2022) {
            score
            display
          }
        }
      }
      ${PAGE_INFO}
    }
  }
`;

const REPORT = /* GraphQL */ `
  query Report($p: ID!) {
    report(planId: $p, year: 2022) {
      ...ReportFigures
    }
    planLint(planId: $p) {
      code
      severity
      subjectType
      subjectCode
      year
      message
    }
  }
  ${REPORT_FIGURES}
`;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
/** fields that hold the time of the request or of a write, different on every run */
const CLOCK_FIELDS = new Set(['updatedAt', 'createdAt', 'serverTime', 'changedAt', 'at', 'recordedAt']);

/**
 * An answer with its ids renamed `#1`, `#2`… in order of first appearance (so the same structure over different ids
 * compares equal, and a wrong link does not), clock times as `<time>`, and opaque cursors decoded first.
 */
function normaliser() {
  const names = new Map<string, string>();
  const visit = (value: unknown, key?: string): unknown => {
    if (typeof value === 'string') {
      if (key && CLOCK_FIELDS.has(key) && TIME.test(value)) return '<time>';
      if (key && /cursor$/i.test(key)) return `cursor:${JSON.stringify(visit(decodeCursor(value)))}`;
      // ids alone or inside a message
      return value.replace(UUID, (id) => {
        if (!names.has(id)) names.set(id, `#${names.size + 1}`);
        return names.get(id)!;
      });
    }
    if (Array.isArray(value)) return value.map((v) => visit(v));
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visit(v, k)]));
    return value;
  };
  return visit;
}

function decodeCursor(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return cursor;
  }
}

/** Lists of objects sorted by what their items say apart from ids and times, at every depth (before ids are named). */
function sortedDeep(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(sortedDeep);
    if (!items.every((item) => item && typeof item === 'object')) return items;
    const key = (item: unknown) =>
      JSON.stringify(item)
        .replace(UUID, '*')
        .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, '*');
    return items.sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0));
  }
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sortedDeep(v)]));
  return value;
}

type Side = { server: TestServer; plan: SondrioPlan; normalise: (value: unknown) => unknown };

describe.each(databaseNames())('fast paths on and off answer alike (%s)', (dialect) => {
  let fast: Side;
  let plain: Side;

  const databases = databaseFor(dialect);

  beforeAll(async () => {
    const { source, copy } = await seededWithCopy(databases);
    const open = async (fastPaths: boolean, databaseUrl: string): Promise<Side> => {
      const server = await startServer(dialect, { fastPaths, databaseUrl });
      return { server, plan: await sondrioPlan(server), normalise: normaliser() };
    };
    fast = await open(true, source);
    plain = await open(false, copy);
  });
  afterAll(async () => {
    await fast?.server.close();
    await plain?.server.close();
    await databases.dropAll();
  });

  /**
   * The same request on both servers: the answers, normalised, must be equal (and free of errors). `anyOrder`
   * compares lists of objects as sets, for lists whose order is broken by the ids of rows the requests created
   * (random on each side): the plan lint over the whole plan (by position, then id), the audit events of one batch
   * (one time, then id).
   */
  async function same(
    query: string,
    variables: (side: Side) => Record<string, unknown> = () => ({}),
    options: { anyOrder?: boolean } = {},
  ): Promise<[any, any]> {
    const [a, b] = await Promise.all([
      fast.server.gql(query, variables(fast)),
      plain.server.gql(query, variables(plain)),
    ]);
    expect(b.errors).toEqual(a.errors);
    expect(a.errors).toBeUndefined();
    const settle = (data: unknown) => (options.anyOrder ? sortedDeep(data) : data);
    expect(plain.normalise(settle(b.data))).toEqual(fast.normalise(settle(a.data)));
    return [a.data, b.data];
  }

  it('serve the plan tree with its realization', async () => {
    fast.server.statements.length = 0;
    plain.server.statements.length = 0;
    const [tree] = await same(TREE, (s) => ({ id: s.plan.planId }));
    expect(tree.planVersion.perspectives.length).toBeGreaterThan(0);
    // the two servers did answer differently: read-only rows (a many-to-many read names its owner column) or em.find
    const readOnly = (statements: string[]) => statements.some((sql) => sql.includes('__owner_id'));
    expect(readOnly(fast.server.statements)).toBe(true);
    expect(readOnly(plain.server.statements)).toBe(false);
  });

  it('page the indicators connection', async () => {
    let after: [string | null, string | null] = [null, null];
    let seen = 0;
    for (let more = true; more;) {
      const [a, b] = await same(CONNECTION, (s) => ({ p: s.plan.planId, after: s === fast ? after[0] : after[1] }));
      seen += a.indicators.edges.length;
      more = a.indicators.pageInfo.hasNextPage;
      after = [a.indicators.pageInfo.endCursor, b.indicators.pageInfo.endCursor];
    }
    expect(seen).toBe(fast.plan.rows.filter((r) => r.level === 'INDICATOR').length);
    expect(seen).toBeGreaterThan(25);
  });

  it('compute the report and the plan lint', async () => {
    const [report] = await same(REPORT, (s) => ({ p: s.plan.planId }));
    expect(report.report.rows.length).toBeGreaterThan(0);
  });

  it('serve the sheet rows', async () => {
    await same(SHEET_ROWS, (s) => ({ planId: s.plan.planId, year: 2022, checkpoint: 'YEAR_END', since: null }));
  });

  it('apply a sync batch (updates, creations with a new unit, a deletion, a conflict, a bad row), its replay and its effects', async () => {
    const batch = (s: Side) => {
      const p = s.plan;
      return {
        input: {
          planId: p.planId,
          year: 2022,
          checkpoint: 'YEAR_END',
          mode: 'PARTIAL',
          batchKey: 'contract-1',
          source: { kind: 'ADDIN', workbook: 'Piano.xlsx', sheet: 'Piano', author: 'm.rossi' },
          rows: [
            edit(p.indicator('1.1.1'), { actual: '3,10%', note: 'dato di Ragioneria' }),
            edit(p.indicator('1.3.1'), {
              target: '16%',
              futureTargets: [{ year: 2023, value: '17%' }],
              responsibleUnit: 'U.O. "Mai vista"',
            }),
            edit(p.operational('1.5'), { title: 'Certificazione d’impresa' }),
            edit(p.indicator('1.1.2'), { delete: true }),
            { rowId: p.indicator('1.3.2').rowId, rowVersion: p.indicator('1.3.2').rowVersion + 1, actual: '5' },
            {
              clientRef: 'X',
              level: 'azione',
              code: '',
              title: '',
              parentRef: p.operational('1.4').rowId,
              weight: 'molto',
            },
            { rowId: p.indicator('1.4.1').rowId, rowVersion: p.indicator('1.4.1').rowVersion },
            // created rows last: their position is their index, past every sibling's, so no tie is broken by id
            {
              clientRef: 'N',
              level: 'azione',
              code: '1.4.9',
              title: 'Nuova azione',
              parentRef: p.operational('1.4').rowId,
              target: '3',
              thresholds: [{ value: '2', score: 0.5 }],
              responsibleUnit: 'U.O. "Mai vista"',
            },
            {
              clientRef: 'O',
              level: 'obiettivo operativo',
              code: '1.9',
              title: 'Nuovo obiettivo',
              parentRef: p.strategic('1').rowId,
              weight: '10',
            },
            {
              clientRef: 'M',
              level: 'azione',
              code: '1.9.1',
              title: 'Figlia di un nuovo obiettivo',
              parentRef: 'O',
              target: '1',
              actual: '1',
            },
          ],
        },
      };
    };
    const [first] = await same(SYNC_ROWS, batch);
    expect(first.syncRows.rows.map((r: { status: string }) => r.status)).toEqual([
      'UPDATED',
      'UPDATED',
      'UPDATED',
      'DELETED',
      'CONFLICT',
      'REJECTED',
      'UNCHANGED',
      'CREATED',
      'CREATED',
      'CREATED',
    ]);
    const [replay] = await same(SYNC_ROWS, batch);
    expect(replay.syncRows.replayed).toBe(true);
    await same(SHEET_ROWS, (s) => ({ planId: s.plan.planId, year: 2022, checkpoint: 'YEAR_END', since: null }));
    await same(TREE, (s) => ({ id: s.plan.planId }));
    await same(REPORT, (s) => ({ p: s.plan.planId }), { anyOrder: true });
    // the audit trail of a changed row, written through the unit of work or set-based
    await same(
      `query($r: ID!, $p: ID!) { rowHistory(rowId: $r, planId: $p, year: 2022) { entityType entityId action actor source sourceDetail before after } }`,
      (s) => ({ r: s.plan.indicator('1.3.1').rowId, p: s.plan.planId }),
      { anyOrder: true },
    );
  });

  it('apply an atomic batch that fails as a whole, writing nothing', async () => {
    const [outcome] = await same(SYNC_ROWS, (s) => ({
      input: {
        planId: s.plan.planId,
        year: 2022,
        checkpoint: 'YEAR_END',
        mode: 'ATOMIC',
        rows: [
          { rowId: s.plan.indicator('1.1.3').rowId, actual: '7' },
          { clientRef: 'Z', level: 'azione', code: '9.9.9', title: 'x', parentRef: 'nessuno' },
        ],
      },
    }));
    expect(outcome.syncRows.applied).toBe(0);
    await same(SHEET_ROWS, (s) => ({ planId: s.plan.planId, year: 2022, checkpoint: 'YEAR_END', since: null }));
  });

  it('apply the CRUD mutations and read their effects', async () => {
    const oo = (s: Side) => s.plan.operational('1.4').rowId;
    const [created] = await same(
      `mutation($oo: ID!) { createIndicator(input: { operationalObjectiveId: $oo, code: "1.4.20", title: "Indice di prova", polarity: LOWER, weight: 10, unit: "days", position: 50 }) { id version code plan { id } operationalObjective { id } } }`,
      (s) => ({ oo: oo(s) }),
    );
    expect(created.createIndicator.version).toBe(1);
    const ids = new Map<Side, string>();
    const createdOn = async (
      query: string,
      vars: (s: Side) => Record<string, unknown>,
      pick: (data: any) => string,
    ) => {
      const [a, b] = await same(query, vars);
      return [pick(a), pick(b)] as const;
    };
    const [fastIndicator, plainIndicator] = await (async () => {
      const a = await fast.server.gql(
        `{ indicators(filter: { planId: "${fast.plan.planId}" }, first: 500) { edges { node { id code } } } }`,
      );
      const b = await plain.server.gql(
        `{ indicators(filter: { planId: "${plain.plan.planId}" }, first: 500) { edges { node { id code } } } }`,
      );
      const find = (r: GraphQLResponse) =>
        (r.data.indicators.edges as Array<{ node: { id: string; code: string } }>).find(
          (e) => e.node.code === '1.4.20',
        )!.node.id;
      return [find(a), find(b)];
    })();
    ids.set(fast, fastIndicator);
    ids.set(plain, plainIndicator);
    const [fastTarget, plainTarget] = await createdOn(
      `mutation($i: ID!) { createTarget(input: { indicatorId: $i, year: 2022, value: "20", thresholds: [{ value: "25", score: 0.8 }] }) { id year version effective { seq value { raw number } } } }`,
      (s) => ({ i: ids.get(s) }),
      (d) => d.createTarget.id,
    );
    await same(
      `mutation($t: ID!) { createTargetRevision(input: { targetId: $t, value: "18", adoptingAct: "Delibera n. 40", note: "nuova previsione" }) { seq kind value { raw number } } }`,
      (s) => ({ t: s === fast ? fastTarget : plainTarget }),
    );
    const [fastMeasurement, plainMeasurement] = await createdOn(
      `mutation($i: ID!) { createMeasurement(input: { indicatorId: $i, year: 2022, value: "27,5 gg", note: "dato di Ragioneria", author: "m.rossi" }) { id version value { raw number unit } } }`,
      (s) => ({ i: ids.get(s) }),
      (d) => d.createMeasurement.id,
    );
    const measurement = (s: Side) => (s === fast ? fastMeasurement : plainMeasurement);
    await same(
      `mutation($id: ID!) { updateMeasurement(id: $id, expectedVersion: 1, input: { value: "26" }) { version value { raw number } } }`,
      (s) => ({ id: measurement(s) }),
    );
    const [fastStale, plainStale] = await Promise.all([
      fast.server.gql(
        `mutation($id: ID!) { updateMeasurement(id: $id, expectedVersion: 1, input: { value: "30" }) { version } }`,
        { id: fastMeasurement },
      ),
      plain.server.gql(
        `mutation($id: ID!) { updateMeasurement(id: $id, expectedVersion: 1, input: { value: "30" }) { version } }`,
        { id: plainMeasurement },
      ),
    ]);
    expect(fastStale.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(plain.normalise(plainStale)).toEqual(fast.normalise(fastStale));
    await same(
      `mutation($i: ID!) { updateIndicator(id: $i, input: { weight: 80, unit: null }) { weight unit version } }`,
      (s) => ({ i: ids.get(s) }),
    );
    await same(`mutation($i: ID!) { deleteIndicator(id: $i, cascade: true) { id deleted } }`, (s) => ({
      i: s.plan.indicator('1.1.3').rowId,
    }));
    await same(TREE, (s) => ({ id: s.plan.planId }));
    await same(REPORT, (s) => ({ p: s.plan.planId }), { anyOrder: true });
    await same(SHEET_ROWS, (s) => ({ planId: s.plan.planId, year: 2022, checkpoint: 'YEAR_END', since: null }));
  });
});
