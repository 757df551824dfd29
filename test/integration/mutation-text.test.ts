/**
 * The create and update mutations take text by the sheet's rules (core/sheet/text-checks.ts), so no path stores what
 * syncRows refuses (issue 13, finding 6: "=HYPERLINK(…)" and NUL went in through the mutations, the NUL as an
 * internal error). Each refusal is BAD_USER_INPUT naming the field, and nothing is written.
 */
import { describeOnSondrio } from '../helpers/sondrio-server';

describeOnSondrio('mutations refuse the text a sheet would refuse (%s)', (sondrio) => {
  const UPDATE = `mutation($id: ID!, $input: UpdateStrategicObjectiveInput!) {
    updateStrategicObjective(id: $id, input: $input) { id code title } }`;
  const objective = () => sondrio.plan.strategic('1').rowId;

  it.each([
    ['title', '=HYPERLINK("http://x.test","clic")'],
    ['title', "+cmd|' /C calc'!A0"],
    ['title', '@SUM(A1:A2)'],
    ['title', '-2+3'],
    ['title', 'Titolo\u0000con NUL'],
    ['title', 'Titolo\uFFFF'],
    ['code', '1\u200B'],
    ['code', '１'],
    ['code', '\u0430'],
  ])('refuses %s = %j with BAD_USER_INPUT on that field, changing nothing', async (field, value) => {
    const before = await sondrio.server.gql(`query($id: ID!) { strategicObjective(id: $id) { code title } }`, {
      id: objective(),
    });
    const answer = await sondrio.server.gql(UPDATE, { id: objective(), input: { [field]: value } });
    expect(answer.data).toBeNull();
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.extensions?.problems).toEqual([
      expect.objectContaining({ field, code: 'TEXT_NOT_ACCEPTED' }),
    ]);
    const after = await sondrio.server.gql(`query($id: ID!) { strategicObjective(id: $id) { code title } }`, {
      id: objective(),
    });
    expect(after.data).toEqual(before.data);
  });

  // the filters are built from a table (server/graphql/inputs/filters.ts): their text fields keep the same checks
  it.each([
    ['strategicObjectives', 'code', '=HYPERLINK("http://x.test","clic")'],
    ['indicators', 'code', 'x'.repeat(51)],
    ['scoringProfiles', 'name', 'Profilo\u0000con NUL'],
  ])('a %s filter refuses %s = %j with BAD_USER_INPUT on that field', async (list, field, value) => {
    const answer = await sondrio.server.gql(`query($v: String) { ${list}(filter: { ${field}: $v }) { __typename } }`, {
      v: value,
    });
    expect(answer.data).toBeNull();
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.extensions?.problems).toEqual([expect.objectContaining({ field })]);
  });

  it('still takes a title with a dash list item, accents and a formula-looking word inside', async () => {
    const title = '- Qualità e tempi: 1 + 1 = 2';
    const answer = await sondrio.server.gql(UPDATE, { id: objective(), input: { title } });
    expect(answer.errors).toBeUndefined();
    expect(answer.data.updateStrategicObjective.title).toBe(title);
  });
});
