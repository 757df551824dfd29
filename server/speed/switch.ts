/**
 * Whether the fast paths of this folder answer, or plain type-graphql resolvers and MikroORM's unit of work do.
 * `CRUSCOTTO_FAST_PATHS=off` turns them off for a whole server: the escape hatch when a library upgrade breaks an
 * internal this folder relies on (README.md beside this file). The variable is read here and nowhere else;
 * createApp's `fastPaths` option overrides it, so that one process can run a server of each kind (the contract
 * tests in test/integration/speed-contract.test.ts).
 */
export const FAST_PATHS_VARIABLE = 'CRUSCOTTO_FAST_PATHS';

export function fastPathsFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = (env[FAST_PATHS_VARIABLE] ?? '').trim().toLowerCase();
  if (value === '' || value === 'on' || value === 'true' || value === '1') return true;
  if (value === 'off' || value === 'false' || value === '0') return false;
  throw new Error(`${FAST_PATHS_VARIABLE} must be "on" or "off", got "${env[FAST_PATHS_VARIABLE]}"`);
}
