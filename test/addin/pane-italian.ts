/**
 * What the pane shows, as a person reads it, scanned for English words and raw codes (issue 14, item 6, the pane):
 * every visible text (headings, labels, buttons, messages, lists, the options of the visible dropdowns), the
 * tooltips and the accessible names of visible controls. The word list and the code pattern are the documents'
 * (test/helpers/italian-scan.ts); quoted text is the user's own words and is left out, as are the texts the user
 * typed or the workbook holds (input values, the sheet's own headers in the mapping table),
 * which the pane shows as they are.
 */
import type { Page } from 'playwright-core';
import { notItalian, withoutQuotes } from '../helpers/italian-scan';

export type PaneText = { where: string; text: string };

/** every text the pane shows now, with the element that shows it */
export async function visibleTexts(page: Page): Promise<PaneText[]> {
  return page.evaluate(() => {
    const out: Array<{ where: string; text: string }> = [];
    const name = (e: Element) =>
      `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className ? `.${e.className}` : ''}`;
    // the user's words shown back: the sheet's own headers in the mapping table
    const own = (e: Element) => !!e.closest('#mapping-rows th');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = (node.textContent ?? '').trim();
      if (!parent || text === '' || own(parent)) continue;
      if (parent.closest('option')) {
        const select = parent.closest('select');
        if (select && select.checkVisibility()) out.push({ where: name(select), text });
        continue;
      }
      if (parent.closest('script, style, noscript') || !parent.checkVisibility()) continue;
      out.push({ where: name(parent), text });
    }
    for (const e of Array.from(document.querySelectorAll('[title], [aria-label], [placeholder]'))) {
      if (!e.checkVisibility() || own(e)) continue;
      for (const attribute of ['title', 'aria-label', 'placeholder'])
        if (e.getAttribute(attribute))
          out.push({ where: `${name(e)}[${attribute}]`, text: e.getAttribute(attribute)! });
    }
    return out;
  });
}

/** the English words and raw codes in what the pane shows now, by element and text; empty when it is clean */
export async function paneLeaks(page: Page): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const { where, text } of await visibleTexts(page)) {
    const leaks = notItalian(withoutQuotes(text));
    if (leaks.length) found[`${where}: ${text}`] = leaks;
  }
  return found;
}
