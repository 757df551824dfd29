import { readFileSync } from 'node:fs';
import { addinDocuments, MANIFEST_FILE, manifestText } from '../../addin/scripts/trusted-documents';
import { CruscottoClient } from '../../addin/src/api/client';
import { sha256 } from '../../server/http/trusted-documents';
import { type App, createApp, listen } from '../../server/app';
import type { SecurityConfig } from '../../server/config';
import { listenTo, subscribed } from '../helpers/live';
import { startSondrioServer, type SondrioServer } from '../helpers/sondrio-server';

/**
 * Trusted documents (issue 19): with TRUSTED_DOCUMENTS=required the server runs the add-in's own operations, by
 * text or by hash, and refuses any other document before parsing it; GraphiQL stays open to administrators of a
 * server that is not in production.
 */

it('the committed manifest holds exactly the add-in’s operations (`npm run trusted-documents`)', () => {
  expect(readFileSync(MANIFEST_FILE, 'utf8')).toBe(manifestText());
  // the ten operations of addin/src/api/queries.ts (the planChanged subscription among them) and the six of
  // insight-queries.ts (formula cells, "Perché?", "Cronologia", the conflicts' authors, "Annulla l'ultimo invio",
  // the units and cruscotti a new binding may be scoped to), each with its fragments
  expect(addinDocuments()).toHaveLength(16);
});

const UNKNOWN = '{ planVersions { id label } }';

describe.each([
  ['in production', false],
  ['in development', true],
])('TRUSTED_DOCUMENTS=required %s', (_where, development) => {
  let sondrio: SondrioServer;
  let trusted: { url: string; app: App };
  beforeAll(async () => {
    // the test's own set-up (the plan's rows) asks ad-hoc questions: it talks to an ordinary server, and the
    // checks to a second one on the same database that trusts only the manifest
    sondrio = await startSondrioServer('sqlite');
    const security: Partial<SecurityConfig> = {
      trustedDocuments: 'required',
      development,
      requestsPerWindow: 1_000_000,
      authFailuresPerWindow: 1_000_000,
    };
    const app = await createApp(sondrio.server.orm, { security });
    trusted = { app, url: `http://127.0.0.1:${await listen(app.httpServer, 0, '127.0.0.1')}` };
  });
  afterAll(async () => {
    await trusted?.app.stop();
    await sondrio?.server.close();
  });

  const post = (token: string, body: object) =>
    fetch(`${trusted.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('runs every operation of the add-in through its own client: load, sync, refresh', async () => {
    const { server, plan } = sondrio;
    const controller = await server.as('controller', plan.orgId);
    const client = new CruscottoClient({ serverUrl: trusted.url, token: controller.token, fetch });
    expect((await client.me()).memberships.length).toBe(1);
    expect((await client.plans()).map((p) => p.id)).toContain(plan.planId);
    expect((await client.plan(plan.planId)).plan?.id).toBe(plan.planId);
    const page = await client.sheetRows(plan.planId, 2022, 'YEAR_END');
    expect(page.rows.length).toBe(plan.rows.length);
    const row = plan.indicator('1.1.2');
    const answer = await client.syncRows({
      planId: plan.planId,
      year: 2022,
      checkpoint: 'YEAR_END',
      rows: [{ rowId: row.rowId, rowVersion: row.rowVersion, actual: '75' }],
    });
    expect(answer.rows[0].status).toBe('UPDATED');
    expect((await client.realizations(plan.planId, 2022, 'YEAR_END')).length).toBe(plan.rows.length);
  });

  it('runs a listed document sent by its hash alone, as an automatic persisted query', async () => {
    const viewer = await sondrio.server.as('viewer', sondrio.plan.orgId);
    const me = addinDocuments().find((d) => /query Me\b/.test(d))!;
    const response = await post(viewer.token, {
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256(me) } },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { me: { memberships: unknown[] } } }).data.me.memberships).toHaveLength(
      1,
    );
  });

  it('refuses an unknown document, even a harmless one, with 400 DOCUMENT_NOT_TRUSTED', async () => {
    const viewer = await sondrio.server.as('viewer', sondrio.plan.orgId);
    for (const body of [
      { query: UNKNOWN },
      { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(UNKNOWN) } } },
    ]) {
      const response = await post(viewer.token, body);
      expect(response.status).toBe(400);
      const json = (await response.json()) as {
        data?: unknown;
        errors: Array<{ message: string; extensions: object }>;
      };
      expect(json.data).toBeUndefined();
      expect(json.errors[0].extensions).toEqual({ code: 'DOCUMENT_NOT_TRUSTED' });
      expect(json.errors[0].message).toMatch(/^Documento non riconosciuto.* \/ Unknown document/);
    }
    // a listed document with one character changed is another document
    const changed = `${addinDocuments()[0]} `;
    expect((await post(viewer.token, { query: changed })).status).toBe(400);
  });

  it('on the websocket too: the add-in’s planChanged subscription opens, any other subscription is refused', async () => {
    const viewer = await sondrio.server.as('viewer', sondrio.plan.orgId);
    const ws = trusted.url.replace(/^http/, 'ws') + '/graphql';
    const planChanged = addinDocuments().find((d) => /subscription PlanChanged\b/.test(d))!;
    const vars = { planId: sondrio.plan.planId, year: 2022, checkpoint: 'YEAR_END' };
    const listed = listenTo(ws, viewer.token, planChanged, vars);
    await subscribed(trusted, 1);
    expect(listed.errors).toEqual([]);
    await listed.stop();
    const other = listenTo(ws, viewer.token, `${planChanged} `, vars);
    const [refused] = await other.failure;
    expect(refused.extensions).toMatchObject({ code: 'DOCUMENT_NOT_TRUSTED' });
    expect(refused.message).toMatch(/^Documento non riconosciuto/);
    await other.stop();
  });

  it(`${development ? 'lets' : 'does not let'} an administrator explore with ad-hoc documents (GraphiQL)`, async () => {
    const admin = await sondrio.server.as('admin', sondrio.plan.orgId);
    const response = await post(admin.token, { query: UNKNOWN });
    expect(response.status).toBe(development ? 200 : 400);
  });
});
