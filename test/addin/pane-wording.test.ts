/**
 * The pane's sentences (issue 12, defect 9), in Italian and English: a Sync summary that never says more rows were
 * refused than sent, an unreachable server named by its address (and edits mentioned only when there are some),
 * an empty token said to be empty, errors in the order of the sheet.
 */
import { ApiError, OfflineError } from '../../addin/src/api/errors';
import { messages } from '../../addin/src/i18n';
import { emptySummary } from '../../addin/src/sync/send';
import type { SheetError } from '../../addin/src/sync/types';
import { failureText, sortedErrors, syncedText, tokenProblem } from '../../addin/src/taskpane/wording';
import { hostProblem } from '../../addin/src/taskpane/host-notice';
import { explanationLines, whyHeading } from '../../addin/src/taskpane/insight-lines';
import { isScoreReason, scoreReason } from '../../addin/src/sync/score-reason';
import type { ExplanationFieldsFragment } from '../../addin/src/api/generated';
import { exclusionWords, reasonWords, REASONS_IT } from '@core/vocabulary/reasons-it';
import { notItalian, RAW_CODE, withoutQuotes } from '../helpers/italian-scan';

const SERVER = 'https://cruscotto.comune.example.it';

describe('the Sync summary', () => {
  test('rows refused here are told apart from rows sent', () => {
    const s = { ...emptySummary(), sent: 3, updated: 2, unchanged: 1, rejected: 4, pending: 4 };
    expect(syncedText(s, 'it', SERVER)).toBe(
      'Righe inviate: 3 (aggiornate 2, invariate 1). Righe rifiutate: 4 (vedere Errori).',
    );
    expect(syncedText(s, 'en', SERVER)).toBe('Rows sent: 3 (updated 2, unchanged 1). Rows refused: 4 (see Errors).');
  });

  test('only what happened is listed; nothing to send says so', () => {
    expect(syncedText({ ...emptySummary(), sent: 1, created: 1 }, 'it', SERVER)).toBe('Righe inviate: 1 (create 1).');
    expect(syncedText({ ...emptySummary(), sent: 2, conflicts: 2, pending: 2 }, 'en', SERVER)).toBe(
      'Rows sent: 2. Rows in conflict: 2 (choose mine or theirs).',
    );
    expect(syncedText(emptySummary(), 'it', SERVER)).toBe('Nessuna modifica da inviare.');
    expect(syncedText(emptySummary(), 'en', SERVER)).toBe('Nothing to send.');
  });

  test('offline, it names the server and the rows kept in the sheet', () => {
    const s = { ...emptySummary(), offline: true, pending: 2 };
    expect(syncedText(s, 'it', SERVER)).toBe(
      `Server ${SERVER} non raggiungibile: le modifiche restano nel foglio. Righe in attesa di invio: 2.`,
    );
    expect(syncedText({ ...s, pending: 0 }, 'en', SERVER)).toBe(
      `Server ${SERVER} unreachable: check the address and the network.`,
    );
  });
});

describe('failures', () => {
  const offline = new OfflineError(new TypeError('fetch failed'));

  test('an unreachable server at Connect is named, and no edits are mentioned', () => {
    for (const language of ['it', 'en'] as const) {
      const text = failureText(offline, language, { step: 'connect', server: SERVER, pending: 0 });
      expect(text).toContain(SERVER);
      expect(text).not.toContain(messages[language].sync.offline);
    }
    expect(failureText(offline, 'it', { step: 'connect', server: SERVER, pending: 0 })).toBe(
      `Server ${SERVER} non raggiungibile: controllare l'indirizzo e la connessione.`,
    );
    expect(failureText(offline, 'it', { step: 'load', server: SERVER, pending: 3 })).not.toMatch(/modifiche/);
  });

  test('at Sync, with rows waiting, it says they stay in the sheet', () => {
    expect(failureText(offline, 'it', { step: 'sync', server: SERVER, pending: 3 })).toBe(
      `Server ${SERVER} non raggiungibile: le modifiche restano nel foglio. Righe in attesa di invio: 3.`,
    );
  });

  test('an empty token is said to be empty, before any request', () => {
    expect(tokenProblem('   ', 'it')).toBe('Token di accesso vuoto: incollare il token ricevuto.');
    expect(tokenProblem('', 'en')).toBe('The access token is empty: paste the token you received.');
    expect(tokenProblem('abc', 'it')).toBeNull();
    // a token the server refuses is still "invalid or expired"
    const refused = new ApiError('unauthorized', 'unauthorized', { status: 401 });
    expect(failureText(refused, 'it', { step: 'connect', server: SERVER, pending: 0 })).toBe(
      messages.it.sync.unauthorized,
    );
  });

  test('anything else is reported with its own message', () => {
    expect(failureText(new Error('boom'), 'en', { step: 'other', server: SERVER, pending: 0 })).toBe(
      'The operation failed: boom',
    );
  });
});

test('errors are listed by row, then from left to right', () => {
  const error = (row: number, column: SheetError['column']): SheetError => ({
    row,
    column,
    header: column,
    code: 'X',
    message: 'm',
    rowId: null,
  });
  const sorted = sortedErrors([error(7, 'weight'), error(2, 'target'), error(7, 'code'), error(2, 'weight')]);
  expect(sorted.map((e) => `${e.row}:${e.column}`)).toEqual(['2:weight', '2:target', '7:code', '7:weight']);
});

test('the host: no office.js, outside Office, in Excel', () => {
  expect(hostProblem(undefined)).toBe('noOffice');
  expect(hostProblem({}, null)).toBe('outside');
  expect(hostProblem({}, 'Word')).toBe('outside');
  expect(hostProblem({}, 'Excel')).toBeNull();
  expect(messages.it.ui.hostOutside).toMatch(/^Apri questo riquadro da Excel/);
  expect(messages.en.ui.hostOutside).toMatch(/^Open this pane from Excel/);
});

