/**
 * Errors a service raises for the caller to fix. They carry no SQL, stack or submitted values; the GraphQL layer
 * turns them into typed errors (extensions.code) and everything else into "Internal server error".
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
  constructor(readonly entity: string, readonly id: string, readonly expectedVersion: number, readonly currentVersion: number) {
    super(`${entity} "${id}" was changed by someone else: you sent version ${expectedVersion}, the current version is ${currentVersion}`);
    this.name = 'ConflictError';
  }
  details() {
    return { entity: this.entity, id: this.id, expectedVersion: this.expectedVersion, currentVersion: this.currentVersion };
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(readonly entity: string, readonly id: string) {
    super(`No ${entity} with id "${id}"`);
    this.name = 'NotFoundError';
  }
  details() {
    return { entity: this.entity, id: this.id };
  }
}
