// Generated from schema/schema.graphql and addin/src/api/queries.ts by `npm run codegen`
// (graphql-codegen --config codegen.ts). Do not edit: test/addin/codegen-drift.test.ts fails when it drifts.

export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: string; output: string; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
};

/** A che cosa appartiene un punteggio ricalcolato da una sincronizzazione / What a score a sync changed belongs to */
export type AffectedLevel =
  /** Cruscotto / Dashboard */
  | 'DASHBOARD'
  /** Obiettivo operativo / Operational objective */
  | 'OPERATIONAL'
  /** Prospettiva / Perspective */
  | 'PERSPECTIVE'
  /** Piano / Plan */
  | 'PLAN'
  /** Obiettivo strategico / Strategic objective */
  | 'STRATEGIC';

/** Che cosa ha fatto una modifica / What a change did */
export type AuditAction =
  /** Creazione / Created */
  | 'CREATE'
  /** Cancellazione / Deleted */
  | 'DELETE'
  /** Modifica / Updated */
  | 'UPDATE';

/** Da dove viene una modifica / Where a change came from */
export type ChangeSource =
  /** Componente aggiuntivo Excel / Excel add-in */
  | 'ADDIN'
  /** API GraphQL / GraphQL API */
  | 'GRAPHQL'
  /** Importazione di un documento / Import of a document */
  | 'IMPORT'
  /** Il sistema (es. avvio) / The system (e.g. first start) */
  | 'SYSTEM';

/** Scadenza di monitoraggio: 30 giugno o 31 dicembre / Monitoring checkpoint: 30 June or 31 December */
export type Checkpoint =
  /** Monitoraggio al 30 giugno / 30 June monitoring */
  | 'MID_YEAR'
  /** Consuntivo al 31 dicembre / 31 December, year end */
  | 'YEAR_END';

/** Perché una cella non ha valore / Why a cell has no value */
export type CodeValueProblem =
  /** Piano inesistente o senza diritto di lettura per chi chiede / No such plan, or the caller may not read it */
  | 'PLAN_NOT_FOUND'
  /** Troppe combinazioni di piano, anno e scadenza in una richiesta / Too many plan, year and checkpoint combinations in one request */
  | 'TOO_MANY_PLANS'
  /** Nessuna riga del piano ha quel codice / No row of the plan has that code */
  | 'UNKNOWN_CODE';

/** Una cella da riempire: codice della riga, piano, anno e scadenza / One cell to fill: the row code, plan, year and checkpoint */
export type CodeValueRequest = {
  /** Scadenza: 30/6 o 31/12 / Checkpoint: 30 June or 31 December */
  checkpoint?: Checkpoint;
  /** Codice, come nel piano ("1.2.1") / Code, as the plan prints it ("1.2.1") */
  code: Scalars['String']['input'];
  /** Id della versione del piano / Id of the plan version */
  planId: Scalars['ID']['input'];
  /** Anno / Year */
  year: Scalars['Int']['input'];
};

/** Cruscotto strategico, del servizio, del SG, del dirigente, individuale / Strategic, service, SG, manager or individual dashboard */
export type DashboardKind =
  /** Individuale / Individual */
  | 'INDIVIDUAL'
  /** Dirigente / Manager */
  | 'MANAGER'
  /** Segretario generale / Secretary general */
  | 'SECRETARY_GENERAL'
  /** Servizio / Service */
  | 'SERVICE'
  /** Strategico / Strategic */
  | 'STRATEGIC';

/** Se una riga del cruscotto è un indicatore strategico od operativo / Whether a dashboard row is a strategic or an operational indicator */
export type EntryLevel =
  /** Obiettivo operativo / Operational objective */
  | 'OPERATIONAL'
  /** Obiettivo strategico / Strategic objective */
  | 'STRATEGIC';

/** Che cosa è il valore letto / What a typed or imported value turned out to be */
export type ParsedValueKind =
  /** Sì/no / Yes or no */
  | 'BOOLEAN'
  /** Importo in euro / Amount in euro */
  | 'CURRENCY'
  /** Data / Date */
  | 'DATE'
  /** Numero di giorni / Number of days */
  | 'DAYS'
  /** Vuoto / Empty */
  | 'EMPTY'
  /** Numero / Number */
  | 'NUMBER'
  /** Percentuale / Percentage */
  | 'PERCENT'
  /** Segnaposto (es. "n.d.", "monitoraggio") / Placeholder (e.g. "n.d.", "monitoraggio") */
  | 'PLACEHOLDER'
  /** Testo / Text */
  | 'TEXT';

