/**
 * Files over HTTP, next to GraphQL: reports (GET /reports/<kind>.<xlsx|html|pdf>), the plan workbook
 * (GET /export/plan.xlsx) and the workbook import (POST /import/workbook, the .xlsx as the raw body).
 *
 * Who may call is decided by `resolveAccess`, given per mount: `bearerAccess(orm)` resolves the same bearer token
 * as /graphql and narrows the unit of work to the caller's organisations (the GraphQL context's own rules).
 * There is no default: a mount that forgets it must not serve every organisation's files.
 */
import type { EntityManager } from '@mikro-orm/core';
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import type { Access } from '../auth/access';
import { authenticate, type Principal } from '../auth/authenticate';
import { type Clock, systemClock } from './clock';
import type { Orm } from '../db/orm';
import { ChangeSource, Checkpoint } from '@core/vocabulary/enums';
import { createContext } from '../graphql/context';
import { DomainError, errorBody, ForbiddenError, InputError, NotFoundError, UnauthenticatedError } from '../errors';
import { checkpointName } from '@core/vocabulary/checkpoint';
import { exportPlanWorkbook, tableName } from '../export/workbook';
import { buildReport, CONTENT_TYPE, FORMATS, fileName, render, type ReportFormat } from '../export/reports';
import type { ScoreSnapshots } from '../services/score-snapshots';
import type { PlanCompute } from '../compute/pool';
import { PdfUnavailableError } from '../export/reports/render-pdf';
import { importWorkbook } from '../import/workbook';
import { DEFAULT_WORKBOOK_LIMITS } from '../import/workbook-read';
import { isPlausibleId } from '../services/plausible-id';
import { nextTurn } from '../speed/next-turn';

export type ReportCaller = {
  em: EntityManager;
  actor: string | null;
  access?: Access;
  fastPaths?: boolean;
  /** the instance's kept scores (server/services/score-snapshots.ts); none: the documents compute their own */
  snapshots?: ScoreSnapshots;
  /** where the scores of a file are computed (server/compute): the same threads as the API's */
  compute?: PlanCompute;
};
export type ResolveAccess = (req: Request, res: Response) => Promise<ReportCaller>;

export type ReportsRouterOptions = {
  resolveAccess: ResolveAccess;
  /** bytes of an uploaded workbook */
  maxUploadBytes?: number;
  /** PDFs rendered at once (each is a Chromium process) */
  maxConcurrentPdf?: number;
  /** run before every route of this router (rate limits shared with /graphql) */
  guards?: RequestHandler[];
};

/** The caller of /graphql, resolved the same way: bearer token → user, grants, tenant-scoped unit of work. */
export function bearerAccess(
  orm: Orm,
  options: { fastPaths?: boolean; clock?: Clock; snapshots?: ScoreSnapshots; compute?: PlanCompute } = {},
): ResolveAccess {
  const clock = options.clock ?? systemClock;
  return async (req, res) => {
    // the guards in front of the route have resolved the token already (resolveToken): the same answer, no second read
    const resolved = res.locals.principal as Principal | undefined;
    const principal = resolved ?? (await authenticate(orm.em, req.headers.authorization, clock()));
    return createContext(orm.em, principal, {
      fastPaths: options.fastPaths ?? true,
      snapshots: options.snapshots,
      compute: options.compute,
    });
  };
}

function fail(
  res: Response,
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
  messageIt?: string,
): void {
  res.status(status).json(errorBody(code, message, extra, messageIt));
}

