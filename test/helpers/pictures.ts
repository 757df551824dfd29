/**
 * Documents as pictures, so a person can look at them: the HTML laid out as print (A4 landscape width) and the PDF
 * pages as Chromium's own PDF viewer draws them. Written to a folder (REPORT_PICTURES, default a temp dir).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const PICTURES = process.env.REPORT_PICTURES || join(tmpdir(), 'cruscotto-report-pictures');

type Browser = import('playwright-core').Browser;

/** a viewer window with a page painted in it is far larger than the empty viewer (about 6 kB) */
const PAINTED_BYTES = 20_000;

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

/** Pages of a PDF, each fitted in the viewer's window; returns their paths. */
export async function pdfPictures(browser: Browser, pdf: Buffer, name: string, pages: number[]): Promise<string[]> {
  mkdirSync(PICTURES, { recursive: true });
  const file = join(PICTURES, `${name}.pdf`);
  writeFileSync(file, pdf);
  const paths: string[] = [];
  for (const n of pages) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`file://${file}#page=${n}&view=Fit&toolbar=0&navpanes=0`);
    // the viewer paints a page some time after it loads (longer on a busy machine): until then the picture is the
    // viewer's empty grey, a few kilobytes; a painted page is tens of kilobytes. Up to 20 s, then the last picture.
    const path = join(PICTURES, `${name}-p${n}.png`);
    let picture: Buffer = Buffer.alloc(0);
    for (let i = 0; i < 20 && picture.length < PAINTED_BYTES; i++) {
      await page.waitForTimeout(1000);
      picture = await page.screenshot();
    }
    writeFileSync(path, picture);
    await page.close();
    paths.push(path);
  }
  return paths;
}

/** Page count of a Chromium PDF: its page objects. */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
}
