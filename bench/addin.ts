// a type only, erased at run time: the double itself is imported below, where a failure can be reported
import type { PortTraffic } from '../test/addin/excel-faithful/measure';
import type { BenchEntry } from './measure';

/**
 * B5: what loading and syncing a plan of n rows costs the add-in in Excel requests: context.sync() calls and bytes
 * per request, measured on the faithful Excel double as Excel on the web (test/addin/excel-faithful/measure.ts)
 * through the real ExcelWorkbook port, whose reads bring values, number formats and displayed text together. Excel on
 * the web refuses a request over 5 MB, so that is the goal per request.
 */
const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;

export async function benchAddin(rows: number): Promise<BenchEntry> {
  const name = `add-in: context.sync() calls and bytes per request to load and sync ${rows.toLocaleString('en')} rows (faithful Excel double, real port)`;
  let measurePortTraffic: (rowCount: number) => Promise<PortTraffic>;
  try {
    ({ measurePortTraffic } = await import('../test/addin/excel-faithful/measure'));
  } catch (error) {
    return {
      id: 'B5',
      name,
      unavailable: `the faithful Excel double's measurePortTraffic could not be loaded: ${(error as Error).message.split('\n')[0]}`,
    };
  }
  const traffic = await measurePortTraffic(rows);
  const load = traffic.operations.filter((o) => o.operation.startsWith('load')).reduce((s, o) => s + o.syncs, 0);
  const sync = traffic.operations.filter((o) => o.operation.startsWith('sync')).reduce((s, o) => s + o.syncs, 0);
  const requests = traffic.operations.reduce((s, o) => s + o.syncs, 0);
  const bytes = traffic.operations.reduce((s, o) => s + o.requestBytes, 0);
  return {
    id: 'B5',
    name,
    unit: 'syncs',
    measured: traffic.totalSyncs,
    baseline: null,
    ratio: null,
    goal: 'every request ≤ 5 MB',
    met: traffic.maxRequestBytes <= REQUEST_LIMIT_BYTES,
    note:
      `${load} syncs to load, ${sync} to sync; ${(bytes / Math.max(1, requests) / 1e3).toFixed(0)} kB per request on average, ` +
      `largest request ${(traffic.maxRequestBytes / 1e6).toFixed(2)} MB, largest response ${(traffic.maxResponseBytes / 1e6).toFixed(2)} MB ` +
      `(chunk budget ${(traffic.budgetBytes / 1e6).toFixed(2)} MB)`,
    details: traffic,
  };
}
