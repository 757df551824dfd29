/**
 * What the session keeps in the workbook's settings, so that closing and reopening the file keeps the binding,
 * the open conflicts and the error list. Never the token (it stays in the pane's partitioned storage).
 */
import type { WorkbookPort } from '../workbook/port';
import type { Binding, ConflictRecord, SheetError } from './types';

export const SETTING = {
  binding: 'cruscotto.binding',
  conflicts: 'cruscotto.conflicts',
  errors: 'cruscotto.errors',
  /** the slots of the workbook's bindings (issue 18, item 7), as a JSON list: absent in a one-binding workbook */
  bindings: 'cruscotto.bindings',
} as const;

/**
 * Where one binding's settings live: the workbook's first binding keeps the plain keys (a workbook bound before
 * there were several reads as it did), every other slot `<key>@<slot>`.
 */
export function slotKey(key: string, slot: string): string {
  return slot ? `${key}@${slot}` : key;
}

/** the slots holding a binding: the stored list, else the first slot alone (one binding, or none) */
export async function readSlots(port: WorkbookPort): Promise<string[]> {
  const slots = await readJson<unknown>(port, SETTING.bindings);
  return Array.isArray(slots) && slots.every((s) => typeof s === 'string') ? slots : [''];
}

/** the list of slots; the first slot alone (or none) needs no list */
export async function writeSlots(port: WorkbookPort, slots: readonly string[]): Promise<void> {
  const plain = slots.length === 0 || (slots.length === 1 && slots[0] === '');
  await port.setSetting(SETTING.bindings, plain ? null : JSON.stringify(slots));
}

/** the plan's scoring profile as the engine reads it (name, version, parameters), for provisional scores offline */
export type StoredProfile = {
  name: string;
  version: number;
  status: 'draft' | 'frozen';
  parameters: Record<string, unknown>;
} | null;

export type StoredState = {
  binding: Binding;
  profile: StoredProfile;
  lights: { green: number; yellow: number };
  /** completed Syncs: part of every batch key, so identical rows sent after a completed Sync are a new batch */
  generation: number;
};

/** settings are small: a long error list is cut (the sheet's message column still has every row's reasons) */
const MAX_STORED_ERRORS = 500;

async function readJson<T>(port: WorkbookPort, key: string): Promise<T | null> {
  const text = await port.getSetting(key);
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    // a damaged setting is as good as none: the table and its hidden columns still hold every row's state
    return null;
  }
}

export async function readState(
  port: WorkbookPort,
  slot = '',
): Promise<{ state: StoredState | null; conflicts: ConflictRecord[]; errors: SheetError[] }> {
  const state = await readJson<StoredState>(port, slotKey(SETTING.binding, slot));
  if (!state) return { state: null, conflicts: [], errors: [] };
  return {
    state,
    conflicts: (await readJson<ConflictRecord[]>(port, slotKey(SETTING.conflicts, slot))) ?? [],
    errors: (await readJson<SheetError[]>(port, slotKey(SETTING.errors, slot))) ?? [],
  };
}

export async function writeState(port: WorkbookPort, state: StoredState | null, slot = ''): Promise<void> {
  await port.setSetting(slotKey(SETTING.binding, slot), state ? JSON.stringify(state) : null);
}

export async function writeConflicts(port: WorkbookPort, conflicts: ConflictRecord[], slot = ''): Promise<void> {
  await port.setSetting(slotKey(SETTING.conflicts, slot), conflicts.length ? JSON.stringify(conflicts) : null);
}

export async function writeErrors(port: WorkbookPort, errors: SheetError[], slot = ''): Promise<void> {
  const kept = errors.slice(0, MAX_STORED_ERRORS);
  await port.setSetting(slotKey(SETTING.errors, slot), errors.length ? JSON.stringify(kept) : null);
}
