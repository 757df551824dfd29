import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { codeValues } from './code-values';
import type { Context } from './context';
import { CodeValue, CodeValuesInput } from './types/code-values';

/** The read side of Excel's CRUSCOTTO.* formulas: many cells, one request (issue 18, item 2). */
@Resolver()
export class CodeValuesResolver {
  @Query(() => [CodeValue], {
    description:
      "Righe del piano per codice, per le formule CRUSCOTTO.* di Excel: molte celle in una richiesta, ognuna con il suo esito, nello stesso ordine / Plan rows by code, for Excel's CRUSCOTTO.* formulas: many cells in one request, each with its own outcome, in the same order",
  })
  async codeValues(@Arg('input', () => CodeValuesInput) input: CodeValuesInput, @Ctx() ctx: Context) {
    return codeValues(ctx, input.requests);
  }
}
