/**
 * Issue 14, defect 1: on the Bergamo plans the KPI keywords guessed "lower is better" wrongly about half the time.
 * Imported, these rows now keep the default (higher) with the keyword only as evidence to confirm, and rows whose
 * value says deadline or yes/no still get it from the value.
 */
import { readFileSync } from 'fs';
import { readSource } from '../../server/import/registry';
import { indicatorsOf } from '../../server/import/draft';
import { SEEDS } from '../helpers/seeds';

const draft = readSource(readFileSync(`${SEEDS}/002_cb68e27bcf5376bc.txt`, 'utf8'), '002.txt').draft;
const byTitle = (start: string) => {
  const found = indicatorsOf(draft).filter((i) => `${i.title} ${i.formula ?? ''}`.includes(start));
  if (found.length === 0) throw new Error(`no indicator "${start}"`);
  return found;
};

it.each([
  // 002:516 "Durata media della formazione": 27 → 20 days, the published percentages read it higher-is-better
  'Durata media della formazione',
  // 002:530 interventions over current costs: 45%, higher-is-better
  'Interventi economici/Oneri correnti',
])('%j is not made lower-is-better by its words', (title) => {
  for (const indicator of byTitle(title)) {
    expect(indicator.polarity?.value).toBe('higher');
    // Italian first, English after the dash, as every stored evidence
    expect(indicator.polarity?.evidence).toMatch(
      /^nessun segnale .* il KPI cita "\w+" \(\w+\), quindi forse più basso è meglio: da confermare — no polarity signal .* the KPI text mentions "\w+" \(\w+\), so lower may be better: to be confirmed$/,
    );
  }
});

it('a SI/NO row still gets its polarity from the value (002:574)', () => {
  const yesNo = indicatorsOf(draft).filter((i) => i.targets.some((t) => t.raw === 'SI/NO'));
  expect(yesNo.length).toBeGreaterThan(0);
  expect(yesNo.every((i) => i.polarity?.value === 'boolean')).toBe(true);
});
