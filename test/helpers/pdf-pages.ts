/**
 * Page breaks as a reader meets them (issue 14, item 7): from the text of each printed page (Poppler's pdftotext,
 * in drawing order) find a section heading left at the foot of a page while its table starts on the next one, and a
 * total row carried alone to the top of a page, away from the rows it sums, and the approval block (who approved,
 * when, the line to sign) alone on the last page, away from what it approves. The document's own HTML says which
 * texts are headings, table headers, card fields and total rows.
 */
import { run } from './pictures';

export const PDFTOTEXT = '/usr/bin/pdftotext';

/** The words a reader sees in an HTML fragment: no tags, entities decoded, one space between words. */
export function plainText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Each page's text, the BOZZA mark and the "Pagina X di Y" footer taken out, one space between words. */
export async function pdfPageTexts(pdfPath: string): Promise<string[]> {
  const text = (await run(PDFTOTEXT, ['-raw', '-enc', 'UTF-8', pdfPath, '-'])).toString('utf8');
  return text
    .split('\f')
    .slice(0, -1)
    .map((page) =>
      page
        .split('\n')
        .filter((line) => !/Pagina \d+ di \d+\s*$/.test(line) && line.replace(/\s/g, '') !== 'BOZZA')
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
}

type Layout = { sections: Array<{ heading: string; furniture: string[] }>; totals: string[] };

/** What the HTML says each section opens with (heading, subtitle, card fields, column headers) and its total rows. */
export function layoutOf(html: string): Layout {
  const sections = [...html.matchAll(/<section[^>]*>([\s\S]*?)<\/section>/g)].map((m) => {
    const body = m[1];
    const texts = (re: RegExp) => [...body.matchAll(re)].map((x) => plainText(x[1])).filter(Boolean);
    return {
      heading: texts(/<h2>([\s\S]*?)<\/h2>/g)[0] ?? '',
      furniture: [
        ...texts(/<p class="(?:sub|draft)">([\s\S]*?)<\/p>/g),
        ...texts(/<d[td][^>]*>([\s\S]*?)<\/d[td]>/g),
        ...texts(/<th>([\s\S]*?)<\/th>/g),
        ...texts(/<footer[^>]*>([\s\S]*?)<\/footer>/g),
      ],
    };
  });
  const totals = [...html.matchAll(/<tr class="total">([\s\S]*?)<\/tr>/g)].map((m) => plainText(m[1]));
  return { sections: sections.filter((s) => s.heading), totals };
}

/** Removes each piece once, longest first, so that a short label inside a longer one cannot eat part of it. */
function without(text: string, pieces: string[]): string {
  let rest = text;
  for (const piece of [...pieces].sort((a, b) => b.length - a.length)) {
    const at = rest.indexOf(piece);
    if (at >= 0) rest = `${rest.slice(0, at)} ${rest.slice(at + piece.length)}`;
  }
  return rest.replace(/\s+/g, ' ').trim();
}

/** The page-break faults of a document, as "page N: …" sentences (none when it prints well). */
export function pageBreakFaults(pages: string[], html: string): string[] {
  const { sections, totals } = layoutOf(html);
  const faults: string[] = [];
  pages.forEach((page, n) => {
    const last = n === pages.length - 1;
    // a heading with nothing after it but its own furniture: its rows went to the next page
    for (const { heading, furniture } of sections) {
      const at = page.lastIndexOf(heading);
      if (at < 0 || last) continue;
      if (without(page.slice(at + heading.length), furniture) === '')
        faults.push(`page ${n + 1}: heading "${heading}" at the foot, its table on page ${n + 2}`);
    }
    // the approval block with nothing of the document above it on its page: a signature under an empty page
    const approval = sections.find((s) => s.heading === 'Approvazione');
    if (last && n > 0 && approval) {
      const rest = without(page, [approval.heading, ...approval.furniture]);
      if (rest === '')
        faults.push(`page ${n + 1}: the approval block alone on the last page, away from what it approves`);
    }
    // a total row as the first thing under the repeated column headers
    if (n === 0) return;
    const headers = sections.flatMap((s) => s.furniture);
    for (const total of totals) {
      const at = page.indexOf(total);
      if (at >= 0 && without(page.slice(0, at), headers) === '')
        faults.push(`page ${n + 1}: total row "${total}" alone at the top, away from its rows`);
    }
  });
  return faults;
}
