/** How the port reaches Excel: Excel.run, or the mock or double a test hands in. */

export type ExcelRunner = <T>(
  batch: (context: Excel.RequestContext) => Promise<T>,
  reuse?: Excel.RequestContext,
) => Promise<T>;

/** the part of the Excel namespace the port calls: Excel.run(batch) and Excel.run(context, batch) */
export type ExcelHost = { run(...args: any[]): Promise<any> };

export type ApiSupport = (version: '1.7' | '1.8' | '1.9') => boolean;

export function runnerOf(excel: ExcelHost | undefined): ExcelRunner {
  return (batch, reuse) => {
    const host = excel ?? Excel;
    return reuse ? host.run(reuse, batch) : host.run(batch);
  };
}

/**
 * Our own writes would fire table.onChanged and mark every written row dirty; events are switched off for the
 * duration (ExcelApi 1.8) and switched back on even when a write fails.
 */
export async function withEventsOff<T>(
  run: ExcelRunner,
  supports: ApiSupport,
  work: (context: Excel.RequestContext) => Promise<T>,
): Promise<T> {
  return run(async (context) => {
    const toggle = supports('1.8');
    if (toggle) context.runtime.enableEvents = false;
    try {
      return await work(context);
    } finally {
      if (toggle) {
        context.runtime.enableEvents = true;
        await context.sync();
      }
    }
  });
}

export function suspendScreen(context: Excel.RequestContext, supports: ApiSupport): void {
  if (supports('1.9')) context.application.suspendScreenUpdatingUntilNextSync();
}
