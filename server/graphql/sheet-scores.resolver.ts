import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { Checkpoint } from '@core/vocabulary/enums';
import { realizationView } from '../services/realization-view';
import type { Context } from './context';
import { scoresSince } from './sheet-scores-read';
import { SheetScopeInput } from './types/sheet-scope';
import { SheetScoresPage } from './types/sheet-scores';

/**
 * The scores of a sheet's rows without the rows (server/sync/score-trail.ts): what the add-in reads after a Sync and
 * on Refresh, given the `cursor` of its previous read, instead of every row's realization each time.
 */
@Resolver()
export class SheetScoresResolver {
  @Query(() => SheetScoresPage, {
    description:
      'Il % di realizzazione delle righe del foglio: di tutte, o con `after` solo di quelle cambiate da quella lettura / The realization of the sheet rows: all of them, or with `after` only those that moved since that read',
  })
  async sheetScores(
    @Arg('planId', () => ID) planId: string,
    @Arg('year', () => Int) year: number,
    @Arg('checkpoint', () => Checkpoint, { defaultValue: Checkpoint.YEAR_END }) checkpoint: Checkpoint,
    @Arg('after', () => String, {
      nullable: true,
      description:
        "Il `cursor` dell'ultima sheetScores: solo i punteggi cambiati da allora (tutti se non è più noto) / The last sheetScores' `cursor`: only the scores moved since (all of them when it is no longer known)",
    })
    after: string | null,
    @Arg('scope', () => SheetScopeInput, {
      nullable: true,
      description:
        "Solo le righe di un foglio di un'unità o di un cruscotto / Only the rows of a unit's or cruscotto's sheet",
    })
    scope: SheetScopeInput | null,
    @Ctx() ctx: Context,
  ): Promise<SheetScoresPage> {
    const { rows, complete, cursor } = await scoresSince(ctx, { planId, year, checkpoint, after, scope });
    const realization = (result: object | undefined) =>
      realizationView(result as Parameters<typeof realizationView>[0], year, checkpoint);
    return {
      rows: rows().map(({ node, result }) => ({ rowId: node.id, realization: realization(result) })),
      complete,
      cursor,
    };
  }
}
