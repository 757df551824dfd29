/**
 * Plans of other organisations for the sync and workbook tests: a new organisation with an empty draft plan, or with
 * a small plan of its own whose ids must mean nothing to the Sondrio plan's batches.
 */
import { ok, unique } from './sync';
import type { TestServer } from './server';

/** A second organisation with a small plan of its own: its ids must mean nothing to the Sondrio plan's batches. */
export type OtherPlan = {
  orgId: string;
  planId: string;
  perspectiveId: string;
  strategicId: string;
  operationalId: string;
  indicatorId: string;
};

/** A new organisation with a 2022-2024 cycle and an empty draft plan (REV. 0) in it. */
export async function createEmptyPlan(
  server: TestServer,
  organisation: { code: string; name: string },
  label: string,
): Promise<{ orgId: string; planId: string }> {
  const orgId = ok(
    await server.gql(`mutation($o: CreateOrganisationInput!) { createOrganisation(input: $o) { id } }`, {
      o: organisation,
    }),
  ).createOrganisation.id;
  const cycle = ok(
    await server.gql(
      `mutation($org: ID!) { createPlanCycle(input: { organisationId: $org, name: "2022-2024", firstYear: 2022, years: [2022, 2023, 2024] }) { id } }`,
      { org: orgId },
    ),
  ).createPlanCycle.id;
  const planId = ok(
    await server.gql(
      `mutation($cycle: ID!, $label: String!) { createPlanVersion(input: { cycleId: $cycle, revision: 0, label: $label }) { id } }`,
      { cycle, label },
    ),
  ).createPlanVersion.id;
  return { orgId, planId };
}

/**
 * A second indicator of `code` under the strategic objective `so`, at `position` among its siblings (the API refuses
 * no code twice in a level), with the ids plan lint then flags DUPLICATE_CODE: the later holders in the plan's order.
 */
export async function copyIndicatorCode(
  server: Pick<TestServer, 'gql'>,
  planId: string,
  so: string,
  code: string,
  position: number,
): Promise<{ copy: string; flagged: string[] }> {
  const copy = ok(
    await server.gql(
      `mutation($so: ID!, $code: String!, $position: Int!) { createIndicator(input: { strategicObjectiveId: $so,
        code: $code, title: "Copia", position: $position }) { id } }`,
      { so, code, position },
    ),
  ).createIndicator.id as string;
  const lint: Array<{ node: { code: string; subjectId: string } }> = ok(
    await server.gql(
      'query($p: ID!) { planLintConnection(planId: $p, first: 500) { edges { node { code subjectId } } } }',
      { p: planId },
    ),
  ).planLintConnection.edges;
  return { copy, flagged: lint.filter((e) => e.node.code === 'DUPLICATE_CODE').map((e) => e.node.subjectId) };
}

export async function createOtherPlan(server: TestServer): Promise<OtherPlan> {
  const { orgId, planId } = await createEmptyPlan(
    server,
    { name: 'Altro ente', code: `ALTRO-${unique('o')}` },
    'Altro piano',
  );
  const perspectiveId = ok(
    await server.gql(
      `mutation($plan: ID!) { createPerspective(input: { planId: $plan, name: "Altra prospettiva" }) { id } }`,
      { plan: planId },
    ),
  ).createPerspective.id;
  const strategicId = ok(
    await server.gql(
      `mutation($p: ID!) { createStrategicObjective(input: { perspectiveId: $p, code: "1", title: "Altro OS" }) { id } }`,
      { p: perspectiveId },
    ),
  ).createStrategicObjective.id;
  const operationalId = ok(
    await server.gql(
      `mutation($s: ID!) { createOperationalObjective(input: { strategicObjectiveId: $s, code: "1.1", title: "Altro OO", weight: 100 }) { id } }`,
      { s: strategicId },
    ),
  ).createOperationalObjective.id;
  const indicatorId = ok(
    await server.gql(
      `mutation($o: ID!) { createIndicator(input: { operationalObjectiveId: $o, code: "1.1.1", title: "Altra azione", weight: 100 }) { id } }`,
      { o: operationalId },
    ),
  ).createIndicator.id;
  return { orgId, planId, perspectiveId, strategicId, operationalId, indicatorId };
}
