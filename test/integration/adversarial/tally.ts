/**
 * How the adversarial corpus (issue 13, item 8) judges an answer. Every input ends in one of three boxes:
 * - `refused`: a clear error the client can act on (a REJECTED row with its column, code and messages in English and
 *   Italian; a GraphQL error with a code that is not INTERNAL_SERVER_ERROR; an HTTP 4xx with a JSON error and a code);
 * - `accepted`: taken, and what the server holds afterwards is what the input meant (checked per family);
 * - `other`: anything else, with why. The test fails when there is any `other`.
 */
export type Outcome = 'refused' | 'accepted' | 'other';
export type Verdict = { family: string; input: string; outcome: Outcome; why?: string };

export class Tally {
  readonly verdicts: Verdict[] = [];

  add(family: string, input: string, outcome: Outcome, why?: string): void {
    this.verdicts.push({ family, input: input.length > 80 ? `${input.slice(0, 77)}…` : input, outcome, why });
  }

  /** per family: refused / accepted / other, as the test prints them */
  counts(): Record<string, Record<Outcome, number>> {
    const out: Record<string, Record<Outcome, number>> = {};
    for (const v of this.verdicts) {
      out[v.family] ??= { refused: 0, accepted: 0, other: 0 };
      out[v.family][v.outcome] += 1;
    }
    return out;
  }

  others(): Verdict[] {
    return this.verdicts.filter((v) => v.outcome === 'other');
  }
}

/** What no answer may show: a stack frame, a path of this machine or of the packages, Express's HTML page. */
export function leaks(text: string, status: number): string | null {
  if (/\bat [\w.<>$]+ \(|at async /.test(text)) return 'a stack trace';
  if (/node_modules|\/work\/|\/home\/|\/tmp\//.test(text)) return 'a file path';
  // an HTML report is a page; an error never is
  if (status >= 400 && /<!DOCTYPE html>|<pre>|<html/i.test(text)) return "Express's HTML page";
  return null;
}

type ErrorLike = { message?: string; extensions?: { code?: string } };

/** A GraphQL or file-route answer: refused with a clear code, accepted (200 without errors), or other. */
export function judgeHttp(status: number, text: string, type: string | null): { outcome: Outcome; why?: string } {
  const leak = leaks(text, status);
  if (leak) return { outcome: 'other', why: `${status} shows ${leak}` };
  if (status >= 500) return { outcome: 'other', why: `HTTP ${status}: ${text.slice(0, 120)}` };
  let json: { errors?: ErrorLike[]; data?: unknown } | null = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  if (!json || typeof json !== 'object') {
    if (status === 200 && type && !/json/.test(type)) return { outcome: 'accepted' }; // a file
    return { outcome: 'other', why: `HTTP ${status} without a JSON body: ${text.slice(0, 80)}` };
  }
  const errors = json.errors ?? [];
  if (errors.length === 0)
    return status < 300 ? { outcome: 'accepted' } : { outcome: 'other', why: `HTTP ${status} without errors` };
  const internal = errors.find((e) => !e.extensions?.code || e.extensions.code === 'INTERNAL_SERVER_ERROR');
  if (internal) return { outcome: 'other', why: `internal error: ${internal.message}` };
  if (errors.some((e) => !e.message?.trim())) return { outcome: 'other', why: 'an error without a message' };
  return { outcome: 'refused' };
}
