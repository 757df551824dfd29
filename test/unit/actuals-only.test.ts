/**
 * A row of actual values alone (server/sync/row-plan.ts): the turn's adoption guesses it from the row as sent
 * (sendsOnlyActuals, adopt-rows.ts) and the apply phase decides it from the row as parsed (writesOnlyActuals,
 * apply.ts). One rule at both stages: for every row, the guess is what the apply phase finds.
 */
import { parseRow } from '@core/sheet/parse-row';
import type { SheetRowIn } from '@core/sheet/row';
import { type RowPlan, sendsOnlyActuals, writesOnlyActuals } from '../../server/sync/row-plan';

const named = { rowId: 'r1', rowVersion: 3 };

const rows: Array<[string, SheetRowIn, boolean]> = [
  ['an actual', { ...named, actual: '12' }, true],
  ['every actual cell', { ...named, actual: '1', neutralised: 'no', neutralisationReason: 'x', note: 'n' }, true],
  ['an actual with its level (a sync never changes a level)', { ...named, level: 'indicatore', actual: '12' }, true],
  ['an actual with cells sent empty (null: not sent)', { ...named, code: null, target: null, actual: '12' }, true],
  ['an actual with an undefined cell', { ...named, title: undefined, actual: '12' }, true],
  ['an actual and a target', { ...named, actual: '12', target: '20' }, false],
  ['an actual and its code', { ...named, code: '1.1.1.1', actual: '12' }, false],
  ['an actual and its units', { ...named, responsibleUnit: 'U.O. Prova', actual: '12' }, false],
  ['an actual in a cruscotto', { ...named, dashboard: 'Cruscotto', actual: '12' }, false],
  ['a title', { ...named, title: 'Azione' }, false],
];

describe('a row of actual values alone', () => {
  it.each(rows)('%s: the same at both stages', (_name, row, only) => {
    const parsed = parseRow(0, row, { year: 2023, years: [2022, 2023, 2024] });
    const plan: RowPlan = { parsed, errors: parsed.errors, changes: new Set() };
    expect(parsed.errors).toEqual([]);
    expect(sendsOnlyActuals(row)).toBe(only);
    expect(writesOnlyActuals(plan)).toBe(only);
  });

  it('is not one when the row moves its node to another parent', () => {
    const parsed = parseRow(0, { ...named, parentRef: 'p2', actual: '12' }, { year: 2023, years: [2023] });
    expect(sendsOnlyActuals(parsed.input)).toBe(false);
    expect(writesOnlyActuals({ parsed, errors: [], changes: new Set(['parent']) })).toBe(false);
  });
});
