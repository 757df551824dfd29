import { ChangeSource, Checkpoint } from '@core/vocabulary/enums';
import type { SheetRowIn } from '@core/sheet/row';
import { syncRows } from '../../server/sync/sync-rows';
import type { TestServer } from './server';

/**
 * A sheet sync on `server`'s own ORM (in this process) that stays open, its rows written and not committed, while
 * `whileOpen` runs (its afterWrite seam): what a pane reads meanwhile over HTTP is what a read during a colleague's
 * slow sync sees. Partial, 2022 at year end, as Anna Rossi from the add-in.
 */
export function openSync(server: TestServer, planId: string, rows: SheetRowIn[], whileOpen: () => Promise<void>) {
  return syncRows(
    {
      em: server.orm.em.fork(),
      actor: 'Anna Rossi',
      source: ChangeSource.ADDIN,
      sourceDetail: null,
      fastPaths: true,
      snapshots: server.app.snapshots,
    },
    { planId, year: 2022, checkpoint: Checkpoint.YEAR_END, mode: 'partial', rows },
    { afterWrite: whileOpen },
  );
}
