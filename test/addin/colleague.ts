/**
 * A colleague working on the same plan while the pane is open, for the scenarios (live updates, the three-way
 * merge): Anna Rossi, controller of the Sondrio chamber, with a token of her own (invited as an administrator
 * would), who changes rows through the API as her own sheet would. And a wait for what she sets off.
 */
import { ok } from '../helpers/sync';
import { OPERATION_TIMEOUT_MS, type PaneSession } from './e2e-pane';

/**
 * a colleague's change travels server → socket → pane → Excel: seconds on a loaded machine; the bound is the
 * scenarios' hang guard, not a speed check
 */
export const ARRIVES_WITHIN_MS = OPERATION_TIMEOUT_MS;

export async function anna(pane: PaneSession) {
  const org = ok(
    await pane.api.gql(`query($id: ID!) { planVersion(id: $id) { organisation { id } } }`, { id: pane.planId }),
  ).planVersion.organisation.id;
  const userId = ok(
    await pane.api.gql(`mutation($i: InviteUserInput!) { inviteUser(input: $i) { id } }`, {
      i: { organisationId: org, email: `anna.rossi.${Date.now()}@cciaa.it`, name: 'Anna Rossi', role: 'CONTROLLER' },
    }),
  ).inviteUser.id;
  const token = ok(
    await pane.api.gql(`mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { secret } }`, {
      i: { userId, label: 'Excel', expiresInDays: 30 },
    }),
  ).createApiToken.secret as string;
  /** the row's version as last read, then the change of these cells (contract fields: actual, note, kpi…) */
  const change = async (rowId: string, cells: Record<string, string>) => {
    const read = ok(
      await pane.api.gqlWith(
        token,
        `query($p: ID!) { sheetRows(planId: $p, year: 2022, checkpoint: YEAR_END) { rows { rowId rowVersion } } }`,
        { p: pane.planId },
      ),
    ) as { sheetRows: { rows: Array<{ rowId: string; rowVersion: number }> } };
    const rowVersion = read.sheetRows.rows.find((r) => r.rowId === rowId)?.rowVersion;
    return pane.api.gqlWith(token, `mutation($input: SyncBatchInput!) { syncRows(input: $input) { applied } }`, {
      input: { planId: pane.planId, year: 2022, checkpoint: 'YEAR_END', rows: [{ rowId, rowVersion, ...cells }] },
    });
  };
  return { change, sync: (rowId: string, actual: string) => change(rowId, { actual }) };
}

/** waits until `check` holds, polling the page; the error names what never happened */
export async function eventually(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ARRIVES_WITHIN_MS;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${ARRIVES_WITHIN_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
