/**
 * A cell as the user sees it. Excel holds a typed value (0.034, the date serial 44788) and a number format ("0.0%",
 * "dd/mm/yyyy"); the grid shows the value through the format ("3,4%", "15/08/2022"). The server reads Italian text
 * with the shared value parser, so the add-in sends the value rendered as its format says — a percent as "3,4%", a
 * date as "15/08/2022" — and checks that rendering against the grid's text. Where value and text disagree in a way
 * the parser cannot settle (0.0345 shown as "3,5%", a time of day, an Excel error) the cell is reported, never guessed.
 */

export type SeenProblem = { code: string; message: string; messageIt: string };
export type Seen = { text: string; problem?: SeenProblem };

type FormatKind = 'general' | 'text' | 'percent' | 'date' | 'time' | 'number';

const EXCEL_ERRORS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#SPILL!', '#CALC!']);

/** what a number format shows, from its first section, quoted literals and escapes left out */
export function formatKind(numberFormat: string | undefined): FormatKind {
  const format = (numberFormat ?? '').trim();
  if (format === '' || /^general$/i.test(format)) return 'general';
  const first = firstSection(format)
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/_./g, '')
    .replace(/\*./g, '');
  // [$€-410], [Red], [>100]: brackets hold currency, colour or a condition; [h] [mm] [ss] are elapsed time
  const elapsed = /\[(h+|m+|s+)\]/i.test(first);
  const bare = first.replace(/\[[^\]]*\]/g, '');
  if (bare.trim() === '@') return 'text';
  if (elapsed) return 'time';
  if (/[dy]/i.test(bare) || (/m/i.test(bare) && !/[hs]/i.test(bare))) return 'date';
  if (/[hs]/i.test(bare) || /am\/pm|a\/p/i.test(bare)) return 'time';
  if (bare.includes('%')) return 'percent';
  return 'number';
}

function firstSection(format: string): string {
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === '\\') i++;
    else if (ch === ';' && !quoted) return format.slice(0, i);
  }
  return format;
}

/** a number as the Italian parser reads it: decimal comma, no grouping, binary noise (3.4000000000000004) dropped */
export function italianNumber(n: number): string {
  return String(Number(n.toPrecision(15))).replace('.', ',');
}

/** Excel's 1900 date system: serial 1 is 1 January 1900 and 60 the 29 February 1900 that never was */
export function serialDate(serial: number): { day: number; month: number; year: number } | null {
  const whole = Math.floor(serial);
  if (whole < 1 || whole === 60 || whole > 2958465) return null;
  const date = new Date(Date.UTC(1899, 11, whole < 60 ? 31 : 30) + whole * 86_400_000);
  return { day: date.getUTCDate(), month: date.getUTCMonth() + 1, year: date.getUTCFullYear() };
}

const dayFirst = (d: { day: number; month: number; year: number }) =>
  `${String(d.day).padStart(2, '0')}/${String(d.month).padStart(2, '0')}/${d.year}`;

/**
 * The text the sync sends for a cell, read from what Excel holds for it: its value, its number format and the text
 * the grid shows. Strings travel as typed; booleans as SI/NO; numbers through their format.
 */
