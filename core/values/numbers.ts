import { VALUE_WARNINGS } from './codes';

/**
 * Italian number format (docs/scoring.md §3 rule 8): "." groups thousands, "," marks decimals. A lone "." is the one
 * real ambiguity: "4.500" is four thousand five hundred, but "2.33" can only be a decimal point typed the English
 * way, so it is read as such and flagged rather than rejected.
 */
export type NumberReading = { ok: true; value: number; warnings: string[] } | { ok: false; warnings: string[] };

// The first group cannot start with 0: "0.500" is never five hundred.
const THOUSANDS_DOTS = /^[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?$/;
const DECIMAL_COMMA = /^\d+(?:,\d+)?$/;
const DECIMAL_POINT = /^\d+\.\d+$/;
const DIGIT_GROUPS = /^\d+(?:[.,]\d+)+$/;

/** Reads an unsigned digit token ("1.012.707,67", "3,0", "2.33"); the sign is the caller's concern. */
export function readItalianNumber(token: string): NumberReading {
  if (THOUSANDS_DOTS.test(token)) return finite(token.replace(/\./g, '').replace(',', '.'), []);
  if (DECIMAL_COMMA.test(token)) return finite(token.replace(',', '.'), []);
  if (DECIMAL_POINT.test(token)) return finite(token, [VALUE_WARNINGS.AMBIGUOUS_DECIMAL_POINT]);
  // Only a comma makes it "mixed": dots alone ("1.2.3") are far more often a code than a number.
  if (DIGIT_GROUPS.test(token) && token.includes(',')) {
    return { ok: false, warnings: [VALUE_WARNINGS.MIXED_DECIMAL_SEPARATORS] };
  }
  return { ok: false, warnings: [] };
}

function finite(jsNumber: string, warnings: string[]): NumberReading {
  const value = Number(jsNumber);
  if (!Number.isFinite(value)) return { ok: false, warnings: [VALUE_WARNINGS.NUMBER_OUT_OF_RANGE] };
  return { ok: true, value, warnings };
}

/** Applies a sign without ever producing -0, which would print as "-0" and compare unequal under Object.is. */
export function signed(value: number, sign: string | undefined): number {
  const result = sign === '-' ? -value : value;
  return result === 0 ? 0 : result;
}

/** The value kinds a unit can give a number; anything else stays a plain 'number' with its unit word kept. */
export type UnitKind = 'percent' | 'currency' | 'days';

export type KnownUnit = { kind: UnitKind; unit: string };

const KNOWN_UNITS: Record<string, KnownUnit> = {
  '%': { kind: 'percent', unit: '%' },
  percent: { kind: 'percent', unit: '%' },
  percentuale: { kind: 'percent', unit: '%' },
  '€': { kind: 'currency', unit: 'EUR' },
  eur: { kind: 'currency', unit: 'EUR' },
  euro: { kind: 'currency', unit: 'EUR' },
  gg: { kind: 'days', unit: 'days' },
  'gg.': { kind: 'days', unit: 'days' },
  giorni: { kind: 'days', unit: 'days' },
  giorno: { kind: 'days', unit: 'days' },
  days: { kind: 'days', unit: 'days' },
};

/** Recognises a unit as written in a cell ("€", "Euro", "gg.") or on an indicator ('%', 'EUR', 'days'). */
export function knownUnit(word: string | undefined): KnownUnit | undefined {
  if (word === undefined) return undefined;
  const key = word.trim().toLowerCase();
  return Object.prototype.hasOwnProperty.call(KNOWN_UNITS, key) ? KNOWN_UNITS[key] : undefined;
}

/** Unit symbols and words that may precede ("€ 5") or follow ("5 €", "3,5 gg") a number in a cell. */
export const CURRENCY_PREFIX = '€|euro|eur';
export const UNIT_SUFFIX = '%|€|euro|eur|gg\\.?|giorni|giorno';
