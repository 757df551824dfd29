import { checkCode, checkText } from '@core/sheet/text-checks';

/** The text rules of docs/sheet-contract.md, "Text and codes", on their own (the sync corpus checks them end to end). */
describe('checkText', () => {
  it.each([
    ['  Azione  ', 'Azione'],
    ['Qualita\u0300', 'Qualità'],
    ['- voce di elenco', '- voce di elenco'],
    ['-', '-'],
    ['riga 1\nriga 2\tcon tab', 'riga 1\nriga 2\tcon tab'],
    ['1 + 1 = 2', '1 + 1 = 2'],
  ])('keeps %j as %j (trimmed, NFC)', (raw, text) => {
    expect(checkText(raw, 100)).toEqual({ text });
  });

  it.each([
    ['=1+1', 'FORMULA_NOT_ALLOWED'],
    ['+cmd', 'FORMULA_NOT_ALLOWED'],
    ['@SUM(A1)', 'FORMULA_NOT_ALLOWED'],
    ['-2+3', 'FORMULA_NOT_ALLOWED'],
    ['\t=A1', 'FORMULA_NOT_ALLOWED'],
    ['\r\n+1', 'FORMULA_NOT_ALLOWED'],
    ['a\u0000b', 'CONTROL_CHARACTERS'],
    ['a\u001bb', 'CONTROL_CHARACTERS'],
    ['a\uFFFFb', 'INVALID_CHARACTERS'],
    ['a\uD83Db', 'INVALID_CHARACTERS'],
    ['a\uDE00b', 'INVALID_CHARACTERS'],
  ])('refuses %j: %s', (raw, code) => {
    expect(checkText(raw, 100)).toEqual({ problem: { code } });
  });

  it('keeps a whole surrogate pair (an emoji) and counts the limit after trimming', () => {
    expect(checkText('ok \uD83D\uDE00', 100)).toEqual({ text: 'ok \uD83D\uDE00' });
    expect(checkText(`  ${'x'.repeat(10)}  `, 10)).toEqual({ text: 'x'.repeat(10) });
    expect(checkText('x'.repeat(11), 10)).toEqual({ problem: { code: 'TOO_LONG', max: 10 } });
  });
});

describe('checkCode', () => {
  it.each([
    ['1.1.3', '1.1.3'],
    ['１.１.３', '1.1.3'],
    [' OS-2/a (bis) ', 'OS-2/a (bis)'],
    ['Obiettivo è', 'Obiettivo è'],
  ])('keeps %j as %j', (raw, text) => {
    expect(checkCode(raw, 50)).toEqual({ text });
  });

  it.each([
    ['1.1.\u200B3', 'INVISIBLE_CHARACTERS'],
    ['\u202E1.1.3', 'INVISIBLE_CHARACTERS'],
    ['1.1.3\uFEFF', 'INVISIBLE_CHARACTERS'],
    ['\u0430.1', 'CODE_CHARACTERS'],
    ['\u0391.1', 'CODE_CHARACTERS'],
    ['\u0661.1', 'CODE_CHARACTERS'],
    ['1.1#', 'CODE_CHARACTERS'],
    ['+1', 'FORMULA_NOT_ALLOWED'],
  ])('refuses %j: %s', (raw, code) => {
    expect(checkCode(raw, 50)).toEqual({ problem: { code } });
  });
});
