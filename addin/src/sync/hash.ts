/**
 * The per-row fingerprint kept in the hidden hash column: a row whose input cells no longer give the stored hash
 * was edited since the last load or sync. Events are only hints; this is the truth (pasting, undo and edits made
 * while the pane was closed raise no usable events).
 */
import { isCruscottoColumn } from '@core/sheet/layout';
import { INPUT_KEYS, type InputKey, type Inputs } from './columns';

/** columns added to the table after workbooks were loaded: hashed only when filled, like the cruscotto cells */
const LATER_KEYS: readonly InputKey[] = ['dataSource'];
const PLAN_KEYS = INPUT_KEYS.filter((key) => !isCruscottoColumn(key) && !LATER_KEYS.includes(key));
const CRUSCOTTO_KEYS = INPUT_KEYS.filter((key) => isCruscottoColumn(key));

/** cyrb53: a fast 53-bit string hash, plenty to tell an edited row from an untouched one */
function cyrb53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * The hash of a row's input cells, in layout order; trailing spaces count as edits only when they change text. The
 * cruscotto cells and "Fonte del dato" count only when filled, so a row without them hashes as before they existed: a
 * workbook loaded by an earlier add-in does not turn every row into an edit.
 */
export function rowHash(inputs: Inputs): string {
  const cells = PLAN_KEYS.map((key) => inputs[key].trim());
  const cruscotto = CRUSCOTTO_KEYS.map((key) => inputs[key].trim());
  if (cruscotto.some((c) => c !== '')) cells.push(...cruscotto);
  // "Fonte del dato" came after: an empty one leaves the hash of a row as it was, a filled one is a cell like any
  for (const key of LATER_KEYS) if (inputs[key].trim() !== '') cells.push(`${key}=${inputs[key].trim()}`);
  return `h${cyrb53(cells.join('\u001f')).toString(36)}`;
}

export function textHash(text: string): string {
  return cyrb53(text).toString(36);
}
