import fixture from '../../server/fixtures/sondrio-2022-2024.json';
import { EXAMPLE_QUERY } from '../../server/graphiql';
import type { TestServer } from '../helpers/server';
import { describeOnSondrio } from '../helpers/sondrio-server';
import { thresholdsAt80And60 } from '../helpers/indicator-cells';

/**
 * What the GraphiQL page's example (EXAMPLE_QUERY, which walks the tree) does not ask of an action: read flat, by
 * code.
 */
const ACTION_DETAILS = /* GraphQL */ `
  query ActionDetails($plan: ID!) {
    indicators(filter: { planId: $plan }, first: 100) {
      edges {
        node {
          code
          formula
          unit
          responsibleUnits {
            name
          }
          targets {
            year
            checkpoint
            polarity
            effective {
              value {
                raw
              }
            }
            original {
              kind
              value {
                raw
              }
            }
            thresholds {
              score
              value {
                raw
              }
            }
          }
          measurements {
            year
          }
        }
      }
    }
  }
`;

const weightOf = (raw: string | null) => (raw === null ? null : Number(raw.replace('%', '').replace(',', '.')));
type Target = { year: number; effective: { value: { raw: string } }; thresholds: Array<{ value: { raw: string } }> };
const rawsOf = (thresholds: Target['thresholds']) => thresholds.map((t) => t.value.raw);
/** the cells of an action's row that the flat read is checked against */
type ActionCells = {
  code: string;
  kpi: string;
  targets: Record<string, string>;
  thresholds: string[];
  units: string[];
};
const fixtureActions = fixture.perspectives.flatMap((p) =>
  p.strategicObjectives.flatMap((s) => s.operationalObjectives.flatMap((o): ActionCells[] => o.actions)),
);

