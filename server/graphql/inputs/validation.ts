import { Matches, Max, Min } from 'class-validator';

/** Shared limits, so the same kind of field is validated the same way in every input. */
export const LIMITS = { code: 50, name: 300, text: 4000 } as const;

export const IsIsoDate = (): PropertyDecorator =>
  Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'must be a date written YYYY-MM-DD' });

export function IsPlanYear(): PropertyDecorator {
  return (target, key) => {
    Min(1990, { message: 'must be a year from 1990' })(target, key);
    Max(2100, { message: 'must be a year up to 2100' })(target, key);
  };
}

/** Weights are percent points; 0 is allowed (shown, no effect), negative weights are refused (docs/scoring.md §5.5). */
export function IsWeight(): PropertyDecorator {
  return (target, key) => {
    Min(0, { message: 'must not be negative' })(target, key);
    Max(1000, { message: 'must be at most 1000' })(target, key);
  };
}

/** Scores and shares in [0, 1]. */
export function IsFraction(): PropertyDecorator {
  return (target, key) => {
    Min(0, { message: 'must be between 0 and 1' })(target, key);
    Max(1, { message: 'must be between 0 and 1' })(target, key);
  };
}
