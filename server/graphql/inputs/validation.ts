import { ArrayUnique, Max, Min, ValidateBy, type ValidationArguments } from 'class-validator';
import { CELL_MESSAGES, cellError } from '@core/sheet/messages';
import { daysInMonth } from '@core/values/dates';
import { checkCode, checkText } from '@core/sheet/text-checks';

/**
 * Shared limits, so the same kind of field is validated the same way in every input; none longer than its column
 * (a person's name, a cycle's name and a plan's label are varchar(200)), so SQLite and PostgreSQL store the same
 * (test/unit/input-lengths.test.ts).
 */
export const LIMITS = { code: 50, label: 200, name: 300, text: 4000 } as const;

const ISO_DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A date written YYYY-MM-DD that exists: "2022-02-31" is refused as the sheet refuses "31/02/2022" (issue 13, finding 6). */
export const IsIsoDate = (): PropertyDecorator =>
  ValidateBy({
    name: 'INVALID_DATE',
    validator: {
      validate: (value: unknown) => {
        const m = typeof value === 'string' ? ISO_DATE.exec(value) : null;
        return m !== null && Number(m[3]) <= daysInMonth(Number(m[1]), Number(m[2]));
      },
      defaultMessage: (args?: ValidationArguments) =>
        ISO_DATE.test(String(args?.value))
          ? `${cellMessage('INVALID_DATE', args?.value)}`
          : 'deve essere una data scritta AAAA-MM-GG — must be a date written YYYY-MM-DD',
    },
  });

/** A sheet's message for a code, Italian first and English after, as every message to users */
function cellMessage(code: string, raw: unknown): string {
  const { message, messageIt } = cellError('', code, { raw: String(raw) });
  return `${messageIt} — ${message}`;
}

/** A number in [min, max], each bound refused with its own message (options such as `each` apply to both). */
function Between(
  min: number,
  max: number,
  below: string,
  above: string,
  options: { each?: boolean } = {},
): PropertyDecorator {
  return (target, key) => {
    Min(min, { ...options, message: below })(target, key);
    Max(max, { ...options, message: above })(target, key);
  };
}

export const IsPlanYear = (): PropertyDecorator =>
  Between(1990, 2100, 'must be a year from 1990', 'must be a year up to 2100');

/** The years of a plan cycle: each a plan year, each once ([2022, 2022, 2022] is no cycle: issue 13, finding 6). */
export function IsCycleYears(): PropertyDecorator {
  return (target, key) => {
    Between(
      1990,
      2100,
      'ogni anno dal 1990 — each year must be from 1990',
      'ogni anno fino al 2100 — each year must be up to 2100',
      { each: true },
    )(target, key);
    ArrayUnique({ message: 'ogni anno una volta sola — each year may appear once' })(target, key);
  };
}

/** Weights are percent points; 0 is allowed (shown, no effect), negative weights are refused (docs/scoring.md §5.5). */
export const IsWeight = (): PropertyDecorator => Between(0, 1000, 'must not be negative', 'must be at most 1000');

/** Scores and shares in [0, 1]. */
export const IsFraction = (): PropertyDecorator => Between(0, 1, 'must be between 0 and 1', 'must be between 0 and 1');

/** The sheet's rules for text (core/sheet/text-checks.ts), so a mutation takes no text a sheet sync would refuse. */
function textProblem(value: unknown, args: ValidationArguments): string | null {
  if (typeof value !== 'string') return null;
  if (args.property === 'code') {
    const checked = checkCode(value, Number.MAX_SAFE_INTEGER);
    if ('problem' in checked) return checked.problem.code;
    // a code is stored as typed here, so it must already be the form it is compared in ("１" is not "1")
    return checked.text === value.trim() ? null : 'CODE_CHARACTERS';
  }
  const checked = checkText(value, Number.MAX_SAFE_INTEGER);
  return 'problem' in checked ? checked.problem.code : null;
}

/**
 * Text as the sheet takes it: no formula prefix (= + @, - followed by more), no control characters, nothing an
 * xlsx cannot hold; codes without invisible or look-alike characters (issue 13, finding 6: the mutations skipped
 * the checks syncRows applies). The problem's code is TEXT_NOT_ACCEPTED; its message says why, in English and Italian.
 */
export function SafeText(): PropertyDecorator {
  return ValidateBy({
    name: 'TEXT_NOT_ACCEPTED',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => (args ? textProblem(value, args) === null : true),
      defaultMessage: (args?: ValidationArguments) => {
        const code = args ? textProblem(args.value, args) : null;
        const text = code ? CELL_MESSAGES[code] : undefined;
        return text ? `${text.en} (${text.it})` : 'text not accepted';
      },
    },
  });
}
