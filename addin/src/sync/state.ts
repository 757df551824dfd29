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
} as const;

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
): Promise<{ state: StoredState | null; conflicts: ConflictRecord[]; errors: SheetError[] }> {
  const state = await readJson<StoredState>(port, SETTING.binding);
  if (!state) return { state: null, conflicts: [], errors: [] };
  return {
    state,
    conflicts: (await readJson<ConflictRecord[]>(port, SETTING.conflicts)) ?? [],
    errors: (await readJson<SheetError[]>(port, SETTING.errors)) ?? [],
  };
}

export async function writeState(port: WorkbookPort, state: StoredState | null): Promise<void> {
  await port.setSetting(SETTING.binding, state ? JSON.stringify(state) : null);
}

export async function writeConflicts(port: WorkbookPort, conflicts: ConflictRecord[]): Promise<void> {
  await port.setSetting(SETTING.conflicts, conflicts.length ? JSON.stringify(conflicts) : null);
}

export async function writeErrors(port: WorkbookPort, errors: SheetError[]): Promise<void> {
  await port.setSetting(SETTING.errors, errors.length ? JSON.stringify(errors.slice(0, MAX_STORED_ERRORS)) : null);
}