/** Ciclo di vita di una versione del piano / Life cycle of a plan version */
export type PlanStatus =
  /** Approvato / Approved */
  | 'APPROVED'
  /** Chiuso / Closed */
  | 'CLOSED'
  /** Bozza / Draft */
  | 'DRAFT'
  /** Sostituito da una versione successiva / Superseded by a later version */
  | 'SUPERSEDED';

/** Quale verso del valore è meglio / Which direction of the value is better */
export type Polarity =
  /** Sì/no: fatto o no / Yes or no: done or not */
  | 'BOOLEAN'
  /** Scadenza: entro la data / Deadline: by the date */
  | 'DEADLINE'
  /** Più è alto, meglio è / Higher is better */
  | 'HIGHER'
  /** Più è basso, meglio è / Lower is better */
  | 'LOWER';

/** Un profilo congelato non cambia più / A frozen scoring profile is immutable */
export type ProfileStatus =
  /** Bozza / Draft */
  | 'DRAFT'
  /** Congelato: non cambia più / Frozen: it no longer changes */
  | 'FROZEN';

/** Regola che ha prodotto il punteggio: di un indicatore (RATIO…MONITORING) o di un aggregato (MEAN, STRATEGIC, DASHBOARD, MANAGER) / The rule that produced a score: an indicator's or an aggregate's */
export type RealizationRule =
  /** A fasce di soglie / Threshold bands */
  | 'BANDS'
  /** Sì/no / Yes or no */
  | 'BOOLEAN'
  /** Cruscotto / Dashboard */
  | 'DASHBOARD'
  /** Scadenza: entro la data / Deadline: by the date */
  | 'DEADLINE'
  /** Inverso: target su valore / Inverse: target over actual */
  | 'INVERSE'
  /** Dirigente / Manager */
  | 'MANAGER'
  /** Punteggio manuale / Manual score */
  | 'MANUAL'
  /** Media pesata dei figli / Weighted mean of the children */
  | 'MEAN'
  /** Solo monitoraggio / Monitoring only */
  | 'MONITORING'
  /** Dalle attività del progetto / From the activities of the project */
  | 'PROJECT'
  /** Rapporto valore su target / Actual over target */
  | 'RATIO'
  /** Obiettivo strategico / Strategic objective */
  | 'STRATEGIC';

/** Target originale o "nuova previsione" / Original target or "nuova previsione" */
export type RevisionKind =
  /** Valore originale / Original value */
  | 'ORIGINAL'
  /** Nuova previsione / Revised value */
  | 'REVISED';

/** ADMIN: tutto nell'organizzazione; CONTROLLER: modifica il piano, chiude le scadenze, approva; UNIT_EDITOR: i valori delle sue unità; VIEWER (OIV): legge tutto, non modifica nulla / ADMIN: everything in the organisation; CONTROLLER: edits the plan, locks checkpoints, approves; UNIT_EDITOR: actual values of their units; VIEWER (OIV): reads everything, edits nothing */
export type Role =
  /** Amministratore / Administrator */
  | 'ADMIN'
  /** Controllo di gestione / Controller */
  | 'CONTROLLER'
  /** Redattore di unità / Unit editor */
  | 'UNIT_EDITOR'
  /** Sola lettura / Viewer */
  | 'VIEWER';

/** Che cosa ha fatto una sincronizzazione con una riga del foglio / What a sync did with one sheet row */
export type RowStatus =
  /** Conflitto: un collega ha cambiato la riga / Conflict: a colleague changed the row */
  | 'CONFLICT'
  /** Creata / Created */
  | 'CREATED'
  /** Cancellata / Deleted */
  | 'DELETED'
  /** Rifiutata, con i motivi / Rejected, with the reasons */
  | 'REJECTED'
  /** Invariata / Unchanged */
  | 'UNCHANGED'
  /** Modificata / Updated */
  | 'UPDATED';

/** Variante della regola applicata / The variant of a rule that produced a score */
export type RuleMode =
  /** Dalle attività / From the activities */
  | 'ACTIVITIES'
  /** Limitato al 100% / Capped at 100% */
  | 'CAPPED'
  /** Completamento / Completion */
  | 'COMPLETION'
  /** Lineare tra le soglie / Linear between thresholds */
  | 'LINEAR'
  /** A gradini / Step */
  | 'STEP'
  /** Target su valore / Target over actual */
  | 'TARGET_OVER_ACTUAL'
  /** Senza limite al 100% / Not capped at 100% */
  | 'UNCAPPED'
  /** Zero / Zero */
  | 'ZERO';

