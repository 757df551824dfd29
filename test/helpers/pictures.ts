/**
 * Documents as pictures, so a person can look at them: the HTML laid out as print (A4 landscape width) and the PDF
 * pages as Poppler's pdftoppm draws them. Written to a folder (REPORT_PICTURES, default a temp dir).
 *
 * Poppler runs as a child process awaited, never synchronously: the test's server lives in the same process, and a
 * loop blocked longer than the server's keep-alive (65 s, reached under CPU load with a long document) let fetch send
 * the next request on a socket the server closed as soon as the loop ran again (ECONNRESET).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const PICTURES = process.env.REPORT_PICTURES || join(tmpdir(), 'cruscotto-report-pictures');

type Browser = import('playwright-core').Browser;

export async function withBrowser<T>(run: (browser: Browser) => Promise<T>): Promise<T> {
  const { chromium } = await import('playwright-core');
  // swiftshader lets the PDF viewer paint its pages without a GPU
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--enable-unsafe-swiftshader'],
    headless: true,
  });
  try {
    return await run(browser);
  } finally {
    await browser.close();
  }
}

/** The HTML as print lays it out, the whole page as one tall picture; returns its path. */
export async function htmlPicture(browser: Browser, html: string, name: string): Promise<string> {
  mkdirSync(PICTURES, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1123, height: 794 } });
  await page.emulateMedia({ media: 'print' });
  await page.setContent(html, { waitUntil: 'load' });
  const path = join(PICTURES, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await page.close();
  return path;
}

/** Poppler's renderer: the PDF pages as PNG, drawn the same every time (no viewer that paints when it likes). */
export const PDFTOPPM = '/usr/bin/pdftoppm';

/** Pages of a PDF as PNG pictures (72 dpi, an A4 page about 842 × 595); returns their paths. */
export async function pdfPictures(pdf: Buffer, name: string, pages: number[]): Promise<string[]> {
  mkdirSync(PICTURES, { recursive: true });
  const file = join(PICTURES, `${name}.pdf`);
  writeFileSync(file, pdf);
  const pictures: string[] = [];
  for (const n of pages) {
    const prefix = join(PICTURES, `${name}-p${n}`);
    await run(PDFTOPPM, ['-png', '-r', '72', '-f', String(n), '-l', String(n), '-singlefile', file, prefix]);
    pictures.push(`${prefix}.png`);
  }
  return pictures;
}

/**
 * The share of a PDF page that is ink (pixels darker than mid grey), from a small grey rendering (PGM: a text header,
 * then one byte a pixel): a blank page is 0, a page of tables a few percent.
 */
export async function pageInk(pdf: string, page: number): Promise<number> {
  const pgm = await run(PDFTOPPM, ['-gray', '-r', '20', '-f', String(page), '-l', String(page), '-singlefile', pdf]);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error(`pdftoppm gave no PGM for page ${page} of ${pdf}`);
  const pixels = pgm.subarray(header[0].length);
  let dark = 0;
  for (const p of pixels) if (p < 128) dark++;
  return dark / pixels.length;
}

/** The pages of a PDF with next to no ink (under 0.2 %): blank to a reader. */
export async function blankPages(pdf: string, pages: number[]): Promise<number[]> {
  const blank: number[] = [];
  for (const n of pages) if ((await pageInk(pdf, n)) < 0.002) blank.push(n);
  return blank;
}

/** A program's standard output, the event loop free while it runs. */
export async function run(program: string, args: string[]): Promise<Buffer> {
  const { stdout } = await promisify(execFile)(program, args, { encoding: 'buffer', maxBuffer: 256 * 2 ** 20 });
  return stdout;
}

/** Page count of a Chromium PDF: its page objects. */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
}