export function seenCell(value: unknown, numberFormat: string | undefined, shown: string | undefined): Seen {
  if (value === null || value === undefined || value === '') return { text: '' };
  if (typeof value === 'boolean') return { text: value ? 'SI' : 'NO' };
  if (typeof value === 'string') {
    if (EXCEL_ERRORS.has(value.trim()))
      return {
        text: value,
        problem: {
          code: 'EXCEL_ERROR',
          message: `the cell shows the Excel error ${value}: correct the formula or type the value`,
          messageIt: `la cella mostra l'errore di Excel ${value}: correggi la formula o scrivi il valore`,
        },
      };
    return { text: value };
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return { text: String(value) };
  const kind = formatKind(numberFormat);
  if (kind === 'general' || kind === 'text') return { text: italianNumber(value) };
  if (kind === 'date') {
    const date = serialDate(value);
    if (!date)
      return {
        text: italianNumber(value),
        problem: {
          code: 'NOT_A_DATE',
          message: `the cell is formatted as a date but holds ${italianNumber(value)}, which is no date: type the date`,
          messageIt: `la cella ha il formato data ma contiene ${italianNumber(value)}, che non è una data: scrivi la data`,
        },
      };
    const text = dayFirst(date);
    const withTime =
      value !== Math.floor(value) && /[hs]/i.test(firstSection(numberFormat ?? '').replace(/"[^"]*"/g, ''));
    if (!withTime) return { text };
    return { text, problem: timeProblem(shown ?? text) };
  }
  if (kind === 'time') return { text: shown ?? italianNumber(value), problem: timeProblem(shown ?? '') };
  const scaled = kind === 'percent' ? value * 100 : value;
  const text = kind === 'percent' ? `${italianNumber(scaled)}%` : italianNumber(scaled);
  if (shown === undefined || agrees(shown, scaled)) return { text };
  return {
    text,
    problem: {
      code: 'VALUE_NOT_AS_SHOWN',
      message: `the cell shows "${shown}" but holds ${text}: type the value you mean, or widen the format's decimals`,
      messageIt: `la cella mostra "${shown}" ma contiene ${text}: scrivi il valore voluto, o aumenta i decimali del formato`,
    },
  };
}

function timeProblem(shown: string): SeenProblem {
  return {
    code: 'TIME_NOT_READ',
    message: `the cell shows a time ("${shown}"), which the plan cannot hold: type a date or a number`,
    messageIt: `la cella mostra un orario ("${shown}"), che il piano non può contenere: scrivi una data o un numero`,
  };
}

/**
 * Whether the grid's text shows the same number as the value (scaled for a percent). The text is in the workbook's
 * locale, which the add-in does not know for sure, so both readings are tried: Italian (1.234,5) and English
 * (1,234.5); "####" (a column too narrow) says nothing and is not held against the value.
 */
function agrees(shown: string, expected: number): boolean {
  const text = shown.trim();
  if (text === '' || /^#+$/.test(text)) return true;
  const digits = text.replace(/[^\d.,-]/g, '');
  if (!/\d/.test(digits)) return false;
  const readings = [digits.replace(/\./g, '').replace(',', '.'), digits.replace(/,/g, '')].map((d) =>
    Math.abs(Number(d)),
  );
  const target = Math.abs(expected);
  return readings.some((n) => Number.isFinite(n) && Math.abs(n - target) <= 1e-9 * Math.max(1, target));
}

/**
 * A sheet to bind, its cells as the user sees them: a number through its format ("20%" for 0.2 in 0%, "3,25" for a
 * General 3.25, a date for a date serial), text as typed. A cell the parser cannot settle keeps its value, as before;
 * the canonical table built from it is read through seenCell again at every Sync.
 */
export function seenValues(sheet: {
  values: ReadonlyArray<ReadonlyArray<unknown>>;
  formats: ReadonlyArray<ReadonlyArray<string>>;
  texts: ReadonlyArray<ReadonlyArray<string>>;
}): Array<Array<string | number | boolean | null>> {
  return sheet.values.map((line, r) =>
    line.map((value, c) => {
      const cell = value as string | number | boolean | null;
      if (typeof cell !== 'number' && typeof cell !== 'boolean') return cell;
      const seen = seenCell(cell, sheet.formats[r]?.[c], sheet.texts[r]?.[c]);
      return seen.problem ? cell : seen.text;
    }),
  );
}

/**
 * A bare number where a date is expected (the row's target or actual is a date): Excel shows the serial because the
 * cell is not date-formatted. It stays a number, and is reported with the date it would be.
 */
export function serialWhereDateExpected(value: unknown, numberFormat: string | undefined): SeenProblem | null {
  if (typeof value !== 'number' || !Number.isInteger(value)) return null;
  const kind = formatKind(numberFormat);
  if (kind !== 'general' && kind !== 'number' && kind !== 'text') return null;
  const date = value >= 20000 ? serialDate(value) : null;
  if (!date) return null;
  return {
    code: 'DATE_AS_NUMBER',
    message: `the cell holds the number ${value} where a date is expected (Excel's serial of ${dayFirst(date)}?): format the cell as a date or type the date`,
    messageIt: `la cella contiene il numero ${value} dove è attesa una data (il seriale Excel del ${dayFirst(date)}?): formatta la cella come data o scrivi la data`,
  };
}