/** Stato del punteggio; indicatori: SCORED, MISSING, MONITORING, NEUTRALISED, NOT_APPLICABLE, INVALID; aggregati: SCORED, EMPTY, INVALID / Status of a score */
export type ScoreStatus =
  /** Vuoto / Empty */
  | 'EMPTY'
  /** Non valido: vedere gli errori / Invalid: see the errors */
  | 'INVALID'
  /** Manca il valore / The value is missing */
  | 'MISSING'
  /** Solo monitoraggio / Monitoring only */
  | 'MONITORING'
  /** Neutralizzato / Neutralised */
  | 'NEUTRALISED'
  /** Non applicabile / Not applicable */
  | 'NOT_APPLICABLE'
  /** Valutato / Scored */
  | 'SCORED';

/** Come si valuta un indicatore (docs/scoring.md §5.3) / How an indicator is scored (docs/scoring.md §5.3) */
export type ScoringRule =
  /** A fasce di soglie / Threshold bands */
  | 'BANDS'
  /** Sì/no / Yes or no */
  | 'BOOLEAN'
  /** Scadenza: entro la data / Deadline: by the date */
  | 'DEADLINE'
  /** Inverso: target su valore / Inverse: target over actual */
  | 'INVERSE'
  /** Punteggio manuale / Manual score */
  | 'MANUAL'
  /** Solo monitoraggio / Monitoring only */
  | 'MONITORING'
  /** Dalle attività del progetto / From the activities of the project */
  | 'PROJECT'
  /** Rapporto valore su target / Actual over target */
  | 'RATIO';

/** Livello di una riga del foglio / Level of a sheet row */
export type SheetLevel =
  /** Indicatore / Indicator */
  | 'INDICATOR'
  /** Obiettivo operativo / Operational objective */
  | 'OPERATIONAL'
  /** Prospettiva / Perspective */
  | 'PERSPECTIVE'
  /** Obiettivo strategico / Strategic objective */
  | 'STRATEGIC';

/** Un foglio di una sola unità responsabile o di un solo cruscotto: i suoi indicatori, con sopra prospettive e obiettivi come contesto in sola lettura; nessuno dei due = l'intero piano / A sheet of one responsible unit or one cruscotto: its indicators, with the perspectives and objectives above them as read-only context; neither = the whole plan */
export type SheetScopeInput = {
  /** Il cruscotto del foglio / The sheet's cruscotto */
  dashboardId?: InputMaybe<Scalars['ID']['input']>;
  /** L'unità responsabile del foglio / The sheet's responsible unit */
  unitId?: InputMaybe<Scalars['ID']['input']>;
};

/** Un lotto di righe del foglio per una versione del piano, un anno e una scadenza / A batch of sheet rows for one plan version, year and checkpoint */
export type SyncBatchInput = {
  /** Chiave di idempotenza: un nuovo tentativo con la stessa chiave riceve la prima risposta / Idempotency key: a retry with the same key returns the first answer */
  batchKey?: InputMaybe<Scalars['String']['input']>;
  /** Scadenza: 30/6 o 31/12 / Checkpoint: 30 June or 31 December */
  checkpoint?: Checkpoint;
  /** Modo / Mode */
  mode?: SyncMode;
  /** Id della versione del piano / Id of the plan version */
  planId: Scalars['ID']['input'];
  /** Le righe / The rows */
  rows: Array<SheetRowInput>;
  /** Il foglio è di una sola unità o di un solo cruscotto: le righe fuori da esso sono respinte / The sheet is of one unit or one cruscotto: rows outside it are refused */
  scope?: InputMaybe<SheetScopeInput>;
  /** Da dove viene la modifica / Where the change came from */
  source?: InputMaybe<SyncSourceInput>;
  /** Anno / Year */
  year: Scalars['Int']['input'];
};

/** PARTIAL applica le righe valide e segnala le altre; ATOMIC applica tutto o niente / PARTIAL applies the valid rows and reports the others; ATOMIC applies all or nothing */
export type SyncMode =
  /** Tutto o niente / All or nothing */
  | 'ATOMIC'
  /** Le righe buone sì, le altre rifiutate / Good rows applied, the others rejected */
  | 'PARTIAL';

