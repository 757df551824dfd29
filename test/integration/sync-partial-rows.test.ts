import { withSondrioServer } from '../helpers/sondrio-server';
import { currentRow, edit, ok, outcomes, readRows, sync } from '../helpers/sync';

/**
 * Partial rows (issue 12, item 8 and defect 6): where the plan's status allows some cells of a row and not others,
 * the allowed cells are written and the refused ones are reported cell by cell, in Italian and English. Over HTTP,
 * on a real server and SQLite.
 */

describe('sheet sync: partial rows on an approved plan (sqlite)', () => {
  const sondrio = withSondrioServer('sqlite');

  beforeAll(async () => {
    const { server, plan } = sondrio;
    const approved = ok(
      await server.gql(`mutation($p: ID!) { approvePlanVersion(id: $p) { status } }`, { p: plan.planId }),
    );
    expect(approved.approvePlanVersion.status).toBe('APPROVED');
  });

  it('writes the actual of a row whose weight also changed, and reports the weight alone as refused', async () => {
    const { server, plan } = sondrio;
    const row = await currentRow(server, plan.planId, 'indicator', '1.3.3');
    const result = await sync(server, {
      planId: plan.planId,
      rows: [edit(row, { weight: '40%', actual: '96%' })],
    });
    expect(outcomes(result)).toEqual([['UPDATED', ['weight:PLAN_LOCKED']]]);
    expect(result.applied).toBe(1);
    const refused = result.rows[0].errors[0];
    expect(refused.messageIt).toMatch(/struttura e target non possono cambiare/);
    expect(refused.message).toMatch(/approved/);
    expect(result.rows[0].rowVersion).toBeGreaterThan(row.rowVersion);
    const after = await currentRow(server, plan.planId, 'indicator', '1.3.3');
    expect(after.actual?.raw).toBe('96%');
    expect(after.weight).toBe(row.weight);
    expect(after.rowVersion).toBe(result.rows[0].rowVersion);
  });

  it('still rejects a row whose every change is refused, and writes nothing of it', async () => {
    const { server, plan } = sondrio;
    const row = await currentRow(server, plan.planId, 'indicator', '1.3.2');
    const result = await sync(server, {
      planId: plan.planId,
      rows: [edit(row, { weight: '30%', title: 'Altro' })],
    });
    expect(outcomes(result)).toEqual([['REJECTED', ['title:PLAN_LOCKED', 'weight:PLAN_LOCKED']]]);
    expect(result.applied).toBe(0);
    expect(await currentRow(server, plan.planId, 'indicator', '1.3.2')).toEqual(row);
  });

  it('keeps a row with a value that cannot be read rejected as a whole: only refusals of the plan are partial', async () => {
    const { server, plan } = sondrio;
    const row = await currentRow(server, plan.planId, 'indicator', '1.1.2');
    const result = await sync(server, {
      planId: plan.planId,
      rows: [edit(row, { weight: 'abc', actual: '7' })],
    });
    expect(result.rows[0].status).toBe('REJECTED');
    expect(await currentRow(server, plan.planId, 'indicator', '1.1.2')).toEqual(row);
  });

  it('writes nothing of such a row in an ATOMIC batch, where a batch is all or nothing', async () => {
    const { server, plan } = sondrio;
    const row = await currentRow(server, plan.planId, 'indicator', '1.1.1');
    const result = await sync(server, {
      planId: plan.planId,
      mode: 'ATOMIC',
      rows: [edit(row, { weight: '40%', actual: '12' })],
    });
    expect(outcomes(result)).toEqual([['REJECTED', ['weight:PLAN_LOCKED']]]);
    expect(result.applied).toBe(0);
    expect(await currentRow(server, plan.planId, 'indicator', '1.1.1')).toEqual(row);
  });
});

describe('sheet sync: partial rows on a locked checkpoint (sqlite)', () => {
  const sondrio = withSondrioServer('sqlite');

  it('writes the target of a draft plan and reports the actual of the closed period as refused', async () => {
    const { server, plan } = sondrio;
    ok(
      await server.gql(
        `mutation($p: ID!) { lockCheckpoint(planId: $p, year: 2022, checkpoint: YEAR_END, reason: "validato OIV") { id } }`,
        { p: plan.planId },
      ),
    );
    const row = await currentRow(server, plan.planId, 'indicator', '1.1.3');
    const before = await readRows(server, plan.planId);
    const result = await sync(server, {
      planId: plan.planId,
      rows: [edit(row, { target: '120', actual: '130' })],
    });
    expect(outcomes(result)).toEqual([['UPDATED', ['actual:PERIOD_LOCKED']]]);
    expect(result.rows[0].errors[0].messageIt).toMatch(/validato OIV/);
    const after = await currentRow(server, plan.planId, 'indicator', '1.1.3');
    expect(after.target?.raw).toBe('120');
    expect(after.actual?.raw ?? null).toBe(row.actual?.raw ?? null);
    expect(before.rows.length).toBe((await readRows(server, plan.planId)).rows.length);
  });
});
