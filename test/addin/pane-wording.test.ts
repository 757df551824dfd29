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