/** Una riga del foglio: prospettiva, obiettivo o indicatore come li mostra il foglio (docs/sheet-contract.md) / One sheet row: a perspective, objective or indicator as the sheet shows it (docs/sheet-contract.md) */
export type SheetRowInput = {
  /** "Azione": l'etichetta d'azione che un cruscotto stampa accanto all'indicatore / the action label a cruscotto prints beside an indicator */
  actionLabel?: InputMaybe<Scalars['String']['input']>;
  /** Come scritto nella cella / As typed in the cell */
  actual?: InputMaybe<Scalars['String']['input']>;
  /** La chiave del client per questa riga, perché righe nuove possano nominare padri nuovi / The client's key for this row, so new rows can name new parents */
  clientRef?: InputMaybe<Scalars['String']['input']>;
  /** Come scritto nella cella / As typed in the cell */
  code?: InputMaybe<Scalars['String']['input']>;
  /** Il cruscotto in cui compare la riga: la riga è allora (cruscotto, livello, codice) e lo stesso codice in un altro cruscotto è lo stesso nodo / The cruscotto this row appears in; the row is then (cruscotto, level, code), and the same code in another cruscotto is the same node */
  dashboard?: InputMaybe<Scalars['String']['input']>;
  /** Tipo di cruscotto: strategico, servizio, segretario generale, dirigente, individuale; vuoto = dal nome / Kind of cruscotto: strategic, service, secretary general, manager, individual; empty = from the name */
  dashboardKind?: InputMaybe<Scalars['String']['input']>;
  /** L'unità o il dirigente a cui appartiene il cruscotto, per nome / The unit or the manager the cruscotto belongs to, by name */
  dashboardOwner?: InputMaybe<Scalars['String']['input']>;
  /** "Fonte del dato": la fonte del dato dell'indicatore, come scritta; vuoto = nessuna / "Fonte del dato": the indicator's data source, as typed; empty = none */
  dataSource?: InputMaybe<Scalars['String']['input']>;
  /** Cancella questa riga (esplicitamente) / Delete this row (explicitly) */
  delete?: InputMaybe<Scalars['Boolean']['input']>;
  /** Fonte del dato della voce, quando è diversa da quella dell'indicatore; vuoto = quella dell'indicatore / The entry's data source when it differs from the indicator's; empty = the indicator's */
  entryDataSource?: InputMaybe<Scalars['String']['input']>;
  /** Livello della voce: strategico o operativo, come il cruscotto mostra l'indicatore / Entry level: strategic or operational, how the cruscotto shows the indicator */
  entryLevel?: InputMaybe<Scalars['String']['input']>;
  /** Peso della voce nel suo cruscotto, in punti percentuali ("25%", "25"); solo righe di indicatore in un cruscotto / Weight of the entry in its cruscotto, in percent points; cruscotto indicator rows only */
  entryWeight?: InputMaybe<Scalars['String']['input']>;
  /** Target degli anni seguenti / Targets of the following years */
  futureTargets?: InputMaybe<Array<SheetFutureTargetInput>>;
  /** Come scritto nella cella / As typed in the cell */
  kpi?: InputMaybe<Scalars['String']['input']>;
  /** Come scritto nella cella / As typed in the cell */
  level?: InputMaybe<Scalars['String']['input']>;
  /** Come scritto nella cella / As typed in the cell */
  neutralisationReason?: InputMaybe<Scalars['String']['input']>;
  /** SI / NO */
  neutralised?: InputMaybe<Scalars['String']['input']>;
  /** Come scritto nella cella / As typed in the cell */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Il rowId del padre, o il clientRef di un padre nuovo in questo lotto / The parent's rowId, or the clientRef of a new parent in this batch */
  parentRef?: InputMaybe<Scalars['String']['input']>;
  /** Come scritto nella cella / As typed in the cell */
  polarity?: InputMaybe<Scalars['String']['input']>;
  /** Ordine nel cruscotto (1, 2, …); vuoto = ordine del lotto / Order in the cruscotto (1, 2, …); empty = order of the batch */
  position?: InputMaybe<Scalars['String']['input']>;
  /** Nomi delle unità come scritti; più d'uno separati da ";" o " e " / Unit names as typed; several separated by ";" or " e " */
  responsibleUnit?: InputMaybe<Scalars['String']['input']>;
  /** Colonna nascosta dell'id; vuota per una riga nuova / Hidden id column; empty for a new row */
  rowId?: InputMaybe<Scalars['ID']['input']>;
  /** Colonna nascosta della versione: l'ultima vista dal foglio; obbligatoria con rowId (altrimenti VERSION_REQUIRED) / Hidden version column: the version the sheet last saw; required with rowId (VERSION_REQUIRED otherwise) */
  rowVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Come scritto nella cella / As typed in the cell */
  rule?: InputMaybe<Scalars['String']['input']>;
  /** Come scritto nella cella / As typed in the cell */
  target?: InputMaybe<Scalars['String']['input']>;
  /** Soglie: punti (valore, punteggio) / Thresholds: (value, score) points */
  thresholds?: InputMaybe<Array<SheetThresholdInput>>;
  /** Come scritto nella cella / As typed in the cell */
  title?: InputMaybe<Scalars['String']['input']>;
  /** Come scritto nella cella / As typed in the cell */
  unit?: InputMaybe<Scalars['String']['input']>;
  /** Come scritto nella cella / As typed in the cell */
  weight?: InputMaybe<Scalars['String']['input']>;
};

