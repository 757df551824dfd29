import { ValidateNested } from 'class-validator';
import { Args, ArgsType, Ctx, Query, Resolver } from 'type-graphql';
import { realizationView } from '../services/realization-view';
import type { Context } from './context';
import { Optional } from './inputs/fields';
import { PlanPeriodArgs } from './period-args';
import { scoresSince } from './sheet-scores-read';
import { SheetScopeInput } from './types/sheet-scope';
import { SheetScoresPage } from './types/sheet-scores';

/** A sheet's scores: all of them, or those moved since a read, of the whole plan or of one unit's or cruscotto's sheet */
@ArgsType()
class SheetScoresArgs extends PlanPeriodArgs {
  @Optional(
    String,
    "Il `cursor` dell'ultima sheetScores: solo i punteggi cambiati da allora (tutti se non è più noto) / The last sheetScores' `cursor`: only the scores moved since (all of them when it is no longer known)",
  )
  after!: string | null;

  @Optional(
    SheetScopeInput,
    "Solo le righe di un foglio di un'unità o di un cruscotto / Only the rows of a unit's or cruscotto's sheet",
  )
  @ValidateNested()
  scope!: SheetScopeInput | null;
}

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
  async sheetScores(@Args(() => SheetScoresArgs) args: SheetScoresArgs, @Ctx() ctx: Context): Promise<SheetScoresPage> {
    const { year, checkpoint } = args;
    const { rows, complete, cursor } = await scoresSince(ctx, args);
    const realization = (result: object | undefined) =>
      realizationView(result as Parameters<typeof realizationView>[0], year, checkpoint);
    return {
      rows: rows().map(({ node, result }) => ({ rowId: node.id, realization: realization(result) })),
      complete,
      cursor,
    };
  }
}
