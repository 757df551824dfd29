/**
 * Both Bergamo drafts written to the real database (SQLite and PostgreSQL) through the framework's writer, then the
 * realization of every strategic objective and dashboard asked over HTTP: the imported plan must be scoreable
 * without errors (no actuals yet, so every score is empty, never 0).
 */
import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import { Indicator } from '../../server/entities';
import { readSource } from '../../server/import/registry';
import { writePlan } from '../../server/import/write-plan';
import { databaseNames } from '../helpers/databases';
import { type GraphQLResponse, withServer } from '../helpers/server';
import { SEEDS as SEED_DIR } from '../helpers/seeds';

function ok<T = any>(result: GraphQLResponse<T>): T {
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

const BERGAMO_SEEDS = [
  { file: '000_48094bd99496ed76.txt', format: 'bergamo-2020', year: 2020, objectives: 12 },
  { file: '002_cb68e27bcf5376bc.txt', format: 'bergamo-2021', year: 2021, objectives: 12 },
];

describe.each(databaseNames())('Bergamo imports written to the database (%s)', (dialect) => {
  const server = withServer(dialect, { seed: false });

  it.each(BERGAMO_SEEDS)(
    'writes $format and computes its realization without errors',
    async ({ file, format, year, objectives }) => {
      const text = readFileSync(`${SEED_DIR}/${file}`, 'utf8');
      const { importer, draft, review } = readSource(text, file);
      expect(importer.id).toBe(format);
      const sha256 = createHash('sha256').update(text).digest('hex');
      const result = await writePlan(server.orm.em.fork(), draft, review, { fileName: file, sha256 });
      expect(result.created).toBe(true);
      const planId = result.planId as string;

      const data = ok(
        await server.gql(
          `query($p: ID!) { strategicObjectives(filter: { planId: $p }) { code realization(year: ${year}) { status score errors } } }`,
          { p: planId },
        ),
      );
      expect(data.strategicObjectives).toHaveLength(objectives);
      for (const s of data.strategicObjectives) expect(s.realization.score).toBeNull();

      // The same file again changes nothing (idempotent import).
      const again = await writePlan(server.orm.em.fork(), readSource(text, file).draft, review, {
        fileName: file,
        sha256,
      });
      expect(again).toMatchObject({ alreadyImported: true, planId });
    },
  );

  // Issue 17, item 3: the service whose dashboard lists an indicator is its responsible unit, so an editor of that
  // unit (and no one else's) can enter its actual value through the same sync as the add-in.
  it.each(BERGAMO_SEEDS)(
    'a unit editor of a service enters the actual of $format indicators that service lists',
    async ({ file, year }) => {
      const text = readFileSync(`${SEED_DIR}/${file}`, 'utf8');
      const { draft, review } = readSource(text, file);
      const sha256 = createHash('sha256').update(text).digest('hex');
      const { planId } = await writePlan(server.orm.em.fork(), draft, review, { fileName: file, sha256 });
      const em = server.orm.em.fork();
      const indicators = await em.find(
        Indicator,
        { plan: planId as string },
        { populate: ['responsibleUnits', 'plan.cycle.org'] },
      );
      // Every indicator a service dashboard lists has a unit; the others are named in one review entry.
      const linked = indicators.filter((i) => i.responsibleUnits.length > 0);
      const unitless = review.entries.find((e) => e.code === 'UNIT_NOT_NAMED')!;
      expect(linked.length).toBe(indicators.length - Number(/^(\d+) indicator/.exec(unitless.message)![1]));
      expect(linked.length).toBeGreaterThan(150);
      // One indicator of exactly one service, and one that service does not list.
      const own = linked.find((i) => i.responsibleUnits.length === 1)!;
      const service = own.responsibleUnits[0];
      const foreign = linked.find((i) => !i.responsibleUnits.getItems().some((u) => u.id === service.id))!;
      const orgId = own.plan.cycle.org.id;
      const editor = await server.as('unit_editor', orgId, [service.id]);

      const rows = ok(
        await server.gql(
          `query($p: ID!) { sheetRows(planId: $p, year: ${year}) { rows { rowId rowVersion responsibleUnits } } }`,
          {
            p: planId,
          },
        ),
      ).sheetRows.rows as Array<{ rowId: string; rowVersion: number; responsibleUnits: string[] }>;
      const version = (id: string) => rows.find((r) => r.rowId === id)!.rowVersion;
      expect(rows.find((r) => r.rowId === own.id)!.responsibleUnits).toEqual([service.name]);
      const result = ok(
        await editor.gql(
          `mutation($i: SyncBatchInput!) { syncRows(input: $i) { applied rows { status errors { column code } } } }`,
          {
            i: {
              planId,
              year,
              checkpoint: 'YEAR_END',
              mode: 'PARTIAL',
              rows: [
                { rowId: own.id, rowVersion: version(own.id), actual: '42' },
                { rowId: foreign.id, rowVersion: version(foreign.id), actual: '7' },
              ],
            },
          },
        ),
      ).syncRows;
      expect(result.applied).toBe(1);
      expect(result.rows.map((r: any) => [r.status, r.errors.map((e: any) => `${e.column}:${e.code}`)])).toEqual([
        ['UPDATED', []],
        ['REJECTED', ['actual:FORBIDDEN']],
      ]);
      const after = ok(
        await server.gql(`query($p: ID!) { sheetRows(planId: $p, year: ${year}) { rows { rowId actual { raw } } } }`, {
          p: planId,
        }),
      ).sheetRows.rows as Array<{ rowId: string; actual: { raw: string } | null }>;
      expect(after.find((r) => r.rowId === own.id)!.actual?.raw).toBe('42');
      expect(after.find((r) => r.rowId === foreign.id)!.actual).toBeNull();
    },
  );
});
