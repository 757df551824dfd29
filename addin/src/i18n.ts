/**
 * Every text the pane shows, in Italian and English, following the Office display language.
 * `messages.it` and `messages.en` have the same keys (the type makes a missing translation a compile error).
 * Sync-logic messages are under `sync`; the task-pane labels go under `ui`.
 */
export type Language = 'it' | 'en';

const it = {
  sync: {
    offline: 'Server non raggiungibile: le modifiche restano nel foglio e partiranno alla prossima sincronizzazione',
    unauthorized: 'Token non valido o scaduto: inserire di nuovo il token',
    forbidden: 'Permesso negato per questa operazione',
    serverError: 'Errore del server ({status})',
    badResponse: 'Risposta del server non valida',
    graphql: 'Il server ha rifiutato la richiesta: {message}',
    notBound: 'Nessun piano collegato a questa cartella: premere Carica',
    notConnected: 'Non connesso: inserire indirizzo del server e token',
    tableMissing: 'La tabella "{table}" non esiste più in questa cartella',
    columnMissing: 'Colonna "{header}" mancante nella tabella',
    unknownParent: 'Codice padre "{code}" sconosciuto: nessuna riga con questo codice',
    ambiguousParent: 'Codice padre "{code}" presente su più righe',
    deleteWord: 'ELIMINA',
    deleteHint: 'scrivere ELIMINA in "Stato sync" per eliminare la riga al prossimo sync',
    deleteNeedsId: 'riga mai sincronizzata: basta cancellarla dal foglio',
    conflict: 'Modificata da {who} il {when}: scegliere mia o loro',
    conflictLocal: 'Modificata sul server mentre era modificata qui: scegliere mia o loro',
    provisional: 'provvisorio (calcolato offline)',
    deletedOnServer:
      'Eliminata sul server da un collega: al prossimo sync sarà creata di nuovo, oppure eliminarla dal foglio',
    batchFailed: 'Invio non riuscito: riprovare',
    status: {
      NEW: 'NUOVA',
      DIRTY: 'MODIFICATA',
      CREATED: 'CREATA',
      UPDATED: 'AGGIORNATA',
      UNCHANGED: 'OK',
      DELETED: 'ELIMINATA',
      CONFLICT: 'CONFLITTO',
      REJECTED: 'RIFIUTATA',
      PENDING: 'IN ATTESA',
      SYNCED: 'OK',
    },
    chartTitle: '% Realizzazione per obiettivo strategico',
    mappingNoHeader: 'Nessuna riga di intestazione riconosciuta nel foglio "{sheet}"',
    mappingMissing: 'Colonna obbligatoria non indicata: {column}',
  },
  ui: {
    title: 'Cruscotto',
    connectHeading: 'Connessione',
    serverUrl: 'Indirizzo del server',
    token: 'Token di accesso',
    tokenNote: 'Il token resta in questo computer, mai nella cartella di lavoro.',
    connect: 'Connetti',
    disconnect: 'Esci',
    connecting: 'Connessione in corso…',
    connected: 'Connesso a {server}',
    planHeading: 'Piano',
    organisation: 'Ente',
    plan: 'Piano',
    year: 'Anno',
    checkpoint: 'Rilevazione',
    YEAR_END: 'Fine anno',
    MID_YEAR: 'Metà anno',
    load: 'Carica',
    bindSheet: 'Collega questo foglio',
    sync: 'Sincronizza',
    refresh: 'Aggiorna punteggi',
    boundTo: 'Collegato a {plan}, {year} ({checkpoint}), tabella {table}',
    notBound: 'Nessun piano collegato: scegliere il piano e premere Carica.',
    working: 'Operazione in corso…',
    progress: 'Avanzamento',
    loaded: 'Righe caricate nella tabella {table}: {rows}.',
    synced:
      'Righe inviate: {sent} (create {created}, aggiornate {updated}, invariate {unchanged}, eliminate {deleted}, rifiutate {rejected}, in conflitto {conflicts}).',
    pending: 'Righe in attesa di invio: {pending}.',
    refreshed: 'Righe aggiornate: {updated}; conflitti: {conflicts}; eliminate sul server: {deletedOnServer}.',
    provisional: 'Punteggi provvisori calcolati senza connessione.',
    offline: 'Server non raggiungibile: le modifiche restano nel foglio.',
    errorsHeading: 'Errori',
    noErrors: 'Nessun errore.',
    errorItem: 'Riga {row}, {header}: {message}',
    conflictsHeading: 'Conflitti',
    conflictItem: '{code} {title}: modificata da {who}',
    mine: 'Tengo la mia',
    theirs: 'Prendo la loro',
    mineLabel: 'Mia',
    theirsLabel: 'Loro',
    mappingHeading: 'Colonne riconosciute nel foglio {sheet}',
    mappingColumn: 'Colonna Cruscotto',
    mappingHeader: 'Intestazione nel foglio',
    mappingLevel: 'Livello',
    mappingNone: '(nessuna)',
    mappingUnmatched: 'Intestazioni non riconosciute: {headers}',
    confirmBinding: 'Conferma e collega',
    cancel: 'Annulla',
    bound: 'Foglio collegato. Righe: {rows} (riconosciute {matched}, nuove {newRows}).',
    failed: 'Operazione non riuscita: {message}',
    noPlans: 'Nessun piano disponibile con questo token.',
  },
  planStatus: { draft: 'bozza', approved: 'approvato', closed: 'chiuso', superseded: 'superato' } as Record<
    string,
    string
  >,
};

