/**
 * A faithful Excel for tests: `createFaithfulExcel()` gives the `Excel` and `Office` globals an add-in calls, backed
 * by a workbook with Excel's semantics (typed cells, locale-aware display and input, formulas, tables, protection,
 * events, limits), plus `user` — what a person does in the grid — and `save()` / `reopenFaithfulExcel()` for what
 * survives closing the file.
 */
import { RequestContext, type SyncRecord } from './context';
import { CustomFunctionsError, CustomFunctionsHost, ErrorCode } from './custom-functions';
import { Engine } from './edits';
import { recalculate } from './formulas';
import { EventHub } from './events';
import { type SavedWorkbook, WorkbookModel } from './model';
import { PLATFORMS, type Platform, versionAtMost } from './platforms';
import { OfficeSettings } from './settings';
import { createUser } from './user';
import type { Locale } from './values';
import { Workbook } from './workbook';

export type FaithfulOptions = {
  platform?: Platform;
  /** the workbook's (and Office's display) locale; decides how input is read and text is shown */
  locale?: Locale;
  /** overrides the platform's ExcelApi level */
  excelApi?: string;
  /** overrides the platform's payload limit (null: none) */
  payloadLimitBytes?: number | null;
};

type Batch<T> = (context: RequestContext) => Promise<T>;

export function createFaithfulExcel(options: FaithfulOptions = {}, saved?: SavedWorkbook) {
  const profile = PLATFORMS[options.platform ?? 'web'];
  const locale = saved?.locale ?? options.locale ?? 'it-IT';
  const model = saved ? WorkbookModel.fromSaved(saved) : new WorkbookModel(locale);
  const events = new EventHub(model);
  const engine = new Engine(model, events);
  const excelApi = options.excelApi ?? profile.excelApi;
  const limit = options.payloadLimitBytes === undefined ? profile.payloadLimitBytes : options.payloadLimitBytes;
  const syncs: SyncRecord[] = [];

  const newContext = () => new RequestContext(engine, limit, syncs, (context) => new Workbook(context));

  /** Excel.run(batch), Excel.run(context, batch) or Excel.run(proxy, batch): the last two reuse a context */
  async function run<T>(first: Batch<T> | RequestContext | { context: RequestContext }, second?: Batch<T>): Promise<T> {
    const batch = (typeof first === 'function' ? first : second) as Batch<T>;
    const context =
      first instanceof RequestContext ? first : typeof first === 'function' ? newContext() : first.context;
    const result = await batch(context);
    // Excel.run sends whatever is still queued when the batch returns
    if (context.pending > 0) await context.sync();
    return result;
  }

  const settings = new OfficeSettings(() => model);
  const functions = new CustomFunctionsHost(model, () => recalculate(model));
  /** the ribbon's ExecuteFunction actions and the shortcuts' actions, as Office.actions.associate received them */
  const actions = new Map<string, (event?: { completed(): void }) => unknown>();
  const ribbon = {
    shown: 0,
    startup: 'none' as string,
    /** a ribbon button or a keyboard shortcut: Office runs the associated action and waits for completed() */
    press: (id: string) =>
      new Promise<void>((resolve, reject) => {
        const action = actions.get(id);
        if (!action) return reject(new Error(`no action associated with ${id}`));
        void Promise.resolve(action({ completed: () => resolve() })).catch(reject);
      }),
    actions: () => [...actions.keys()],
  };
  const Office = {
    StartupBehavior: { load: 'load', none: 'none' },
    actions: {
      associate: (id: string, handler: (event?: { completed(): void }) => unknown) => actions.set(id, handler),
    },
    addin: {
      showAsTaskpane: async () => {
        ribbon.shown++;
      },
      setStartupBehavior: async (behavior: string) => {
        ribbon.startup = behavior;
      },
    },
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    context: {
      displayLanguage: locale,
      contentLanguage: locale,
      platform: profile.officePlatform,
      document: { settings, url: 'Piano.xlsx' },
      requirements: {
        isSetSupported: (name: string, version?: string) =>
          name === 'ExcelApi' && versionAtMost(version ?? '1.1', excelApi),
      },
    },
    onReady(callback?: (info: { host: string; platform: string }) => void) {
      const info = { host: 'Excel', platform: profile.officePlatform };
      return Promise.resolve().then(() => {
        callback?.(info);
        return info;
      });
    },
  };

  return {
    Excel: { run, RequestContext },
    Office,
    /** the custom-functions runtime's global, and what Excel does with the add-in's functions */
    CustomFunctions: {
      associate: functions.associate.bind(functions),
      Error: CustomFunctionsError,
      ErrorCode,
    },
    functions,
    ribbon,
    user: createUser(engine),
    model,
    /** every sync with its request and response size */
    syncs,
    /** every event raised, and a way to wait for their handlers */
    events,
    settle: () => events.settle(),
    /** the file on disk: cells, tables, settings, custom XML parts (no handlers, no unsaved Office.Settings copy) */
    save: (): SavedWorkbook => model.saved(),
    options: { ...options, platform: options.platform ?? 'web', locale },
  };
}

export type FaithfulExcel = ReturnType<typeof createFaithfulExcel>;

/** Opens a saved workbook in a new session (a new double, same platform unless told otherwise). */
export function reopenFaithfulExcel(saved: SavedWorkbook, options: FaithfulOptions = {}): FaithfulExcel {
  return createFaithfulExcel(options, saved);
}
