import { INPUT_KEYS, type Inputs, type Line } from '../../addin/src/sync/columns';

/** A line of the pane's plan table for a row the user typed and never synced: every input blank unless given. */
export const newLine = (position: number, cells: Partial<Inputs> = {}): Line => ({
  position,
  rowId: null,
  rowVersion: null,
  hash: '',
  status: '',
  message: '',
  realization: null,
  inputs: { ...(Object.fromEntries(INPUT_KEYS.map((k) => [k, ''])) as Inputs), ...cells },
  unread: [],
});
