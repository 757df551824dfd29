import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Target, TargetRevision } from '../entities';
import type { Context } from './context';

/** The value scoring uses is the latest approved revision (§5.2.1); the original stays visible next to it. */
@Resolver(() => Target)
export class TargetValueResolver {
  private revisions(target: Target, ctx: Context): Promise<TargetRevision[]> {
    return ctx.loaders.childrenOf(TargetRevision, 'target', { seq: 'asc' }).load(target.id);
  }

  @FieldResolver(() => TargetRevision, { nullable: true, description: 'Latest approved revision: the value scoring uses' })
  async effective(@Root() target: Target, @Ctx() ctx: Context): Promise<TargetRevision | null> {
    const approved = (await this.revisions(target, ctx)).filter((r) => r.approved);
    return approved[approved.length - 1] ?? null;
  }

  @FieldResolver(() => TargetRevision, { nullable: true, description: 'The value first adopted' })
  async original(@Root() target: Target, @Ctx() ctx: Context): Promise<TargetRevision | null> {
    return (await this.revisions(target, ctx))[0] ?? null;
  }
}
