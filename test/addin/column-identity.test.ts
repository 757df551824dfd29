/**
 * Column identity of the bound table (issue 12, item 6): a column is found by its header, or, renamed in place,
 * by its place; a column found neither way is missing and stops the read, so no edit is dropped silently.
 */
import { readColumns, ColumnsMissingError } from '../../addin/src/sync/column-identity';
import { canonicalHeaders } from '../../addin/src/sync/columns';

const expected = canonicalHeaders('it');
const canonical = Object.values(expected);

test('a header renamed in place keeps its column', () => {
  const headers = canonical.map((h) => (h === expected.actual ? 'Valore ottenuto 2022' : h));
  const read = readColumns(headers, expected);
  expect(read.missing).toEqual([]);
  expect(read.headers.actual).toBe('Valore ottenuto 2022');
  expect(read.renamed).toEqual([{ key: 'actual', from: expected.actual, to: 'Valore ottenuto 2022' }]);
});

test('a moved column is found by its header; a column inserted elsewhere does not shift a renamed one', () => {
  const moved = canonical.filter((h) => h !== expected.note);
  moved.splice(1, 0, expected.note, 'Colonna mia');
  const renamed = moved.map((h) => (h === expected.actual ? 'Ottenuto' : h));
  const read = readColumns(renamed, expected);
  expect(read.missing).toEqual([]);
  expect(read.headers.note).toBe(expected.note);
  expect(read.headers.actual).toBe('Ottenuto');
  expect(read.headers.title).toBe(expected.title);
});

test('a column renamed and moved at once is missing, with its header, and says so in Italian', () => {
  const headers = canonical.filter((h) => h !== expected.actual);
  headers.push('Ottenuto altrove');
  const read = readColumns(headers, expected);
  expect(read.missing).toEqual([{ key: 'actual', header: expected.actual }]);
  expect(read.headers.actual).toBeUndefined();
  const error = new ColumnsMissingError(
    'Cruscotto_2022_3112',
    read.missing.map((m) => m.header),
  );
  expect(error.text('it')).toMatch(
    /^Colonne mancanti nella tabella "Cruscotto_2022_3112": "Valore ottenuto"\. Sync bloccato/,
  );
});
