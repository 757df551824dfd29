/**
 * codeValues (issue 18, item 2): what Excel's CRUSCOTTO.* formulas read, many cells in one request. Each cell is
 * answered on its own, in the order asked: a known code with the same numbers sheetRows gives, an unknown code and
 * another organisation's plan as problems of that cell only; the plan is read once per plan, year and checkpoint.
 */
import { describeOnSondrio } from '../helpers/sondrio-server';
import { edit, ok, sync, type SheetRow } from '../helpers/sync';
import { createOtherPlan } from '../helpers/other-plan';

const CODE_VALUES = `query($requests: [CodeValueRequest!]!) { codeValues(input: { requests: $requests }) {
  planId code year checkpoint rowId level problem actual { raw number } target { raw number }
  realization { status score display details { rule formula } } } }`;

describeOnSondrio('codeValues: plan rows by code for Excel formulas (%s)', (sondrio) => {
  it('answers each cell as sheetRows does, in the order asked, problems per cell', async () => {
    const { server, plan } = sondrio;
    const indicator = plan.rows.find((r) => r.level === 'INDICATOR' && r.target && r.code)!;
    // an actual, so the indicator has a score to show
    await sync(server, { planId: plan.planId, rows: [edit(indicator, { actual: indicator.target!.raw })] });
    const { rows } = ok(
      await server.gql(
        `query($p: ID!) { sheetRows(planId: $p, year: 2022) { rows { rowId level code actual { raw } target { raw }
          realization { score display explanation } } } }`,
        { p: plan.planId },
      ),
    ).sheetRows as { rows: Array<SheetRow & { realization: { score: number; display: string; explanation: any } }> };
    const read = rows.find((r) => r.rowId === indicator.rowId)!;
    const strategic = rows.find((r) => r.level === 'STRATEGIC')!;
    const other = await createOtherPlan(server);
    const viewer = await server.as('viewer', plan.orgId);
    const requests = [
      { planId: plan.planId, code: indicator.code, year: 2022 },
      { planId: plan.planId, code: ' 9.9.9 ', year: 2022 },
      { planId: plan.planId, code: strategic.code, year: 2022, checkpoint: 'YEAR_END' },
      { planId: other.planId, code: '1.1.1', year: 2022 },
      { planId: plan.planId, code: indicator.code, year: 2022, checkpoint: 'MID_YEAR' },
    ];
    server.statements.length = 0;
    const answers = ok(await viewer.gql(CODE_VALUES, { requests })).codeValues;
    expect(answers.map((a: { code: string; problem: string | null }) => [a.code, a.problem])).toEqual([
      [indicator.code, null],
      [' 9.9.9 ', 'UNKNOWN_CODE'],
      [strategic.code, null],
      // the viewer belongs to Sondrio only: the other organisation's plan reads as missing
      ['1.1.1', 'PLAN_NOT_FOUND'],
      [indicator.code, null],
    ]);
    expect(answers[0]).toMatchObject({
      rowId: indicator.rowId,
      level: 'INDICATOR',
      actual: { raw: read.actual!.raw },
      target: { raw: read.target!.raw },
      realization: { score: read.realization!.score, display: read.realization!.display },
    });
    expect(answers[0].realization.details.rule).toBe(String(read.realization!.explanation.rule).toUpperCase());
    expect(answers[0].realization.details.formula).toEqual(expect.any(String));
    expect(answers[2]).toMatchObject({ rowId: strategic.rowId, level: 'STRATEGIC' });
    expect(answers[2].realization.score).toBe(strategic.realization!.score);
    // the administrator sees the other plan's row
    const admin = ok(await server.gql(CODE_VALUES, { requests: [requests[3]] })).codeValues[0];
    expect(admin).toMatchObject({ problem: null, rowId: other.indicatorId, level: 'INDICATOR' });
  });

  it('reads the plan once per plan, year and checkpoint however many cells', async () => {
    const { server, plan } = sondrio;
    const codes = plan.rows.filter((r) => r.code).map((r) => r.code!);
    const one = [{ planId: plan.planId, code: codes[0], year: 2022 }];
    const many = Array.from({ length: 1000 }, (_, i) => ({
      planId: plan.planId,
      code: codes[i % codes.length],
      year: 2022,
    }));
    server.statements.length = 0;
    ok(await server.gql(CODE_VALUES, { requests: one }));
    const forOne = server.statements.length;
    server.statements.length = 0;
    const answers = ok(await server.gql(CODE_VALUES, { requests: many })).codeValues;
    expect(answers).toHaveLength(1000);
    expect(answers.every((a: { problem: string | null }) => a.problem === null)).toBe(true);
    expect(server.statements.length).toBeLessThanOrEqual(forOne);
  });

  it('answers cells beyond four plan, year and checkpoint combinations apart, and refuses an oversized list', async () => {
    const { server, plan } = sondrio;
    const code = plan.rows.find((r) => r.level === 'STRATEGIC')!.code;
    const requests = [2022, 2023, 2024, 2025, 2026].map((year) => ({ planId: plan.planId, code, year }));
    const answers = ok(await server.gql(CODE_VALUES, { requests })).codeValues as Array<{ problem: string | null }>;
    expect(answers.slice(0, 4).map((a) => a.problem)).not.toContain('TOO_MANY_PLANS');
    expect(answers[4].problem).toBe('TOO_MANY_PLANS');
    const huge = Array.from({ length: 5001 }, () => ({ planId: plan.planId, code, year: 2022 }));
    const refused = await server.gql(CODE_VALUES, { requests: huge });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
