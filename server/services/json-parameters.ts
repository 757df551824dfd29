/**
 * Free-form JSON that comes in as parameters (a scoring profile's, an indicator's `ruleParams`): bounded in shape
 * before anything walks it recursively, then read against the schema of what it may say. A 10,000-level nesting
 * was a RangeError (an internal error) and any key was stored (issue 13, finding 6).
 */
import type { FieldProblem } from '../errors';

/** Parameters are a few flat names with a value each; the deepest one (a profile's `display`) is two levels. */
export const JSON_LIMITS = { depth: 4, nodes: 200, text: 200 } as const;

/**
 * Why `value` is too deep, too big or holds a text too long, walked without recursion (so a nesting deeper than the
 * stack is an answer, not a crash) and stopping at the first excess; [] when it is within the limits.
 */
export function jsonShapeProblems(field: string, value: unknown): FieldProblem[] {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (++nodes > JSON_LIMITS.nodes)
      return [
        problem(
          field,
          'JSON_TOO_LARGE',
          `al massimo ${JSON_LIMITS.nodes} valori`,
          `at most ${JSON_LIMITS.nodes} values`,
        ),
      ];
    if (typeof current === 'string' && current.length > JSON_LIMITS.text)
      return [
        problem(
          field,
          'TOO_LONG',
          `testi di al massimo ${JSON_LIMITS.text} caratteri`,
          `texts of at most ${JSON_LIMITS.text} characters`,
        ),
      ];
    if (current === null || typeof current !== 'object') continue;
    if (depth >= JSON_LIMITS.depth)
      return [
        problem(
          field,
          'JSON_TOO_DEEP',
          `al massimo ${JSON_LIMITS.depth} livelli annidati`,
          `at most ${JSON_LIMITS.depth} nested levels`,
        ),
      ];
    for (const child of Object.values(current)) stack.push({ value: child, depth: depth + 1 });
  }
  return [];
}

function problem(field: string, code: string, it: string, en: string): FieldProblem {
  return { field, code, message: `parameters not accepted: ${en}`, messageIt: `parametri non accettati: ${it}` };
}

/** What one parameter may be: a yes/no, a finite number, or one of some words (docs/scoring.md §5.11). */
export type ParameterKind = readonly string[] | 'boolean' | 'number' | 'display';

/** The allowed values of each profile parameter (docs/scoring.md §5.11): anything else is refused by name. */
export const PROFILE_PARAMETERS: Record<string, ParameterKind> = {
  capRatio: 'boolean',
  inverseMiss: ['target/actual', 'zero'],
  deadlineLate: ['zero', 'linear'],
  graceDays: 'number',
  bandsMode: ['step', 'linear'],
  ownShare: 'number',
  weightSumTolerance: 'number',
  overachievementWarnAt: 'number',
  monthNameAs: ['end-of-month'],
  managerPeriods: ['checkpoint', 'pro-rata'],
  display: 'display',
};

/**
 * The profile parameters each rule reads (docs/scoring.md §5.3), which are the ones an indicator's `ruleParams` may
 * override for it; an indicator without its own rule (decided by thresholds or polarity) may override any of them.
 */
export const RULE_PARAMETERS: Record<string, readonly string[]> = {
  ratio: ['capRatio', 'overachievementWarnAt'],
  inverse: ['inverseMiss', 'overachievementWarnAt'],
  deadline: ['deadlineLate', 'graceDays'],
  bands: ['bandsMode'],
  boolean: [],
  manual: [],
  project: [],
  monitoring: [],
};

/** How scores are shown is fixed by the engine (core/scoring/types.ts): a profile may state it, not change it. */
const DISPLAY: Record<string, unknown> = { indicatorDecimals: 2, aggregateDecimals: 0, rounding: 'half-up' };

/** Problems of one named parameter against its kind; `field` names it in the input. */
export function parameterValueProblems(field: string, kind: ParameterKind, value: unknown): FieldProblem[] {
  if (kind === 'boolean' && typeof value !== 'boolean')
    return [{ field, code: 'NOT_BOOLEAN', message: 'must be true or false', messageIt: 'deve essere true o false' }];
  if (kind === 'number' && (typeof value !== 'number' || !Number.isFinite(value)))
    return [{ field, code: 'NOT_NUMBER', message: 'must be a number', messageIt: 'deve essere un numero' }];
  if (Array.isArray(kind) && !kind.includes(value as string))
    return [
      {
        field,
        code: 'NOT_ALLOWED',
        message: `must be one of ${kind.join(', ')}`,
        messageIt: `deve essere uno tra ${kind.join(', ')}`,
      },
    ];
  if (kind === 'display') {
    const entries = value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : null;
    if (!entries || entries.some(([key, v]) => DISPLAY[key] !== v))
      return [
        {
          field,
          code: 'NOT_ALLOWED',
          message: `must be ${JSON.stringify(DISPLAY)} (or part of it)`,
          messageIt: `deve essere ${JSON.stringify(DISPLAY)} (o parte di esso)`,
        },
      ];
  }
  return [];
}

/** An indicator's `ruleParams`: bounded, and only the parameters its rule reads, each with an allowed value. */
export function ruleParamProblems(rule: string | null | undefined, params: Record<string, unknown>): FieldProblem[] {
  const shape = jsonShapeProblems('ruleParams', params);
  if (shape.length > 0) return shape;
  const allowed = rule ? (RULE_PARAMETERS[rule] ?? []) : [...new Set(Object.values(RULE_PARAMETERS).flat())];
  return Object.entries(params).flatMap(([key, value]) => {
    const field = `ruleParams.${key}`;
    if (!allowed.includes(key))
      return [
        {
          field,
          code: 'UNKNOWN_PARAMETER',
          message: `is not a parameter of the rule ${rule ?? '(inferred)'} (allowed: ${allowed.join(', ') || 'none'})`,
          messageIt: `non è un parametro della regola ${rule ?? '(dedotta)'} (ammessi: ${allowed.join(', ') || 'nessuno'})`,
        },
      ];
    return parameterValueProblems(field, PROFILE_PARAMETERS[key], value);
  });
}
