import 'reflect-metadata';
import path from 'node:path';
import { createApp, listen } from './app';
import { readConfig } from './db/config';
import { dialectOf, openOrm } from './db/orm';
import { seedIfEmpty } from './fixtures/sondrio';
import { ensureLocalAdmin } from './services/users';

/** `npm start`: opens the database (applying migrations), loads the example plan on first start, serves GraphQL. */
async function main(): Promise<void> {
  const config = readConfig();
  const orm = await openOrm(config.databaseUrl);
  const seeded = await seedIfEmpty(orm.em);
  if (seeded) console.log(`Loaded the example plan (Sondrio 2022-2024) as plan version ${seeded}`);
  const local = await ensureLocalAdmin(orm.em, path.resolve('data'));
  if (local) {
    console.log(`\nNo users yet: created the local system administrator. Its token (shown once, also kept in ${local.file}):\n\n  ${local.token}\n`);
    console.log('Send it as "Authorization: Bearer <token>" (in GraphiQL: the Headers tab). More users: npm run user:create (README).\n');
  }
  const app = await createApp(orm);
  const port = await listen(app.httpServer, config.port, config.host);
  const where = dialectOf(config.databaseUrl) === 'postgresql' ? 'PostgreSQL' : `SQLite ${config.databaseUrl}`;
  console.log(`Cruscotto GraphQL server on http://${config.host}:${port}/graphql (IDE at http://${config.host}:${port}/), database: ${where}`);
  const shutdown = async () => {
    await app.stop();
    await orm.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
