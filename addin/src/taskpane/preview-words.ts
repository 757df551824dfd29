/** The words of the preview before a Sync sends (issue 18, item 4), Italian first, the same keys in English. */
import type { Language } from '../i18n';

const it = {
  previewFirst: 'Mostra le modifiche prima di inviare',
  heading: 'Modifiche da inviare',
  counted: '{rows} righe da inviare, {problems} con problemi. Controllare e premere Invia, oppure Annulla.',
  nothing: 'Nessuna modifica da inviare.',
  errorsOnly: 'Solo errori',
  noErrors: 'Nessun problema nelle righe da inviare.',
  send: 'Invia',
  cancel: 'Annulla',
  cancelled: 'Invio annullato: nulla è stato inviato al server.',
  column: 'Colonna',
  before: 'Sul server',
  after: 'Da inviare',
  empty: '(vuoto)',
  unknown: '(non noto)',
  offline: 'Server non raggiungibile: i valori attuali sul server non sono noti; Invia terrà le modifiche in attesa.',
  rowName: '{name} — {kind}',
  problems: 'Problemi',
  new: 'riga nuova',
  dirty: 'riga modificata',
  delete: 'riga da eliminare',
  refused: 'non inviabile: da correggere',
};

const en: typeof it = {
  previewFirst: 'Show the changes before sending',
  heading: 'Changes to send',
  counted: '{rows} rows to send, {problems} with problems. Check them and press Send, or Cancel.',
  nothing: 'No changes to send.',
  errorsOnly: 'Only errors',
  noErrors: 'No problems in the rows to send.',
  send: 'Send',
  cancel: 'Cancel',
  cancelled: 'Sending cancelled: nothing was sent to the server.',
  column: 'Column',
  before: 'On the server',
  after: 'To send',
  empty: '(empty)',
  unknown: '(unknown)',
  offline: "Server unreachable: the server's current values are unknown; Send will keep the changes waiting.",
  rowName: '{name} — {kind}',
  problems: 'Problems',
  new: 'new row',
  dirty: 'edited row',
  delete: 'row to delete',
  refused: 'cannot be sent: to correct',
};

export type PreviewWords = typeof it;

export const previewWords: Record<Language, PreviewWords> = { it, en };
