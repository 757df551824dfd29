import http from 'node:http';
import ExcelJS from 'exceljs';
import type { TestServer } from './server';

/** Every document the report routes serve (/reports/<kind>.html|pdf|xlsx), as a user would ask for each. */
export const REPORT_KINDS = [
  'relazione',
  'strategic-map',
  'monitoring',
  'scorecards',
  'data-quality',
  'plan-sondrio',
  'plan-bergamo',
  'plan-brescia',
] as const;

/** HTTP to the file routes (/reports, /export, /import) with the admin's token, like any client would. */
export function authHeaders(server: TestServer): Record<string, string> {
  return { authorization: `Bearer ${server.token}` };
}

export async function getFile(
  server: TestServer,
  path: string,
): Promise<{ status: number; type: string; body: Buffer; json: any }> {
  const response = await fetch(`${server.url}${path}`, { headers: authHeaders(server) });
  const body = Buffer.from(await response.arrayBuffer());
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    type,
    body,
    json: type.includes('json') ? JSON.parse(body.toString('utf8')) : null,
  };
}

/**
 * GET over a connection of its own, closed after the answer, and with no client deadline: for a request a test holds
 * on purpose (the compute gate) on a loaded machine. fetch would send it on a pooled keep-alive socket that may have
 * idled up to the server's keep-alive timeout (a request written as the server closes the socket fails with "other
 * side closed"), and gives up after 300 s without response headers: either fails the request before its computation
 * reaches the gate, with no fault of the server's.
 */
export function getAlone(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

export async function postWorkbook(
  server: TestServer,
  query: string,
  body: Buffer,
): Promise<{ status: number; json: any }> {
  const response = await fetch(`${server.url}/import/workbook?${query}`, {
    method: 'POST',
    headers: {
      ...authHeaders(server),
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    },
    body: new Blob([new Uint8Array(body)]),
  });
  return { status: response.status, json: await response.json() };
}

export async function loadXlsx(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer);
  return workbook;
}

/** A sheet as rows of header → cell value, the header being its first row (or `headerRow`). */
export function sheetRecords(ws: ExcelJS.Worksheet, headerRow = 1): Array<Record<string, unknown>> {
  const headers = (ws.getRow(headerRow).values as unknown[]).slice(1).map((v) => String(v ?? ''));
  const out: Array<Record<string, unknown>> = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const record: Record<string, unknown> = {};
    headers.forEach((h, i) => {
      const v = row.getCell(i + 1).value;
      if (v !== null && v !== undefined && v !== '') record[h] = v;
    });
    if (Object.keys(record).length) out.push(record);
  }
  return out;
}

/** The tables of an HTML page: each as its header texts and rows of cell texts (entities decoded). */
export function htmlTables(html: string): Array<{ heading: string; headers: string[]; rows: string[][] }> {
  const decode = (s: string) =>
    s
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&')
      .trim();
  const tables: Array<{ heading: string; headers: string[]; rows: string[][] }> = [];
  const sectionRe = /<section>\s*(?:<div class="head">)?<h2>([\s\S]*?)<\/h2>[\s\S]*?<table[^>]*>([\s\S]*?)<\/table>/g;
  for (const m of html.matchAll(sectionRe)) {
    const [thead, tbody] = [
      /<thead>([\s\S]*?)<\/thead>/.exec(m[2])?.[1] ?? '',
      /<tbody>([\s\S]*?)<\/tbody>/.exec(m[2])?.[1] ?? '',
    ];
    const headers = [...thead.matchAll(/<th>([\s\S]*?)<\/th>/g)].map((c) => decode(c[1]));
    const rows = [...tbody.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) =>
      [...r[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => decode(c[1])),
    );
    tables.push({ heading: decode(m[1]), headers, rows });
  }
  return tables;
}
