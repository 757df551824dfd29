/**
 * Errors raised for the caller to fix, by authentication (auth/), the services, the sheet sync and the HTTP routes
 * alike: a module of its own that imports nothing, so any layer can raise them without importing another layer.
 * They carry no SQL, stack or submitted values; the GraphQL layer (graphql/errors.ts) and the report routes turn
 * them into typed errors (extensions.code) and everything else into "Internal server error".
 */
import { entityIt, italianMatch, italianOf } from './italian';

export { bilingual, italianOf } from './italian';

/** `message` in English; `messageIt`, when the raiser wrote it, in Italian (else the table of italian.ts gives it). */
export type FieldProblem = { field: string; code: string; message: string; messageIt?: string };

export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract details(): Record<string, unknown>;
  /** The same message in Italian: what a caller reads first (issue 14, item 6). */
  get messageIt(): string {
    return italianOf(this.message, this.code);
  }
}

/**
 * An error in GraphQL's response shape, for the HTTP routes and guards that answer before or beside GraphQL:
 * `message` "Italian / English", `extensions` with the code, each language alone and the details.
 */
export function errorBody(
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
  messageIt: string = italianOf(message, code),
) {
  const text = messageIt === message ? message : `${messageIt} / ${message}`;
  return { errors: [{ message: text, extensions: { code, messageIt, messageEn: message, ...extra } }] };
}

/** A problem with its Italian words filled in. */
export function problemIt(p: FieldProblem): FieldProblem & { messageIt: string } {
  return { ...p, messageIt: p.messageIt ?? italianOf(p.message, p.code) };
}

export class InputError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly problems: FieldProblem[]) {
    super(`Invalid input: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
    this.name = 'InputError';
  }
  static of(field: string, code: string, message: string): InputError {
    return new InputError([{ field, code, message }]);
  }
  override get messageIt(): string {
    return `Dati non validi: ${this.problems.map((p) => `${p.field}: ${problemIt(p).messageIt}`).join('; ')}`;
  }
  details() {
    return { problems: this.problems.map(problemIt) };
  }
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
  constructor(
    readonly entity: string,
    readonly id: string,
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(
      `${entity} "${id}" was changed by someone else: you sent version ${expectedVersion}, the current version is ${currentVersion}`,
    );
    this.name = 'ConflictError';
  }
  details() {
    return {
      entity: this.entity,
      id: this.id,
      expectedVersion: this.expectedVersion,
      currentVersion: this.currentVersion,
    };
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`No ${entity} with id "${id}"`);
    this.name = 'NotFoundError';
  }
  override get messageIt(): string {
    return `Nessun elemento (${entityIt(this.entity)}) con id "${this.id}"`;
  }
  details() {
    return { entity: this.entity, id: this.id };
  }
}

/** The caller has no valid token (none, unknown, expired, revoked or of a disabled user). */
export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
    this.name = 'UnauthenticatedError';
  }
  details() {
    return { reason: this.reason };
  }
}

/** The caller is known but their role does not allow this. */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
  constructor(
    message: string,
    readonly action: string,
    readonly role: string | null,
  ) {
    super(message);
    this.name = 'ForbiddenError';
  }
  override get messageIt(): string {
    const role = this.role ? ` (il tuo ruolo: ${this.role})` : '';
    const outside = /outside your units/.test(this.message) ? ' di indicatori fuori dalle tue unità' : '';
    return (
      italianMatch(this.message) ?? `Non consentito: ${ACTION_IT[this.action] ?? 'questa operazione'}${outside}${role}`
    );
  }
  details() {
    return { action: this.action, role: this.role };
  }
}

const ACTION_IT: Readonly<Record<string, string>> = {
  read: 'leggere questi dati',
  actuals: 'inserire valori',
  plan: 'modificare il piano',
  admin: "amministrare l'organizzazione",
  system: 'creare o eliminare organizzazioni (solo amministratori di sistema)',
};
