/**
 * The words of binding a sheet (and binding again), of column identity and of loading again, in Italian and English (same keys in
 * both; the type makes a missing translation a compile error). Kept beside i18n.ts so these three features can
 * change their words without touching the pane's common list.
 */
import type { Language } from './i18n';

const it = {
  mappingSheetColumn: 'Colonna del foglio',
  mappingPlanColumn: 'Colonna Cruscotto',
  mappingAnyLevel: '(ogni livello)',
  mappingFieldOf: 'Colonna Cruscotto per "{header}"',
  mappingLevelOf: 'Livello per "{header}"',
  noteRead: "Proposta dalla lettura dell'intestazione (affidabilità {percent}%)",
  noteNone: 'Intestazione non riconosciuta: scegliere la colonna, oppure lasciarla fuori',
  noteLevel: 'livello {level}',
  noteYear: 'anno {year}',
  noteScore: 'soglia {score}%',
  noteCheckpoint: 'rilevazione al {checkpoint}',
  levels: {
    perspective: 'prospettiva',
    strategic: 'obiettivo strategico',
    operational: 'obiettivo operativo',
    indicator: 'azione',
  },
  columnsMissing:
    'Colonne mancanti nella tabella "{table}": {headers}. Sync bloccato finché non sono ripristinate (rinominare di nuovo la colonna o ripristinarla), per non perdere modifiche.',
  reloadPending: 'Ci sono {pending} righe modificate e non inviate. Cosa fare prima di ricaricare?',
  reloadSend: 'Invia e ricarica',
  reloadDiscard: 'Scarta e ricarica',
  reloadCancel: 'Annulla',
  reloadCancelled: 'Caricamento annullato: le modifiche restano nel foglio.',
  reloadRejected:
    'Non ricaricato: {pending} righe non sono state accettate dal server e restano da correggere nel foglio.',
  rebindPending:
    'La tabella collegata ha {pending} righe modificate e non inviate. Collegando di nuovo la si riscrive: cosa fare prima?',
  rebindSend: 'Invia e collega',
  rebindDiscard: 'Scarta e collega',
  rebindCancelled: 'Collegamento annullato: la tabella collegata e le sue modifiche restano come sono.',
  rebindRejected:
    'Non collegato: {pending} righe non sono state accettate dal server e restano da correggere nella tabella collegata.',
};

const en: typeof it = {
  mappingSheetColumn: 'Sheet column',
  mappingPlanColumn: 'Cruscotto column',
  mappingAnyLevel: '(any level)',
  mappingFieldOf: 'Cruscotto column for "{header}"',
  mappingLevelOf: 'Level for "{header}"',
  noteRead: 'Proposed from reading the header (confidence {percent}%)',
  noteNone: 'Header not recognised: choose the column, or leave it out',
  noteLevel: 'level {level}',
  noteYear: 'year {year}',
  noteScore: 'threshold {score}%',
  noteCheckpoint: 'checkpoint {checkpoint}',
  levels: {
    perspective: 'perspective',
    strategic: 'strategic objective',
    operational: 'operational objective',
    indicator: 'action',
  },
  columnsMissing:
    'Columns missing from table "{table}": {headers}. Sync is blocked until they are back (rename the column again or restore it), so that no edit is lost.',
  reloadPending: 'There are {pending} edited rows not sent yet. What to do before loading again?',
  reloadSend: 'Send, then load',
  reloadDiscard: 'Discard, then load',
  reloadCancel: 'Cancel',
  reloadCancelled: 'Load cancelled: the edits stay in the sheet.',
  reloadRejected: 'Not loaded: the server did not accept {pending} rows; they stay in the sheet to be corrected.',
  rebindPending: 'The bound table has {pending} edited rows not sent yet. Binding again rewrites it: what to do first?',
  rebindSend: 'Send, then bind',
  rebindDiscard: 'Discard, then bind',
  rebindCancelled: 'Binding cancelled: the bound table and its edits stay as they are.',
  rebindRejected: 'Not bound: the server did not accept {pending} rows; they stay in the bound table to be corrected.',
};

export const bindingWords: Record<Language, typeof it> = { it, en };
