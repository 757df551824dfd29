import { jsonLengthInSlices, RawJson, stringifyInSlices } from '../../server/speed/stringify-in-slices';

/** What Apollo writes by default (its prettyJSONStringify). */
const apollo = (value: unknown) => JSON.stringify(value) + '\n';

/** A report-shaped answer: four tables of `rows` flat rows, with nested objects and odd values around them. */
function bigAnswer(rows: number) {
  const table = (t: number) => ({
    rows: Array.from({ length: rows }, (_, i) => ({
      id: `row-${t}-${i}`,
      code: i % 7 === 0 ? null : `1.${i}`,
      title: `Obiettivo «${i}» — "virgolette" \\ \u2028 \ud83d\ude00 \u0001`,
      score: i % 5 === 0 ? null : i / 3,
      excluded: i % 2 === 0,
      realization: { display: `${i}%`, parts: [i, null, 'x'], when: new Date(Date.UTC(2024, 0, 1 + (i % 28))) },
    })),
    total: { score: 0.5, nothing: undefined, fn: () => 1 },
  });
  return { data: { r0: table(0), r1: table(1), r2: table(2), r3: table(3) }, extensions: { cost: [1, [2, [3]]] } };
}

describe('stringifyInSlices (Apollo stringifyResult)', () => {
  it('writes the same bytes as JSON.stringify, for every kind of value', async () => {
    const values: unknown[] = [
      {},
      [],
      { a: [] },
      { a: [undefined, () => 1, Symbol('s'), null, NaN, -0, Infinity] },
      { a: undefined, b: Symbol('x'), c: 1, d: { e: { f: [{ g: [[]] }] } } },
      { date: new Date(0), nested: { toJSON: (key: string) => ({ key, deep: [1, { x: 2 }] }) } },
      { map: new Map([[1, 2]]), set: new Set([1]), boxed: [Object(1), Object('s'), Object(false)] },
      { '': 'empty key', 'é"\\': 'escaped key', '\ud800': 'lone surrogate \udc00' },
      bigAnswer(50),
    ];
    for (const value of values) expect(await stringifyInSlices(value as object, 64)).toBe(apollo(value));
  });

  it('writes the rows of a sync answer (each with its flat realization) as JSON.stringify does, odd fields included', async () => {
    const row = (i: number) => ({
      status: 'CREATED',
      rowId: `id-${i}`,
      rowVersion: i % 3 === 0 ? null : 1,
      errors: i % 4 === 0 ? [] : [{ column: 'target', code: 'NOT_A_VALUE' }],
      realization: i % 5 === 0 ? null : { display: `${i}%`, warnings: Array.from({ length: i % 40 }, () => 'W') },
      at: new Date(Date.UTC(2024, 0, 1 + (i % 28))),
      ...(i % 6 === 0 ? { kept: new RawJson('{"a":[1,2]}') } : {}),
      ...(i % 7 === 0 ? { told: { toJSON: (key: string) => ({ key, deep: [{ x: i }] }) } } : {}),
      ...(i % 8 === 0 ? { gone: undefined, fn: () => 1, nested: { list: [{ deep: true }] } } : {}),
    });
    const value = { data: { syncRows: { applied: 200, rows: Array.from({ length: 200 }, (_, i) => row(i)) } } };
    expect(await stringifyInSlices(value, 64)).toBe(apollo(value));
    expect(await stringifyInSlices(value)).toBe(apollo(value));
  });

  it('a big answer: the same bytes, and other tasks of the event loop run while it is written', async () => {
    const value = bigAnswer(3_000);
    let turnsTaken = 0;
    const tick = () => {
      turnsTaken++;
      if (!done) setImmediate(tick);
    };
    let done = false;
    setImmediate(tick);
    const text = await stringifyInSlices(value);
    done = true;
    expect(text).toBe(apollo(value));
    expect(text.length).toBeGreaterThan(1_000_000);
    // a slice is 256 KB: a few turns at least were given away
    expect(turnsTaken).toBeGreaterThan(3);
  });

  it('a small answer is written at once, without a turn', async () => {
    let turned = false;
    setImmediate(() => (turned = true));
    expect(await stringifyInSlices({ data: { health: 'ok' } })).toBe('{"data":{"health":"ok"}}\n');
    expect(turned).toBe(false);
  });

  it('counts the length JSON.stringify would write, slice by slice (the size of a kept answer)', async () => {
    const value = bigAnswer(3000);
    expect(await jsonLengthInSlices(value, 1024)).toBe(JSON.stringify(value).length);
    expect(await jsonLengthInSlices({})).toBe(2);
  });
});
