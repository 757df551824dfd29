/**
 * PDF = the print-ready HTML printed by headless Chromium (playwright-core drives the system's browser; no browser
 * is downloaded). Where there is no Chromium, a clear error says how to get one; the HTML is the same document.
 */
import { existsSync } from 'node:fs';
import { config } from '../../config';

export class PdfUnavailableError extends Error {
  readonly code = 'PDF_UNAVAILABLE';
  constructor(path: string) {
    super(
      `PDF needs Chromium at ${path} (set CHROMIUM_PATH, or install it: apt-get install chromium); the HTML report is available and prints the same pages`,
    );
    this.name = 'PdfUnavailableError';
  }
}

export function chromiumPath(): string {
  return config().chromiumPath;
}

export function pdfAvailable(): boolean {
  return existsSync(chromiumPath());
}

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-extensions',
  '--disable-sync',
  '--disable-default-apps',
  '--no-first-run',
  '--mute-audio',
  '--hide-scrollbars',
];

/** "Titolo · Pagina 3 di 12" at the foot of every page, in the bottom margin the page's CSS leaves. */
function footerTemplate(title: string): string {
  const safe = title.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<div style="font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 7pt; color: #555; width: 100%; margin: 0 10mm; display: flex; justify-content: space-between;"><span>${safe}</span><span>Pagina <span class="pageNumber"></span> di <span class="totalPages"></span></span></div>`;
}

export async function renderPdf(html: string, options: { timeoutMs?: number; footer?: string } = {}): Promise<Buffer> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) throw new PdfUnavailableError(executablePath);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    args: ARGS,
    headless: true,
    timeout: options.timeoutMs ?? 30_000,
  });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    // the page is self-contained: any request it tried would be a bug, so none is let out
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load', timeout: options.timeoutMs ?? 30_000 });
    const pdf = await page.pdf({
      format: 'A4',
      landscape: true,
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: footerTemplate(options.footer ?? ''),
    });
    return Buffer.from(pdf);
  } finally {
    await browser.close();
  }
}
