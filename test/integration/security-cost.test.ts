/**
 * The price of what a request shows per node (issue 13, item 5; server/http/node-cost.ts): explanations on every
 * sheet row and connections whose page size is in a variable are priced by the plan's size, and refused before
 * anything runs when over the limit, with the price in Italian and English. A 100-indicator plan and a limit of 150
 * indicator scorings stand for a 3,000-indicator plan and the default limit: the arithmetic is the same. Both
 * databases: the price is the HTTP process's, but the plan's size it counts is read from the database.
 */
import { databaseNames } from '../helpers/databases';
import { withPlanAndViewer } from '../helpers/synthetic-plan';

describe.each(databaseNames())('the price of explanations and big pages (%s)', (dialect) => {
  const maxPerRequest = 150;
  const built = withPlanAndViewer(
    dialect,
    'COST',
    { perspectives: 1, strategic: 2, operational: 5, indicators: 10 },
    { planCost: { maxPerRequest, heavyFrom: 1_000 } },
  );
  beforeAll(() => expect(built.indicators).toBe(100));

  const sheet = (realization: string) =>
    `{ sheetRows(planId: "${built.planId}", year: 2022) { rows { rowId realization { ${realization} } } } }`;

  it('prices sheetRows by the plan: scores on every row pass, explanations on every row do not', async () => {
    // 100 for the plan's scores, and a quarter of a scoring per row shown with its realization (100 rows at the most)
    const scores = await built.viewer.gql(sheet('display'));
    expect(scores.errors).toBeUndefined();
    expect(scores.data.sheetRows.rows.length).toBeGreaterThan(100);
    // an explanation per row costs a scoring per row: 100 + 100
    const explained = await built.viewer.gql(sheet('display details { formula }'));
    expect(explained.data).toBeUndefined();
    expect(explained.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(
          /^Richiesta troppo costosa: 1 calcoli su tutto il piano e 100 nodi con la realizzazione, pari a 200 punteggi .* Request too expensive: .* 200 indicator scorings, at most 150/,
        ),
        extensions: { code: 'COST_LIMIT', cost: 200, maxCost: maxPerRequest },
      }),
    ]);
  });

  it('prices a connection by its page, also when the page size is a variable', async () => {
    const page = `query Page($n: Int) { indicators(first: $n) { edges { node { code realization(year: 2022) { details { formula } } } } } }`;
    // the scores of every plan of the organisation (100) and ten explained nodes
    const ten = await built.viewer.gql(page, { n: 10 });
    expect(ten.errors).toBeUndefined();
    expect(ten.data.indicators.edges).toHaveLength(10);
    expect(ten.data.indicators.edges[0].node.realization.details).toHaveProperty('formula');
    // a hundred explained nodes: 100 + 100, refused before running (graphql-armor cannot see a page in a variable)
    const hundred = await built.viewer.gql(page, { n: 100 });
    expect(hundred.data).toBeUndefined();
    expect(hundred.errors?.[0].extensions).toEqual({ code: 'COST_LIMIT', cost: 200, maxCost: maxPerRequest });
  });

  it('follows fragments where they are spread: the same page in a fragment costs the same', async () => {
    const page = `query Page($n: Int) { indicators(first: $n) { edges { node { ...Explained } } } }
      fragment Explained on Indicator { code realization(year: 2022) { details { formula } } }`;
    const hundred = await built.viewer.gql(page, { n: 100 });
    expect(hundred.errors?.[0].extensions).toEqual({ code: 'COST_LIMIT', cost: 200, maxCost: maxPerRequest });
    expect((await built.viewer.gql(page, { n: 10 })).errors).toBeUndefined();
  });
});
