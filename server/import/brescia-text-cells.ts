/**
 * Brescia value blocks (seed 003) whose cells are words ("Nuova attività Avvio del servizio / Rilascio di almeno 300
 * dispositivi", 003:3425-3428): the PDF lost the column borders, so the text is cut into cells where a cell visibly
 * starts, and the cells are assigned to the columns only when their count fits (baseline, 30/6, 31/12, revised). A
 * cell starts:
 * - at a capitalised word that does not continue the phrase before it ("Nuova attività | Avvio del servizio");
 * - at a value standing on its own ("nessuno | Avvio | 100,00%", 003:4687; "// | 3 persone formate", 003:5107), not a
 *   number inside a phrase ("almeno 300 dispositivi", "del 100% delle attività");
 * - at a line repeating the first word of the cell ("risoluzione di almeno 3.000 … | risoluzione di almeno 10.000").
 * Anything else is unreadable and reported, never guessed.
 */
import { parseValue } from '@core/values';

const JOINING = new Set(
  'di del della dello dei degli delle e ed a al alla alle ai agli in nel nella per con su sul sulla il lo la le i gli da dal dalla tra fra almeno che o e/o'.split(
    ' ',
  ),
);

/** Phrases that say there was no earlier value: the baseline column ("Target storico di riferimento"). */
const BASELINE = /^(nuova attività|nuovo progetto|nessuno|vecchio regolamento)$/i;

function standsAlone(word: string): boolean {
  if (/^(\/\/+|-+|sì|si|no)$/i.test(word)) return true;
  const kind = parseValue(word).kind;
  return kind === 'percent' || kind === 'number' || kind === 'currency';
}

export interface TextCells {
  cells: string[];
  /** the weight printed in the middle of the block (003:3468, 003:4242) with text continuing after it */
  weight: string | null;
  /** why the cells cannot be trusted, when they cannot */
  doubt: string | null;
}

/** lines: the value lines of the block, headers already removed. */
export function cutTextCells(lines: string[]): TextCells {
  const trimmed = lines.map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l !== '');
  let weight: string | null = null;
  let body = trimmed;
  const alone = trimmed.findIndex((l) => /^\d+(,\d+)?\s*%$/.test(l));
  if (alone >= 0) {
    weight = trimmed[alone].replace(/\s+/g, '');
    body = [...trimmed.slice(0, alone), ...trimmed.slice(alone + 1)];
    // Text after the weight belongs to the cells above it: one short tail is the last cell's end (003:4243-4244);
    // a long one interleaves several cells (003:3469-3494) and cannot be put back.
    const tail = trimmed.length - alone - 1;
    if (tail > 2) return { cells: [], weight, doubt: `${tail} lines of several cells continue after the weight` };
  } else {
    const last = trimmed[trimmed.length - 1]?.split(' ').pop() ?? '';
    if (/^\d+(,\d+)?%$/.test(last)) {
      weight = last;
      body = [...trimmed.slice(0, -1), trimmed[trimmed.length - 1].slice(0, -last.length).trim()];
    }
  }
  const cells: string[][] = [];
  // "posizioni1.200" (003:3834): a word glued to the next value.
  body = body.map((l) => l.replace(/([a-zà-ù])(\d)/g, '$1 $2'));
  for (const line of body) {
    line
      .split(' ')
      .filter(Boolean)
      .forEach((word, i) => {
        const cell = cells[cells.length - 1];
        const prev = cell?.[cell.length - 1];
        const startsCell =
          !cell ||
          (standsAlone(word) && (standsAlone(prev) || !JOINING.has(prev.toLowerCase()))) ||
          (standsAlone(prev) && !/^[a-zà-ù]/.test(word)) ||
          (/^[A-ZÀ-Ü]/.test(word) &&
            !JOINING.has(prev.toLowerCase()) &&
            !/^[A-Z.]{2,}$/.test(word) &&
            // a name goes on: "all'Ufficio Provveditorato" (003:5344), "Quality Check"
            (!/(^|')[A-ZÀ-Ü][a-zà-ù]/.test(prev) || BASELINE.test(cell.join(' ')))) ||
          (i === 0 && word.toLowerCase() === cell[0].toLowerCase() && cell.length > 1);
        if (startsCell) cells.push([word]);
        else cell.push(word);
      });
  }
  return { cells: cells.map((c) => c.join(' ')), weight, doubt: null };
}

export interface TextColumns {
  baseline: string | null;
  midYear: string | null;
  yearEnd: string | null;
  revised: string | null;
  /** set when one target cell was read as the 31/12 target of two columns */
  yearEndOnly: boolean;
}

/**
 * Cells into columns, or null when their count does not fit. When they do not, a cell printed twice in a row is read
 * once and the count tried again (003:3832-3835, "1.200 posizioni" under two columns); "75% delle richieste del
 * periodo" printed for both 30/6 and 31/12 (003:3530-3534) fits as printed and stays twice.
 */
export function textColumns(
  cells: string[],
  hasRevised: boolean,
  baselineHeader: boolean,
): (TextColumns & { repeated: string | null }) | null {
  const asPrinted = fit(cells, hasRevised, baselineHeader);
  if (asPrinted) return { ...asPrinted, repeated: null };
  const once = cells.filter((c, i) => i === 0 || c !== cells[i - 1]);
  if (once.length === cells.length) return null;
  const deduped = fit(once, hasRevised, baselineHeader);
  return deduped ? { ...deduped, repeated: cells.find((c, i) => i > 0 && c === cells[i - 1]) ?? null } : null;
}

function fit(cells: string[], hasRevised: boolean, baselineHeader: boolean): TextColumns | null {
  const targets = [...cells];
  let baseline: string | null = null;
  const columns = hasRevised ? 3 : 2;
  if (targets.length > 0 && (BASELINE.test(targets[0]) || (baselineHeader && targets.length === columns + 1)))
    baseline = targets.shift() as string;
  if (targets.length === columns)
    return {
      baseline,
      midYear: targets[0],
      yearEnd: targets[1],
      revised: hasRevised ? targets[2] : null,
      yearEndOnly: false,
    };
  if (targets.length === 1 && !hasRevised)
    return { baseline, midYear: null, yearEnd: targets[0], revised: null, yearEndOnly: true };
  return null;
}
