import { Arg, type ClassType, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { User } from '../entities';
import { createApiToken, revokeApiToken } from '../services/api-tokens';
import {
  deactivateUser,
  inviteUser,
  listMembers,
  type Member,
  removeMembership,
  updateMembership,
} from '../services/members';
import type { Context } from './context';
import { ValidInput } from './valid-input';
import { CreateApiTokenInput, InviteUserInput, UpdateMembershipInput } from './inputs/users';
import { ApiTokenInfo, IssuedApiToken, OrganisationMember, tokenInfo, UserAccount } from './types/users';

function account(u: User): UserAccount {
  return { id: u.id, name: u.name, email: u.email, active: u.active, systemAdmin: u.systemAdmin };
}

export function member({ membership, user, tokens }: Member): OrganisationMember {
  return {
    ...account(user),
    organisationId: membership.org.id,
    role: membership.role,
    unitIds: membership.unitIds ?? [],
    tokens: tokens.map(tokenInfo),
  };
}

/** The members of an organisation, whole: for users and, paged, usersConnection. */
export async function membersOf(ctx: Context, organisationId: string): Promise<OrganisationMember[]> {
  return (await listMembers(ctx, organisationId)).map(member);
}

/**
 * People, roles and tokens of an organisation, for its admins (README, "Users, tokens and roles"); inviting and
 * changing a member are MEMBER_CHANGES, below.
 */
@Resolver()
export class UsersResolver {
  @Query(() => [OrganisationMember], {
    description:
      "I membri di un'organizzazione con ruoli e token (amministratori di quella organizzazione) / The members of an organisation with their roles and tokens (admins of that organisation)",
    deprecationReason: 'Usare usersConnection / Use usersConnection',
  })
  users(@Arg('organisationId', () => ID) organisationId: string, @Ctx() ctx: Context): Promise<OrganisationMember[]> {
    return membersOf(ctx, organisationId);
  }

  @Mutation(() => Boolean, {
    description:
      "Toglie una persona da un'organizzazione; l'account e le altre appartenenze restano / Takes a person out of an organisation; their account and other memberships stay",
  })
  removeMembership(
    @Arg('organisationId', () => ID) organisationId: string,
    @Arg('userId', () => ID) userId: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return removeMembership(ctx, organisationId, userId);
  }

  @Mutation(() => UserAccount, {
    description:
      'Disattiva un account: tutti i suoi token smettono di funzionare (amministratori di sistema, o di ogni organizzazione della persona) / Switches an account off: all its tokens stop working (system admins, or an admin of every organisation of the person)',
  })
  async deactivateUser(@Arg('userId', () => ID) userId: string, @Ctx() ctx: Context): Promise<UserAccount> {
    return account(await deactivateUser(ctx, userId));
  }

  @Mutation(() => IssuedApiToken, {
    description:
      'Un nuovo token per sé o per una persona che si amministra; il segreto si mostra solo in questa risposta / A new token for yourself, or for a person you administer; the secret is shown only in this answer',
  })
  async createApiToken(
    @ValidInput(CreateApiTokenInput) input: CreateApiTokenInput,
    @Ctx() ctx: Context,
  ): Promise<IssuedApiToken> {
    const issued = await createApiToken(ctx, input);
    return { secret: issued.secret, token: tokenInfo(issued.token) };
  }

  @Mutation(() => ApiTokenInfo, {
    description:
      'Revoca subito un token (proprio, o di una persona che si amministra) / Revokes a token at once (yours, or of a person you administer)',
  })
  async revokeApiToken(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ApiTokenInfo> {
    return tokenInfo(await revokeApiToken(ctx, id));
  }
}

/** The changes of a membership made from a validated input, each answered with the member as it is after. */
function memberChange<I extends object>(
  name: string,
  input: ClassType<I>,
  change: (ctx: Context, input: I) => Promise<Member>,
  description: string,
): ClassType<object> {
  @Resolver()
  class MemberChange {
    @Mutation(() => OrganisationMember, { name, description })
    async change(@ValidInput(input) given: I, @Ctx() ctx: Context): Promise<OrganisationMember> {
      return member(await change(ctx, given));
    }
  }
  return MemberChange;
}

export const MEMBER_CHANGES: ClassType<object>[] = [
  memberChange(
    'inviteUser',
    InviteUserInput,
    inviteUser,
    "Aggiunge una persona a un'organizzazione con un ruolo; crea l'account se l'indirizzo è nuovo / Adds a person to an organisation with a role; creates the account when the e-mail is new",
  ),
  memberChange(
    'updateMembership',
    UpdateMembershipInput,
    updateMembership,
    "Cambia ruolo e unità di un membro (un'organizzazione tiene almeno un amministratore) / Changes a member's role and units (an organisation keeps at least one admin)",
  ),
];
