/**
 * The value block of a Brescia indicator (seed 003): column headers ("Base Line" / "Target storico di riferimento:
 * anno 2019", "al 30/6", "al 31/12", optional "Nuova previsione al 31/12", "Peso") printed around the values, which
 * the PDF extraction flows into one or more lines in column order. Headers are removed, the rest is cut into value
 * tokens and assigned FROM THE RIGHT (weight, revised, 31/12, 30/6, baseline), because the baseline is the cell most
 * often left empty. Words among the values (a text target) make the block unreadable: it is reported, never split
 * by guess.
 */
import { parseValue } from '@core/values';

export interface ValueBlock {
  baselineHeader: 'base-line' | 'target-storico' | null;
  baselineYear: number | null;
  hasRevised: boolean;
  baseline: string | null;
  midYear: string | null;
  yearEnd: string | null;
  revised: string | null;
  weight: string | null;
  /** set when the values could not be assigned to columns */
  unreadable: string | null;
  /** the value tokens as cut, for the evidence */
  tokens: string[];
  /** the weight was glued to a header ("20%al 30/6") */
  gluedWeight: boolean;
}

const HEADERS: RegExp[] = [
  /Target storico di riferimento:?/gi,
  /Base\s*Line/gi,
  /anno\s+(19|20)\d\d/gi,
  /Valore Target:?/gi,
  /Nuova\s+previsione\s+al\s+31\/12/gi,
  /\bal\s+30\/6\b/gi,
  /\bal\s+31\/12\b/gi,
  /\bPeso\b/gi,
  // "al al 31/12": a checkpoint header cut by the extraction
  /\bal\b/gi,
];

// One value: a euro amount with its sign, a (signed) number with an optional % / unit, or a placeholder.
const TOKEN =
  /€\s*-?\d[\d.]*(?:,\d+)?|-?\d[\d.]*(?:,\d+)?\s*%|-?\d[\d.]*(?:,\d+)?(?:\s*(?:€|euro))?|\/\/+|-{2,}|-(?=\s|$)/gy;

export function readValueBlock(text: string): ValueBlock {
  const flat = text.replace(/\s+/g, ' ').trim();
  const block: ValueBlock = {
    baselineHeader: /Target storico/i.test(flat) ? 'target-storico' : /Base\s*Line/i.test(flat) ? 'base-line' : null,
    baselineYear: Number(/anno\s+((?:19|20)\d\d)/i.exec(flat)?.[1]) || null,
    hasRevised: /Nuova\s+previsione/i.test(flat),
    baseline: null,
    midYear: null,
    yearEnd: null,
    revised: null,
    weight: null,
    unreadable: null,
    tokens: [],
    gluedWeight: false,
  };
  // "20%al 30/6": a weight printed against the header.
  let rest = flat;
  // …or printed under "Peso" before the checkpoint headers ("Valore Target: Peso 50% al 30/6").
  const glued =
    /(\d+(?:,\d+)?\s*%)(?=al\s+30\/6)/i.exec(rest) ?? /(?<=\bPeso\s+)(\d+(?:,\d+)?\s*%)(?=\s+al\s+30\/6)/i.exec(rest);
  if (glued) {
    block.weight = glued[1].replace(/\s+/g, '');
    block.gluedWeight = true;
    rest = rest.replace(glued[1], ' ');
  }
  for (const h of HEADERS) rest = rest.replace(h, ' ');
  rest = rest.replace(/\s+/g, ' ').trim();

  const tokens: string[] = [];
  let words = '';
  let i = 0;
  while (i < rest.length) {
    if (rest[i] === ' ') {
      i++;
      continue;
    }
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(rest);
    const end = m ? i + m[0].length : -1;
    if (m && (end === rest.length || rest[end] === ' ')) {
      tokens.push(m[0].trim());
      i = end;
    } else {
      // A word: allowed only before any value (a text baseline such as "Nuova attività").
      if (tokens.length > 0) return unreadableBlock(block, rest);
      const next = rest.indexOf(' ', i);
      words = `${words} ${rest.slice(i, next < 0 ? rest.length : next)}`.trim();
      i = next < 0 ? rest.length : next;
    }
  }
  block.tokens = words ? [words, ...tokens] : tokens;
  const values = [...tokens];
  if (!block.weight) {
    const last = values[values.length - 1];
    if (last && parseValue(last).kind === 'percent') block.weight = values.pop() as string;
  }
  const columns = block.hasRevised ? 3 : 2;
  const withBaseline = values.length === columns + 1 && !words && block.baselineHeader !== null;
  if (values.length !== columns && !withBaseline) return unreadableBlock(block, rest);
  if (withBaseline) block.baseline = values.shift() as string;
  else if (words) block.baseline = words;
  [block.midYear, block.yearEnd] = values;
  if (block.hasRevised) block.revised = values[2];
  return block;
}

/** One line of a value block without its column headers (and without a weight glued to one, "30%al 30/6"). */
export function stripHeaders(line: string): string {
  let rest = line.replace(/(\d+(?:,\d+)?\s*%)(?=al\s+30\/6)/i, ' ');
  for (const h of HEADERS) rest = rest.replace(h, ' ');
  rest = rest.replace(/\s+/g, ' ').trim();
  // "Nuova previsione al 31/12" cut over lines (003:3443-3446, 003:3826-3827).
  return /^(Nuova|previsione|Nuova previsione)$/i.test(rest) ? '' : rest;
}

/** The columns cannot be told apart: keep the text for the review, and the weight when it closes the block. */
function unreadableBlock(block: ValueBlock, rest: string): ValueBlock {
  const last = rest.split(' ').pop() ?? '';
  const weight = block.weight ?? (parseValue(last).kind === 'percent' ? last : null);
  return { ...block, weight, unreadable: rest, tokens: rest.split(' ') };
}