type Messages = typeof it;

const en: Messages = {
  sync: {
    offline: 'Server unreachable: your edits stay in the sheet and go out on the next Sync',
    unauthorized: 'Invalid or expired token: enter the token again',
    forbidden: 'Permission denied for this operation',
    serverError: 'Server error ({status})',
    badResponse: 'Invalid answer from the server',
    graphql: 'The server refused the request: {message}',
    notBound: 'No plan is bound to this workbook: press Load',
    notConnected: 'Not connected: enter the server address and token',
    tableMissing: 'The table "{table}" is no longer in this workbook',
    columnMissing: 'Column "{header}" is missing from the table',
    unknownParent: 'Parent code "{code}" is unknown: no row has this code',
    ambiguousParent: 'Parent code "{code}" is on several rows',
    deleteWord: 'DELETE',
    deleteHint: 'type DELETE in "Sync status" to delete the row on the next sync',
    deleteNeedsId: 'row never synced: just remove it from the sheet',
    conflict: 'Changed by {who} on {when}: choose mine or theirs',
    conflictLocal: 'Changed on the server while edited here: choose mine or theirs',
    provisional: 'provisional (computed offline)',
    deletedOnServer:
      'Deleted on the server by a colleague: the next Sync creates it again, or remove it from the sheet',
    batchFailed: 'Sending failed: try again',
    status: {
      NEW: 'NEW',
      DIRTY: 'CHANGED',
      CREATED: 'CREATED',
      UPDATED: 'UPDATED',
      UNCHANGED: 'OK',
      DELETED: 'DELETED',
      CONFLICT: 'CONFLICT',
      REJECTED: 'REJECTED',
      PENDING: 'PENDING',
      SYNCED: 'OK',
    },
    chartTitle: '% Realization per strategic objective',
    mappingNoHeader: 'No header row recognised in sheet "{sheet}"',
    mappingMissing: 'Required column not mapped: {column}',
  },
  ui: {
    title: 'Cruscotto',
    connectHeading: 'Connection',
    serverUrl: 'Server address',
    token: 'Access token',
    tokenNote: 'The token stays on this computer, never in the workbook.',
    connect: 'Connect',
    disconnect: 'Sign out',
    connecting: 'Connecting…',
    connected: 'Connected to {server}',
    planHeading: 'Plan',
    organisation: 'Organisation',
    plan: 'Plan',
    year: 'Year',
    checkpoint: 'Checkpoint',
    YEAR_END: 'Year end',
    MID_YEAR: 'Mid year',
    load: 'Load',
    bindSheet: 'Bind this sheet',
    sync: 'Sync',
    refresh: 'Refresh scores',
    boundTo: 'Bound to {plan}, {year} ({checkpoint}), table {table}',
    notBound: 'No plan bound yet: choose a plan and press Load.',
    working: 'Working…',
    progress: 'Progress',
    loaded: 'Rows loaded into table {table}: {rows}.',
    synced:
      'Rows sent: {sent} (created {created}, updated {updated}, unchanged {unchanged}, deleted {deleted}, rejected {rejected}, in conflict {conflicts}).',
    pending: 'Rows waiting to be sent: {pending}.',
    refreshed: 'Rows updated: {updated}; conflicts: {conflicts}; deleted on the server: {deletedOnServer}.',
    provisional: 'Provisional scores computed offline.',
    offline: 'Server unreachable: your edits stay in the sheet.',
    errorsHeading: 'Errors',
    noErrors: 'No errors.',
    errorItem: 'Row {row}, {header}: {message}',
    conflictsHeading: 'Conflicts',
    conflictItem: '{code} {title}: changed by {who}',
    mine: 'Keep mine',
    theirs: 'Take theirs',
    mineLabel: 'Mine',
    theirsLabel: 'Theirs',
    mappingHeading: 'Columns recognised in sheet {sheet}',
    mappingColumn: 'Cruscotto column',
    mappingHeader: 'Header in the sheet',
    mappingLevel: 'Level',
    mappingNone: '(none)',
    mappingUnmatched: 'Headers not recognised: {headers}',
    confirmBinding: 'Confirm and bind',
    cancel: 'Cancel',
    bound: 'Sheet bound. Rows: {rows} (recognised {matched}, new {newRows}).',
    failed: 'The operation failed: {message}',
    noPlans: 'No plan is available with this token.',
  },
  planStatus: { draft: 'draft', approved: 'approved', closed: 'closed', superseded: 'superseded' } as Record<
    string,
    string
  >,
};

export const messages: Record<Language, Messages> = { it, en };

/** "it-IT", "it", "en-GB" → it / en (anything not Italian reads English) */
export function languageOf(officeLanguage: string | null | undefined): Language {
  return (officeLanguage ?? '').toLowerCase().startsWith('it') ? 'it' : 'en';
}

/** fills {name} placeholders */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function syncText(language: Language) {
  return messages[language].sync;
}
