import { openOrm } from '../../server/db/orm';
import { seedIfEmpty } from '../../server/fixtures/sondrio';
import type { TestDatabase } from './databases';

/** One database seeded with the Sondrio plan and a copy of it: servers started on each begin from the same rows and ids. */
export async function seededWithCopy(databases: TestDatabase): Promise<{ source: string; copy: string }> {
  const source = await databases.create();
  const orm = await openOrm(source);
  await seedIfEmpty(orm.em);
  await orm.close(true);
  return { source, copy: await databases.copy(source) };
}
