import { checkCode, checkText } from '@core/sheet/text-checks';

/** [cell, code] cases from the cells each problem code is given for. */
const refusals = (byCode: Record<string, string[]>): Array<[string, string]> =>
  Object.entries(byCode).flatMap(([code, cells]) => cells.map((raw): [string, string] => [raw, code]));

/**
 * The text rules of docs/sheet-contract.md, "Text and codes", on their own (the sync corpus checks them end to end):
 * each check keeps a cell as its text, trimmed and normalised, or refuses it with a problem code.
 */
describe.each([
  {
    check: 'checkText',
    read: (raw: string) => checkText(raw, 100),
    keeps: [
      ['  Azione  ', 'Azione'],
      ['Qualita\u0300', 'Qualità'],
      ['- voce di elenco', '- voce di elenco'],
      ['-', '-'],
      ['riga 1\nriga 2\tcon tab', 'riga 1\nriga 2\tcon tab'],
      ['1 + 1 = 2', '1 + 1 = 2'],
    ],
    refuses: refusals({
      FORMULA_NOT_ALLOWED: ['=1+1', '+cmd', '@SUM(A1)', '-2+3', '\t=A1', '\r\n+1'],
      CONTROL_CHARACTERS: ['a\u0000b', 'a\u001bb'],
      INVALID_CHARACTERS: ['a\uFFFFb', 'a\uD83Db', 'a\uDE00b'],
    }),
  },
  {
    check: 'checkCode',
    read: (raw: string) => checkCode(raw, 50),
    keeps: [
      ['1.1.3', '1.1.3'],
      ['１.１.３', '1.1.3'],
      [' OS-2/a (bis) ', 'OS-2/a (bis)'],
      ['Obiettivo è', 'Obiettivo è'],
    ],
    refuses: refusals({
      INVISIBLE_CHARACTERS: ['1.1.\u200B3', '\u202E1.1.3', '1.1.3\uFEFF'],
      CODE_CHARACTERS: ['\u0430.1', '\u0391.1', '\u0661.1', '1.1#'],
      FORMULA_NOT_ALLOWED: ['+1'],
    }),
  },
])('$check', ({ read, keeps, refuses }) => {
  it.each(keeps)('keeps %j as %j', (raw, text) => {
    expect(read(raw)).toEqual({ text });
  });

  it.each(refuses)('refuses %j: %s', (raw, code) => {
    expect(read(raw)).toEqual({ problem: { code } });
  });
});

describe('checkText', () => {
  it('keeps a whole surrogate pair (an emoji) and counts the limit after trimming', () => {
    expect(checkText('ok \uD83D\uDE00', 100)).toEqual({ text: 'ok \uD83D\uDE00' });
    expect(checkText(`  ${'x'.repeat(10)}  `, 10)).toEqual({ text: 'x'.repeat(10) });
    expect(checkText('x'.repeat(11), 10)).toEqual({ problem: { code: 'TOO_LONG', max: 10 } });
  });
});