/** Un target di un anno seguente, come scritto / A target of a later year, as typed */
export type SheetFutureTargetInput = {
  /** Valore / Value */
  value: Scalars['String']['input'];
  /** Anno / Year */
  year: Scalars['Int']['input'];
};

/** Una cella di soglia: il punteggio (0.8 per "soglia 80%") e il valore come scritto / A threshold cell: its score (0.8 for "soglia 80%") and the value as typed */
export type SheetThresholdInput = {
  /** Punteggio in [0, 1] / Score in [0, 1] */
  score: Scalars['Float']['input'];
  /** Valore / Value */
  value: Scalars['String']['input'];
};

/** Da dove viene un lotto, per il registro delle modifiche / Where a batch comes from, for the audit trail */
export type SyncSourceInput = {
  /** Chi sincronizza (finché l'autenticazione non nomina l'utente) / Who is syncing (until authentication names the user) */
  author?: InputMaybe<Scalars['String']['input']>;
  /** Tipo / Kind */
  kind: SyncSourceKind;
  /** Nome del foglio / Sheet name */
  sheet?: InputMaybe<Scalars['String']['input']>;
  /** Nome della cartella di lavoro / Workbook name */
  workbook?: InputMaybe<Scalars['String']['input']>;
};

/** Da dove è venuto un lotto sincronizzato / Where a synced batch came from */
export type SyncSourceKind =
  /** Componente aggiuntivo Excel / Excel add-in */
  | 'ADDIN'
  /** API GraphQL / GraphQL API */
  | 'GRAPHQL'
  /** Importazione di un documento / Import of a document */
  | 'IMPORT';

/** Un target di monitoraggio non si valuta mai / A monitoring target is never scored */
export type TargetMode =
  /** Solo monitoraggio / Monitoring only */
  | 'MONITORING'
  /** Valutato / Scored */
  | 'SCORED';

/** Quale invio del foglio annullare / Which sheet batch to undo */
export type UndoSyncBatchInput = {
  /** La chiave dell'invio (batchKey di syncRows) / The batch's key (syncRows' batchKey) */
  batchKey: Scalars['String']['input'];
  /** Scadenza dell'invio / The batch's checkpoint */
  checkpoint: Checkpoint;
  /** La versione del piano / The plan version */
  planId: Scalars['ID']['input'];
  /** Da dove viene l'annullamento, per il registro / Where the undo comes from, for the audit trail */
  source?: InputMaybe<SyncSourceInput>;
  /** Anno dell'invio / The batch's year */
  year: Scalars['Int']['input'];
};

export type CodeValuesQueryVariables = Exact<{
  requests: Array<CodeValueRequest> | CodeValueRequest;
}>;


export type CodeValuesQuery = { codeValues: Array<{ planId: string, code: string, year: number, checkpoint: Checkpoint, rowId: string | null, level: SheetLevel | null, problem: CodeValueProblem | null, actual: { raw: string, kind: ParsedValueKind, number: number | null, date: string | null, boolean: boolean | null } | null, target: { raw: string, kind: ParsedValueKind, number: number | null, date: string | null, boolean: boolean | null } | null, realization: { status: ScoreStatus, score: number | null, display: string | null, achieved: boolean | null } | null }> };

export type ExplanationFieldsFragment = { status: ScoreStatus, score: number | null, display: string | null, details: { rule: RealizationRule | null, mode: RuleMode | null, status: ScoreStatus, text: string, formula: string | null, profile: string, polarity: Polarity | null, polarityInferred: boolean, notCompleted: boolean, neutralisationReason: string | null, warnings: Array<string>, errors: Array<string>, actual: { raw: string } | null, target: { revision: RevisionKind, mode: TargetMode, value: { raw: string }, original: { raw: string } | null } | null, thresholds: Array<{ number: number | null, date: string | null, score: number }>, used: Array<{ code: string | null, score: number, weight: number | null }>, excluded: Array<{ code: string | null, reason: string }>, manual: { score: number | null, author: string | null, justification: string | null } | null } };

export type RowExplanationQueryVariables = Exact<{
  rowId: Scalars['ID']['input'];
  year: Scalars['Int']['input'];
  checkpoint: Checkpoint;
}>;


