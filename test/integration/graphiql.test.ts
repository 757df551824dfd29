import { EXAMPLE_QUERY } from '../../server/graphiql';
import { withServer } from '../helpers/server';

describe('the GraphQL IDE at the server root', () => {
  const server = withServer('sqlite');

  it('is a page whose scripts and styles are all served by this server (no CDN)', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('GraphiQL.createFetcher({ url: "/graphql" })');
    // the example plan-tree.test.ts runs on the Sondrio plan is the one the page opens with
    expect(html).toContain(`defaultQuery: ${JSON.stringify(EXAMPLE_QUERY)},`);
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets).toEqual([
      '/ide/graphiql/graphiql.min.css',
      '/ide/react/react.production.min.js',
      '/ide/react-dom/react-dom.production.min.js',
      '/ide/graphiql/graphiql.min.js',
    ]);
    for (const asset of assets) {
      const res = await fetch(`${server.url}${asset}`);
      expect([asset, res.status]).toEqual([asset, 200]);
      expect((await res.text()).length).toBeGreaterThan(1000);
    }
  });

  it("opens on an example whose lines fit the editor's width in a 1280-pixel-wide window (about 52 characters)", () => {
    const tooLong = EXAMPLE_QUERY.split('\n').filter((line) => line.length > 50);
    expect(tooLong).toEqual([]);
  });

  it('answers GraphQL at /graphql and refuses a simple GET without the CSRF preflight header', async () => {
    const get = await fetch(`${server.url}/graphql?query=%7B__typename%7D`, {
      headers: { authorization: `Bearer ${server.token}` },
    });
    expect(get.status).toBe(400);
    const post = await server.gql('{ __typename }');
    expect(post).toEqual({ data: { __typename: 'Query' } });
  });
});
