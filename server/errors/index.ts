/**
 * Errors raised for the caller to fix, by authentication (auth/), the services, the sheet sync and the HTTP routes
 * alike: a module of its own that imports nothing, so any layer can raise them without importing another layer.
 * They carry no SQL, stack or submitted values; the GraphQL layer (graphql/errors.ts) and the report routes turn
 * them into typed errors (extensions.code) and everything else into "Internal server error".
 */
export type FieldProblem = { field: string; code: string; message: string };

export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract details(): Record<string, unknown>;
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
  details() {
    return { problems: this.problems };
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
  details() {
    return { action: this.action, role: this.role };
  }
}
