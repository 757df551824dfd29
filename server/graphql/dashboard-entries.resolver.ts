import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { DashboardEntry } from '../entities';
import { createDashboardEntries } from '../services/dashboard-entries';
import type { Context } from './context';
import { DashboardEntryItemInput } from './inputs/portfolio';

@Resolver()
export class DashboardEntriesResolver {
  @Mutation(() => [DashboardEntry], {
    description:
      'Aggiunge molte voci a un cruscotto in una chiamata (un cruscotto di Bergamo ne ha decine): tutte o nessuna, ogni voce rifiutata indicata per posizione; registrato / Adds many entries to one dashboard in one call (a Bergamo cruscotto lists dozens): all or none, each refused entry named by its index; audited',
  })
  createDashboardEntries(
    @Arg('dashboardId', () => ID) dashboardId: string,
    @Arg('entries', () => [DashboardEntryItemInput]) entries: DashboardEntryItemInput[],
    @Ctx() ctx: Context,
  ): Promise<DashboardEntry[]> {
    return createDashboardEntries(ctx, dashboardId, entries);
  }
}
