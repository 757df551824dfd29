import 'reflect-metadata';
import path from 'node:path';
import { createApp, listen } from './app';
import { config } from './config';
import { dialectOf, openOrm } from './db/orm';
import { seedIfEmpty } from './fixtures/sondrio';
import { ensureLocalAdmin } from './services/users';
import { createLogger } from './ops/logger';
import { installShutdown } from './ops/shutdown';

/** `npm start`: opens the database (applying migrations), loads the example plan on first start, serves GraphQL. */
async function main(): Promise<void> {
  const settings = config();
  const orm = await openOrm(settings.databaseUrl);
  const seeded = await seedIfEmpty(orm.em, { exampleValues: true });
  if (seeded)
    console.log(
      `Loaded the example plan (Sondrio 2022-2024) as plan version ${seeded}, with example 30/6 and 31/12 values for 2022 (not official)`,
    );
  const local = await ensureLocalAdmin(orm.em, path.resolve('data'));
  if (local) {
    console.log(
      `\nNo users yet: created the local system administrator. Its token (shown once, also kept in ${local.file}):\n\n  ${local.token}\n`,
    );
    console.log(
      'Send it as "Authorization: Bearer <token>" (in GraphiQL: the Headers tab). More users: npm run user:create (README).\n',
    );
  }
  const logger = createLogger(settings.ops.logLevel);
  const app = await createApp(orm, { logger });
  const port = await listen(app.httpServer, settings.port, settings.host);
  const where = dialectOf(settings.databaseUrl) === 'postgresql' ? 'PostgreSQL' : `SQLite ${settings.databaseUrl}`;
  console.log(
    `Cruscotto GraphQL server on http://${settings.host}:${port}/graphql (IDE at http://${settings.host}:${port}/), database: ${where}`,
  );
  logger.info(
    { port, host: settings.host, database: dialectOf(settings.databaseUrl), redis: app.coordination !== null },
    'listening',
  );
  installShutdown({
    drain: () => app.drain(),
    release: async () => {
      await app.release();
      await orm.close();
    },
    timeoutMs: settings.ops.shutdownTimeoutMs,
    logger,
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
