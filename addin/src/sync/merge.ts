/**
 * Three-way, cell-level merge (issue 18, item 5): a row's cells as last downloaded (the base, base.ts), as the sheet
 * has them now (mine) and as the server has them now (theirs). A cell changed on one side only takes that side by
 * itself; a cell changed on both sides to different values is a conflict, resolved per cell in the pane. Pure.
 */
import type { InputKey } from './columns';
import type { ConflictChoice } from './types';

export type Cells = Partial<Record<InputKey, string>>;

/** who changed theirs and when, from the row's history (Cronologia); null when the history does not say */
export type TheirChange = { changedBy: string | null; changedAt: string | null };

/** one cell changed here and on the server to different values; `choice` once the user picked a side */
export type CellConflict = TheirChange & {
  key: InputKey;
  base: string;
  mine: string;
  theirs: string;
  /** the row's history was read for this cell (merge-sync.ts): not looked up again */
  authorKnown?: boolean;
  choice?: ConflictChoice;
};

export type Merge = {
  /** the row to show: mine, with every cell only the server changed taken from theirs; conflicts keep mine */
  merged: Cells;
  /** cells only the server changed: written into the sheet by the merge */
  fromTheirs: InputKey[];
  /** cells only this sheet changed: they go out with the row */
  fromMine: InputKey[];
  conflicts: CellConflict[];
};

/** cells compare as the hash does: surrounding spaces are not an edit */
const same = (a: string | undefined, b: string | undefined) => (a ?? '').trim() === (b ?? '').trim();

export function mergeCells(base: Cells, mine: Cells, theirs: Cells, keys: readonly InputKey[]): Merge {
  const merged: Cells = { ...mine };
  const out: Merge = { merged, fromTheirs: [], fromMine: [], conflicts: [] };
  for (const key of keys) {
    const b = base[key] ?? '';
    const m = mine[key] ?? '';
    const t = theirs[key] ?? '';
    if (same(m, t)) continue;
    if (same(m, b)) {
      merged[key] = t;
      out.fromTheirs.push(key);
    } else if (same(t, b)) out.fromMine.push(key);
    else out.conflicts.push({ key, base: b, mine: m, theirs: t, changedBy: null, changedAt: null });
  }
  return out;
}
