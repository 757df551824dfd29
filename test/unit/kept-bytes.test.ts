import type { AddressInfo } from 'node:net';
import express from 'express';
import { keptJson, sendKeptBytes } from '../../server/speed/kept-bytes';
import { KeptText } from '../../server/speed/kept-texts';
import { stringifyInSlices } from '../../server/speed/stringify-in-slices';

/** Kept rows with what JSON escapes and what UTF-8 writes in several bytes: a character is not a byte. */
const ROWS = JSON.stringify([
  { rowId: 'a', title: 'Qualità dell\u2019ambiente «urbano» \ud83d\ude00', note: '"virgolette" \\ \u2028 \u0001' },
  { rowId: 'b', title: 'Già fatto', note: null },
]);

/** An answer as the realization read writes it: the page's own fields around the kept rows, Apollo's stringify, send. */
function app(withKeptBytes: boolean, kept: KeptText) {
  const server = express();
  if (withKeptBytes) server.use(sendKeptBytes());
  server.get('/', async (_req, res) => {
    const page = { rows: keptJson(res, kept), deletedRowIds: ['x\u0001'], serverTime: 'è' };
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.send(await stringifyInSlices({ data: { sheetRows: page } }));
  });
  return server;
}

async function answer(withKeptBytes: boolean, kept: KeptText) {
  const listening = app(withKeptBytes, kept).listen(0);
  await new Promise((resolve) => listening.once('listening', resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(listening.address() as AddressInfo).port}/`);
    const bytes = Buffer.from(await response.arrayBuffer());
    return {
      bytes,
      length: Number(response.headers.get('content-length')),
      type: response.headers.get('content-type'),
    };
  } finally {
    await new Promise((resolve) => listening.close(resolve));
  }
}

describe('kept bytes (the /graphql app sends kept JSON as its bytes, encoded once)', () => {
  it('sends the same bytes, length and type as the answer written as text', async () => {
    const rows = new KeptText(ROWS);
    const text = await answer(false, rows);
    const kept = await answer(true, rows);
    const encoded = rows.bytes();
    // the second answer of the same kept text sends the bytes kept on it by the first
    const again = await answer(true, rows);
    expect(rows.bytes()).toBe(encoded);
    expect(kept.bytes.equals(text.bytes)).toBe(true);
    expect(again.bytes.equals(text.bytes)).toBe(true);
    expect(kept.length).toBe(text.bytes.length);
    expect(kept.type).toBe(text.type);
    expect(JSON.parse(kept.bytes.toString('utf8')).data.sheetRows.rows).toEqual(JSON.parse(ROWS));
  });

  it('leaves the text in place where no kept-bytes send is bound (a test, the resolver, JSON.stringify)', async () => {
    const raw = keptJson(undefined, new KeptText(ROWS));
    expect(raw.inAnswer()).toBe(ROWS);
    expect(JSON.stringify({ rows: raw })).toBe(JSON.stringify({ rows: JSON.parse(ROWS) }));
  });
});
