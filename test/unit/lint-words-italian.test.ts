/**
 * Issue 14, item 6, found by looking at the data-quality report of the Bergamo 2021 plan as pictures: its "Controllo"
 * column printed "polarity not stated", the code made readable, because the plan check's newer codes had no Italian
 * words. Every code the plan check can raise has its Italian words and what to fix, so no document prints a code
 * or an English phrase in its place.
 */
import { fixIt, reasonIt, REASONS_IT } from '@core/vocabulary/reasons-it';
import { LINT_MESSAGES } from '../../server/services/plan-lint-messages';
import { descriptionIt } from '../../server/export/reports/data-quality';

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