describe('"Perché?" of a score that is not valid: codes in words, Italian and English (issue 14)', () => {
  /** strategic objective 3 of Sondrio as the server explains it: its own weights incomplete, two children left out */
  const explanation = {
    status: 'INVALID',
    score: null,
    display: null,
    details: {
      rule: 'STRATEGIC',
      mode: null,
      status: 'INVALID',
      text: 'invalid: WEIGHT_MISSING',
      formula: null,
      profile: 'camera-commercio@1',
      polarity: null,
      polarityInferred: false,
      notCompleted: false,
      neutralisationReason: null,
      warnings: ['POLARITY_UNCONFIRMED', 'WEIGHT_SUM (170%)'],
      errors: ['WEIGHT_MISSING'],
      actual: null,
      target: null,
      thresholds: [],
      used: [],
      excluded: [
        { code: '3.2', reason: 'invalid: TYPE_MISMATCH' },
        { code: '3.3', reason: 'no scored child' },
        { code: '3.4', reason: 'missing' },
      ],
      manual: null,
    },
  } as unknown as ExplanationFieldsFragment;
  const text = (language: 'it' | 'en') =>
    explanationLines(explanation, language)
      .flatMap((l) => [l.label, l.text, ...(l.items ?? [])])
      .join('\n');

  test('in Italian: what is wrong and what to fix, every child with its reason in words, no code', () => {
    const lines = explanationLines(explanation, 'it');
    const byLabel = Object.fromEntries(lines.map((l) => [l.label, l]));
    expect(byLabel.Errori.items).toEqual([
      'pesi incompleti – da correggere: dare un peso a ogni elemento (o a nessuno, per pesi uguali)',
    ]);
    expect(byLabel.Avvisi.text).toBe('polarità da confermare, la somma dei pesi non è 100% (170%)');
    expect(byLabel['Elementi esclusi'].items).toEqual([
      '3.2: non calcolabile: target e valore non confrontabili – da correggere: indicare target e valore dello ' +
        'stesso tipo (numero, data, SI/NO) o correggere la polarità',
      '3.3: nessun indicatore valutato',
      '3.4: manca il valore ottenuto',
    ]);
    expect(notItalian(withoutQuotes(text('it')))).toEqual([]);
  });

  test('in English, the same table in English words', () => {
    const all = text('en');
    expect(all).toContain('weights incomplete – to fix: give every element a weight (or none, for equal weights)');
    expect(all).toContain('3.2: not scorable: target and value cannot be compared');
    expect(all).toContain('3.3: no indicator scored');
    expect(all.match(RAW_CODE)).toBeNull();
  });

  test('every code of the engine and the plan check has English words beside the Italian', () => {
    for (const [code, words] of Object.entries(REASONS_IT)) {
      expect({ code, en: words.en.text.length > 0 && words.en.fix.length > 0 }).toEqual({ code, en: true });
      expect(reasonWords(code, 'en')).not.toBe(reasonWords(code, 'it'));
    }
    expect(exclusionWords('not applicable', 'it')).toBe('non applicabile');
  });
});

test('the reason of a blank in the sheet\'s "Messaggio", Italian and English, told apart from a message of the sync', () => {
  expect(scoreReason({ status: 'MISSING', score: null, checkpoint: 'MID_YEAR' }, 'it')).toBe(
    'non valutabile: manca il valore al 30/06',
  );
  expect(scoreReason({ status: 'INVALID', score: null, errors: ['TARGET_MISSING'] }, 'en')).toBe(
    "not scorable: target missing – to fix: enter the year's target",
  );
  expect(scoreReason({ status: 'EMPTY', score: null }, 'it')).toBe('non valutabile: nessun indicatore valutato');
  expect(scoreReason({ status: 'SCORED', score: 0.5 }, 'it')).toBe('');
  expect(isScoreReason('non valutato: neutralizzato')).toBe(true);
  expect(isScoreReason('not scorable: no indicator scored')).toBe(true);
  expect(isScoreReason('Peso: "molto" non è un numero')).toBe(false);
  expect(isScoreReason(messages.it.sync.provisionalHere)).toBe(false);
});

test('"Perché?" names the row by its level and code, Italian and English (issue 18)', () => {
  const none = { score: null, display: null } as never;
  const scored = { score: 0.8, display: '80%' } as never;
  expect(whyHeading('3', none, 'it', 'strategic')).toBe("Perché l'obiettivo strategico 3 non ha un punteggio");
  expect(whyHeading('1.1', none, 'it', 'operational')).toBe("Perché l'obiettivo operativo 1.1 non ha un punteggio");
  expect(whyHeading('1.1.4', none, 'it', 'indicator')).toBe("Perché l'indicatore 1.1.4 non ha un punteggio");
  expect(whyHeading('Processi', none, 'it', 'perspective')).toBe('Perché la prospettiva Processi non ha un punteggio');
  expect(whyHeading('1.1.4', scored, 'it', 'indicator')).toBe("Perché l'indicatore 1.1.4 è 80%");
  expect(whyHeading('3', none, 'en', 'strategic')).toBe('Why strategic objective 3 has no score');
  expect(whyHeading('1.1', none, 'en', 'operational')).toBe('Why operational objective 1.1 has no score');
  expect(whyHeading('1.1.4', scored, 'en', 'indicator')).toBe('Why indicator 1.1.4 is 80%');
  expect(whyHeading('Processes', none, 'en', 'perspective')).toBe('Why perspective Processes has no score');
});
