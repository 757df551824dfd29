/**
 * The reports by name, and one entry point that loads the data once, builds the document and renders it as xlsx,
 * HTML or PDF. Used by the HTTP routes (server/http/reports.ts) and the command line (server/cli/export.ts).
 */
import type { EntityManager } from '@mikro-orm/core';
import { InputError } from '../../errors';
import type { ScoreSnapshots } from '../../services/score-snapshots';
import type { PlanCompute } from '../../compute/pool';
import { nextTurn } from '../../speed/next-turn';
import type { ReportDocument } from './document';
import { approvalOf, loadReportData, type ReportData, type ReportRequest } from './data';
import { buildDataQuality } from './data-quality';
import { buildMonitoring } from './monitoring';
import { buildPlanBergamo } from './plan-bergamo';
import { buildPlanBrescia } from './plan-brescia';
import { buildPlanSondrio } from './plan-sondrio';
import { buildRelazione } from './relazione';
import { generatedLine, renderHtml } from './render-html';
import { renderPdf } from './render-pdf';
import { renderXlsx } from './render-xlsx';
import { buildScorecards } from './scorecards';
import { buildStrategicMap } from './strategic-map';

export const REPORTS: Record<string, { title: string; build: (data: ReportData) => ReportDocument }> = {
  relazione: { title: 'Relazione: tabelle per piano, cruscotti e unità', build: buildRelazione },
  'strategic-map': { title: 'Mappa strategica', build: buildStrategicMap },
  monitoring: { title: 'Monitoraggio al 30/6', build: buildMonitoring },
  scorecards: { title: 'Schede di valutazione dei dirigenti', build: buildScorecards },
  'data-quality': { title: 'Qualità dei dati (controlli del piano)', build: buildDataQuality },
  'plan-bergamo': { title: 'Piano: cruscotto strategico (Bergamo)', build: buildPlanBergamo },
  'plan-brescia': { title: 'Piano: schede obiettivo (Brescia)', build: buildPlanBrescia },
  'plan-sondrio': { title: 'Piano: tabella (Sondrio)', build: buildPlanSondrio },
};

export type ReportFormat = 'xlsx' | 'html' | 'pdf';
export const FORMATS: readonly ReportFormat[] = ['xlsx', 'html', 'pdf'];

export const CONTENT_TYPE: Record<ReportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};

export function checkKind(kind: string): void {
  if (!Object.hasOwn(REPORTS, kind)) {
    throw InputError.of(
      'kind',
      'UNKNOWN_REPORT',
      `no report "${kind}": choose one of ${Object.keys(REPORTS).join(', ')}`,
    );
  }
}

export async function buildReport(
  em: EntityManager,
  kind: string,
  request: ReportRequest,
  snapshots?: ScoreSnapshots,
  compute?: PlanCompute,
): Promise<ReportDocument> {
  checkKind(kind);
  const data = await loadReportData(em, request, snapshots, compute);
  await nextTurn(); // read and scored: laying out the document is a phase of its own
  try {
    return { ...REPORTS[kind].build(data), approval: approvalOf(data) };
  } catch (error) {
    if (error instanceof RangeError) throw InputError.of('options', 'BAD_OPTION', error.message);
    throw error;
  }
}

export async function render(doc: ReportDocument, format: ReportFormat): Promise<Buffer> {
  switch (format) {
    case 'xlsx':
      return renderXlsx(doc);
    case 'html':
      return Buffer.from(renderHtml(doc), 'utf8');
    case 'pdf':
      return renderPdf(renderHtml(doc, { pageFooter: true }), { footer: `${doc.title} · ${generatedLine(doc)}` });
  }
}

export function fileName(kind: string, request: ReportRequest, format: ReportFormat): string {
  return `${kind}-${request.year}-${request.checkpoint === '30/6' ? '30-6' : '31-12'}.${format}`;
}
