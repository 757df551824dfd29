/**
 * What can go wrong talking to the server, as types the pane can act on: OfflineError means "keep the edits, try
 * later"; ApiError carries a kind and a text in both languages.
 */
import { format, messages, type Language } from '../i18n';

/** The server could not be reached (no network, server down, proxy without upstream): nothing was sent. */
export class OfflineError extends Error {
  readonly kind = 'offline';
  constructor(override readonly cause?: unknown) {
    super('Cruscotto server unreachable');
    this.name = 'OfflineError';
  }
  text(language: Language): string {
    return messages[language].sync.offline;
  }
}

export type ApiErrorKind = 'unauthorized' | 'forbidden' | 'server' | 'bad-response' | 'graphql';

export type Problem = { field: string; code: string; message: string; messageIt?: string };

/** the server's words in each language alone (extensions.messageIt / messageEn), when it gives them */
export type ServerWords = { it: string; en: string };

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly details: { status?: number; code?: string; problems?: Problem[]; words?: ServerWords } = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  text(language: Language): string {
    const m = messages[language].sync;
    switch (this.kind) {
      case 'unauthorized':
        return m.unauthorized;
      case 'forbidden':
        return m.forbidden;
      case 'server':
        return format(m.serverError, { status: this.details.status ?? '?' });
      case 'bad-response':
        return m.badResponse;
      default:
        // the server's Italian alone in an Italian pane: its `message` is "italiano / English"
        return format(m.graphql, { message: this.details.words?.[language] ?? this.message });
    }
  }
}

/** An HTTP answer that is not GraphQL's: 401/403 are about the token; 502–504 mean the server behind a proxy is down. */
export function httpError(status: number): Error {
  if (status === 401) return new ApiError('unauthorized', 'unauthorized', { status });
  if (status === 403) return new ApiError('forbidden', 'forbidden', { status });
  if (status === 502 || status === 503 || status === 504) return new OfflineError(`HTTP ${status}`);
  return new ApiError('server', `HTTP ${status}`, { status });
}

/** The first GraphQL error, typed by its extensions.code. */
export function graphqlError(errors: Array<{ message: string; extensions?: Record<string, unknown> }>): ApiError {
  const first = errors[0];
  const code = typeof first.extensions?.code === 'string' ? first.extensions.code : undefined;
  const problems = Array.isArray(first.extensions?.problems) ? (first.extensions!.problems as Problem[]) : undefined;
  if (code === 'UNAUTHENTICATED') return new ApiError('unauthorized', first.message, { code });
  if (code === 'FORBIDDEN') return new ApiError('forbidden', first.message, { code });
  const text = (key: string) => (typeof first.extensions?.[key] === 'string' ? String(first.extensions[key]) : null);
  const it = text('messageIt');
  const en = text('messageEn');
  const detail = problems?.length
    ? `${first.message}: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`
    : first.message;
  // the problems are in the server's Italian and English sentences already (`Dati non validi: campo: …`)
  const words = it && en ? { it, en } : undefined;
  return new ApiError('graphql', detail, { code, problems, words });
}
