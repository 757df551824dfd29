/**
 * The plan's change counter (issue 15, item 2; server/services/plan-change-counter.ts): every write path that changes
 * a plan's data bumps plan_version.change_count exactly once per transaction, in it; reads and writes that move no
 * plan data leave it alone. Real server, SQLite and PostgreSQL. Every mutation of the schema is named below, either
 * with the write that proves it bumps or as one that changes no plan's data: a new mutation fails this test until it
 * is placed (so a write path cannot be forgotten silently).
 */
import fs from 'node:fs';
import path from 'node:path';
import { seedPath } from '../helpers/seeds';
import { startServer, type TestServer } from '../helpers/server';
import { edit, ok, SYNC_ROWS, sondrioPlan, type SondrioPlan } from '../helpers/sync';
import { databaseNames } from '../helpers/databases';

/** Mutations that change no plan's data (accounts, tokens, organisations as such): no counter moves. */
const NO_PLAN_DATA = [
  'createApiToken',
  'revokeApiToken',
  'inviteUser',
  'updateMembership',
  'removeMembership',
  'deactivateUser',
  'createOrganisation',
  'updateOrganisation',
  'deleteOrganisation',
];

/** Mutations proved below, one by one. */
const PROVED = [
  'syncRows',
  'updateMeasurement',
  'updateIndicator',
  'createOrgUnit',
  'updateFundParameter',
  'lockCheckpoint',
  'unlockCheckpoint',
  'updatePlanVersion',
  'approvePlanVersion',
  'closePlanVersion',
  'importPlan',
  'confirmPolarities',
  'undoSyncBatch',
];

/**
 * Mutations written by the same generic path as a proved one: the CRUD resolver (server/graphql/crud-resolver.ts →
 * services/crud.ts, which records an audit event per row for every entity) and the profile services.
 */
const SAME_PATH = /^(create|update|delete)[A-Z]\w*$|^(createScoringProfileFromPreset|reviseScoringProfile)$/;

