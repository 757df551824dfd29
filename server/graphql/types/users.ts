import { type ClassType, Field, ID, ObjectType } from 'type-graphql';
import { Role } from '@core/vocabulary/roles';
import type { ApiToken } from '../../entities';
import { Nullable } from '../nullable';
import { AnswerType } from '../answer-type';

/** A token as its owner and their admins may see it: never the secret, never its hash. */
@AnswerType(
  'Un token API, senza il segreto (mostrato una volta sola, alla creazione) / An API token, without its secret (shown only once, when it is created)',
)
export class ApiTokenInfo {
  @Field(() => ID) id!: string;
  @Field({
    description:
      'i primi caratteri del token (cru_ e altri 8), per riconoscerlo / the first characters of the token (cru_ and 8 more), to recognise it',
  })
  prefix!: string;
  @Field(() => String, { nullable: true }) label!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) expiresAt!: Date | null;
  @Nullable(Date, 'al minuto / to the minute') lastUsedAt!: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
}

@AnswerType(
  "Un nuovo token: il segreto è solo in questa risposta; il server ne tiene solo l'impronta / A new token: the secret is in this answer only; the server keeps only its hash",
)
export class IssuedApiToken {
  @Field({
    description:
      'inviarlo come "Authorization: Bearer <secret>"; conservarlo ora, non si potrà rileggere / send it as "Authorization: Bearer <secret>"; store it now, it cannot be read again',
  })
  secret!: string;
  @Field(() => ApiTokenInfo) token!: ApiTokenInfo;
}

@AnswerType('Una persona che può accedere / A person who can sign in')
export class UserAccount {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() email!: string;
  @Field({
    description:
      "false: ogni token dell'utente è rifiutato (USER_DISABLED) / false: every token of the user is refused (USER_DISABLED)",
  })
  active!: boolean;
  @Field({
    description: 'può creare organizzazioni e agire in tutte / may create organisations and act in all of them',
  })
  systemAdmin!: boolean;
}

/**
 * The fields of one membership (organisation, role, units), for the caller's own (`me`) and for the members an
 * administrator lists: a type-graphql mixin, since a member is also a user account.
 */
export function withMembership<Base extends ClassType>(base: Base) {
  @ObjectType() // not in the schema by itself: only the types that extend it are reachable
  class Membership extends base {
    @Field(() => ID) organisationId!: string;
    @Field(() => Role) role!: Role;
    @Field(() => [ID], {
      description:
        'per un redattore di unità: le unità di cui può inserire i valori / for a unit editor: the units whose actual values they may enter',
    })
    unitIds!: string[];
  }
  return Membership;
}

@AnswerType(
  "Una persona di un'organizzazione, il suo ruolo lì e i suoi token / A person of an organisation, their role there and their tokens",
)
export class OrganisationMember extends withMembership(UserAccount) {
  @Field(() => [ApiTokenInfo], {
    description: 'dal più recente, compresi revocati e scaduti / newest first, revoked and expired ones included',
  })
  tokens!: ApiTokenInfo[];
}

export function tokenInfo(t: ApiToken): ApiTokenInfo {
  return {
    id: t.id,
    prefix: t.prefix,
    label: t.label ?? null,
    createdAt: t.createdAt,
    expiresAt: t.expiresAt ?? null,
    lastUsedAt: t.lastUsedAt ?? null,
    revokedAt: t.revokedAt ?? null,
  };
}
