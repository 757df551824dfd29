/**
 * A report sheet of CRUSCOTTO.* formulas on the faithful double, in Node, against a real server: the functions'
 * metadata generated from functions.ts exactly as the build does (custom-functions-metadata, the Italian copy by
 * addin/scripts/localised-functions.js), the functions associated as the metadata plugin's loader associates them,
 * and the shared runtime's FormulaCells connected to the server. For the formula tests and the benchmark (bench/).
 */
import path from 'node:path';
import WebSocket from 'ws';
import { subscribePlan, type LiveTarget } from '../../../addin/src/api/live';
import { formulaCells, type FormulaHost } from '../../../addin/src/functions/cells';
import * as functions from '../../../addin/src/functions/functions';
import { HANG_GUARD_MS, until } from '../../helpers/live';
import { CustomFunctionsError, type FunctionsMetadata } from './custom-functions';
import { createFaithfulExcel, type FaithfulExcel } from './index';

const FUNCTIONS = path.join(__dirname, '..', '..', '..', 'addin', 'src', 'functions', 'functions.ts');

/** functions.json and functions-it.json, as the build makes them */
export async function functionsMetadata(): Promise<{ english: FunctionsMetadata; italian: FunctionsMetadata }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { generateCustomFunctionsMetadata } = require('custom-functions-metadata');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { localise } = require('../../../addin/scripts/localised-functions.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const italianWords = require('../../../addin/src/functions/italian.json');
  const generated = await generateCustomFunctionsMetadata([FUNCTIONS], true);
  if (generated.errors.length) throw new Error(generated.errors.join('\n'));
  const english = JSON.parse(generated.metadataJson) as FunctionsMetadata;
  return { english, italian: localise(english, italianWords).metadata };
}

export type FormulaWorkbook = {
  excel: FaithfulExcel;
  /**
   * requests the functions sent to the server, the (code, year, checkpoint) each asked, and the milliseconds each took
   * (loopback: the server's time)
   */
  traffic: { requests: number; asked: number[]; milliseconds: number[] };
  /** the value of a cell of the report sheet ("B2") and the message of its error, if any */
  cell(address: string): { value: unknown; numberFormat: string; message: string | null };
  /** replaces column A of the report sheet with these formulas, from A1 (Range.formulas, en-US syntax) */
  write(formulas: string[]): Promise<void>;
  /** waits until no formula cell is #BUSY! and the last answer has been applied */
  settled(timeoutMs?: number): Promise<void>;
  /**
   * resolves when every subscription the cells hold open for `planId` is registered on the server (its `subscribed`
   * event) and the read each set off (cells.ts reads again then) has been answered: a change committed after that
   * reaches the cells by its event alone. Counting the server's subscriptions was a race with the previous test's
   * cell, whose subscription may register and close while this one is still opening.
   */
  listening(planId: string): Promise<void>;
  host: FormulaHost;
};

export async function formulaWorkbook(
  target: () => LiveTarget | null,
  options: { fetch?: typeof fetch; windowMs?: number } = {},
): Promise<FormulaWorkbook> {
  const excel = createFaithfulExcel({ platform: 'web', locale: 'it-IT' });
  const { english, italian } = await functionsMetadata();
  excel.functions.register('CRUSCOTTO', english, italian);
  // what the metadata plugin's loader appends to functions.ts: one associate per @customfunction
  excel.CustomFunctions.associate('REALIZATION', functions.realization as never);
  excel.CustomFunctions.associate('VALUE', functions.value as never);
  excel.CustomFunctions.associate('TARGET', functions.target as never);
  excel.CustomFunctions.associate('STATUS', functions.status as never);
  await excel.Excel.run(async (context) => {
    context.workbook.worksheets.add('Report');
    await context.sync();
  });
  const traffic = { requests: 0, asked: [] as number[], milliseconds: [] as number[] };
  const send = options.fetch ?? fetch;
  const storage = new Map<string, string>();
  /** each subscription the cells opened: when the server listens, and the number of requests sent before that */
  const opened: Array<{ planId: string; live: Promise<number>; closed: boolean }> = [];
  /** requests sent, never reset (traffic's count is the caller's), and the numbers of those answered */
  let sent = 0;
  const answered = new Set<number>();
  const host: FormulaHost = {
    target,
    language: 'it',
    windowMs: options.windowMs,
    fetch: async (input, init) => {
      const started = performance.now();
      const number = ++sent;
      traffic.requests++;
      const body = JSON.parse(String(init?.body ?? '{}')) as { variables?: { requests?: unknown[] } };
      traffic.asked.push(body.variables?.requests?.length ?? 0);
      try {
        return await send(input, init as RequestInit);
      } finally {
        traffic.milliseconds.push(performance.now() - started);
        answered.add(number);
      }
    },
    error: (message) => new CustomFunctionsError('#N/A', message),
    storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
    subscribe: (t, onChange, onLive) => {
      let live!: (sentBefore: number) => void;
      const mine = { planId: t.planId, live: new Promise<number>((resolve) => (live = resolve)), closed: false };
      opened.push(mine);
      const state = (state: string) => {
        if (state !== 'live') return;
        live(sent);
        onLive();
      };
      const subscription = subscribePlan(t, { change: onChange, state }, { webSocketImpl: WebSocket });
      return {
        close: () => {
          mine.closed = true;
          return subscription.close();
        },
      };
    },
    mark: async (address, provisional) => {
      const { markProvisional } = await import('../../../addin/src/excel/provisional-mark');
      await markProvisional(address, ' (provvisorio)', provisional, excel.Excel);
    },
  };
  formulaCells.configure(host);
  const sheet = () => excel.model.sheet('Report')!;
  return {
    excel,
    traffic,
    host,
    cell(address) {
      const match = /^([A-Z]+)(\d+)$/.exec(address)!;
      const column = match[1].split('').reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
      const cell = sheet().cell(Number(match[2]) - 1, column);
      return {
        value: cell?.value ?? '',
        numberFormat: cell?.numberFormat ?? 'General',
        message: excel.functions.message(`Report!${address}`),
      };
    },
    async write(formulas) {
      await excel.Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('Report');
        sheet.getRange('A1:A5000').clear('Contents');
        const range = sheet.getRangeByIndexes(0, 0, formulas.length, 1);
        range.formulas = formulas.map((f) => [f]);
        await context.sync();
      });
    },
    async settled(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        const busy = [...sheet().cells.values()].some((c) => c.value === '#BUSY!');
        if (!busy) return;
        if (Date.now() > deadline) throw new Error('formula cells still #BUSY!');
      }
    },
    async listening(planId) {
      const open = opened.filter((o) => o.planId === planId && !o.closed);
      if (!open.length) throw new Error(`no subscription open for plan ${planId}`);
      const before = open.map(() => Number.POSITIVE_INFINITY);
      open.forEach((o, i) => void o.live.then((sentBefore) => (before[i] = sentBefore)));
      const caughtUp = () => before.every((b) => [...answered].some((n) => n > b));
      await until(caughtUp, HANG_GUARD_MS, `plan ${planId} listened to and read again`);
    },
  };
}
