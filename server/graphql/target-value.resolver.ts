import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Target, TargetRevision } from '../entities';
import type { Context } from './context';
import { thenMaybe } from './then-maybe';

/** Revisions of a target, oldest first: the order every reader of them shares. */
export const REVISION_ORDER = { seq: 'asc' } as const;

/** The value scoring uses is the latest approved revision (docs/scoring.md §5.2.1); the original stays visible next to it. */
@Resolver(() => Target)
export class TargetValueResolver {
  private revisions(target: Target, ctx: Context): TargetRevision[] | Promise<TargetRevision[]> {
    return ctx.loaders.children(TargetRevision, 'target', REVISION_ORDER, target.id);
  }

  @FieldResolver(() => TargetRevision, {
    nullable: true,
    description:
      'Ultima revisione approvata: il valore usato nel calcolo / Latest approved revision: the value scoring uses',
  })
  effective(@Root() target: Target, @Ctx() ctx: Context): TargetRevision | null | Promise<TargetRevision | null> {
    return thenMaybe(this.revisions(target, ctx), (revisions) => {
      for (let i = revisions.length - 1; i >= 0; i--) if (revisions[i].approved) return revisions[i];
      return null;
    });
  }

  @FieldResolver(() => TargetRevision, {
    nullable: true,
    description: 'Il valore adottato per primo / The value first adopted',
  })
  original(@Root() target: Target, @Ctx() ctx: Context): TargetRevision | null | Promise<TargetRevision | null> {
    return thenMaybe(this.revisions(target, ctx), (revisions) => revisions[0] ?? null);
  }
}
