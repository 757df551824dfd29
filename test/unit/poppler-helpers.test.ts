/**
 * The helpers that draw and read printed documents (test/helpers/pictures.ts, pdf-pages.ts) run Poppler as awaited
 * child processes. The integration tests' server lives in the test's own process: a helper that blocked the event
 * loop longer than the server's keep-alive (a long document on a loaded machine) let the next fetch go out on a
 * socket the server then closed (ECONNRESET in reports-sign, seen under CPU load). Red with execFileSync back in
 * `run`: the loop's next turn comes only after the call.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFTOTEXT, pdfPageTexts } from '../helpers/pdf-pages';
import { blankPages, PDFTOPPM, pageInk, pdfPictures } from '../helpers/pictures';

/** A one-page PDF (200 × 100 pt) with one word in Helvetica, written by hand: objects, cross-references, trailer. */
function onePagePdf(word: string): Buffer {
  const content = `BT /F1 24 Tf 20 40 Td (${word}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const offset = pdf.length;
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** How many turns the event loop made while `work` ran: 0 if it blocked the loop from start to end. */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ turns: number; value: T }> {
  let turns = 0;
  setImmediate(() => turns++);
  const value = await work();
  return { turns, value };
}

const popplerIt = existsSync(PDFTOPPM) && existsSync(PDFTOTEXT) ? it : it.skip;

describe('Poppler helpers leave the event loop free while Poppler runs', () => {
  const folder = mkdtempSync(join(tmpdir(), 'cruscotto-poppler-'));
  const pdf = join(folder, 'one-page.pdf');
  writeFileSync(pdf, onePagePdf('Relazione'));

  popplerIt('pdfPageTexts reads the page and lets the loop turn', async () => {
    expect(await turnsDuring(() => pdfPageTexts(pdf))).toEqual({ turns: 1, value: ['Relazione'] });
  });

  popplerIt('pageInk and blankPages see the ink of the word and let the loop turn', async () => {
    const ink = await turnsDuring(() => pageInk(pdf, 1));
    expect(ink.turns).toBe(1);
    expect(ink.value).toBeGreaterThan(0.002);
    expect(await turnsDuring(() => blankPages(pdf, [1]))).toEqual({ turns: 1, value: [] });
  });

  popplerIt('pdfPictures draws the page as a PNG and lets the loop turn', async () => {
    const drawn = await turnsDuring(() => pdfPictures(onePagePdf('Piano'), 'poppler-helpers', [1]));
    expect(drawn.turns).toBe(1);
    expect(drawn.value).toHaveLength(1);
    expect(existsSync(drawn.value[0])).toBe(true);
  });
});