export type RowExplanationQuery = { node: { realization: { status: ScoreStatus, score: number | null, display: string | null, details: { rule: RealizationRule | null, mode: RuleMode | null, status: ScoreStatus, text: string, formula: string | null, profile: string, polarity: Polarity | null, polarityInferred: boolean, notCompleted: boolean, neutralisationReason: string | null, warnings: Array<string>, errors: Array<string>, actual: { raw: string } | null, target: { revision: RevisionKind, mode: TargetMode, value: { raw: string }, original: { raw: string } | null } | null, thresholds: Array<{ number: number | null, date: string | null, score: number }>, used: Array<{ code: string | null, score: number, weight: number | null }>, excluded: Array<{ code: string | null, reason: string }>, manual: { score: number | null, author: string | null, justification: string | null } | null } } | null } | { realization: { status: ScoreStatus, score: number | null, display: string | null, details: { rule: RealizationRule | null, mode: RuleMode | null, status: ScoreStatus, text: string, formula: string | null, profile: string, polarity: Polarity | null, polarityInferred: boolean, notCompleted: boolean, neutralisationReason: string | null, warnings: Array<string>, errors: Array<string>, actual: { raw: string } | null, target: { revision: RevisionKind, mode: TargetMode, value: { raw: string }, original: { raw: string } | null } | null, thresholds: Array<{ number: number | null, date: string | null, score: number }>, used: Array<{ code: string | null, score: number, weight: number | null }>, excluded: Array<{ code: string | null, reason: string }>, manual: { score: number | null, author: string | null, justification: string | null } | null } } | null } | { realization: { status: ScoreStatus, score: number | null, display: string | null, details: { rule: RealizationRule | null, mode: RuleMode | null, status: ScoreStatus, text: string, formula: string | null, profile: string, polarity: Polarity | null, polarityInferred: boolean, notCompleted: boolean, neutralisationReason: string | null, warnings: Array<string>, errors: Array<string>, actual: { raw: string } | null, target: { revision: RevisionKind, mode: TargetMode, value: { raw: string }, original: { raw: string } | null } | null, thresholds: Array<{ number: number | null, date: string | null, score: number }>, used: Array<{ code: string | null, score: number, weight: number | null }>, excluded: Array<{ code: string | null, reason: string }>, manual: { score: number | null, author: string | null, justification: string | null } | null } } | null } | { realization: { status: ScoreStatus, score: number | null, display: string | null, details: { rule: RealizationRule | null, mode: RuleMode | null, status: ScoreStatus, text: string, formula: string | null, profile: string, polarity: Polarity | null, polarityInferred: boolean, notCompleted: boolean, neutralisationReason: string | null, warnings: Array<string>, errors: Array<string>, actual: { raw: string } | null, target: { revision: RevisionKind, mode: TargetMode, value: { raw: string }, original: { raw: string } | null } | null, thresholds: Array<{ number: number | null, date: string | null, score: number }>, used: Array<{ code: string | null, score: number, weight: number | null }>, excluded: Array<{ code: string | null, reason: string }>, manual: { score: number | null, author: string | null, justification: string | null } | null } } | null } | { realization: { status: ScoreStatus, score: number | null, display: string | null, details: { rule: RealizationRule | null, mode: RuleMode | null, status: ScoreStatus, text: string, formula: string | null, profile: string, polarity: Polarity | null, polarityInferred: boolean, notCompleted: boolean, neutralisationReason: string | null, warnings: Array<string>, errors: Array<string>, actual: { raw: string } | null, target: { revision: RevisionKind, mode: TargetMode, value: { raw: string }, original: { raw: string } | null } | null, thresholds: Array<{ number: number | null, date: string | null, score: number }>, used: Array<{ code: string | null, score: number, weight: number | null }>, excluded: Array<{ code: string | null, reason: string }>, manual: { score: number | null, author: string | null, justification: string | null } | null } } | null } | { realization: { status: ScoreStatus, score: number | null, display: string | null, details: { rule: RealizationRule | null, mode: RuleMode | null, status: ScoreStatus, text: string, formula: string | null, profile: string, polarity: Polarity | null, polarityInferred: boolean, notCompleted: boolean, neutralisationReason: string | null, warnings: Array<string>, errors: Array<string>, actual: { raw: string } | null, target: { revision: RevisionKind, mode: TargetMode, value: { raw: string }, original: { raw: string } | null } | null, thresholds: Array<{ number: number | null, date: string | null, score: number }>, used: Array<{ code: string | null, score: number, weight: number | null }>, excluded: Array<{ code: string | null, reason: string }>, manual: { score: number | null, author: string | null, justification: string | null } | null } } | null } | {} | null };

export type RowHistoryQueryVariables = Exact<{
  planId: Scalars['ID']['input'];
  rowId: Scalars['ID']['input'];
  year: Scalars['Int']['input'];
  checkpoint: Checkpoint;
}>;


export type RowHistoryQuery = { rowHistoryConnection: { totalCount: number, edges: Array<{ node: { entityType: string, action: AuditAction, actor: string | null, at: string, source: ChangeSource, sourceDetail: string | null, before: Record<string, unknown> | null, after: Record<string, unknown> | null } }> } };

