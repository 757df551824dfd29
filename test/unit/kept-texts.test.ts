/**
 * KeptTexts (server/speed/kept-texts.ts): the realization read's rows and the deltas, kept per plan state and scores
 * by one helper, each text with its bytes encoded once and kept on it.
 */
import { jsonListBytes, KeptText, KeptTexts } from '../../server/speed/kept-texts';

describe('KeptTexts', () => {
  it('writes a text once per state, scores and key, and keeps its bytes on it', async () => {
    const shelf = new KeptTexts();
    const [state, scores, rescored] = [{}, {}, {}];
    let writes = 0;
    const write = async () => `[{"rowId":"r${++writes}","title":"Qualità"}]`;
    const a = await shelf.of(state, scores, 'k', write);
    expect(await shelf.of(state, scores, 'k', write)).toBe(a);
    expect(writes).toBe(1);
    expect((await shelf.of(state, scores, 'other', write)).text).toBe('[{"rowId":"r2","title":"Qualità"}]');
    // the same state read with other scores (a rescore) is written again
    expect(await shelf.of(state, rescored, 'k', write)).not.toBe(a);
    expect(await shelf.of({}, scores, 'k', write)).not.toBe(a);
    expect(writes).toBe(4);
    const bytes = a.bytes();
    expect(bytes.equals(Buffer.from(a.text))).toBe(true);
    expect(a.bytes()).toBe(bytes);
    expect(new KeptText('à').bytes().length).toBe(2);
  });

  it('keeps at most `most` texts of a state and scores, the least recently read out, and each shelf its own', async () => {
    const deltas = new KeptTexts(2);
    const rows = new KeptTexts();
    const [state, scores] = [{}, {}];
    const whole = await rows.of(state, scores, 'all', async () => '[]');
    const first = await deltas.of(state, scores, 'd1', async () => '[1]');
    await deltas.of(state, scores, 'd2', async () => '[2]');
    // read again (the panes behind by the same stamps): d1 is now the most recent
    expect(await deltas.of(state, scores, 'd1', async () => 'again')).toBe(first);
    await deltas.of(state, scores, 'd3', async () => '[3]');
    expect(await deltas.of(state, scores, 'd1', async () => 'again')).toBe(first);
    expect((await deltas.of(state, scores, 'd2', async () => 'again')).text).toBe('again');
    // the deltas' bound leaves the other shelf's texts of the same state alone
    expect(await rows.of(state, scores, 'all', async () => 'again')).toBe(whole);
  });

  it("counts in the state's budget each text kept, less the one it pushed out", async () => {
    const shelf = new KeptTexts(1);
    const grown: number[] = [];
    const budget = { grow: (_state: object, bytes: number) => void grown.push(bytes) };
    const [state, scores] = [{}, {}];
    await shelf.of(state, scores, 'a', async () => 'aaaa', budget);
    await shelf.of(state, scores, 'a', async () => 'again', budget);
    await shelf.of(state, scores, 'b', async () => 'bb', budget);
    // two bytes a character: 'aaaa' in, then 'bb' in and 'aaaa' out
    expect(grown).toEqual([8, 4 - 8]);
  });

  it('keeps a text made from its bytes as those bytes, and its text as they decode', async () => {
    const shelf = new KeptTexts();
    const grown: number[] = [];
    const budget = { grow: (_state: object, bytes: number) => void grown.push(bytes) };
    const bytes = Buffer.from('[{"title":"Qualità «urbana» \ud83d\ude00"}]');
    const kept = await shelf.of({}, {}, 'k', async () => bytes, budget);
    expect(kept.bytes()).toBe(bytes);
    expect(kept.text).toBe('[{"title":"Qualità «urbana» \ud83d\ude00"}]');
    expect(kept.text).toBe(kept.text);
    // a byte a byte: what it holds is its bytes
    expect(grown).toEqual([bytes.length]);
  });
});

describe('jsonListBytes', () => {
  /** the values' texts joined as a JSON list, encoded: what the bytes must equal */
  const asText = (values: string[][]) => Buffer.from(`[${values.map((pieces) => pieces.join('')).join(',')}]`);
  const asBytes = (values: string[][]) =>
    jsonListBytes(
      values.map((pieces) => (pieces.length === 1 ? Buffer.from(pieces[0]) : pieces.map((p) => Buffer.from(p)))),
    );

  it('writes the bytes of the JSON list of its values, whole or in pieces, multi-byte characters included', () => {
    const cases: string[][][] = [
      [],
      [['{}']],
      [['{"a":1}'], ['{"b":"è"}']],
      [['{"rowId":"r1","realization":', '{"display":"95 %"}', ',"title":"Già \u2028 \ud83d\ude00"}'], ['null'], ['""']],
    ];
    for (const values of cases) {
      const bytes = asBytes(values);
      expect(bytes.equals(asText(values))).toBe(true);
      expect(JSON.parse(bytes.toString('utf8'))).toEqual(JSON.parse(asText(values).toString('utf8')));
    }
  });
});
