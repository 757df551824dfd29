/**
 * The file routes next to /graphql (reports, plan workbook export, workbook import) obey the same tenant isolation
 * and roles as GraphQL: the isolation enumeration in security-isolation.test.ts only sees GraphQL root fields, so
 * these routes are enumerated here.
 */
import { REPORTS } from '../../server/export/reports';
import { databaseNames } from '../helpers/databases';
import { startServer, type TestServer } from '../helpers/server';
import { buildTenant, type Tenant } from '../helpers/tenant';

type Reply = { status: number; text: string; body: Buffer; headers: Headers };

async function call(
  server: TestServer,
  token: string,
  path: string,
  init: { method?: string; body?: Buffer } = {},
): Promise<Reply> {
  const response = await fetch(`${server.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${token}`,
      ...(init.body ? { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } : {}),
    },
    body: init.body ? new Blob([new Uint8Array(init.body)]) : undefined,
  });
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, text: body.toString('latin1'), body, headers: response.headers };
}

/** Every row of a tenant that an import could touch, with its version: unchanged means nothing was written. */
async function fingerprint(server: TestServer, tenant: Tenant): Promise<string> {
  const result = await server.gql(
    `query($p: ID!) { sheetRows(planId: $p, year: 2022) { rows { rowId rowVersion title actual { raw } } } }`,
    { p: tenant.plan },
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return JSON.stringify(result.data.sheetRows.rows);
}

const KINDS = Object.keys(REPORTS);

describe.each(databaseNames())('file routes: tenant isolation and roles (%s)', (dialect) => {
  let server: TestServer;
  let a: Tenant;
  let b: Tenant;
  let adminA: string;
  let viewerA: string;
  let workbookA: Buffer;

  beforeAll(async () => {
    server = await startServer(dialect);
    a = await buildTenant(server.gql, 'ENTE-A');
    b = await buildTenant(server.gql, 'ENTE-B');
    adminA = (await server.as('admin', a.org)).token;
    viewerA = (await server.as('viewer', a.org)).token;
    const exported = await call(server, adminA, `/export/plan.xlsx?planId=${a.plan}&year=2022`);
    expect(exported.status).toBe(200);
    workbookA = exported.body;
  });
  afterAll(() => server?.close());

  it.each(KINDS)("report %s: an admin of A gets A's and never B's", async (kind) => {
    const own = await call(server, adminA, `/reports/${kind}.html?planId=${a.plan}&year=2022`);
    expect(own.status).toBe(200);
    expect(own.text).toContain(a.marker);

    const other = await call(server, adminA, `/reports/${kind}.html?planId=${b.plan}&year=2022`);
    expect(other.status).toBe(404);
    expect(other.text).not.toContain(b.marker);
    const otherXlsx = await call(server, adminA, `/reports/${kind}.xlsx?planId=${b.plan}&year=2022`);
    expect(otherXlsx.status).toBe(404);
  });

  it("plan workbook export: B's plan is not found for an admin of A", async () => {
    const other = await call(server, adminA, `/export/plan.xlsx?planId=${b.plan}&year=2022`);
    expect(other.status).toBe(404);
    expect(other.text).not.toContain(b.marker);
  });

  it("workbook import into B's plan by an admin of A writes nothing", async () => {
    const before = await fingerprint(server, b);
    const reply = await call(server, adminA, `/import/workbook?planId=${b.plan}&year=2022`, {
      method: 'POST',
      body: workbookA,
    });
    expect(reply.status).toBe(404);
    expect(reply.text).not.toContain(b.marker);
    expect(await fingerprint(server, b)).toBe(before);
  });

  it("a viewer (OIV) of A reads A's reports and export but cannot import", async () => {
    expect((await call(server, viewerA, `/reports/relazione.html?planId=${a.plan}&year=2022`)).status).toBe(200);
    expect((await call(server, viewerA, `/export/plan.xlsx?planId=${a.plan}&year=2022`)).status).toBe(200);

    const before = await fingerprint(server, a);
    const reply = await call(server, viewerA, `/import/workbook?planId=${a.plan}&year=2022`, {
      method: 'POST',
      body: workbookA,
    });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body.toString('utf8')).errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await fingerprint(server, a)).toBe(before);
  });

  it('every file is typed and never sniffed: HTML shown under a policy that runs nothing, the rest saved', async () => {
    const spreadsheet = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const saved = expect.stringMatching(/^attachment; filename="[\w.-]+\.xlsx"$/);
    const html = 'text/html; charset=utf-8';
    const inert = "default-src 'none'; style-src 'unsafe-inline'";
    // each file: its path, then the headers `names` lists as it must carry them (null: absent)
    const files: Array<[string, string, string | null, unknown, string | null]> = [
      [`/reports/relazione.html?planId=${a.plan}&year=2022`, html, inert, null, null],
      [`/reports/relazione.xlsx?planId=${a.plan}&year=2022`, spreadsheet, null, saved, null],
      [`/export/plan.xlsx?planId=${a.plan}&year=2022&checkpoint=30/6`, spreadsheet, null, saved, 'MID_YEAR'],
    ];
    const names = ['content-type', 'content-security-policy', 'content-disposition', 'x-checkpoint'];
    for (const [path, ...expected] of files) {
      const reply = await call(server, adminA, path);
      expect([path, reply.headers.get('x-content-type-options'), ...names.map((n) => reply.headers.get(n))]).toEqual([
        path,
        'nosniff',
        ...expected,
      ]);
    }
  });

  it('the routes refuse a request without a valid token', async () => {
    for (const path of [
      `/reports/relazione.html?planId=${a.plan}&year=2022`,
      `/export/plan.xlsx?planId=${a.plan}&year=2022`,
    ]) {
      const reply = await call(server, 'cru_not-a-token', path);
      expect(reply.status).toBe(401);
      expect(reply.text).not.toContain(a.marker);
    }
  });
});
