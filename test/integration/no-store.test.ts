import { startServer, type TestServer } from '../helpers/server';

/**
 * GraphQL answers are never stored by browsers or proxies: they carry one organisation's data behind a token.
 * (Apollo's cache-control plugin used to say so; it is replaced by server/graphql/no-store.ts.)
 */
describe('GraphQL answers over HTTP', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer('sqlite');
  });
  afterAll(() => server.close());

  async function post(body: object) {
    return fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(server.token ? { authorization: `Bearer ${server.token}` } : {}),
      },
      body: JSON.stringify(body),
    });
  }

  it('say no-store, with data and with errors alike', async () => {
    const ok = await post({ query: '{ planVersions { id } }' });
    expect(ok.status).toBe(200);
    expect((await ok.json()).errors).toBeUndefined();
    expect(ok.headers.get('cache-control')).toBe('no-store');

    const bad = await post({ query: '{ planVersion(id: "00000000-0000-0000-0000-000000000000") { id nonsense } }' });
    expect(bad.headers.get('cache-control')).toBe('no-store');
  });
});
