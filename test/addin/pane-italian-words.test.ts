/**
 * Issue 14, item 6, the pane's word lists: every Italian sentence the pane can show, the states no scenario reaches
 * included (a server error, a missing column, a rebind refused…), filled in as the pane fills it, has no English word
 * and no raw code. The browser scenario (scenarios/pane-italian.test.ts) scans what the pane shows state by state;
 * this reads the lists it draws from. Same scan and word list as the documents (test/helpers/italian-scan.ts).
 */
import { graphqlError } from '../../addin/src/api/errors';
import { bindingWords } from '../../addin/src/binding-words';
import { format, messages } from '../../addin/src/i18n';
import { liveLine, type LiveWord } from '../../addin/src/live-words';
import { POLARITY_WORDS } from '../../addin/src/taskpane/polarity-view';
import { previewWords } from '../../addin/src/taskpane/preview-words';
import { notItalian, withoutQuotes } from '../helpers/italian-scan';

/** what the pane puts in the placeholders: numbers, a time, the user's names in quotes */
const SAMPLE = {
  status: 500,
  message: '"la risposta del server"',
  table: 'Cruscotto_2022_3112',
  header: '"Peso"',
  code: '1.1.2',
  sheet: '"Piano"',
  column: '"Cod."',
  server: 'https://cruscotto.ente.it',
  plan: '"Piano 2022"',
  year: 2022,
  checkpoint: 'Fine anno',
  rows: 79,
  sent: 3,
  count: 2,
  pending: 1,
  updated: 1,
  conflicts: 0,
  deletedOnServer: 0,
  row: 4,
  title: '"Titolo"',
  who: 'Anna Rossi',
  when: '2026-12-05 10:42',
  headers: '"Colonna mia"',
  matched: 70,
  newRows: 9,
  cells: '"Peso" (non è un numero)',
  seconds: 30,
  time: '10:42',
  percent: 90,
  level: 'azione',
  score: 80,
  problems: 1,
  name: '1.1.2',
  kind: 'riga modificata',
};

/** every string of a word table, with where it is */
function sentences(table: unknown, where: string): Array<[string, string]> {
  if (typeof table === 'string') return [[where, table]];
  if (!table || typeof table !== 'object') return [];
  return Object.entries(table).flatMap(([key, value]) => sentences(value, `${where}.${key}`));
}

const leaks = (texts: Array<[string, string]>) =>
  Object.fromEntries(
    texts
      .map(([where, text]) => [where, notItalian(withoutQuotes(format(text, SAMPLE)))] as const)
      .filter(([, found]) => found.length > 0),
  );

describe("the pane's Italian word lists", () => {
  it('the common list: sync messages, statuses, labels, plan statuses', () => {
    expect(sentences(messages.it, 'messages.it').length).toBeGreaterThan(100);
    expect(leaks(sentences(messages.it, 'messages.it'))).toEqual({});
  });

  it('binding, column identity, reload and rebind', () => {
    expect(leaks(sentences(bindingWords.it, 'bindingWords.it'))).toEqual({});
  });

  it('live updates and the polarities to confirm', () => {
    const live = (['connecting', 'live', 'polling', 'updatedBy', 'updatedAt'] as LiveWord[]).map(
      (key) => [`live.${key}`, liveLine('it', key, SAMPLE)] as [string, string],
    );
    expect(leaks([...live, ...sentences(POLARITY_WORDS.it, 'polarity.it')])).toEqual({});
  });

  it('the preview before sending (issue 18, item 4)', () => {
    expect(leaks(sentences(previewWords.it, 'previewWords.it'))).toEqual({});
  });

  it('a server\'s refusal in the Italian pane is its Italian alone, not "italiano / English"', () => {
    const error = graphqlError([
      {
        message: 'Piano non trovato / Plan not found',
        extensions: { code: 'NOT_FOUND', messageIt: 'Piano non trovato', messageEn: 'Plan not found' },
      },
    ]);
    expect(error.text('it')).toBe('Il server ha rifiutato la richiesta: Piano non trovato');
    expect(error.text('en')).toBe('The server refused the request: Plan not found');
    expect(notItalian(error.text('it'))).toEqual([]);
    // an older server without the languages apart: its message as it is
    expect(graphqlError([{ message: 'Piano non trovato' }]).text('it')).toBe(
      'Il server ha rifiutato la richiesta: Piano non trovato',
    );
  });

  it('catches what it is for: an English word or a code in an Italian sentence', () => {
    expect(leaks([['sample', 'Peso mancante: the weight is missing (WEIGHT_SUM)']])).toEqual({
      sample: ['missing', 'weight', 'the', 'is', 'WEIGHT_SUM'],
    });
  });
});
