/**
 * A cell value as typed or imported, next to what it means (docs/scoring.md §3).
 * The raw text is always kept, even when parsing succeeds: the add-in writes back the raw string.
 */
export type ValueKind =
  'number' | 'percent' | 'currency' | 'days' | 'date' | 'boolean' | 'text' | 'placeholder' | 'empty';

export type Comparator = '<=' | '>=' | '<' | '>';

export type Placeholder = 'monitoring' | 'not_available' | 'not_applicable' | 'qualitative';

export type ParsedValue = {
  /** exactly as typed or imported */
  raw: string;
  kind: ValueKind;
  /** number | ISO date 'YYYY-MM-DD' | boolean | normalised text */
  value?: number | string | boolean;
  /** '%', 'EUR', 'days', 'persone', … */
  unit?: string;
  comparator?: Comparator;
  placeholder?: Placeholder;
  dateFrom?: 'day' | 'month-name';
  /** a number (and comparator) found inside free text, awaiting a user's confirmation (TYPE_MISMATCH until then) */
  proposal?: { value: number; comparator?: Comparator; unit?: string };
  /** validation codes, e.g. AMBIGUOUS_DECIMAL_POINT, INVALID_DATE, SCALE_SUSPECT */
  warnings: string[];
};

export type Polarity = 'higher' | 'lower' | 'deadline' | 'boolean';
