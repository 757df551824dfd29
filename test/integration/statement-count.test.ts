import { SLICE_ROWS } from '../../server/speed/read-slices';
import { databaseNames } from '../helpers/databases';
import { startServer, type TestServer } from '../helpers/server';
import { buildPlan } from '../helpers/synthetic-plan';
import { INDICATOR_VALUES } from '../helpers/tree-queries';

const FULL_TREE = /* GraphQL */ `
  query Tree($id: ID!) {
    planVersion(id: $id) {
      id
      label
      perspectives {
        id
        name
        strategicObjectives {
          id
          code
          indicators {
            id
            code
          }
          operationalObjectives {
            id
            code
            weight
            responsibleUnits {
              name
            }
            indicators {
              id
              code
              weight
              polarity
              responsibleUnits {
                name
              }
              ...IndicatorValues
            }
          }
        }
      }
    }
  }
  ${INDICATOR_VALUES}
`;

const SCORED_TREE = /* GraphQL */ `
  query Scored($id: ID!) {
    planVersion(id: $id) {
      realization(year: 2022) {
        score
        display
      }
      perspectives {
        realization(year: 2022) {
          score
        }
        strategicObjectives {
          realization(year: 2022) {
            score
            display
            achieved
          }
          operationalObjectives {
            realization(year: 2022) {
              score
              display
              text
            }
            indicators {
              code
              realization(year: 2022) {
                status
                score
                display
                text
                explanation
              }
            }
          }
        }
      }
    }
    report(planId: $id, year: 2022) {
      rows {
        code
        realization
      }
    }
  }
`;

function countIndicators(tree: any): number {
  let n = 0;
  for (const p of tree.perspectives)
    for (const s of p.strategicObjectives) for (const o of s.operationalObjectives) n += o.indicators.length;
  return n;
}

describe.each(databaseNames())('the full plan tree costs a bounded number of SQL statements (%s)', (dialect) => {
  let server: TestServer;
  let small: { planId: string; indicators: number };
  let large: { planId: string; indicators: number };

  beforeAll(async () => {
    // the resolvers' statements: a kept answer reads none of them (kept-answers.test.ts has its own bound)
    server = await startServer(dialect, { answerCacheMb: 0 });
    small = await buildPlan(server.orm.em, 'SMALL', { perspectives: 1, strategic: 1, operational: 1, indicators: 10 });
    // 5,100 indicators and 15,300 targets: more parents on one level than any chunk of ids a loader ever used (5,000)
    large = await buildPlan(server.orm.em, 'LARGE', { perspectives: 2, strategic: 5, operational: 10, indicators: 51 });
  });
  afterAll(() => server.close());

  async function statementsFor(planId: string, expectedIndicators: number): Promise<number> {
    server.statements.length = 0;
    const result = await server.gql(FULL_TREE, { id: planId });
    expect(result.errors).toBeUndefined();
    expect(countIndicators(result.data.planVersion)).toBe(expectedIndicators);
    return server.statements.length;
  }

  it('is the same for a 10-indicator and a 5,100-indicator plan', async () => {
    expect(small.indicators).toBe(10);
    expect(large.indicators).toBe(5100);
    const forSmall = await statementsFor(small.planId, 10);
    const forLarge = await statementsFor(large.planId, 5100);
    expect(forLarge).toBe(forSmall);
    // one statement per level of the tree and per relation, not per row
    expect(forSmall).toBeLessThanOrEqual(12);
  });

  it('is the same with the realization of every node and the Relazione table', async () => {
    const scored = async (planId: string, indicators: number) => {
      server.statements.length = 0;
      const result = await server.gql(SCORED_TREE, { id: planId });
      expect(result.errors).toBeUndefined();
      expect(countIndicators(result.data.planVersion)).toBe(indicators);
      expect(result.data.planVersion.realization.display).toBe('80%');
      expect(result.data.report.rows.length).toBeGreaterThan(indicators);
      return server.statements.length;
    };
    const forSmall = await scored(small.planId, 10);
    const forLarge = await scored(large.planId, 5100);
    // one read of the plan for the tree's scores and the report together, whichever asks first and however long the
    // other takes to ask: the second waits for the first's build, or takes its scores kept (ScoreSnapshots.shared,
    // issue 16: a count that depends on timing is a bug). A plan read for scores goes SLICE_ROWS rows per statement,
    // each on a turn of the event loop of its own (server/speed/read-slices.ts, issue 13, item 5): the 5,100
    // indicators and the period's targets, revisions and actuals are ⌈5,100 / SLICE_ROWS⌉ statements each instead of
    // one: more by the slice, never by the row
    const perRead = 4 * (Math.ceil(5100 / SLICE_ROWS) - 1);
    expect(forLarge).toBe(forSmall + perRead);
    // the request's own 10 (its token, its complexity's two counts, the tree's five levels from the plan's row down,
    // the plan's change stamp for the tree's scores and for the report's) and one read of the plan's 17: 13 tables,
    // the targets' revisions, the indicators' units, and 2 for its slices to be one state of the plan (on SQLite its
    // change stamp before and after, on PostgreSQL the begin and commit of its read-only transaction)
    expect(forSmall).toBe(10 + 17);
  });
});
