import { withServer } from '../helpers/server';

describe("GraphQL answers' headers", () => {
  const server = withServer('sqlite');

  it('carry no ETag (never stored, never asked again: hashing megabytes was B4 CPU) and no X-Powered-By', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('etag')).toBeNull();
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('leave the other routes as they were: a JSON 404 for an unknown path, with its ETag', async () => {
    const response = await fetch(`${server.url}/no-such-path`);
    expect(response.status).toBe(404);
    expect(response.headers.get('etag')).not.toBeNull();
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});
