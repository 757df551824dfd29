/**
 * Importing a plan document: the one path used by `npm run import` and by the `importPlan` mutation. The text is
 * untrusted (an upload): it is checked for size, line count and control characters before any reader sees it, and
 * every refusal says what and where.
 */
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { Organisation } from '../entities';
import { DAMAGE_CODES } from './damage';
import type { Decoding } from './encoding';
import { ImportFormatError } from './errors';
import { readSource } from './registry';
import { SourceText } from './source-text';
import type { ReviewReport } from './review';
import { ImportConflictError, writePlan, type WritePlanResult } from './write-plan';
import { InputError } from '../errors';
import type { ServiceContext } from '../services/service-context';

export const IMPORT_LIMITS = { maxBytes: 2 * 1024 * 1024, maxLines: 50_000, maxFileName: 200 } as const;

export interface ImportPlanInput {
  content: string;
  fileName: string;
  format?: string | null;
  /** import into this organisation (by id) instead of the one the document names */
  orgId?: string | null;
  /** the same, by code (command line) */
  orgCode?: string | null;
  dryRun?: boolean;
  replace?: boolean;
  /** refuse a damaged text (damage.ts DAMAGE_CODES: cut, repeated, wrongly encoded) instead of importing it */
  strict?: boolean;
  /** how the caller decoded the file's bytes (the command line reads bytes; the mutation receives text) */
  decoding?: Decoding;
  onProgress?: (message: string) => void;
  /** called once the document is read, before anything is written or refused: the command line keeps the review */
  onRead?: (read: { format: string; review: ReviewReport }) => void;
}

export interface ImportPlanResult extends WritePlanResult {
  format: string;
  sha256: string;
  review: ReviewReport;
}

// C0 controls other than TAB, LF and CR, and DEL: never in a text extraction, often in a binary file sent by mistake.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Refuses text that is too big, too long or binary, naming the first bad line and column. */
export function checkUploadedText(content: unknown, fileName: unknown): { text: string; fileName: string } {
  if (typeof content !== 'string') throw InputError.of('content', 'REQUIRED', 'the plan text is required');
  if (typeof fileName !== 'string' || fileName.trim() === '')
    throw InputError.of('fileName', 'REQUIRED', 'a file name is required');
  if (fileName.length > IMPORT_LIMITS.maxFileName || CONTROL.test(fileName)) {
    throw InputError.of(
      'fileName',
      'INVALID',
      `must be at most ${IMPORT_LIMITS.maxFileName} characters, without control characters`,
    );
  }
  const bytes = Buffer.byteLength(content, 'utf8');
  if (bytes > IMPORT_LIMITS.maxBytes) {
    throw InputError.of(
      'content',
      'TOO_LARGE',
      `the text is ${bytes} bytes; at most ${IMPORT_LIMITS.maxBytes} bytes (2 MB) are accepted`,
    );
  }
  const text = content.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw InputError.of('content', 'EMPTY', 'the text is empty');
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > IMPORT_LIMITS.maxLines) {
    throw InputError.of(
      'content',
      'TOO_MANY_LINES',
      `the text has ${lines.length} lines; at most ${IMPORT_LIMITS.maxLines} are accepted`,
    );
  }
  const bad = lines.findIndex((l) => CONTROL.test(l));
  if (bad >= 0) {
    const col = lines[bad].search(CONTROL) + 1;
    const code = lines[bad]
      .charCodeAt(col - 1)
      .toString(16)
      .padStart(4, '0');
    throw InputError.of(
      'content',
      'CONTROL_CHARACTER',
      `line ${bad + 1}, column ${col}: control character U+${code}; a plan must be plain text (is this a binary file?)`,
    );
  }
  return { text, fileName: fileName.trim() };
}

export async function importPlan(
  ctx: Pick<ServiceContext, 'em' | 'actor' | 'access'>,
  input: ImportPlanInput,
): Promise<ImportPlanResult> {
  const { text, fileName } = checkUploadedText(input.content, input.fileName);
  const orgCode = await orgCodeOf(ctx.em, input);
  let read: ReturnType<typeof readSource>;
  try {
    read = readSource(text, fileName, input.format ?? undefined, input.decoding);
  } catch (e) {
    if (e instanceof ImportFormatError) throw InputError.of('format', 'FORMAT_NOT_RECOGNISED', e.message);
    throw e;
  }
  const { importer, draft, review } = read;
  input.onRead?.({ format: importer.id, review });
  // The review's counts are said once, after writing (the writer adds its own findings); here only what was read.
  input.onProgress?.(`read ${new SourceText(text).lines.length} lines as ${importer.id}`);
  if (input.strict) refuseDamage(review);
  const targetOrg = orgCode ?? draft.organisation.code;
  if (ctx.access) {
    const org = await ctx.em.findOne(Organisation, { code: targetOrg });
    ctx.access.check(org?.id ?? null, org ? 'plan' : 'system');
  }
  const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
  try {
    const result = await writePlan(ctx.em, draft, review, {
      fileName,
      sha256,
      orgCode: targetOrg,
      replace: input.replace ?? false,
      dryRun: input.dryRun ?? false,
      actor: ctx.actor,
      onProgress: input.onProgress,
    });
    return { ...result, format: importer.id, sha256, review };
  } catch (e) {
    if (e instanceof ImportConflictError) throw InputError.of('content', 'PLAN_EXISTS', e.message);
    throw e;
  }
}

/** With `strict`, a damaged text is refused, naming every damage found with its line. */
function refuseDamage(review: ReviewReport): void {
  const damage = review.of('warning').filter((e) => DAMAGE_CODES.has(e.code));
  if (damage.length === 0) return;
  const said = damage.map((e) => `${e.code} (line ${e.line ?? '-'})`).join(', ');
  throw new InputError([
    {
      field: 'content',
      code: 'DOCUMENT_DAMAGED',
      message: `Strict import refused, nothing written: ${said}. ${damage.map((e) => e.message).join(' ')}`,
      messageIt: `Importazione rigorosa rifiutata, nulla è stato scritto: ${said}. ${damage.map((e) => e.messageIt).join(' ')}`,
    },
  ]);
}

async function orgCodeOf(em: EntityManager, input: ImportPlanInput): Promise<string | null> {
  if (input.orgId) {
    const org = await em.findOne(Organisation, { id: input.orgId });
    if (!org) throw InputError.of('orgId', 'NOT_FOUND', `no organisation with id "${input.orgId}"`);
    return org.code;
  }
  if (input.orgCode) {
    if (!/^[\w.-]{1,50}$/.test(input.orgCode))
      throw InputError.of('org', 'INVALID', 'an organisation code is 1-50 letters, digits, "-", "_" or "."');
    return input.orgCode;
  }
  return null;
}
