import { databaseNames } from '../helpers/databases';
import type { Caller, GraphQLResponse } from '../helpers/server';
import { withTenantServer } from '../helpers/tenant';

/** Governance: the plan's status workflow, what an approved or closed plan refuses, checkpoint locks, the audit trail. */

function ok<T = any>(r: GraphQLResponse<T>): T {
  if (r.errors) throw new Error(`unexpected errors: ${JSON.stringify(r.errors)}`);
  return r.data as T;
}

/** The problem codes of a refused mutation (BAD_USER_INPUT). */
function problemCodes(r: GraphQLResponse): string[] {
  expect(r.errors).toHaveLength(1);
  expect(r.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
  return r.errors![0].extensions!.problems.map((p: { code: string }) => p.code);
}

const SYNC = `mutation($i: SyncBatchInput!) { syncRows(input: $i) { rows { status errors { column code message messageIt } } } }`;
const VERSIONS = `query($p: ID!, $y: Int!) { sheetRows(planId: $p, year: $y) { rows { rowId rowVersion } } }`;
/** A sheet's batch: each row of the plan carries the version the caller last read, as the add-in sends it */
const sync = async (
  gql: Caller['gql'],
  planId: string,
  rows: Array<{ rowId?: string; [cell: string]: unknown }>,
  year = 2022,
) => {
  const read: Array<{ rowId: string; rowVersion: number }> =
    (await gql(VERSIONS, { p: planId, y: year })).data?.sheetRows.rows ?? [];
  const versions = new Map(read.map((r) => [r.rowId, r.rowVersion]));
  const sent = rows.map((r) => (r.rowId && versions.has(r.rowId) ? { rowVersion: versions.get(r.rowId), ...r } : r));
  return gql(SYNC, { i: { planId, year, checkpoint: 'YEAR_END', mode: 'PARTIAL', rows: sent } });
};

describe.each(databaseNames())('governance (%s)', (dialect) => {
  const env = withTenantServer(dialect, 'GOV');
  let controller: Caller;
  let editor: Caller;

  beforeAll(async () => {
    controller = await env.server.as('controller', env.tenant.org);
    editor = await env.server.as('unit_editor', env.tenant.org, [env.tenant.unit]);
  });

  describe('checkpoint locks', () => {
    it('are set and lifted by controllers only, and refuse actual values by every path while set', async () => {
      expect(
        ok(
          await controller.gql(
            `mutation($p: ID!) { lockCheckpoint(planId: $p, year: 2022, checkpoint: YEAR_END, reason: "Relazione validata") { lockedBy reason } }`,
            { p: env.tenant.plan },
          ),
        ).lockCheckpoint,
      ).toEqual({ lockedBy: controller.name, reason: 'Relazione validata' });
      expect(
        (
          await editor.gql(`mutation($p: ID!) { unlockCheckpoint(planId: $p, year: 2022, checkpoint: YEAR_END) }`, {
            p: env.tenant.plan,
          })
        ).errors![0].extensions!.code,
      ).toBe('FORBIDDEN');

      const update = await editor.gql(
        `mutation($id: ID!) { updateMeasurement(id: $id, input: { value: "1" }) { id } }`,
        { id: env.tenant.measurement },
      );
      expect(problemCodes(update)).toEqual(['PERIOD_LOCKED']);
      expect(update.errors![0].message).toContain(
        `actual values for 2022 31/12 are locked by ${controller.name} (Relazione validata)`,
      );
      expect(
        problemCodes(
          await controller.gql(`mutation($id: ID!) { deleteMeasurement(id: $id) { id } }`, {
            id: env.tenant.measurement,
          }),
        ),
      ).toEqual(['PERIOD_LOCKED']);
      const other = ok(
        await env.server.gql(
          `mutation($i: ID!) { createIndicator(input: { operationalObjectiveId: $i, code: "1.1.9", title: "Altra", responsibleUnitIds: [] }) { id } }`,
          { i: env.tenant.oo },
        ),
      ).createIndicator.id;
      expect(
        problemCodes(
          await env.server.gql(
            `mutation($i: ID!) { createMeasurement(input: { indicatorId: $i, year: 2022, value: "3" }) { id } }`,
            { i: other },
          ),
        ),
      ).toEqual(['PERIOD_LOCKED']);
      // another period of the same plan stays open
      ok(
        await env.server.gql(
          `mutation($i: ID!) { createMeasurement(input: { indicatorId: $i, year: 2024, value: "3" }) { id } }`,
          { i: other },
        ),
      );

      const synced = ok(
        await sync(editor.gql, env.tenant.plan, [{ rowId: env.tenant.indicator, actual: '1' }]),
      ).syncRows;
      expect(synced.rows[0]).toMatchObject({
        status: 'REJECTED',
        errors: [expect.objectContaining({ column: 'actual', code: 'PERIOD_LOCKED' })],
      });
      expect(
        ok(
          await env.server.gql(`query($id: ID!) { measurement(id: $id) { value { raw } } }`, {
            id: env.tenant.measurement,
          }),
        ).measurement.value.raw,
      ).toBe('105');

      expect(
        ok(
          await controller.gql(`mutation($p: ID!) { unlockCheckpoint(planId: $p, year: 2022, checkpoint: YEAR_END) }`, {
            p: env.tenant.plan,
          }),
        ).unlockCheckpoint,
      ).toBe(true);
      ok(
        await editor.gql(
          `mutation($id: ID!) { updateMeasurement(id: $id, input: { value: "106" }) { value { raw } } }`,
          { id: env.tenant.measurement },
        ),
      );
      expect(
        ok(await sync(editor.gql, env.tenant.plan, [{ rowId: env.tenant.indicator, actual: '107' }])).syncRows.rows[0]
          .status,
      ).toBe('UPDATED');
    });
  });

  describe('the plan status workflow', () => {
    it('refuses a status change outside the workflow', async () => {
      expect(
        problemCodes(
          await env.server.gql(`mutation($p: ID!) { updatePlanVersion(id: $p, input: { status: APPROVED }) { id } }`, {
            p: env.tenant.plan,
          }),
        ),
      ).toEqual(['USE_WORKFLOW']);
      expect(
        problemCodes(
          await env.server.gql(
            `mutation($c: ID!) { createPlanVersion(input: { cycleId: $c, revision: 7, label: "x", status: CLOSED }) { id } }`,
            { c: env.tenant.cycle },
          ),
        ),
      ).toEqual(['USE_WORKFLOW']);
      expect(
        problemCodes(
          await env.server.gql(`mutation($p: ID!) { closePlanVersion(id: $p) { id } }`, { p: env.tenant.plan }),
        ),
      ).toEqual(['BAD_TRANSITION']);
      expect(
        (await editor.gql(`mutation($p: ID!) { approvePlanVersion(id: $p) { id } }`, { p: env.tenant.plan })).errors![0]
          .extensions!.code,
      ).toBe('FORBIDDEN');
    });

    it('approves a draft (who and when), after which the structure is refused through CRUD and sync while revisions and actuals go on', async () => {
      const asked = Date.now();
      const approved = ok(
        await controller.gql(
          `mutation($p: ID!) { approvePlanVersion(id: $p) { status approvedAt approvedByUser scoringProfile { status } } }`,
          { p: env.tenant.plan },
        ),
      ).approvePlanVersion;
      const answered = Date.now();
      expect(approved).toMatchObject({
        status: 'APPROVED',
        approvedByUser: controller.name,
        scoringProfile: { status: 'FROZEN' },
      });
      expect(Date.parse(approved.approvedAt)).toBeGreaterThanOrEqual(asked);
      expect(Date.parse(approved.approvedAt)).toBeLessThanOrEqual(answered);
      expect(
        problemCodes(
          await controller.gql(`mutation($p: ID!) { approvePlanVersion(id: $p) { id } }`, { p: env.tenant.plan }),
        ),
      ).toEqual(['BAD_TRANSITION']);

      const structural = [
        controller.gql(`mutation($p: ID!) { createPerspective(input: { planId: $p, name: "X" }) { id } }`, {
          p: env.tenant.plan,
        }),
        controller.gql(`mutation($id: ID!) { updateIndicator(id: $id, input: { weight: 50 }) { id } }`, {
          id: env.tenant.indicator,
        }),
        controller.gql(`mutation($id: ID!) { updateOperationalObjective(id: $id, input: { title: "X" }) { id } }`, {
          id: env.tenant.oo,
        }),
        controller.gql(`mutation($id: ID!) { deleteIndicator(id: $id, cascade: true) { id } }`, {
          id: env.tenant.indicator,
        }),
        controller.gql(
          `mutation($id: ID!) { updateTarget(id: $id, input: { thresholds: [{ value: "90", score: 0.8 }] }) { id } }`,
          { id: env.tenant.target },
        ),
        controller.gql(
          `mutation($i: ID!) { createTarget(input: { indicatorId: $i, year: 2023, value: "5" }) { id } }`,
          { i: env.tenant.indicator },
        ),
        controller.gql(`mutation($id: ID!) { updateTargetRevision(id: $id, input: { note: "x" }) { id } }`, {
          id: env.tenant.revision,
        }),
        controller.gql(`mutation($id: ID!) { deleteDashboardEntry(id: $id) { id } }`, { id: env.tenant.entry }),
        controller.gql(`mutation($p: ID!) { deletePlanVersion(id: $p, cascade: true) { id } }`, { p: env.tenant.plan }),
      ];
      for (const r of await Promise.all(structural)) expect(problemCodes(r)).toEqual(['PLAN_LOCKED']);
      const refused = await controller.gql(
        `mutation($id: ID!) { updateIndicator(id: $id, input: { weight: 50 }) { id } }`,
        { id: env.tenant.indicator },
      );
      expect(refused.errors![0].message).toContain(
        'the plan version is approved: its structure cannot change; a target changes by a new revision (createTargetRevision)',
      );

      // targets change by revision ("nuova previsione"), actual values are entered as before
      const revision = ok(
        await controller.gql(
          `mutation($id: ID!) { createTargetRevision(input: { targetId: $id, value: "120" }) { seq kind } }`,
          { id: env.tenant.target },
        ),
      ).createTargetRevision;
      expect(revision).toEqual({ seq: 2, kind: 'REVISED' });
      ok(
        await editor.gql(`mutation($id: ID!) { updateMeasurement(id: $id, input: { value: "108" }) { id } }`, {
          id: env.tenant.measurement,
        }),
      );
      const synced = ok(
        await sync(controller.gql, env.tenant.plan, [
          { rowId: env.tenant.indicator, title: 'Nuovo titolo' },
          { rowId: env.tenant.indicator.replace(/.$/, 'x'), actual: '1' },
        ]),
      ).syncRows;
      expect(synced.rows[0]).toMatchObject({
        status: 'REJECTED',
        errors: [expect.objectContaining({ column: 'title', code: 'PLAN_LOCKED' })],
      });
    });

    it('closes an approved plan (who and when), after which nothing of it changes', async () => {
      const closed = ok(
        await controller.gql(`mutation($p: ID!) { closePlanVersion(id: $p) { status closedAt closedByUser } }`, {
          p: env.tenant.plan,
        }),
      ).closePlanVersion;
      expect(closed).toMatchObject({ status: 'CLOSED', closedByUser: controller.name });
      expect(
        problemCodes(
          await controller.gql(
            `mutation($id: ID!) { createTargetRevision(input: { targetId: $id, value: "130" }) { id } }`,
            { id: env.tenant.target },
          ),
        ),
      ).toEqual(['PLAN_LOCKED']);
      expect(
        problemCodes(
          await controller.gql(`mutation($id: ID!) { updateMeasurement(id: $id, input: { value: "1" }) { id } }`, {
            id: env.tenant.measurement,
          }),
        ),
      ).toEqual(['PERIOD_LOCKED']);
      const synced = ok(
        await sync(editor.gql, env.tenant.plan, [{ rowId: env.tenant.indicator, actual: '2' }]),
      ).syncRows;
      expect(synced.rows[0]).toMatchObject({
        status: 'REJECTED',
        errors: [expect.objectContaining({ code: 'PERIOD_LOCKED' })],
      });
    });
  });

  describe('the audit trail', () => {
    const EVENTS = `query($f: AuditEventFilter!) { auditEvents(filter: $f, first: 500) { totalCount edges { node { entityType entityId action actor at planId } } } }`;
    const events = async (f: Record<string, unknown>) =>
      ok(await env.server.gql(EVENTS, { f })).auditEvents.edges.map((e: any) => e.node);

    it('answers by plan, by row, by user and by time range', async () => {
      const byPlan = await events({ planId: env.tenant.plan });
      expect(byPlan.length).toBeGreaterThan(10);
      expect(new Set(byPlan.map((e: any) => e.planId))).toEqual(new Set([env.tenant.plan]));
      expect(byPlan.map((e: any) => e.entityType)).toEqual(
        expect.arrayContaining(['PlanVersion', 'Indicator', 'Measurement', 'TargetRevision', 'CheckpointLock']),
      );

      const byRow = await events({ entityId: env.tenant.measurement });
      expect(byRow.length).toBeGreaterThanOrEqual(3);
      expect(new Set(byRow.map((e: any) => e.entityId))).toEqual(new Set([env.tenant.measurement]));

      const byUser = await events({ actor: controller.name });
      expect(byUser.map((e: any) => `${e.entityType}:${e.action}`)).toEqual(
        expect.arrayContaining([
          'CheckpointLock:CREATE',
          'CheckpointLock:DELETE',
          'PlanVersion:UPDATE',
          'TargetRevision:CREATE',
        ]),
      );
      expect(new Set(byUser.map((e: any) => e.actor))).toEqual(new Set([controller.name]));

      const times = byPlan.map((e: any) => e.at).sort();
      const middle = times[Math.floor(times.length / 2)];
      const later = await events({ planId: env.tenant.plan, since: middle });
      const earlier = await events({ planId: env.tenant.plan, until: middle });
      expect(later.length + earlier.length).toBe(byPlan.length);
      expect(later.every((e: any) => e.at >= middle) && earlier.every((e: any) => e.at < middle)).toBe(true);
      expect(later.length).toBeGreaterThan(0);
      expect(earlier.length).toBeGreaterThan(0);
    });
  });
});
