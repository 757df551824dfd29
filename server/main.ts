import 'reflect-metadata';
import { createApp, listen } from './app';
import { readConfig } from './db/config';
import { dialectOf, openOrm } from './db/orm';
import { seedIfEmpty } from './fixtures/sondrio';

/** `npm start`: opens the database (applying migrations), loads the example plan on first start, serves GraphQL. */
async function main(): Promise<void> {
  const config = readConfig();
  const orm = await openOrm(config.databaseUrl);
  const seeded = await seedIfEmpty(orm.em);
  if (seeded) console.log(`Loaded the example plan (Sondrio 2022-2024) as plan version ${seeded}`);
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