export type LastFieldChangesQueryVariables = Exact<{
  planId: Scalars['ID']['input'];
  rowIds: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
  year: Scalars['Int']['input'];
  checkpoint: Checkpoint;
}>;


export type LastFieldChangesQuery = { lastFieldChanges: Array<{ rowId: string, changes: Array<{ entityType: string, field: string, actor: string | null, at: string }> }> };

export type UndoSyncBatchMutationVariables = Exact<{
  input: UndoSyncBatchInput;
}>;


export type UndoSyncBatchMutation = { undoSyncBatch: { undone: boolean, rowIds: Array<string>, removedRowIds: Array<string>, reverted: number, refusals: Array<{ rowId: string, code: string | null, reasonIt: string, reason: string, changedBy: string | null, changedAt: string | null, source: ChangeSource | null }> } };

export type SheetScopesQueryVariables = Exact<{
  planId: Scalars['ID']['input'];
}>;


export type SheetScopesQuery = { bindableScopes: { limitedToOwnUnits: boolean, units: Array<{ id: string, name: string }>, dashboards: Array<{ id: string, name: string }> } };

export type ParsedValueFieldsFragment = { raw: string, kind: ParsedValueKind, number: number | null };

export type RealizationFieldsFragment = { status: ScoreStatus, score: number | null, display: string | null, text: string, errors: Array<string>, checkpoint: Checkpoint };

type SheetRowFields_ConflictRow_Fragment = { rowId: string, rowVersion: number, level: SheetLevel, code: string | null, title: string, parentId: string | null, weight: number | null, kpi: string | null, unit: string | null, polarity: Polarity | null, rule: ScoringRule | null, neutralised: boolean, neutralisationReason: string | null, note: string | null, responsibleUnits: Array<string>, dataSource: string | null, updatedAt: string, target: { raw: string, kind: ParsedValueKind, number: number | null } | null, thresholds: Array<{ score: number, value: { raw: string, kind: ParsedValueKind, number: number | null } }>, futureTargets: Array<{ year: number, value: { raw: string, kind: ParsedValueKind, number: number | null } }>, actual: { raw: string, kind: ParsedValueKind, number: number | null } | null };

type SheetRowFields_SheetRow_Fragment = { rowId: string, rowVersion: number, level: SheetLevel, code: string | null, title: string, parentId: string | null, weight: number | null, kpi: string | null, unit: string | null, polarity: Polarity | null, rule: ScoringRule | null, neutralised: boolean, neutralisationReason: string | null, note: string | null, responsibleUnits: Array<string>, dataSource: string | null, updatedAt: string, target: { raw: string, kind: ParsedValueKind, number: number | null } | null, thresholds: Array<{ score: number, value: { raw: string, kind: ParsedValueKind, number: number | null } }>, futureTargets: Array<{ year: number, value: { raw: string, kind: ParsedValueKind, number: number | null } }>, actual: { raw: string, kind: ParsedValueKind, number: number | null } | null };

export type SheetRowFieldsFragment = SheetRowFields_ConflictRow_Fragment | SheetRowFields_SheetRow_Fragment;

export type PlanListingFieldsFragment = { id: string, label: string, status: PlanStatus, organisation: { id: string, name: string }, cycle: { years: Array<number> } };

export type PlansQueryVariables = Exact<{ [key: string]: never; }>;


export type PlansQuery = { planVersions: Array<{ id: string, label: string, status: PlanStatus, organisation: { id: string, name: string }, cycle: { years: Array<number> } }> };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { systemAdmin: boolean, memberships: Array<{ organisationId: string, role: Role }> } };

export type PlanQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type PlanQuery = { planVersion: { id: string, label: string, status: PlanStatus, scoringProfile: { name: string, profileVersion: number, status: ProfileStatus, parameters: Record<string, unknown> } | null, organisation: { id: string, name: string }, cycle: { years: Array<number> } } | null, strategicObjectives: Array<{ passMark: number | null }> };

export type SheetRowsQueryVariables = Exact<{
  planId: Scalars['ID']['input'];
  year: Scalars['Int']['input'];
  checkpoint: Checkpoint;
  since?: InputMaybe<Scalars['DateTimeISO']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  dashboards: Scalars['Boolean']['input'];
  scope?: InputMaybe<SheetScopeInput>;
}>;