describeOnSondrio('the Sondrio example plan served over HTTP (%s)', (sondrio) => {
  let server: TestServer;
  let planId: string;

  beforeAll(async () => {
    ({
      server,
      plan: { planId },
    } = sondrio);
    const plans = await server.gql('{ planVersions { id } }');
    expect(plans.errors).toBeUndefined();
    expect(plans.data.planVersions).toEqual([{ id: planId }]);
  });

  it("answers the GraphiQL page's example with every perspective, objective and action, their seed weights and 2022 targets and thresholds", async () => {
    const result = await server.gql(EXAMPLE_QUERY);
    expect(result.errors).toBeUndefined();
    const { totalCount, edges } = result.data.planVersionsConnection;
    expect(totalCount).toBe(1);
    const plan = edges[0].node;
    expect([plan.id, plan.label, plan.status]).toEqual([planId, fixture.version.label, 'DRAFT']);
    expect(plan.cycle).toEqual({ name: fixture.cycle.name, years: [2022, 2023, 2024] });
    expect(plan.perspectives.map((p: { name: string }) => p.name)).toEqual(fixture.perspectives.map((p) => p.name));

    let actions = 0;
    fixture.perspectives.forEach((fp, pi) => {
      const perspective = plan.perspectives[pi];
      expect(perspective.strategicObjectives.map((s: { code: string }) => s.code)).toEqual(
        fp.strategicObjectives.map((s) => s.code),
      );
      fp.strategicObjectives.forEach((fs, si) => {
        const so = perspective.strategicObjectives[si];
        expect(so.passMark).toBe(fs.passMark);
        fs.operationalObjectives.forEach((fo, oi) => {
          const oo = so.operationalObjectives[oi];
          expect([oo.code, oo.title, oo.weight]).toEqual([fo.code, fo.title, weightOf(fo.weight)]);
          fo.actions.forEach((fa, ai) => {
            const indicator = oo.indicators[ai];
            actions++;
            expect([indicator.code, indicator.title, indicator.weight]).toEqual([
              fa.code,
              fa.title,
              weightOf(fa.weight),
            ]);
            expect(indicator.polarity).toBe(fa.polarity.toUpperCase());
            // the example asks the 2022 targets only, the year the seed gives thresholds for
            expect(indicator.targets.map((t: Target) => [t.year, t.effective.value.raw, rawsOf(t.thresholds)])).toEqual(
              [[2022, fa.targets['2022'], fa.thresholds]],
            );
          });
        });
      });
    });
    expect(actions).toBe(48);
  });

  it("returns every action's formula, responsible units and original target of each year, with that year's thresholds", async () => {
    const result = await server.gql(ACTION_DETAILS, { plan: planId });
    expect(result.errors).toBeUndefined();
    const byCode = new Map<string, any>(result.data.indicators.edges.map((e: { node: any }) => [e.node.code, e.node]));
    expect([...byCode.keys()].sort()).toEqual(fixtureActions.map((fa) => fa.code).sort());
    for (const fa of fixtureActions) {
      const indicator = byCode.get(fa.code);
      expect(indicator.formula).toBe(fa.kpi);
      const years = Object.keys(fa.targets).map(Number);
      expect(indicator.targets.map((t: { year: number }) => t.year)).toEqual(years);
      for (const target of indicator.targets) {
        expect(target.checkpoint).toBe('YEAR_END');
        expect(target.effective.value.raw).toBe(fa.targets[String(target.year)]);
        expect(target.original.kind).toBe('ORIGINAL');
        const expectedThresholds = target.year === fixture.thresholdYear ? fa.thresholds : [];
        expect(rawsOf(target.thresholds)).toEqual(expectedThresholds);
      }
      expect(indicator.responsibleUnits).toHaveLength(fa.units.length);
      expect(indicator.measurements).toEqual([]);
    }
  });

  it('parses the raw cells as docs/scoring.md §3 says: percent points, month names, euro', async () => {
    const find = async (code: string) => {
      const r = await server.gql(
        `query($plan: ID!, $code: String!) { indicators(filter: { planId: $plan, code: $code }) { edges { node { code unit valueKind
          targets(year: 2022) { effective { value { raw kind number date unit } } thresholds { score value { number date } } } } } } }`,
        { plan: planId, code },
      );
      expect(r.errors).toBeUndefined();
      return r.data.indicators.edges[0].node;
    };
    const rasl = await find('1.1.1');
    expect(rasl.targets[0].effective.value).toMatchObject({ raw: '3,25%', kind: 'PERCENT', number: 3.25 });
    expect(rasl.targets[0].thresholds).toEqual(
      thresholdsAt80And60({ number: 3, date: null }, { number: 2.85, date: null }),
    );
    const newService = await find('1.1.4');
    expect(newService.targets[0].effective.value).toMatchObject({ raw: 'luglio', kind: 'DATE', date: '2022-07-31' });
    expect(newService.targets[0].thresholds.map((t: { value: { date: string } }) => t.value.date)).toEqual([
      '2022-09-30',
      '2022-10-31',
    ]);
    const spend = await find('8.1.3');
    expect(spend.targets[0].effective.value).toMatchObject({ raw: '105 €', kind: 'CURRENCY', number: 105 });
    expect(spend.valueKind).toBe('CURRENCY');
  });

  it('keeps the lost weight of OO 3.2 empty rather than guessing it', async () => {
    const r = await server.gql(
      `query($plan: ID!) { operationalObjectives(filter: { planId: $plan, code: "3.2" }) { code weight } }`,
      { plan: planId },
    );
    expect(r.data.operationalObjectives).toEqual([{ code: '3.2', weight: null }]);
  });

  it('does not load the example plan twice', async () => {
    const { seedIfEmpty } = await import('../../server/fixtures/sondrio');
    expect(await seedIfEmpty(server.orm.em)).toBeNull();
    const r = await server.gql('{ organisations { code } }');
    expect(r.data.organisations).toEqual([{ code: 'CCIAA-SO' }]);
  });
});
