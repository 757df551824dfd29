/**
 * What the CRUSCOTTO.* formulas say in a cell: the readable message of an Excel error (shown when the user points
 * at the cell's error), the words of =CRUSCOTTO.STATO and the mark of a provisional value, in Italian and English.
 */
import type { Language } from '../i18n';
import { capitalised, SCORE_STATUS_WORDS } from '../score-status-words';

const it = {
  unknownCode: 'Codice "{code}" sconosciuto nel piano',
  planNotFound: "Piano non trovato, oppure senza diritto di lettura: chiedere accesso all'amministratore",
  tooManyPlans: 'Troppi piani, anni e scadenze diversi in una volta: dividere le formule su più fogli',
  noPlan: 'Nessun piano: collegare la cartella a un piano dal riquadro Cruscotto, o indicare il piano',
  notConnected: 'Non connesso: aprire il riquadro Cruscotto e connettersi al server',
  offline: 'Server non raggiungibile e nessun valore già letto per questa cella',
  unauthorized: 'Token non valido o scaduto: connettersi di nuovo dal riquadro Cruscotto',
  forbidden: 'Permesso negato: il tuo ruolo non può leggere questo piano',
  badYear: 'Anno non valido: scrivere ad esempio 2022',
  badCode: 'Codice mancante: scrivere ad esempio "1.2.1"',
  badCheckpoint: 'Rilevazione non valida: scrivere "30/6" o "31/12"',
  server: 'Il server non ha risposto: {message}',
  provisional: ' (provvisorio)',
  status: {
    ACHIEVED: 'Raggiunto',
    NOT_ACHIEVED: 'Non raggiunto',
    ...capitalised(SCORE_STATUS_WORDS.it),
  } as Record<string, string>,
};

const en: typeof it = {
  unknownCode: 'Code "{code}" is not in the plan',
  planNotFound: 'Plan not found, or you may not read it: ask the administrator for access',
  tooManyPlans: 'Too many different plans, years and checkpoints at once: split the formulas over several sheets',
  noPlan: 'No plan: bind the workbook to a plan from the Cruscotto pane, or name the plan',
  notConnected: 'Not connected: open the Cruscotto pane and connect to the server',
  offline: 'Server unreachable and no value read before for this cell',
  unauthorized: 'Token not valid or expired: connect again from the Cruscotto pane',
  forbidden: 'Permission denied: your role may not read this plan',
  badYear: 'Year not valid: write for example 2022',
  badCode: 'Code missing: write for example "1.2.1"',
  badCheckpoint: 'Checkpoint not valid: write "30/6" or "31/12"',
  server: 'The server did not answer: {message}',
  provisional: ' (provisional)',
  status: {
    ACHIEVED: 'Achieved',
    NOT_ACHIEVED: 'Not achieved',
    ...capitalised(SCORE_STATUS_WORDS.en),
  },
};

export const formulaWords: Record<Language, typeof it> = { it, en };
