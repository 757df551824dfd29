import { withSondrioServer } from '../helpers/sondrio-server';
import { type Batch, edit, ok, outcomes, type SheetRowIn, sync } from '../helpers/sync';

/**
 * Partial rows (issue 12, item 8 and defect 6): where the plan's status allows some cells of a row and not others,
 * the allowed cells are written and the refused ones are reported cell by cell, in Italian and English. Over HTTP,
 * on a real server and SQLite.
 */

describe('sheet sync: partial rows on an approved plan (sqlite)', () => {
  const sondrio = withSondrioServer('sqlite');

  /** an indicator's row as the server holds it, the answer to one batch editing `cells` of it, and its row after */
  async function editIndicator(code: string, cells: SheetRowIn, mode: Batch['mode'] = 'PARTIAL') {
    const { server, plan, sheet } = sondrio;
    const row = await sheet.row('indicator', code);
    const result = await sync(server, { planId: plan.planId, mode, rows: [edit(row, cells)] });
    return { row, result, after: () => sheet.row('indicator', code) };
  }

  beforeAll(async () => {
    const { server, plan } = sondrio;
    const approved = ok(
      await server.gql(`mutation($p: ID!) { approvePlanVersion(id: $p) { status } }`, { p: plan.planId }),
    );
    expect(approved.approvePlanVersion.status).toBe('APPROVED');
  });

  it('writes the actual of a row whose weight also changed, and reports the weight alone as refused', async () => {
    const { row, result, after } = await editIndicator('1.3.3', { weight: '40%', actual: '96%' });
    expect(outcomes(result)).toEqual([['UPDATED', ['weight:PLAN_LOCKED']]]);
    expect(result.applied).toBe(1);
    const refused = result.rows[0].errors[0];
    expect(refused.messageIt).toMatch(/struttura e target non possono cambiare/);
    expect(refused.message).toMatch(/approved/);
    expect(result.rows[0].rowVersion).toBeGreaterThan(row.rowVersion);
    const now = await after();
    expect(now.actual?.raw).toBe('96%');
    expect(now.weight).toBe(row.weight);
    expect(now.rowVersion).toBe(result.rows[0].rowVersion);
  });

  it('still rejects a row whose every change is refused, and writes nothing of it', async () => {
    const { row, result, after } = await editIndicator('1.3.2', { weight: '30%', title: 'Altro' });
    expect(outcomes(result)).toEqual([['REJECTED', ['title:PLAN_LOCKED', 'weight:PLAN_LOCKED']]]);
    expect(result.applied).toBe(0);
    expect(await after()).toEqual(row);
  });

  it('keeps a row with a value that cannot be read rejected as a whole: only refusals of the plan are partial', async () => {
    const { row, result, after } = await editIndicator('1.1.2', { weight: 'abc', actual: '7' });
    expect(result.rows[0].status).toBe('REJECTED');
    expect(await after()).toEqual(row);
  });

  it('writes nothing of such a row in an ATOMIC batch, where a batch is all or nothing', async () => {
    const { row, result, after } = await editIndicator('1.1.1', { weight: '40%', actual: '12' }, 'ATOMIC');
    expect(outcomes(result)).toEqual([['REJECTED', ['weight:PLAN_LOCKED']]]);
    expect(result.applied).toBe(0);
    expect(await after()).toEqual(row);
  });
});

describe('sheet sync: partial rows on a locked checkpoint (sqlite)', () => {
  const sondrio = withSondrioServer('sqlite');

  it('writes the target of a draft plan and reports the actual of the closed period as refused', async () => {
    const { server, plan, sheet } = sondrio;
    ok(
      await server.gql(
        `mutation($p: ID!) { lockCheckpoint(planId: $p, year: 2022, checkpoint: YEAR_END, reason: "validato OIV") { id } }`,
        { p: plan.planId },
      ),
    );
    const row = await sheet.row('indicator', '1.1.3');
    const before = await sheet.read();
    const result = await sheet.sync([edit(row, { target: '120', actual: '130' })]);
    expect(outcomes(result)).toEqual([['UPDATED', ['actual:PERIOD_LOCKED']]]);
    expect(result.rows[0].errors[0].messageIt).toMatch(/validato OIV/);
    const after = await sheet.row('indicator', '1.1.3');
    expect(after.target?.raw).toBe('120');
    expect(after.actual?.raw ?? null).toBe(row.actual?.raw ?? null);
    expect(before.rows.length).toBe((await sheet.read()).rows.length);
  });
});
