import { Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { tokensOf } from '../services/api-tokens';
import type { Context } from './context';
import { ApiTokenInfo, tokenInfo, withMembership } from './types/users';
import { AnswerType } from './answer-type';

@AnswerType("Un ruolo di chi chiama in un'organizzazione / A role of the caller in one organisation")
class MyMembership extends withMembership(class {}) {}

@AnswerType('Chi chiama, come lo identifica il suo token / The caller, as their token identifies them')
class Me {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() email!: string;
  @Field({
    description: 'può creare organizzazioni e agire in tutte / may create organisations and act in all of them',
  })
  systemAdmin!: boolean;
  @Field(() => [MyMembership]) memberships!: MyMembership[];
}

/** Lets a client (the add-in) check its token and show what its user may do. */
@Resolver(() => Me)
export class MeResolver {
  @Query(() => Me, { description: 'Di chi è il token, e i suoi ruoli / Who the token belongs to and their roles' })
  me(@Ctx() ctx: Context): Me {
    const { user } = ctx;
    return {
      id: user.id,
      name: user.name,
      email: user.email,
      systemAdmin: user.systemAdmin,
      memberships: user.memberships
        .getItems()
        .map((m) => ({ organisationId: m.org.id, role: m.role, unitIds: m.unitIds ?? [] })),
    };
  }

  @FieldResolver(() => [ApiTokenInfo], {
    description:
      'I propri token, dal più recente (mai i segreti); revocarne uno con revokeApiToken / Your tokens, newest first (never their secrets); revoke one with revokeApiToken',
  })
  async tokens(@Root() me: Me, @Ctx() ctx: Context): Promise<ApiTokenInfo[]> {
    return (await tokensOf(ctx.em, me.id)).map(tokenInfo);
  }
}
