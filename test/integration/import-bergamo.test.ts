/**
 * Both Bergamo drafts written to the real database (SQLite and PostgreSQL) through the framework's writer, then the
 * realization of every strategic objective and dashboard asked over HTTP: the imported plan must be scoreable
 * without errors (no actuals yet, so every score is empty, never 0).
 */
import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import { readSource } from '../../server/import/registry';
import { writePlan } from '../../server/import/write-plan';
import { databaseNames } from '../helpers/databases';
import { type GraphQLResponse, startServer, type TestServer } from '../helpers/server';
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
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(dialect, { seed: false });
  });
  afterAll(() => server.close());

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
});
