/**
 * What a load balancer sees of an instance's /ready (README, "Running several instances"): 200 with every check,
 * or 503 with the failed check named in `reasons`. ops-endpoints and scale-out both probe it, each for a different
 * failure (a missing migration, an unreachable Redis).
 */

type Checks = { database: string; migrations: string; redis: string };

/** /ready answers 200 with exactly these checks. */
export async function expectReady(url: string, checks: Checks): Promise<void> {
  const answer = await fetch(`${url}/ready`);
  expect(answer.status).toBe(200);
  expect(await answer.json()).toEqual({ status: 'ready', checks });
}

/** /ready answers 503 with exactly these checks and these reasons (Italian and English messages). */
export async function expectNotReady(url: string, checks: Checks, reasons: unknown[]): Promise<void> {
  const answer = await fetch(`${url}/ready`);
  expect(answer.status).toBe(503);
  const body = (await answer.json()) as { checks: unknown; reasons: unknown };
  expect(body.checks).toEqual(checks);
  expect(body.reasons).toEqual(reasons);
}
