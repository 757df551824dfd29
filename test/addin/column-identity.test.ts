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

describe("by Excel's TableColumn.id kept in the binding", () => {
  const keys = Object.keys(expected) as Array<keyof typeof expected>;
  const boundIds = Object.fromEntries(keys.map((k, i) => [k, String(i + 1)]));
  const tableIds = keys.map((_, i) => String(i + 1));

  test('a column renamed and moved at once is found by its id, and counted as renamed', () => {
    const headers = canonical.map((h) => (h === expected.actual ? 'Consuntivo' : h));
    const at = canonical.indexOf(expected.actual);
    const [moved] = headers.splice(at, 1);
    headers.splice(1, 0, moved);
    const ids = [...tableIds];
    ids.splice(1, 0, ...ids.splice(at, 1));
    // without the ids the same table loses the column: header and place both changed
    expect(readColumns(headers, expected).missing.map((m) => m.key)).toEqual(['actual']);
    const read = readColumns(headers, expected, undefined, { table: ids, bound: boundIds });
    expect(read.missing).toEqual([]);
    expect(read.headers.actual).toBe('Consuntivo');
    expect(read.headers.title).toBe(expected.title);
    expect(read.renamed).toEqual([{ key: 'actual', from: expected.actual, to: 'Consuntivo' }]);
  });

  test('a deleted column is missing even where another column now stands in its place', () => {
    const at = canonical.indexOf(expected.unit);
    const headers = canonical.filter((_, i) => i !== at);
    const ids = tableIds.filter((_, i) => i !== at);
    const read = readColumns(headers, expected, undefined, { table: ids, bound: boundIds });
    expect(read.missing).toEqual([{ key: 'unit', header: expected.unit }]);
    expect(read.headers.actual).toBe(expected.actual);
  });

  test('a column whose id is gone but whose header is back (deleted and typed again) is found by its header', () => {
    const ids = tableIds.map((id, i) => (canonical[i] === expected.note ? '99' : id));
    const read = readColumns(canonical, expected, undefined, { table: ids, bound: boundIds });
    expect(read.missing).toEqual([]);
    expect(read.headers.note).toBe(expected.note);
  });
});
