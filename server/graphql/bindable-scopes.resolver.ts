import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { bindableScopes } from '../sync/bindable-scopes';
import type { Context } from './context';
import { BindableScopes } from './types/bindable-scopes';

/** The pane's scope choice of a new binding, served by the rule that checks the scope (sheet-scope.ts). */
@Resolver()
export class BindableScopesResolver {
  @Query(() => BindableScopes, {
    description:
      "A che cosa chi chiama può limitare un nuovo foglio del piano: le sue unità e i cruscotti che possiedono (un editor di unità), o tutte le unità dell'organizzazione e tutti i cruscotti del piano / What the caller may scope a new sheet of the plan to: their units and the cruscotti those own (a unit editor), or every unit of the organisation and every cruscotto of the plan",
  })
  bindableScopes(@Arg('planId', () => ID) planId: string, @Ctx() ctx: Context): Promise<BindableScopes> {
    return bindableScopes(ctx, planId);
  }
}
