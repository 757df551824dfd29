/**
 * Issue 14, item 6, found by looking at the data-quality report of the Bergamo 2021 plan as pictures: its "Controllo"
 * column printed "polarity not stated", the code made readable, because the plan check's newer codes had no Italian
 * words. Every code the plan check can raise has its Italian words and what to fix, so no document prints a code
 * or an English phrase in its place.
 */
import { fixIt, reasonIt, REASONS_IT } from '@core/vocabulary/reasons-it';
import { LINT_MESSAGES } from '../../server/services/plan-lint-messages';
import { descriptionIt } from '../../server/export/reports/data-quality';
import sondrio from '../../server/fixtures/sondrio-2022-2024.json';
import { fileReferences, notItalian } from '../helpers/italian-scan';

describe('the plan check in Italian words', () => {
  it.each(Object.keys(LINT_MESSAGES))('%s has Italian words and a fix', (code) => {
    expect(REASONS_IT[code]).toBeDefined();
    expect(reasonIt(code)).not.toMatch(/[A-Z_]{4,}|\bnot\b|\bstated\b|\bsuggestion\b/);
    expect(fixIt(code)).toBeTruthy();
  });

  it('the data-quality description of an unstated polarity is Italian', () => {
    expect(reasonIt('POLARITY_NOT_STATED')).toBe('polarità non indicata');
    expect(descriptionIt('POLARITY_NOT_STATED', 'no polarity was stated: higher is used (the default)')).toBe(
      "da correggere: indicare la polarità dell'indicatore o confermare quella predefinita",
    );
  });
});

describe('the evidence users read cites no file', () => {
  type Node = { [key: string]: unknown };
  /** every polarityEvidence of the Sondrio plan: planLint's suggestions and the pane's polarity list show it */
  function evidence(node: unknown, out: string[] = []): string[] {
    if (Array.isArray(node)) for (const child of node) evidence(child, out);
    else if (node && typeof node === 'object')
      for (const [key, value] of Object.entries(node as Node))
        if (key === 'polarityEvidence' && typeof value === 'string') out.push(value);
        else evidence(value, out);
    return out;
  }

  it('the Sondrio fixture says its reasons in words, not "docs/scoring.md §4"', () => {
    const all = evidence(sondrio);
    expect(all.length).toBeGreaterThan(40);
    expect(all.filter((text) => fileReferences(text).length > 0)).toEqual([]);
  });

  it('the scan finds a file reference', () => {
    expect(fileReferences('predefinita (docs/scoring.md §4 segnale 5)')).toEqual(['docs/scoring.md']);
    expect(notItalian('vedere README.md')).toEqual(['README.md']);
  });
});
