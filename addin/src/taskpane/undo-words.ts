/** The words of "Annulla l'ultimo invio" (issue 18, item 6), Italian first, the same keys in English. */
import type { Language } from '../i18n';

const it = {
  undo: "Annulla l'ultimo invio",
  working: "Annullamento dell'ultimo invio…",
  nothing: 'Nessun invio da annullare per il piano collegato.',
  notConnected: 'Collegarsi al server per annullare un invio.',
  done: "Ultimo invio annullato: {rows} righe rimesse com'erano, sul server e nel foglio.",
  refused: "L'ultimo invio non può essere annullato: queste righe sono cambiate dopo, e nulla è stato annullato.",
  failed: 'Annullamento non riuscito: {message}',
};

const en: typeof it = {
  undo: 'Undo the last send',
  working: 'Undoing the last send…',
  nothing: 'No send to undo for the bound plan.',
  notConnected: 'Connect to the server to undo a send.',
  done: 'Last send undone: {rows} rows put back as they were, on the server and in the sheet.',
  refused: 'The last send cannot be undone: these rows changed since, and nothing was undone.',
  failed: 'Undo failed: {message}',
};

export type UndoWords = typeof it;

export const undoWords: Record<Language, UndoWords> = { it, en };
