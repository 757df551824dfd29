import type { Comparator, ParsedValue } from './types';
import { VALUE_WARNINGS } from './codes';
import { CURRENCY_PREFIX, knownUnit, readItalianNumber, signed, UNIT_SUFFIX } from './numbers';

/**
 * docs/scoring.md §3 rule 10: free text may hide the number it is about ("Rilascio di almeno 300 dispositivi",
 * "3 persone formate"). The parser only *proposes* it; a user confirms before it is scored. Being wrong here is
 * cheap but noisy, so a number is proposed only when its role is clear: it opens the text, it follows a comparator
 * word, or it is the only number there.
 */
export type Proposal = NonNullable<ParsedValue['proposal']>;
export type ProposalReading = { proposal?: Proposal; warnings: string[] };

// Variants with an article are listed so that "almeno il 50%" is caught. "non oltre" wins over "oltre" because
// the leftmost match wins, and the negated forms start earlier.
const COMPARATOR_PHRASES: ReadonlyArray<[string, Comparator]> = [
  ['almeno', '>='],
  ['almeno il', '>='],
  ['non meno di', '>='],
  ['non inferiore a', '>='],
  ['non inferiore al', '>='],
  ['pari o superiore a', '>='],
  ['pari o superiore al', '>='],
  ['uguale o superiore a', '>='],
  ['uguale o superiore al', '>='],
  ['minimo', '>='],
  ['min.', '>='],
  ['min', '>='],
  ['oltre', '>'],
  ['oltre il', '>'],
  ['più di', '>'],
  ['piu di', '>'],
  ['più del', '>'],
  ['superiore a', '>'],
  ['superiore al', '>'],
  ['maggiore di', '>'],
  ['maggiore del', '>'],
  ['al massimo', '<='],
  ['massimo', '<='],
  ['max.', '<='],
  ['max', '<='],
  ['non oltre', '<='],
  ['non oltre il', '<='],
  ['non più di', '<='],
  ['non piu di', '<='],
  ['non superiore a', '<='],
  ['non superiore al', '<='],
  ['pari o inferiore a', '<='],
  ['pari o inferiore al', '<='],
  ['uguale o inferiore a', '<='],
  ['uguale o inferiore al', '<='],
  ['fino a', '<='],
  ['fino al', '<='],
  ['entro', '<='],
  ['entro il', '<='],
  ['entro i', '<='],
  ['meno di', '<'],
  ['meno del', '<'],
  ['inferiore a', '<'],
  ['inferiore al', '<'],
  ['minore di', '<'],
  ['minore del', '<'],
];

const PHRASE_COMPARATOR = new Map(COMPARATOR_PHRASES);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PHRASES = [...PHRASE_COMPARATOR.keys()]
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join('|');

const SYMBOL = '<=|>=|<|>';
// What may stand between the start of the text and a leading number: "≥ 300", "almeno € 300", "- 5".
const LEADING = new RegExp(`^(?:(${SYMBOL}) ?)?(?:(${PHRASES}) )?(?:(${CURRENCY_PREFIX}) ?)?$`, 'iu');
// A comparator right before a number anywhere in the text: "Rilascio di almeno 300 dispositivi".
const COMPARED = new RegExp(`(?:^|[\\s(])(?:(${SYMBOL}) ?|(${PHRASES}) )(?:(${CURRENCY_PREFIX}) ?)?$`, 'iu');
// A number token stands alone: not inside a word or a code ("12abc", "COVID-19", "30/06"), but a unit may be
// glued to it ("5gg", "60%"). Lookbehind keeps the scan linear on long digit runs.
const NUMBER_TOKEN = new RegExp(
  '(?<![\\p{L}\\p{N}.,/-])' + // not inside a word, a number or a code
    '(?:([+-])( ?))?(\\d+(?:[.,]\\d+)*)' + // sign (maybe detached), digit groups
    '(?![\\p{N}/]|[.,]\\p{N})' + // the whole digit run, not a prefix of it
    `(?=$|[^\\p{L}]|(?:${UNIT_SUFFIX})(?![\\p{L}]))`, // then no letter, unless a glued unit
  'giu',
);
const UNIT_AFTER = new RegExp(`^ ?(${UNIT_SUFFIX})(?![\\p{L}])`, 'iu');
const WORD_AFTER = /^ (\p{L}+)/u;
// Words that follow a number without being its unit ("300 di cui", "5 e 6").
const NOT_A_UNIT = new Set(
  [
    'a ad al alla ai agli alle che con da dal dalla dei del della delle di e ed entro fra gli',
    'i il in la le lo nel nella o per su sul sulla tra un una',
  ]
    .join(' ')
    .split(' '),
);
const RANGES = [
  /(?:^|\s)da (?:\S+ )?[+-]?\d\S* a (?:\S+ )?[+-]?\d/iu,
  /(?:^|\s)tra (?:\S+ )?[+-]?\d\S* e (?:\S+ )?[+-]?\d/iu,
  /\d ?[-÷] ?\d/u,
];

type Token = { index: number; end: number; sign?: string; detached: boolean; digits: string };

export function proposeNumber(text: string): ProposalReading {
  if (RANGES.some((r) => r.test(text))) return { warnings: [VALUE_WARNINGS.RANGE_NOT_SUPPORTED] };

  const tokens: Token[] = [];
  for (const m of text.matchAll(NUMBER_TOKEN)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    // A sign cut off from its digits is a minus only at the start of the cell ("- 5"); mid-text, "x - 5" is
    // a dash between words.
    if (m[2] === ' ' && start > 0) tokens.push({ index: end - m[3].length, end, detached: false, digits: m[3] });
    else tokens.push({ index: start, end, sign: m[1], detached: m[2] === ' ', digits: m[3] });
  }
  if (tokens.length === 0) return { warnings: [] };

  const chosen = choose(text, tokens);
  if (!chosen) return { warnings: [] };
  const { token, comparator, currency } = chosen;

  const reading = readItalianNumber(token.digits);
  if (!reading.ok) return { warnings: reading.warnings };

  const warnings = [...reading.warnings];
  if (token.detached) warnings.push(VALUE_WARNINGS.DETACHED_SIGN);
  const proposal: Proposal = { value: signed(reading.value, token.sign) };
  if (comparator) proposal.comparator = comparator;
  const unit = currency ? 'EUR' : unitAfter(text.slice(token.end));
  if (unit) proposal.unit = unit;
  return { proposal, warnings };
}

function choose(
  text: string,
  tokens: Token[],
): { token: Token; comparator?: Comparator; currency?: string } | undefined {
  const first = tokens[0];
  const leading = LEADING.exec(text.slice(0, first.index));
  if (leading) return { token: first, comparator: comparatorOf(leading[1], leading[2]), currency: leading[3] };
  for (const token of tokens) {
    const compared = COMPARED.exec(text.slice(0, token.index));
    if (compared) return { token, comparator: comparatorOf(compared[1], compared[2]), currency: compared[3] };
  }
  return tokens.length === 1 ? { token: first } : undefined;
}

function comparatorOf(symbol: string | undefined, phrase: string | undefined): Comparator | undefined {
  if (symbol) return symbol as Comparator;
  return phrase ? PHRASE_COMPARATOR.get(phrase.toLowerCase()) : undefined;
}

function unitAfter(rest: string): string | undefined {
  const symbol = UNIT_AFTER.exec(rest);
  if (symbol) return knownUnit(symbol[1])?.unit;
  const word = WORD_AFTER.exec(rest);
  if (!word || NOT_A_UNIT.has(word[1].toLowerCase())) return undefined;
  return knownUnit(word[1])?.unit ?? word[1];
}
