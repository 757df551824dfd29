/**
 * The Bergamo 2021 plan (seed 002) on a test server: its objectives repeated across the cruscotti of the Segretario
 * Generale, each Dirigente and each service, the shape that used to give DUPLICATE_CODE in a sheet (issue 14,
 * item 5). Imported the way the importer writes it, so its cruscotti and entries are the seed's.
 */
import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import { readSource } from '../../server/import/registry';
import { writePlan } from '../../server/import/write-plan';
import { seedPath } from './seeds';
import type { TestServer } from './server';
import { ok } from './sync';

export const BERGAMO_2021 = '002_cb68e27bcf5376bc.txt';

/** imports the Bergamo 2021 plan into the server's database; its plan version id */
export async function importBergamo2021(server: TestServer): Promise<string> {
  const text = readFileSync(seedPath(BERGAMO_2021), 'utf8');
  const { draft, review } = readSource(text, BERGAMO_2021);
  const sha256 = createHash('sha256').update(text).digest('hex');
  const written = await writePlan(server.orm.em.fork(), draft, review, { fileName: BERGAMO_2021, sha256 });
  return written.planId as string;
}

/** a new, empty plan version of the same organisation (2021-2023), to sync a typed sheet into */
export async function emptyPlanBeside(server: TestServer, planId: string, label = 'Copia dal foglio'): Promise<string> {
  const { planVersion } = ok(
    await server.gql(`query($p: ID!) { planVersion(id: $p) { cycle { organisation { id } } } }`, { p: planId }),
  );
  const cycle = ok(
    await server.gql(
      `mutation($o: ID!) { createPlanCycle(input: { organisationId: $o, name: "Copia 2021-2023", firstYear: 2021, years: [2021, 2022, 2023] }) { id } }`,
      { o: planVersion.cycle.organisation.id },
    ),
  ).createPlanCycle.id;
  return ok(
    await server.gql(
      `mutation($c: ID!, $l: String!) { createPlanVersion(input: { cycleId: $c, revision: 0, label: $l }) { id } }`,
      { c: cycle, l: label },
    ),
  ).createPlanVersion.id;
}
