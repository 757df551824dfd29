/** HTTP for the adversarial corpus's request families: one case is one request, judged by judgeHttp. */
import type { TestServer } from '../../helpers/server';
import type { SondrioPlan } from '../../helpers/sync';

export type Ctx = { server: TestServer; plan: SondrioPlan; profileId: string; indicatorId: string };
export type Answer = { status: number; text: string; type: string | null };
export type RequestCase = {
  family: string;
  name: string;
  must?: 'refused' | 'accepted';
  send: (ctx: Ctx) => Promise<Answer>;
};

export async function http(ctx: Ctx, path: string, init: RequestInit = {}, auth = true): Promise<Answer> {
  const headers = new Headers(init.headers);
  if (auth && !headers.has('authorization')) headers.set('authorization', `Bearer ${ctx.server.token}`);
  const response = await fetch(`${ctx.server.url}${path}`, { ...init, headers });
  const buffer = Buffer.from(await response.arrayBuffer());
  const type = response.headers.get('content-type');
  return {
    status: response.status,
    text: /json|text|html/.test(type ?? '') || !type ? buffer.toString('utf8') : '',
    type,
  };
}

export const post =
  (body: BodyInit, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  (ctx: Ctx) =>
    http(ctx, '/graphql', { method: 'POST', body, headers });
/** Raw JSON text stands for itself: a value nested 10,000 deep overflows JSON.stringify in the test itself. */
export class Raw {
  constructor(readonly text: string) {}
}
export const deep = (n: number) => new Raw(`${'{"a":'.repeat(n)}1${'}'.repeat(n)}`);
const json = (value: unknown): string =>
  value instanceof Raw
    ? value.text
    : value && typeof value === 'object' && !Array.isArray(value)
      ? `{${Object.entries(value)
          .map(([k, v]) => `${JSON.stringify(k)}:${json(v)}`)
          .join(',')}}`
      : (JSON.stringify(value) ?? 'null');
export const gql = (query: string, variables?: unknown) =>
  post(`{"query":${JSON.stringify(query)},"variables":${json(variables ?? {})}}`);
export const label = (value: unknown) =>
  value instanceof Raw ? `nested ${value.text.length / 6} deep` : (JSON.stringify(value) ?? 'undefined').slice(0, 40);
