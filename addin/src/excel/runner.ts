/**
 * How the port reaches Excel: through a runner ExcelWorkbook builds on Excel.run (or on the mock or double a test
 * hands in), and with the requirement sets the running Excel supports.
 */

export type ExcelRunner = <T>(
  batch: (context: Excel.RequestContext) => Promise<T>,
  reuse?: Excel.RequestContext,
) => Promise<T>;

/** the part of the Excel namespace the port calls: Excel.run(batch) and Excel.run(context, batch) */
export type ExcelHost = { run(...args: any[]): Promise<any> };

export type ApiVersion = '1.7' | '1.8' | '1.9' | '1.10';

export type ApiSupport = (version: ApiVersion) => boolean;

export function suspendScreen(context: Excel.RequestContext, supports: ApiSupport): void {
  if (supports('1.9')) context.application.suspendScreenUpdatingUntilNextSync();
}
