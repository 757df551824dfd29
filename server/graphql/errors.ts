import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import { ArgumentValidationError } from 'type-graphql';
import { bilingual, DomainError, type FieldProblem, problemIt } from '../errors';

/** Codes Apollo itself raises for malformed requests; safe to show. */
const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'OPERATION_NOT_SUPPORTED',
  // a subscription document outside the manifest, refused on the websocket (server/live/socket.ts)
  'DOCUMENT_NOT_TRUSTED',
]);

/** request refusals whose message Cruscotto writes in both languages (server/live/socket.ts, the refuse plugins) */
const OWN_WORDS = new Set(['OPERATION_NOT_SUPPORTED', 'DOCUMENT_NOT_TRUSTED']);

type ValidationErrorLike = { property: string; constraints?: Record<string, string>; children?: ValidationErrorLike[] };

/** Flattens class-validator errors into field problems, never echoing the submitted values back. */
function validationProblems(errors: ValidationErrorLike[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([code, message]) =>
      problemOfConstraint(field, code, message),
    );
    return [...own, ...validationProblems(error.children ?? [], field)];
  });
}

/**
 * A decorator's message is one string; ours are written "italiano — English" (inputs/validation.ts), so each language
 * goes to its own field like every other problem (server/errors): `messageIt` Italian, `message` English.
 */
function problemOfConstraint(field: string, code: string, message: string): FieldProblem {
  const cut = message.indexOf(' — ');
  if (cut < 0) return { field, code, message };
  return { field, code, message: message.slice(cut + 3), messageIt: message.slice(0, cut) };
}

function describe(problems: FieldProblem[]): string {
  return `Invalid input: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`;
}

/**
 * Every message Italian first, English second (issue 14, item 6): `message` is "Italian / English", and
 * `extensions.messageIt` / `extensions.messageEn` carry each language alone for a client that shows one.
 */
function twoLanguages(it: string, en: string) {
  return { message: bilingual(it, en), languages: { messageIt: it, messageEn: en } };
}

const CONCURRENT = twoLanguages(
  'Questa riga è stata modificata, o ne è stata creata una con la stessa chiave, da un altro utente nel frattempo: rileggerla e riprovare',
  'This row was changed, or one with the same key created, by someone else meanwhile: read it again and retry',
);
const INTERNAL = twoLanguages('Errore interno del server', 'Internal server error');

/**
 * Clients never see stack traces or internal messages: domain errors keep their code and details, argument
 * validation becomes BAD_USER_INPUT naming the fields, everything else is "Internal server error" and is logged.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: (error: unknown) => void = (e) => console.error(e),
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) {
    const { message, languages } = twoLanguages(original.messageIt, original.message);
    return { message, path: formatted.path, extensions: { code: original.code, ...languages, ...original.details() } };
  }
  if (original instanceof ArgumentValidationError && Array.isArray(original.extensions.validationErrors)) {
    const problems = validationProblems(original.extensions.validationErrors as ValidationErrorLike[]).map(problemIt);
    const it = `Dati non validi: ${problems.map((p) => `${p.field}: ${p.messageIt}`).join('; ')}`;
    const { message, languages } = twoLanguages(it, describe(problems));
    return { message, path: formatted.path, extensions: { code: 'BAD_USER_INPUT', ...languages, problems } };
  }
  // two writers on one row at the same moment: the loser is told to read again, not that the server broke (the
  // database's message, with its SQL and values, stays in the log)
  if (original instanceof OptimisticLockError || original instanceof UniqueConstraintViolationException) {
    log(original);
    return {
      message: CONCURRENT.message,
      path: formatted.path,
      extensions: { code: 'CONFLICT', reason: 'CONCURRENT_CHANGE', ...CONCURRENT.languages },
    };
  }
  const code = formatted.extensions?.code;
  // a request priced over the limit (server/http/plan-cost.ts): the price and the limit, so the client can split it
  if (code === 'COST_LIMIT') {
    const { cost, maxCost } = formatted.extensions as { cost?: number; maxCost?: number };
    return { message: formatted.message, locations: formatted.locations, extensions: { code, cost, maxCost } };
  }
  if (typeof code === 'string' && OWN_WORDS.has(code) && formatted.message.includes(' / ')) {
    // refusals Cruscotto words itself, already "italiano / English": each language apart, nothing put before them
    const cut = formatted.message.indexOf(' / ');
    const { message, languages } = twoLanguages(formatted.message.slice(0, cut), formatted.message.slice(cut + 3));
    return { message, locations: formatted.locations, path: formatted.path, extensions: { code, ...languages } };
  }
  if (typeof code === 'string' && REQUEST_CODES.has(code)) {
    // GraphQL's own wording of a malformed query has no Italian: say what it is, and give it second
    const { message, languages } = twoLanguages(
      code === 'BAD_USER_INPUT' ? 'Valori delle variabili non validi' : 'Richiesta GraphQL non valida',
      formatted.message,
    );
    return { message, locations: formatted.locations, path: formatted.path, extensions: { code, ...languages } };
  }
  // Apollo's own refusals of a malformed request that carry an HTTP 4xx but no code (e.g. "provided sha does not
  // match query" for a persisted query): the client's mistake, said as such
  const status = original instanceof GraphQLError ? (original.extensions?.http as { status?: number })?.status : null;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const { message, languages } = twoLanguages('Richiesta non valida', formatted.message);
    return { message, extensions: { code: 'BAD_REQUEST', ...languages } };
  }
  log(original ?? error);
  return {
    message: INTERNAL.message,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...INTERNAL.languages },
  };
}
