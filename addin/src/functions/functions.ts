/**
 * Excel's CRUSCOTTO.* functions (issue 18, item 2). custom-functions-metadata-plugin reads the JSDoc below at build
 * time and writes functions.json (English names); addin/scripts/localised-functions.js adds functions-it.json with
 * the Italian names (REALIZZAZIONE, VALORE, TARGET, STATO), and the plugin's loader appends the
 * CustomFunctions.associate calls to this file. Every function streams: the cell follows the server's value.
 * The work is in cells.ts, shared with the pane (one runtime, one state).
 */
import { formulaCells } from './cells';

// outside Excel (a browser, office.js unreachable) there is no CustomFunctions: the associations below do nothing
const outside = globalThis as { CustomFunctions?: unknown };
outside.CustomFunctions ??= { associate: () => undefined };

/**
 * Realization (0–1) of a plan row by its code: format the cell as a percentage.
 * @customfunction REALIZATION REALIZATION
 * @param code The row's code, as the plan prints it ("1.2.1").
 * @param year The year, e.g. 2022.
 * @param [checkpoint] "30/6" or "31/12" (31/12 when left out).
 * @param [plan] Id of the plan version (the workbook's bound plan when left out).
 * @param invocation Streaming invocation.
 * @requiresAddress
 */
export function realization(
  code: string,
  year: number,
  checkpoint: string,
  plan: string,
  invocation: CustomFunctions.StreamingInvocation<any>,
): void {
  formulaCells.ask('realization', { code, year, checkpoint, plan }, invocation);
}

/**
 * Actual value of a plan row by its code, as typed (a number when it is one).
 * @customfunction VALUE VALUE
 * @param code The row's code, as the plan prints it ("1.2.1").
 * @param year The year, e.g. 2022.
 * @param [checkpoint] "30/6" or "31/12" (31/12 when left out).
 * @param [plan] Id of the plan version (the workbook's bound plan when left out).
 * @param invocation Streaming invocation.
 * @requiresAddress
 */
export function value(
  code: string,
  year: number,
  checkpoint: string,
  plan: string,
  invocation: CustomFunctions.StreamingInvocation<any>,
): void {
  formulaCells.ask('value', { code, year, checkpoint, plan }, invocation);
}

/**
 * Effective target of a plan row by its code (the revised one when a revision replaced it).
 * @customfunction TARGET TARGET
 * @param code The row's code, as the plan prints it ("1.2.1").
 * @param year The year, e.g. 2022.
 * @param [checkpoint] "30/6" or "31/12" (31/12 when left out).
 * @param [plan] Id of the plan version (the workbook's bound plan when left out).
 * @param invocation Streaming invocation.
 * @requiresAddress
 */
export function target(
  code: string,
  year: number,
  checkpoint: string,
  plan: string,
  invocation: CustomFunctions.StreamingInvocation<any>,
): void {
  formulaCells.ask('target', { code, year, checkpoint, plan }, invocation);
}

/**
 * Status of a plan row by its code: achieved or not, value missing, monitoring only, neutralised.
 * @customfunction STATUS STATUS
 * @param code The row's code, as the plan prints it ("1.2.1").
 * @param year The year, e.g. 2022.
 * @param [checkpoint] "30/6" or "31/12" (31/12 when left out).
 * @param [plan] Id of the plan version (the workbook's bound plan when left out).
 * @param invocation Streaming invocation.
 * @requiresAddress
 */
export function status(
  code: string,
  year: number,
  checkpoint: string,
  plan: string,
  invocation: CustomFunctions.StreamingInvocation<any>,
): void {
  formulaCells.ask('status', { code, year, checkpoint, plan }, invocation);
}
