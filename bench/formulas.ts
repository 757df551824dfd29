/**
 * B10 (issue 18): a report sheet of 1,000 CRUSCOTTO.* formula cells on the faithful Excel double, driven by the
 * add-in's own functions (FormulaCells) against the real server with the Sondrio plan: how many requests the
 * recalculation sends (goal: at most 2) and how long the server takes to answer them (goal: well under a second;
 * loopback round trips, so the server's time plus a little), measured on the second recalculation, the first one on
 * a cold server (plans read and scored for the first time) reported beside it. Then one streaming cell: from a colleague's committed
 * change to the cell showing it (goal: within a second).
 */
import { formulaCells } from '../addin/src/functions/cells';
import { formulaWorkbook } from '../test/addin/excel-faithful/formula-workbook';
import { startSondrioServer } from '../test/helpers/sondrio-server';
import { edit, readRows, sync } from '../test/helpers/sync';
import type { BenchEntry } from './measure';

const CELLS = 1000;
const FUNCTIONS = ['REALIZZAZIONE', 'VALORE', 'TARGET', 'STATO'];

export async function benchFormulas(smoke: boolean): Promise<BenchEntry> {
  const name = `${CELLS.toLocaleString('en')} CRUSCOTTO.* formula cells: requests and server time of one recalculation (faithful double, real server)`;
  const { server, plan } = await startSondrioServer('sqlite');
  try {
    const target = () => ({
      serverUrl: server.url,
      token: server.token,
      planId: plan.planId,
      year: 2022,
      checkpoint: 'YEAR_END' as const,
    });
    const book = await formulaWorkbook(target);
    const codes = plan.rows.map((r) => r.code).filter((c): c is string => Boolean(c));
    const formulas: string[] = [];
    for (let i = 0; formulas.length < CELLS; i++) {
      const fn = FUNCTIONS[i % FUNCTIONS.length];
      const code = codes[Math.floor(i / FUNCTIONS.length) % codes.length];
      const year = 2022 + (Math.floor(i / (FUNCTIONS.length * codes.length)) % 3);
      formulas.push(`=CRUSCOTTO.${fn}("${code}",${year})`);
    }
    const started = performance.now();
    await book.write(formulas);
    await book.settled(60_000);
    const recalculation = performance.now() - started;
    const coldRequests = book.traffic.requests;
    const coldMs = book.traffic.milliseconds.reduce((s, ms) => s + ms, 0);
    // then the read each group's subscription sets off once the server listens (cells.ts), one per window of groups
    // going live together: the subscriptions' start, not the recalculation's, so counted apart
    await book.listening(plan.planId);
    const catchUpRequests = book.traffic.requests - coldRequests;
    const busy = formulas.filter((_, i) => book.cell(`A${i + 1}`).value === '#BUSY!').length;
    // the next recalculation (Aggiorna, a reopened sheet): the server has the plans' scores kept by then
    book.traffic.requests = 0;
    book.traffic.milliseconds.length = 0;
    await formulaCells.refreshAll();
    const requests = book.traffic.requests;
    const serverMs = book.traffic.milliseconds.reduce((s, ms) => s + ms, 0);

    // streaming: one indicator's actual changes on the server; the cell showing it follows
    const row = plan.rows.find((r) => r.level === 'INDICATOR' && r.code && r.target?.number)!;
    await book.write([`=CRUSCOTTO.VALORE("${row.code}",2022)`]);
    await book.settled();
    // heard from here: a fixed pause of 500 ms was a race with the subscription's registration on a loaded machine
    await book.listening(plan.planId);
    const read = (await readRows(server, plan.planId)).rows.find((r) => r.rowId === row.rowId)!;
    await sync(server, { planId: plan.planId, rows: [edit(read, { actual: '123' })] });
    const changed = performance.now();
    while (book.cell('A1').value !== 123 && performance.now() - changed < 10_000)
      await new Promise((resolve) => setTimeout(resolve, 5));
    const streamingMs = performance.now() - changed;
    formulaCells.configure({ ...book.host, target: () => null });

    return {
      id: 'B10',
      name,
      unit: 'ms',
      measured: Math.round(serverMs),
      baseline: null,
      ratio: null,
      goal: '≤ 2 requests, server time well under 1,000 ms; a change reaches a streaming cell within 1 s',
      met: smoke ? null : requests <= 2 && coldRequests <= 2 && serverMs < 1000 && busy === 0 && streamingMs < 1000,
      note:
        `${requests} request(s) for ${CELLS} cells (${new Set(formulas).size} distinct formulas, 3 years) in ` +
        `${Math.round(serverMs)} ms; the first recalculation on a cold server ${coldRequests} request(s) in ` +
        `${Math.round(coldMs)} ms, ${Math.round(recalculation)} ms until every cell showed its value (double ` +
        `included), then ${catchUpRequests} read(s) as its 3 subscriptions were registered; a server change ` +
        `reached the streaming cell in ${Math.round(streamingMs)} ms`,
      details: {
        requests,
        serverMs,
        coldRequests,
        coldMs,
        catchUpRequests,
        recalculationMs: recalculation,
        streamingMs,
        busy,
      },
    };
  } finally {
    await server.close();
  }
}