describe.each(databaseNames())('plan change counter (%s)', (dialect) => {
  let server: TestServer;
  let plan: SondrioPlan;

  beforeAll(async () => {
    server = await startServer(dialect, { seed: true });
    plan = await sondrioPlan(server);
  });
  afterAll(() => server?.close());

  async function counters(): Promise<Map<string, number>> {
    const rows = (await server.orm.em
      .fork()
      .getConnection()
      .execute('select id, change_count from plan_version')) as Array<{ id: string; change_count: number | string }>;
    return new Map(rows.map((r) => [r.id, Number(r.change_count)]));
  }

  /** How much each plan's counter moved during `write`. */
  async function moved(write: () => Promise<unknown>): Promise<{ mine: number; others: number[] }> {
    const before = await counters();
    await write();
    const after = await counters();
    const delta = (id: string) => (after.get(id) ?? 0) - (before.get(id) ?? 0);
    return { mine: delta(plan.planId), others: [...after.keys()].filter((id) => id !== plan.planId).map(delta) };
  }

  const gql = async (query: string, variables: Record<string, unknown> = {}) => ok(await server.gql(query, variables));

  it('names every mutation of the schema: proved, written by a proved path, or moving no plan data', () => {
    const schema = fs.readFileSync(path.join(__dirname, '../../schema/schema.graphql'), 'utf8');
    const block = schema.slice(schema.indexOf('type Mutation {'));
    const names = [...block.slice(0, block.indexOf('\n}')).matchAll(/^ {2}(\w+)\(/gm)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(40);
    const unplaced = names.filter((n) => !NO_PLAN_DATA.includes(n) && !PROVED.includes(n) && !SAME_PATH.test(n));
    expect(unplaced).toEqual([]);
    for (const n of PROVED) expect(names).toContain(n);
  });

  it('a sheet sync bumps its plan once (its own bump, not a second at commit); a sync that writes nothing does not', async () => {
    const row = plan.indicator('2.1.1');
    let version = row.rowVersion;
    const first = await moved(async () => {
      const { syncRows } = await gql(SYNC_ROWS, {
        input: { planId: plan.planId, year: 2022, rows: [edit(row, { actual: '7' })] },
      });
      expect(syncRows.applied).toBe(1);
      version = syncRows.rows[0].rowVersion;
    });
    expect(first).toEqual({ mine: 1, others: first.others.map(() => 0) });
    // a stale row: a conflict, nothing written
    const stale = await moved(() =>
      gql(SYNC_ROWS, { input: { planId: plan.planId, year: 2022, rows: [edit(row, { actual: '8' })] } }),
    );
    expect(stale.mine).toBe(0);
    expect(version).toBeGreaterThan(row.rowVersion);
  });

  it('the undo of a sheet batch bumps its plan once; a refused undo does not', async () => {
    const row = plan.indicator('2.1.2');
    const UNDO = `mutation($i: UndoSyncBatchInput!) { undoSyncBatch(input: $i) { undone } }`;
    const undo = (batchKey: string) =>
      gql(UNDO, { i: { planId: plan.planId, batchKey, year: 2022, checkpoint: 'YEAR_END' } });
    await gql(SYNC_ROWS, {
      input: { planId: plan.planId, year: 2022, batchKey: 'counter-undo', rows: [edit(row, { actual: '9' })] },
    });
    const done = await moved(async () => expect((await undo('counter-undo')).undoSyncBatch.undone).toBe(true));
    expect(done).toEqual({ mine: 1, others: done.others.map(() => 0) });
    const again = await moved(() =>
      server.gql(UNDO, { i: { planId: plan.planId, batchKey: 'counter-undo', year: 2022, checkpoint: 'YEAR_END' } }),
    );
    expect(again.mine).toBe(0);
  });

  it('mutations of rows, locks and the plan itself bump it once each', async () => {
    const { indicator } = await gql(`query($id: ID!) { indicator(id: $id) { measurements { id year checkpoint } } }`, {
      id: plan.indicator('2.1.1').rowId,
    });
    const measurement = indicator.measurements.find(
      (m: { year: number; checkpoint: string }) => m.year === 2022 && m.checkpoint === 'YEAR_END',
    );
    const writes: Array<[string, string, Record<string, unknown>]> = [
      [
        'updateMeasurement',
        `mutation($id: ID!) { updateMeasurement(id: $id, input: { value: "9" }) { id } }`,
        { id: measurement.id },
      ],
      [
        'updateIndicator',
        `mutation($id: ID!) { updateIndicator(id: $id, input: { formula: "a/b" }) { id } }`,
        { id: plan.indicator('2.1.1').rowId },
      ],
      [
        'lockCheckpoint',
        `mutation($id: ID!) { lockCheckpoint(planId: $id, year: 2022, checkpoint: MID_YEAR, reason: "prova") { id } }`,
        { id: plan.planId },
      ],
      [
        'unlockCheckpoint',
        `mutation($id: ID!) { unlockCheckpoint(planId: $id, year: 2022, checkpoint: MID_YEAR) }`,
        { id: plan.planId },
      ],
      [
        'updatePlanVersion',
        `mutation($id: ID!) { updatePlanVersion(id: $id, input: { adoptingAct: "Delibera n. 9" }) { id } }`,
        { id: plan.planId },
      ],
    ];
    for (const [name, query, variables] of writes) {
      const { mine, others } = await moved(() => gql(query, variables));
      expect([name, mine, others.every((d) => d === 0)]).toEqual([name, 1, true]);
    }
    // confirming polarities writes only the indicators it confirms: once if any, not at all if none
    let confirmed = 0;
    const polarity = await moved(async () => {
      const answer = await gql(`mutation($id: ID!) { confirmPolarities(planId: $id, all: true) { id } }`, {
        id: plan.planId,
      });
      confirmed = answer.confirmPolarities.length;
    });
    expect(polarity.mine).toBe(confirmed > 0 ? 1 : 0);
  });

  it('a change with no plan that moves scores (unit, fund value) bumps every plan of its organisation', async () => {
    const unit = await moved(() =>
      gql(
        `mutation($org: ID!) { createOrgUnit(input: { organisationId: $org, name: "Ufficio prova", type: SERVIZIO }) { id } }`,
        {
          org: plan.orgId,
        },
      ),
    );
    expect(unit.mine).toBe(1);
    const { fundParameters } = await gql('{ fundParameters { id } }');
    if (fundParameters.length > 0) {
      const fund = await moved(() =>
        gql(`mutation($id: ID!) { updateFundParameter(id: $id, input: { unitValue: 3.5 }) { id } }`, {
          id: fundParameters[0].id,
        }),
      );
      expect(fund.mine).toBe(1);
    }
  });

  it('reads and writes that move no plan data leave every counter alone', async () => {
    const still = await moved(async () => {
      await gql(`query($id: ID!) { report(planId: $id, year: 2022) { rows { code } } }`, { id: plan.planId });
      await gql(`mutation { createApiToken(input: { label: "prova", expiresInDays: 30 }) { secret } }`);
    });
    expect([still.mine, ...still.others].every((d) => d === 0)).toBe(true);
  });

  it('an import writes a plan whose counter its transaction bumped, and an approval bumps it again', async () => {
    const content = fs.readFileSync(seedPath('003_a0c237837c23239d.txt'), 'utf8');
    const { importPlan } = await gql(
      `mutation($input: ImportPlanInput!) { importPlan(input: $input) { planId created } }`,
      { input: { content, fileName: '003_a0c237837c23239d.txt' } },
    );
    expect(importPlan.created).toBe(true);
    const after = await counters();
    expect(after.get(importPlan.planId)).toBeGreaterThan(0);
    const approve = await moved(() =>
      gql(`mutation($id: ID!) { approvePlanVersion(id: $id) { status } }`, { id: plan.planId }),
    );
    expect(approve.mine).toBe(1);
    const close = await moved(() =>
      gql(`mutation($id: ID!) { closePlanVersion(id: $id) { status } }`, { id: plan.planId }),
    );
    expect(close.mine).toBe(1);
  });
});