function sendError(res: Response, error: unknown): void {
  if (error instanceof UnauthenticatedError) {
    res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
    return fail(res, 401, error.code, error.message, error.details(), error.messageIt);
  }
  if (error instanceof ForbiddenError)
    return fail(res, 403, error.code, error.message, error.details(), error.messageIt);
  if (error instanceof NotFoundError)
    return fail(res, 404, error.code, error.message, error.details(), error.messageIt);
  if (error instanceof PdfUnavailableError)
    return fail(
      res,
      501,
      error.code,
      error.message,
      {},
      'Il PDF richiede Chromium (impostare CHROMIUM_PATH o installarlo); il documento HTML è disponibile e stampa le stesse pagine',
    );
  if (error instanceof InputError && error.problems.some((p) => p.code === 'TOO_LARGE'))
    return fail(res, 413, error.code, error.message, error.details(), error.messageIt);
  if (error instanceof DomainError) return fail(res, 400, error.code, error.message, error.details(), error.messageIt);
  console.error(error);
  fail(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
}

function checkpointOf(raw: unknown): Checkpoint {
  if (raw === undefined || raw === '' || raw === 'YEAR_END' || raw === '31/12') return Checkpoint.YEAR_END;
  if (raw === 'MID_YEAR' || raw === '30/6') return Checkpoint.MID_YEAR;
  throw InputError.of('checkpoint', 'BAD_CHECKPOINT', 'checkpoint is YEAR_END (31/12) or MID_YEAR (30/6)');
}

/** The `planId` of a query, given (else REQUIRED with `hint`) and plausible */
function planIdOf(planId: string | undefined, hint: string): string {
  if (!planId) throw InputError.of('planId', 'REQUIRED', hint);
  // an id is printable and short: a NUL reached the database driver and came back as an internal error
  if (!isPlausibleId(planId))
    throw InputError.of(
      'planId',
      'BAD_ID',
      "planId non è l'id di una versione del piano / planId is not the id of a plan version",
    );
  return planId;
}

function period(req: Request): { planId: string; year: number; checkpoint: Checkpoint } {
  const q = req.query as Record<string, unknown>;
  const planId = planIdOf(typeof q.planId === 'string' ? q.planId.trim() : '', 'give the plan version: ?planId=…');
  const year = Number(q.year);
  if (!Number.isInteger(year) || year < 1990 || year > 2200)
    throw InputError.of('year', 'BAD_YEAR', 'give the year: ?year=2022');
  return { planId, year, checkpoint: checkpointOf(q.checkpoint) };
}

/** A route whose failures are answered as errors (status and body by sendError), never left to Express */
const answered =
  (handle: (req: Request, res: Response) => Promise<unknown>) =>
  async (req: Request, res: Response): Promise<void> => {
    try {
      await handle(req, res);
    } catch (error) {
      sendError(res, error);
    }
  };

/**
 * A document answered: its type, never sniffed; HTML shown in the browser with nothing of its own to run or fetch,
 * any other format saved as `name`.
 */
function sendFile(res: Response, body: Buffer, format: ReportFormat, name: string): void {
  res.setHeader('Content-Type', CONTENT_TYPE[format]);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (format === 'html') res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
  else res.setHeader('Content-Disposition', `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"`);
  res.send(body);
}

export function reportsRouter(options: ReportsRouterOptions): Router {
  const router = express.Router();
  const { resolveAccess } = options;
  const maxUpload = options.maxUploadBytes ?? DEFAULT_WORKBOOK_LIMITS.maxBytes;
  const maxPdf = options.maxConcurrentPdf ?? 2;
  let pdfInFlight = 0;
  const guards = options.guards ?? [];
  const route = (method: 'get' | 'post', path: string, handle: (req: Request, res: Response) => Promise<unknown>) =>
    router[method](path, ...guards, answered(handle));

  route('get', '/reports/:file', async (req, res) => {
    const match = /^([a-z][a-z-]*)\.([a-z]+)$/.exec(String(req.params.file));
    const format = FORMATS.find((f) => f === match?.[2]);
    if (!match || !format)
      throw InputError.of('file', 'UNKNOWN_REPORT', `ask for /reports/<kind>.<${FORMATS.join('|')}>`);
    const kind = match[1];
    const caller = await resolveAccess(req, res);
    const p = period(req);
    const extra = Object.fromEntries(
      Object.entries(req.query).filter(
        ([k, v]) => !['planId', 'year', 'checkpoint'].includes(k) && typeof v === 'string',
      ),
    ) as Record<string, string>;
    const request = { ...p, options: extra };
    if (format === 'pdf' && pdfInFlight >= maxPdf) {
      res.setHeader('Retry-After', '5');
      return fail(
        res,
        503,
        'BUSY',
        'other PDFs are being rendered: retry in a few seconds, or download the HTML and print it',
      );
    }
    const doc = await buildReport(caller.em, kind, request, caller.snapshots, caller.compute);
    await nextTurn(); // the document is laid out: rendering it is a phase of its own
    if (format === 'pdf') pdfInFlight++;
    let body: Buffer;
    try {
      body = await render(doc, format);
    } finally {
      if (format === 'pdf') pdfInFlight--;
    }
    sendFile(res, body, format, fileName(kind, request, format));
  });

  route('get', '/export/plan.xlsx', async (req, res) => {
    const caller = await resolveAccess(req, res);
    const p = period(req);
    const language = req.query.language === 'en' ? 'en' : 'it';
    const body = await exportPlanWorkbook(
      caller.em,
      {
        ...p,
        language,
        serverUrl: `${req.protocol}://${req.get('host') ?? ''}`,
      },
      caller.snapshots,
      { readOnly: caller.fastPaths, compute: caller.compute },
    );
    res.setHeader('X-Checkpoint', checkpointName(p.checkpoint));
    sendFile(res, body, 'xlsx', `${tableName(p.year, p.checkpoint)}.xlsx`);
  });

  route('post', '/import/workbook', async (req, res) => {
    // the caller first: an anonymous upload is refused before its body is read
    const caller = await resolveAccess(req, res);
    const body = await readBody(req, maxUpload);
    const q = req.query as Record<string, string | undefined>;
    const year = q.year === undefined || q.year === '' ? undefined : Number(q.year);
    if (year !== undefined && !Number.isInteger(year))
      throw InputError.of('year', 'BAD_YEAR', 'give the year: ?year=2022');
    const planId = planIdOf(q.planId, 'give the plan version to import into: ?planId=…');
    const mode = q.mode === 'atomic' || q.mode === 'ATOMIC' ? 'atomic' : 'partial';
    const result = await importWorkbook(
      {
        em: caller.em,
        actor: caller.actor,
        access: caller.access,
        fastPaths: caller.fastPaths,
        source: ChangeSource.IMPORT,
        sourceDetail: null,
      },
      body,
      {
        planId,
        year,
        checkpoint: q.checkpoint ? checkpointOf(q.checkpoint) : undefined,
        mode,
        sheet: q.sheet,
        fileName: q.fileName ?? undefined,
      },
    );
    res.json(result);
  });

  return router;
}

/** The raw body, refused as soon as it passes the cap (never buffered whole when too large). */
function readBody(req: Request, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    const tooLarge = () =>
      InputError.of(
        'file',
        'TOO_LARGE',
        `the file is larger than ${Math.round((max / 1024 / 1024) * 10) / 10} MB, the upload limit`,
      );
    if (Number.isFinite(declared) && declared > max) {
      req.resume();
      return reject(tooLarge());
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.removeAllListeners('data');
        req.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
