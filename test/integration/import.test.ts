/**
 * Importing the seed plans end to end, on SQLite and PostgreSQL: the service path the command line uses writes the
 * plan, the realization API scores it, a second import is idempotent, a changed file needs `replace` and then becomes
 * a new revision, and the GraphQL mutation refuses bad uploads with a clear error.
 */
import * as fs from 'fs';
import { Indicator, ManagerAssignment, PlanVersion, TargetRevision } from '../../server/entities';
import { AuditEvent } from '../../server/entities/audit-event';
import { loadSondrioPlan } from '../../server/fixtures/sondrio';
import { importPlan } from '../../server/import/import-plan';
import { readSource } from '../../server/import/registry';
import { InputError } from '../../server/errors';
import { databaseNames } from '../helpers/databases';
import { getFile } from '../helpers/files';
import { type GraphQLResponse, startServer, type TestServer } from '../helpers/server';
import { seedPath } from '../helpers/seeds';

const sondrio = fs.readFileSync(seedPath('004_fa97ad9e72b5b7ce.txt'), 'utf8');
const brescia = fs.readFileSync(seedPath('003_a0c237837c23239d.txt'), 'utf8');

function ok<T = any>(result: GraphQLResponse<T>): T {
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

const IMPORT = `mutation($input: ImportPlanInput!) { importPlan(input: $input) {
  planId created alreadyImported revision format sha256 message
  review { counts { read inferred unreadable warning } entries { kind code message messageIt line evidence subject } } } }`;

describe.each(databaseNames())('importing plans (%s)', (dialect) => {
  let server: TestServer;
  let sondrioPlan: string;

  beforeAll(async () => {
    server = await startServer(dialect);
  });
  afterAll(() => server.close());

  const cli = (content: string, extra: Record<string, unknown> = {}) =>
    importPlan(
      { em: server.orm.em.fork(), actor: 'cli:test' },
      { content, fileName: '004_fa97ad9e72b5b7ce.txt', ...extra },
    );

  it('the command-line path writes the Sondrio plan in a bounded number of statements, with an import audit event', async () => {
    server.statements.length = 0;
    const result = await cli(sondrio);
    const statements = server.statements.length;
    expect(result).toMatchObject({ created: true, alreadyImported: false, revision: 0, format: 'sondrio' });
    sondrioPlan = result.planId!;
    const em = server.orm.em.fork();
    expect(await em.count(Indicator, { plan: sondrioPlan })).toBe(48);
    expect(await em.count(TargetRevision, { target: { plan: sondrioPlan } })).toBe(142);
    // One INSERT per table (and per pivot), a handful of look-ups: not one statement per row (400+ rows here).
    expect(statements).toBeLessThan(60);
    const audit = await em.findOneOrFail(AuditEvent, { entityId: sondrioPlan, entityType: 'PlanVersion' });
    expect(audit.source).toBe('import');
    expect(audit.sourceDetail).toBe(`004_fa97ad9e72b5b7ce.txt sha256:${result.sha256}`);
    expect(audit.after).toMatchObject({ format: 'sondrio', sha256: result.sha256 });
  });

  it('the imported plan answers the realization API: step bands, and OS 3 invalid for the lost weight of OO 3.2', async () => {
    const list = ok(
      await server.gql(
        `query($p: ID!) { indicators(filter: { planId: $p }, first: 500) { edges { node { id code polarity polarityConfirmed polarityEvidence } } }
      strategicObjectives(filter: { planId: $p }) { id code } }`,
        { p: sondrioPlan },
      ),
    );
    const ids = Object.fromEntries(list.indicators.edges.map((e: any) => [e.node.code, e.node]));
    expect(ids['3.1.1']).toMatchObject({
      polarity: 'LOWER',
      polarityConfirmed: false,
      polarityEvidence:
        'target 20 < soglia 25 < soglia 29: più basso è meglio — target 20 < soglia 25 < soglia 29: lower is better',
    });
    for (const [code, value] of [
      ['1.1.2', '11'],
      ['1.1.3', '70'],
      ['3.1.1', '27'],
    ]) {
      ok(
        await server.gql(
          `mutation($i: ID!, $v: String!) { createMeasurement(input: { indicatorId: $i, year: 2022, value: $v }) { id } }`,
          { i: ids[code].id, v: value },
        ),
      );
    }
    const score = async (code: string) =>
      ok(
        await server.gql(`query($id: ID!) { indicator(id: $id) { realization(year: 2022) { display rule } } }`, {
          id: ids[code].id,
        }),
      ).indicator.realization;
    expect(await score('1.1.2')).toMatchObject({ display: '80%', rule: 'BANDS' });
    expect(await score('1.1.3')).toMatchObject({ display: '60%' });
    expect(await score('3.1.1')).toMatchObject({ display: '60%' });
    const os3 = list.strategicObjectives.find((s: any) => s.code === '3').id;
    const r = ok(
      await server.gql(
        `query($id: ID!) { strategicObjective(id: $id) { realization(year: 2022) { status score errors } } }`,
        { id: os3 },
      ),
    ).strategicObjective.realization;
    expect(r.score).toBeNull();
    expect(r.errors.join(' ')).toContain('WEIGHT_MISSING');
  });

  it('stores the same indicators, weights, targets and thresholds as the hand-checked fixture loader', async () => {
    const fixturePlan = await loadSondrioPlan(server.orm.em.fork(), 'CCIAA-SO-FIXTURE');
    const em = server.orm.em.fork();
    const shape = async (planId: string) => {
      const rows = await em.find(
        TargetRevision,
        { target: { plan: planId } },
        { populate: ['target', 'target.indicator', 'target.indicator.operationalObjective'] },
      );
      return rows
        .map((r) => {
          const i = r.target.indicator;
          return [
            i.code,
            i.title,
            i.weight,
            i.unit,
            i.valueKind,
            i.polarity,
            i.rule ?? null,
            i.operationalObjective?.weight ?? null,
            r.target.year,
            r.target.polarity ?? null,
            r.target.thresholds,
            r.value,
          ]
            .map((v) => JSON.stringify(v))
            .join(' ');
        })
        .sort();
    };
    expect(await shape(sondrioPlan)).toEqual(await shape(fixturePlan));
  });

  it('a second import of the same file changes nothing and says so', async () => {
    const before = await server.orm.em.fork().count(Indicator, {});
    const again = await cli(sondrio);
    expect(again).toMatchObject({ created: false, alreadyImported: true, planId: sondrioPlan });
    expect(again.message).toMatch(/^Already imported/);
    expect(await server.orm.em.fork().count(Indicator, {})).toBe(before);
  });

  it('a changed file for the same plan version is refused without replace; with replace it is a new revision and the old plan is untouched', async () => {
    const changed = sondrio.replace('\t12\t10\t8\t15\t18\t', '\t13\t10\t8\t15\t18\t');
    expect(changed).not.toBe(sondrio);
    await expect(cli(changed)).rejects.toThrow(InputError);
    await expect(cli(changed)).rejects.toThrow(/already exists in CCIAA-SO.*replace/);
    const replaced = await cli(changed, { replace: true });
    expect(replaced).toMatchObject({ created: true, revision: 1 });
    const em = server.orm.em.fork();
    const plan = await em.findOneOrFail(PlanVersion, replaced.planId!, { populate: ['previousVersion'] });
    expect(plan.previousVersion?.id).toBe(sondrioPlan);
    const value = async (planId: string) =>
      (
        await em.findOneOrFail(TargetRevision, {
          target: { plan: planId, year: 2022, indicator: { code: '1.1.2' } },
          seq: 0,
        })
      ).value.raw;
    expect(await value(replaced.planId!)).toBe('13');
    expect(await value(sondrioPlan)).toBe('12');
    expect(await em.count(Indicator, { plan: sondrioPlan })).toBe(48);
  });

  it('a dry run reads and reports but writes nothing', async () => {
    const before = await server.orm.em.fork().count(PlanVersion, {});
    const dry = await cli(sondrio.replace('\t12\t10\t8\t15\t18\t', '\t14\t10\t8\t15\t18\t'), {
      dryRun: true,
      replace: true,
    });
    expect(dry).toMatchObject({ planId: null, created: false, revision: 2 });
    expect(dry.review.counts().unreadable).toBeGreaterThan(0);
    expect(await server.orm.em.fork().count(PlanVersion, {})).toBe(before);
  });

  // What a dry run of Brescia warned of, compared below with what the real import warns of.
  let dryWarnings: string[] = [];
  const warningsOf = (entries: Array<{ kind: string; code: string; line?: number | null; subject?: string | null }>) =>
    entries
      .filter((e) => e.kind.toLowerCase() === 'warning')
      .map((e) => `${e.code} ${e.line ?? '-'} ${e.subject ?? ''}`)
      .sort();

  it('a dry run goes through the whole write, reading the database only, so it warns of what the import will', async () => {
    const before = await server.orm.em.fork().count(PlanVersion, {});
    server.statements.length = 0;
    const dry = await cli(brescia, { dryRun: true, fileName: '003_a0c237837c23239d.txt' });
    expect(dry).toMatchObject({ planId: null, created: false, revision: 0 });
    expect(server.statements.some((sql) => /^\s*(insert|update|delete)\b/i.test(sql))).toBe(false);
    expect(await server.orm.em.fork().count(PlanVersion, {})).toBe(before);
    dryWarnings = warningsOf(dry.review.entries);
    // The writer's own findings are in the dry run's review: on Brescia the effort texts of cards 2.1 and 2.2, cut
    // to their column, which a dry run that stopped after reading never said (17 warnings against 19 once).
    const readOnly = warningsOf(readSource(brescia, '003.txt').review.entries);
    expect(dryWarnings.filter((w) => !readOnly.includes(w))).toEqual([
      'TEXT_CUT_TO_FIELD 3304 operational objective 2.1',
      'TEXT_CUT_TO_FIELD 3608 operational objective 2.2',
    ]);
  });

  it('the GraphQL mutation imports the Brescia cards with their review, manager weights before and after, and is idempotent', async () => {
    const input = { fileName: '003_a0c237837c23239d.txt', content: brescia };
    const result = ok(await server.gql(IMPORT, { input })).importPlan;
    expect(result).toMatchObject({ created: true, alreadyImported: false, format: 'brescia', revision: 0 });
    expect(warningsOf(result.review.entries)).toEqual(dryWarnings);
    // Card 2.4 keeps its own perspective (003:4050) and the people it names as Responsabili (003:4192-4193).
    const card = ok(
      await server.gql(
        `query($p: ID!) { operationalObjectivesConnection(filter: { planId: $p, code: "2.4" }) {
          edges { node { code cardPerspective responsiblePersons { fullName } } } } }`,
        { p: result.planId },
      ),
    ).operationalObjectivesConnection.edges[0].node;
    expect(card.cardPerspective).toBe('Tutela della legalità nel sistema economico');
    // …and the Brescia plan layout prints it as the card's "Prospettiva", not the cross-cutting objective's.
    const layout = await getFile(server, `/reports/plan-brescia.html?planId=${result.planId}&year=2020`);
    expect(layout.status).toBe(200);
    const html = layout.body.toString('utf8');
    const card24 = html.slice(html.indexOf('Obiettivo operativo 2.4'), html.indexOf('Obiettivo operativo 3.1'));
    expect(card24).toContain('Tutela della legalità nel sistema economico');
    expect(card24).not.toContain('Trasversale a tutte le aree');
    expect(card.responsiblePersons.map((p: { fullName: string }) => p.fullName).sort()).toEqual(
      ['Edoardo Perrotta', 'Laura Giusti', 'Liviana Ventura', 'Marialaura Chiroli'].sort(),
    );
    expect(result.review.counts.unreadable).toBeGreaterThan(0);
    const typo = result.review.entries.find((e: any) => e.code === 'INCENTIVE_MISMATCH' && e.line === 4917);
    expect(typo).toMatchObject({ kind: 'WARNING', evidence: '3.100 euro x 1 = 3.100 euro' });
    expect(typo.messageIt).toContain('3.106');
    const em = server.orm.em.fork();
    const vairano = await em.find(
      ManagerAssignment,
      { plan: result.planId, manager: { fullName: 'Antonella Vairano' }, operationalObjective: { code: '1.2' } },
      { orderBy: { weight: 'desc' } },
    );
    expect(vairano.map((a) => [a.weight, a.validFrom ?? null, a.validTo ?? null])).toEqual([
      [50, null, '2020-06-30'],
      [40, '2020-07-01', null],
    ]);
    const again = ok(await server.gql(IMPORT, { input })).importPlan;
    expect(again).toMatchObject({ created: false, alreadyImported: true, planId: result.planId });
  });

  it('bad uploads get a clear BAD_USER_INPUT error and write nothing', async () => {
    const plans = await server.orm.em.fork().count(PlanVersion, {});
    const refuse = async (input: Record<string, unknown>) => {
      const r = await server.gql(IMPORT, { input: { fileName: 'plan.txt', ...input } });
      expect(r.data).toBeFalsy();
      expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      return r.errors![0].extensions!.problems[0];
    };
    expect(await refuse({ content: 'Prospettiva\n\tx\u0000y' })).toMatchObject({
      field: 'content',
      code: 'CONTROL_CHARACTER',
      message: expect.stringContaining('line 2, column 3: control character U+0000'),
    });
    expect(await refuse({ content: 'x'.repeat(2 * 1024 * 1024 + 1) })).toMatchObject({
      field: 'content',
      code: 'TOO_LARGE',
    });
    expect(await refuse({ content: 'a\n'.repeat(50_001) })).toMatchObject({ code: 'TOO_MANY_LINES' });
    expect(await refuse({ content: 'just some prose, no plan' })).toMatchObject({
      field: 'format',
      code: 'FORMAT_NOT_RECOGNISED',
      message: expect.stringContaining('no importer recognises'),
    });
    expect(await refuse({ content: sondrio, format: 'nonsense' })).toMatchObject({
      field: 'format',
      message: expect.stringContaining('unknown format "nonsense"'),
    });
    expect(await refuse({ content: sondrio, format: 'brescia' })).toMatchObject({
      field: 'format',
      message: expect.stringContaining('no Brescia objective cards'),
    });
    expect(await refuse({ content: '   ' })).toMatchObject({ code: 'EMPTY' });
    expect(await server.orm.em.fork().count(PlanVersion, {})).toBe(plans);
  });
});
