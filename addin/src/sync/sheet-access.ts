/**
 * What the sheet lets the user type, from who they are and the plan's status (issue 12, item 4 and defect 6). The
 * server decides every change anyway (server/sync/row-access.ts, decide.ts); the sheet only keeps people from typing
 * what would be refused: a viewer gets a protected sheet and no Sync, an approved plan keeps its structure columns
 * locked, and the columns Cruscotto computes or keeps for itself are always locked.
 */
import { SHEET_LAYOUT, type LayoutColumnKey } from '@core/sheet/layout';
import type { Me } from '../api/types';
import type { WorkbookPort } from '../workbook/port';
import { headersOf } from './context';
import type { Binding } from './types';

export type SheetAccess = {
  /** no Sync at all: a viewer (OIV), or a plan that takes no change */
  readOnly: boolean;
  /** why, for the pane's message: the role, the plan's status, or null when the user may edit */
  reason: 'viewer' | 'closed' | 'approved' | 'actualsOnly' | null;
  /** the layout columns open to typing; every other cell of the table is locked */
  open: LayoutColumnKey[];
};

/** the cells of an actual value: what a unit editor may change, and all a closed period refuses */
const ACTUAL_COLUMNS: LayoutColumnKey[] = ['actual', 'neutralised', 'neutralisationReason', 'note'];
/** an approved plan still takes revised targets ("nuova previsione", docs/sheet-contract.md) */
const APPROVED_COLUMNS: LayoutColumnKey[] = ['target', 'futureTargets', ...ACTUAL_COLUMNS];
/** on a draft every input column is open, the cruscotto columns too (an approved plan's cruscotti are structure) */
const INPUT_COLUMNS = SHEET_LAYOUT.filter((c) => c.kind === 'input').map((c) => c.key);

export function sheetAccess(me: Me | null, organisationId: string, planStatus: string): SheetAccess {
  const role = me?.systemAdmin ? 'ADMIN' : me?.memberships.find((m) => m.organisationId === organisationId)?.role;
  const status = planStatus.toUpperCase();
  if (role === 'VIEWER' || (me && !role)) return { readOnly: true, reason: 'viewer', open: [] };
  if (status === 'CLOSED' || status === 'SUPERSEDED') return { readOnly: true, reason: 'closed', open: [] };
  if (role === 'UNIT_EDITOR') return { readOnly: false, reason: 'actualsOnly', open: ACTUAL_COLUMNS };
  if (status !== 'DRAFT') return { readOnly: false, reason: 'approved', open: APPROVED_COLUMNS };
  // "Stato sync" stays open on a draft plan: typing ELIMINA there is how a row is deleted
  return { readOnly: false, reason: null, open: [...INPUT_COLUMNS, 'syncStatus'] };
}

/** locks the bound table as the access says: the open columns the table has stay open, everything else is locked */
export async function protectBoundTable(port: WorkbookPort, binding: Binding, access: SheetAccess): Promise<void> {
  const table = (await port.listTables()).find((t) => t.name === binding.table);
  if (!table) return;
  const headers = headersOf(binding);
  const open = access.open.map((key) => headers[key]).filter((h): h is string => !!h && table.headers.includes(h));
  await port.protectTable(binding.table, open);
}
