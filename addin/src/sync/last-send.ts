/**
 * The last Sync's batch keys, kept in the workbook's settings: what "Annulla l'ultimo invio" asks the server to undo
 * (issue 18, item 6). Written by every Sync that sent a batch, for the bound plan, year and checkpoint.
 */
import type { WorkbookPort } from '../workbook/port';
import type { Binding } from './types';

export const LAST_SEND_SETTING = 'cruscotto.lastSend';

/** each binding has its own last send (several bindings per workbook, slots.ts): the key names the bound table */
const keyOf = (binding: Pick<Binding, 'table'>) => `${LAST_SEND_SETTING}@${binding.table}`;

export type LastSend = {
  planId: string;
  year: number;
  checkpoint: Binding['checkpoint'];
  table: string;
  keys: string[];
};

export async function rememberSend(port: WorkbookPort, binding: Binding, keys: string[]): Promise<void> {
  const { planId, year, checkpoint } = binding;
  const last: LastSend = { planId, year, checkpoint, table: binding.table, keys };
  await port.setSetting(keyOf(binding), JSON.stringify(last));
}

/** the last send of the bound table's plan, year and checkpoint; null when there is none (or it was of another binding) */
export async function readLastSend(port: WorkbookPort, binding: Binding): Promise<LastSend | null> {
  try {
    const last = JSON.parse((await port.getSetting(keyOf(binding))) ?? 'null') as LastSend | null;
    const same = last && last.planId === binding.planId && last.year === binding.year;
    return same && last.checkpoint === binding.checkpoint && last.keys.length ? last : null;
  } catch {
    return null;
  }
}

/** what is left to undo after some batches were undone (none: forgotten) */
export async function keepToUndo(port: WorkbookPort, last: LastSend, keys: string[]): Promise<void> {
  await port.setSetting(keyOf(last), keys.length ? JSON.stringify({ ...last, keys }) : null);
}

/** a binding removed ("Scollega") leaves nothing of its sends behind */
export async function forgetSend(port: WorkbookPort, binding: Binding): Promise<void> {
  await port.setSetting(keyOf(binding), null);
}
