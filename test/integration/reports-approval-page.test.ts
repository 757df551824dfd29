/**
 * Issue 14, item 7: a document fit to sign never prints its approval block (who approved it, when, the line to sign)
 * alone on the last page. A table that ends near the foot of a page would leave room for its rows and none for the
 * block, which then fell to a page of its own; the block is now kept with the last rows it approves. Printed by
 * Chromium for tables of every length around a page, read back with pdftotext (test/helpers/pdf-pages.ts); the same
 * documents without the keep-together rules show the fault, so the check is seen to bite.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportDocument } from '../../server/export/reports/document';
import { renderHtml } from '../../server/export/reports/render-html';
import { renderPdf } from '../../server/export/reports/render-pdf';
import { CHROMIUM, PDFTOPPM, PICTURES, pdfPageCount, pdfPictures } from '../helpers/pictures';
import { PDFTOTEXT, pageBreakFaults, pdfPageTexts } from '../helpers/pdf-pages';

function relazione(rows: number): ReportDocument {
  return {
    kind: 'relazione',
    title: 'Relazione sulla performance 2022',
    subtitle: 'Camera di commercio di prova · Piano 2022-2024',
    generatedAt: new Date('2026-12-05T08:00:00Z'),
    sections: [
      {
        title: 'Obiettivi operativi',
        subtitle: 'Realizzazione di ogni obiettivo operativo, in ordine di codice',
        columns: [
          { key: 'code', label: 'Cod.' },
          { key: 'title', label: 'Obiettivo operativo' },
          { key: 'weight', label: 'Peso', kind: 'percent' },
          { key: 'score', label: '% Realizzazione 2022', kind: 'percent' },
        ],
        rows: Array.from({ length: rows }, (_, i) => ({
          cells: {
            code: `1.${i + 1}`,
            title: `Obiettivo operativo numero ${i + 1} del piano`,
            weight: '10%',
            score: `${80 + (i % 20)}%`,
          },
        })),
      },
    ],
    approval: {
      label: 'Piano 2022-2024 REV. 0',
      status: 'approved',
      approvedAt: new Date('2022-01-31T10:00:00Z'),
      approvedBy: 'Mario Rossi',
      adoptingAct: 'Delibera di Giunta n. 12 del 31/01/2022',
    },
  };
}

/** The same page without the rules that keep the block with what it approves: how it printed before. */
const unkept = (html: string) =>
  html
    .replace(/section:has\(\+ section\.approval\)[^}]*\}/, '')
    .replace(/break-before: avoid; page-break-before: avoid; margin-top: 6mm/, 'margin-top: 6mm');

async function faultsOf(html: string, name: string): Promise<{ pages: number; faults: string[] }> {
  const pdf = await renderPdf(html, { footer: 'Relazione sulla performance 2022' });
  const count = pdfPageCount(pdf);
  await pdfPictures(pdf, name, [count]);
  const file = join(PICTURES, `${name}.pdf`);
  writeFileSync(file, pdf);
  return { pages: count, faults: pageBreakFaults(await pdfPageTexts(file), html) };
}

const pdfIt = existsSync(CHROMIUM) && existsSync(PDFTOPPM) && existsSync(PDFTOTEXT) ? it : it.skip;

describe('the approval block stays with what it approves', () => {
  pdfIt(
    'for tables ending anywhere near the foot of a page, never alone on the last page',
    async () => {
      const kept: string[] = [];
      const before: string[] = [];
      // 18 and 22 rows ended within a block's height of the page foot (the block fell alone); 26 ran on to page 2
      for (const rows of [18, 22, 26]) {
        const html = renderHtml(relazione(rows));
        expect(html).toContain('section:has(+ section.approval)');
        const now = await faultsOf(html, `approval-${rows}`);
        kept.push(...now.faults.map((f) => `${rows} rows: ${f}`));
        const old = await faultsOf(unkept(html), `approval-unkept-${rows}`);
        before.push(...old.faults.map((f) => `${rows} rows: ${f}`));
      }
      expect(kept).toEqual([]);
      // without the rules some of these lengths did print the block alone: the check above is not vacuous
      expect(before.length).toBeGreaterThan(0);
    },
    480_000,
  );
});
