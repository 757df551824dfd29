/**
 * ByDocument (server/speed/by-document.ts) keeps a computation over a document per document object and the values of
 * the variables it read: the checks and prices of every request (input-guard.ts, plan-cost.ts) compute once per
 * query text and values instead of walking the document for every pane's read. Another value of a variable read
 * computes again; a variable not read never does.
 */
import { parse } from 'graphql';
import { ByDocument } from '../../server/speed/by-document';

describe('ByDocument', () => {
  const document = parse('query($p: ID!, $n: Int) { a(planId: $p) { b(first: $n) } }');
  // reads $p always, $n only for the plan "big": which variables are read depends on the values read
  const memo = new ByDocument((_doc, variables) => {
    const plan = variables.p as string;
    return { plan, page: plan === 'big' ? variables.n : null };
  });

  it('computes once for the same document and values, whatever the variables it does not read', () => {
    const first = memo.of(document, { p: 'small', n: 1 });
    expect(first).toEqual({ plan: 'small', page: null });
    expect(memo.of(document, { p: 'small', n: 2 })).toBe(first);
    expect(memo.of(document, { p: 'small', other: { x: 1 } })).toBe(first);
    expect(memo.computed).toBe(1);
  });

  it('computes again when a variable it read has another value, and then reads what that path reads', () => {
    const before = memo.computed;
    expect(memo.of(document, { p: 'big', n: 10 })).toEqual({ plan: 'big', page: 10 });
    expect(memo.of(document, { p: 'big', n: 100 })).toEqual({ plan: 'big', page: 100 });
    expect(memo.of(document, { p: 'big', n: 100 })).toEqual({ plan: 'big', page: 100 });
    expect(memo.of(document, { p: 'small', n: 100 })).toEqual({ plan: 'small', page: null });
    expect(memo.computed).toBe(before + 3);
  });

  it('keeps each document apart, an equal text parsed again included', () => {
    const before = memo.computed;
    const again = parse('query($p: ID!, $n: Int) { a(planId: $p) { b(first: $n) } }');
    memo.of(again, { p: 'small' });
    memo.of(again, { p: 'small' });
    expect(memo.computed).toBe(before + 1);
  });

  it('tells a variable given as undefined, absent or null apart only as the computation reads them', () => {
    const seen = new ByDocument((_doc, variables) => variables.p ?? 'none');
    expect(seen.of(document, {})).toBe('none');
    expect(seen.of(document, { p: undefined })).toBe('none');
    expect(seen.computed).toBe(1);
    expect(seen.of(document, { p: null })).toBe('none');
    expect(seen.computed).toBe(2);
    expect(seen.of(document, { p: 'x' })).toBe('x');
  });
});