export type SheetRowsQuery = { sheetRows: { deletedRowIds: Array<string>, serverTime: string, cursor: string, rows: Array<{ actionLabel: string | null, dashboard: string | null, dashboardKind: DashboardKind | null, dashboardOwner: string | null, position: number | null, entryLevel: EntryLevel | null, entryWeight: number | null, entryDataSource: string | null, rowId: string, rowVersion: number, level: SheetLevel, code: string | null, title: string, parentId: string | null, weight: number | null, kpi: string | null, unit: string | null, polarity: Polarity | null, rule: ScoringRule | null, neutralised: boolean, neutralisationReason: string | null, note: string | null, responsibleUnits: Array<string>, dataSource: string | null, updatedAt: string, realization: { status: ScoreStatus, score: number | null, display: string | null, text: string, errors: Array<string>, checkpoint: Checkpoint } | null, target: { raw: string, kind: ParsedValueKind, number: number | null } | null, thresholds: Array<{ score: number, value: { raw: string, kind: ParsedValueKind, number: number | null } }>, futureTargets: Array<{ year: number, value: { raw: string, kind: ParsedValueKind, number: number | null } }>, actual: { raw: string, kind: ParsedValueKind, number: number | null } | null }> } };

export type RealizationsQueryVariables = Exact<{
  planId: Scalars['ID']['input'];
  year: Scalars['Int']['input'];
  checkpoint: Checkpoint;
  scope?: InputMaybe<SheetScopeInput>;
}>;


export type RealizationsQuery = { sheetRows: { deletedRowIds: Array<string>, serverTime: string, rows: Array<{ rowId: string, realization: { status: ScoreStatus, score: number | null, display: string | null, text: string, errors: Array<string>, checkpoint: Checkpoint } | null }> } };

export type SheetScoresQueryVariables = Exact<{
  planId: Scalars['ID']['input'];
  year: Scalars['Int']['input'];
  checkpoint: Checkpoint;
  after?: InputMaybe<Scalars['String']['input']>;
  scope?: InputMaybe<SheetScopeInput>;
}>;


export type SheetScoresQuery = { sheetScores: { complete: boolean, cursor: string, rows: Array<{ rowId: string, realization: { status: ScoreStatus, score: number | null, display: string | null, text: string, errors: Array<string>, checkpoint: Checkpoint } | null }> } };

export type SyncRowsMutationVariables = Exact<{
  input: SyncBatchInput;
}>;


export type SyncRowsMutation = { syncRows: { replayed: boolean, applied: number, rows: Array<{ index: number, clientRef: string | null, rowId: string | null, status: RowStatus, rowVersion: number | null, errors: Array<{ column: string, code: string, message: string, messageIt: string }>, current: { changedBy: string | null, changedAt: string | null, rowId: string, rowVersion: number, level: SheetLevel, code: string | null, title: string, parentId: string | null, weight: number | null, kpi: string | null, unit: string | null, polarity: Polarity | null, rule: ScoringRule | null, neutralised: boolean, neutralisationReason: string | null, note: string | null, responsibleUnits: Array<string>, dataSource: string | null, updatedAt: string, target: { raw: string, kind: ParsedValueKind, number: number | null } | null, thresholds: Array<{ score: number, value: { raw: string, kind: ParsedValueKind, number: number | null } }>, futureTargets: Array<{ year: number, value: { raw: string, kind: ParsedValueKind, number: number | null } }>, actual: { raw: string, kind: ParsedValueKind, number: number | null } | null } | null, realization: { status: ScoreStatus, score: number | null, display: string | null, text: string, errors: Array<string>, checkpoint: Checkpoint } | null }>, affected: Array<{ id: string, level: AffectedLevel, code: string | null, realization: { status: ScoreStatus, score: number | null, display: string | null, text: string, errors: Array<string>, checkpoint: Checkpoint } | null }> } };

export type PolarityFindingsQueryVariables = Exact<{
  planId: Scalars['ID']['input'];
}>;


export type PolarityFindingsQuery = { planLint: Array<{ code: string, subjectId: string, subjectCode: string | null, messageIt: string, message: string }> };

export type ConfirmPolaritiesMutationVariables = Exact<{
  planId: Scalars['ID']['input'];
  acceptSuggestions: Scalars['Boolean']['input'];
}>;


export type ConfirmPolaritiesMutation = { confirmPolarities: Array<{ id: string, polarity: Polarity }> };

export type PlanChangedSubscriptionVariables = Exact<{
  planId: Scalars['ID']['input'];
  year: Scalars['Int']['input'];
  checkpoint: Checkpoint;
}>;


export type PlanChangedSubscription = { planChanged: { subscribed: boolean, changedBy: string | null, at: string, source: ChangeSource, deletedRowIds: Array<string>, rows: Array<{ rowId: string, rowVersion: number }>, scores: Array<{ id: string, realization: { status: ScoreStatus, score: number | null, display: string | null, text: string, errors: Array<string>, checkpoint: Checkpoint } | null }> } };
