import { getSchema } from '../../server/graphql/schema';
import { ok } from '../helpers/sync';
import { withSondrioServer } from '../helpers/sondrio-server';

/**
 * The typed explanation (issue 19): `Realization.details` says in types what the JSON `explanation` says, which
 * stays, deprecated, for the clients that read it.
 */
const DETAILS = `details {
  status rule mode polarity polarityInferred polarityEvidence
  actual { raw kind number }
  target { value { raw kind number } mode revision original { raw } }
  thresholds { number date score }
  manual { score justification }
  notCompleted neutralisationReason weighting formula text
  used { id code weight score } excluded { id code reason }
  warnings errors profile
}`;

describe('Realization.details (sqlite)', () => {
  const sondrio = withSondrioServer('sqlite');

  it('the JSON explanation is deprecated in favour of details', async () => {
    const field = (await getSchema()).getType('Realization') as any;
    expect(field.getFields().explanation.deprecationReason).toMatch(/Use `details`/);
    expect(field.getFields().details.type.toString()).toBe('Explanation!');
  });

  it("an indicator's score: rule, mode, polarity, actual, effective target and revision, thresholds, formula", async () => {
    const { server, plan } = sondrio;
    const id = plan.indicator('1.1.1').rowId;
    ok(
      await server.gql(
        `mutation($i: ID!) { createMeasurement(input: { indicatorId: $i, year: 2022, value: "3,10%" }) { id } }`,
        {
          i: id,
        },
      ),
    );
    const r = ok(
      await server.gql(
        `query($id: ID!) { indicator(id: $id) { realization(year: 2022) { text explanation ${DETAILS} } } }`,
        { id },
      ),
    ).indicator.realization;
    expect(r.details).toMatchObject({
      status: 'SCORED',
      rule: 'BANDS',
      mode: 'STEP',
      polarity: 'HIGHER',
      actual: { raw: '3,10%', kind: 'PERCENT', number: 3.1 },
      target: {
        value: { raw: '3,25%', kind: 'PERCENT', number: 3.25 },
        mode: 'SCORED',
        revision: 'ORIGINAL',
        original: null,
      },
      used: [],
      excluded: [],
      profile: 'sondrio@1',
      text: r.text,
      formula: r.explanation.formula,
    });
    // the bands the score was read on, the target first (score 1), as numbers
    expect(r.details.thresholds[0]).toEqual({ number: 3.25, date: null, score: 1 });
    expect(r.details.thresholds.map((t: { score: number }) => t.score)).toContain(0.8);
    expect(r.details.polarityInferred).toBe(r.explanation.polarityInferred !== undefined);
  });

  it('an aggregate: its rule, weighting, children used and excluded — and every score of the plan agrees with its JSON', async () => {
    const { server, plan } = sondrio;
    const tree = ok(
      await server.gql(
        `query($p: ID!) {
          strategicObjectives(filter: { planId: $p }) { code realization(year: 2022) { explanation ${DETAILS} } }
          indicators(filter: { planId: $p }, first: 60) { edges { node { code realization(year: 2022) { explanation ${DETAILS} } } } }
        }`,
        { p: plan.planId },
      ),
    );
    const os3 = tree.strategicObjectives.find((s: { code: string }) => s.code === '3').realization.details;
    expect(os3).toMatchObject({ status: 'INVALID', rule: 'STRATEGIC', polarity: null, target: null });
    expect(os3.errors).toContain('WEIGHT_MISSING');
    const all = [...tree.strategicObjectives, ...tree.indicators.edges.map((e: { node: unknown }) => e.node)];
    expect(all.length).toBeGreaterThan(40);
    for (const { realization } of all) {
      const { explanation: json, details } = realization;
      expect(details.status).toBe(json.status.toUpperCase());
      expect(details.rule).toBe(json.rule?.toUpperCase() ?? null);
      expect(details.text).toBe(json.text);
      expect(details.formula).toBe(json.formula);
      expect(details.warnings).toEqual(json.warnings);
      expect(details.errors).toEqual(json.errors);
      expect(details.used.map((c: { id: string }) => c.id)).toEqual((json.used ?? []).map((c: { id: string }) => c.id));
      expect(details.excluded.map((c: { reason: string }) => c.reason)).toEqual(
        (json.excluded ?? []).map((c: { reason: string }) => c.reason),
      );
      if (json.weighting) expect(details.weighting).toBe(json.weighting.toUpperCase());
    }
  });
});
