import { registerEnumType } from 'type-graphql';
import * as enums from '@core/vocabulary/enums';
import * as results from '@core/vocabulary/results';
import * as roles from '@core/vocabulary/roles';
import * as sync from '@core/vocabulary/sync';

/** The domain's vocabularies (core/vocabulary), each by its name, which is also its GraphQL name. */
const VOCABULARY = { ...enums, ...results, ...roles, ...sync };

/**
 * The GraphQL words of the domain's vocabularies. The enums themselves are plain (core/vocabulary) so the engine
 * and the add-in share them; only their registration with type-graphql lives here. Imported by the schema builder.
 * Every vocabulary has its words here: a new one does not compile until it has them.
 */
const DESCRIPTIONS: Record<keyof typeof VOCABULARY, string> = {
  UnitType:
    'Tipo di unità organizzativa (area, servizio, ufficio, U.O., staff, gruppo di lavoro, azienda speciale) / Kind of organisational unit (area, servizio, ufficio, U.O., staff, working group, special agency)',
  ManagerRoleKind:
    'Ruolo di una persona (SG, dirigente, conservatore, P.O., responsabile, consulente) / Role a person holds (SG, dirigente, conservatore, P.O., responsabile, consultant)',
  PlanStatus: 'Ciclo di vita di una versione del piano / Life cycle of a plan version',
  ProfileStatus: 'Un profilo congelato non cambia più / A frozen scoring profile is immutable',
  Relevance: 'Rilevanza oggettiva: HIGH = 5, MEDIUM = 3, LOW = 1 / Objective relevance: HIGH = 5, MEDIUM = 3, LOW = 1',
  PurposeClass:
    'Finalità: a contenimento di politiche e costi, b nuovi servizi, c miglioramento continuo / Purpose: a policy and cost containment, b new services, c continuous improvement',
  Polarity: 'Quale verso del valore è meglio / Which direction of the value is better',
  ScoringRule:
    'Come si valuta un indicatore (docs/scoring.md §5.3) / How an indicator is scored (docs/scoring.md §5.3)',
  ValueKind: 'Che tipo di valore misura un indicatore / What kind of value an indicator measures',
  IndicatorCategory: 'Tipo indicatore (scelta multipla) / Kind of indicator (multi-select)',
  IndicatorStatus: 'Un indicatore sostituito si mostra ma non si valuta / A replaced indicator is shown but not scored',
  Checkpoint: 'Scadenza di monitoraggio: 30 giugno o 31 dicembre / Monitoring checkpoint: 30 June or 31 December',
  TargetMode: 'Un target di monitoraggio non si valuta mai / A monitoring target is never scored',
  RevisionKind: 'Target originale o "nuova previsione" / Original target or "nuova previsione"',
  DashboardKind:
    'Cruscotto strategico, del servizio, del SG, del dirigente, individuale / Strategic, service, SG, manager or individual dashboard',
  EntryLevel:
    'Se una riga del cruscotto è un indicatore strategico od operativo / Whether a dashboard row is a strategic or an operational indicator',
  FundKind:
    'Fondo incentivante: Fondo Dirigenti o Fondo Dipendenti / Incentive fund: Fondo Dirigenti or Fondo Dipendenti',
  AuditAction: 'Che cosa ha fatto una modifica / What a change did',
  ChangeSource: 'Da dove viene una modifica / Where a change came from',
  Role: "ADMIN: tutto nell'organizzazione; CONTROLLER: modifica il piano, chiude le scadenze, approva; UNIT_EDITOR: i valori delle sue unità; VIEWER (OIV): legge tutto, non modifica nulla / ADMIN: everything in the organisation; CONTROLLER: edits the plan, locks checkpoints, approves; UNIT_EDITOR: actual values of their units; VIEWER (OIV): reads everything, edits nothing",
  SyncMode:
    'PARTIAL applica le righe valide e segnala le altre; ATOMIC applica tutto o niente / PARTIAL applies the valid rows and reports the others; ATOMIC applies all or nothing',
  RowStatus: 'Che cosa ha fatto una sincronizzazione con una riga del foglio / What a sync did with one sheet row',
  SyncSourceKind: 'Da dove è venuto un lotto sincronizzato / Where a synced batch came from',
  // what the server answers about values and scores (issue 19: enums where the schema had documented strings)
  ParsedValueKind: 'Che cosa è il valore letto / What a typed or imported value turned out to be',
  Comparator: 'Confronto scritto prima del numero ("≥ 90%") / A comparison written before a number',
  PlaceholderKind:
    'Parola al posto di un valore (monitoraggio, n.d., n.a., qualitativo) / A word standing where a value would be',
  ScoreStatus:
    'Stato del punteggio; indicatori: SCORED, MISSING, MONITORING, NEUTRALISED, NOT_APPLICABLE, INVALID; aggregati: SCORED, EMPTY, INVALID / Status of a score',
  RealizationRule:
    "Regola che ha prodotto il punteggio: di un indicatore (RATIO…MONITORING) o di un aggregato (MEAN, STRATEGIC, DASHBOARD, MANAGER) / The rule that produced a score: an indicator's or an aggregate's",
  RuleMode: 'Variante della regola applicata / The variant of a rule that produced a score',
  Weighting: 'Pesi uguali o dichiarati / Equal or declared weights of the children',
  ReportLevel: 'Livello di una riga della Relazione / Level of a row of a Relazione table',
  AffectedLevel:
    'A che cosa appartiene un punteggio ricalcolato da una sincronizzazione / What a score a sync changed belongs to',
  MovedScoreLevel:
    'A che cosa appartiene un punteggio mosso da una modifica / What a score a live update moved belongs to',
  LintSeverity:
    'ERROR: il soggetto non può avere punteggio; WARNING: solo un avviso / ERROR: the subject cannot be scored; WARNING: only a warning',
  LintSubjectType: 'Di che cosa parla un rilievo / What a lint finding is about',
};

for (const [name, description] of Object.entries(DESCRIPTIONS))
  registerEnumType(VOCABULARY[name as keyof typeof VOCABULARY], { name, description });
