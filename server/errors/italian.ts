/**
 * Every error a caller sees says it in Italian first and English second (issue 14, item 6). The services raise
 * their errors in English with a stable code; this table gives the Italian words of each message — by its shape,
 * so the names and numbers inside it are kept — and, for a message it does not know, of its code. It imports
 * nothing, like the rest of errors/.
 */

/** The entities' names as a reader says them in Italian (the API's type names stay in the English half). */
const ENTITY_IT: Readonly<Record<string, string>> = {
  Perspective: 'prospettiva',
  StrategicObjective: 'obiettivo strategico',
  OperationalObjective: 'obiettivo operativo',
  Indicator: 'indicatore',
  Measurement: 'valore rilevato',
  Target: 'target',
  TargetRevision: 'revisione del target',
  PlanVersion: 'versione del piano',
  SyncBatch: 'invio del foglio',
  PlanCycle: 'ciclo di pianificazione',
  Dashboard: 'cruscotto',
  DashboardEntry: 'voce di cruscotto',
  Person: 'persona',
  OrgUnit: 'unità organizzativa',
  ManagerAssignment: 'assegnazione a un dirigente',
  ManagerRole: 'incarico',
  Organisation: 'organizzazione',
  ScoringProfile: 'profilo di calcolo',
  FundParameter: 'parametro del fondo',
  User: 'utente',
  ApiToken: 'token',
};

/** "Indicator" → "indicatore"; a name the table does not know stays as it is. */
export function entityIt(name: string): string {
  return ENTITY_IT[name] ?? name;
}

type Rule = readonly [RegExp, (m: RegExpExecArray) => string];

/** English messages of field problems and errors, as the services and validators write them. */
const MESSAGES: readonly Rule[] = [
  [/^must be a date written YYYY-MM-DD$/, () => 'deve essere una data scritta AAAA-MM-GG'],
  [/^must be a year from (\d+)$/, (m) => `deve essere un anno dal ${m[1]}`],
  [/^must be a year up to (\d+)$/, (m) => `deve essere un anno fino al ${m[1]}`],
  [/^must not be negative$/, () => 'non può essere negativo'],
  [/^must be at most (\d+)$/, (m) => `deve essere al più ${m[1]}`],
  [/^must be between (\S+) and (\S+)$/, (m) => `deve essere tra ${m[1]} e ${m[2]}`],
  [/^must be at most (\d+) characters$/, (m) => `al massimo ${m[1]} caratteri`],
  [/^may not be null$/, () => 'obbligatorio'],
  [/^must be true or false$/, () => 'deve essere vero o falso'],
  [/^must be a number$/, () => 'deve essere un numero'],
  [/^must be one of (.+)$/, (m) => `deve essere uno di: ${m[1]}`],
  [/^is not a scoring parameter \(known: (.+)\)$/, (m) => `non è un parametro di calcolo (noti: ${m[1]})`],
  [/^no (\w+) with id "([^"]*)"$/i, (m) => `nessun elemento (${entityIt(m[1])}) con id "${m[2]}"`],
  [/^no organisation with code "([^"]*)"$/, (m) => `nessuna organizzazione con codice "${m[1]}"`],
  [/^no member of (\S+) with id "([^"]*)"$/, (m) => `nessun membro di ${m[1]} con id "${m[2]}"`],
  [/^no unit of (\S+) with id (.+)$/, (m) => `nessuna unità di ${m[1]} con id ${m[2]}`],
  [/^give either (\w+) or (\w+), not both$/, (m) => `indicare ${m[1]} oppure ${m[2]}, non entrambi`],
  [/^give either (\w+) or (\w+)$/, (m) => `indicare ${m[1]} oppure ${m[2]}`],
  [/^a neutralised indicator needs a reason$/, () => 'un indicatore neutralizzato richiede una motivazione'],
  [
    /^deleting it would also delete (\d+) (\w+); pass cascade: true to confirm$/,
    (m) => `eliminarlo eliminerebbe anche ${m[1]} × ${entityIt(m[2])}: passare cascade: true per confermare`,
  ],
  [/^this (.+) is still referenced by other rows$/, (m) => `${entityIt(m[1])}: ancora usato da altre righe`],
  [/^a (.+) with the same key exists already$/, (m) => `${entityIt(m[1])}: ne esiste già uno con la stessa chiave`],
  [/^a user with e-mail (\S+) exists already$/, (m) => `esiste già un utente con e-mail ${m[1]}`],
  [/^the account of (\S+) is deactivated$/, (m) => `l'account di ${m[1]} è disattivato`],
  [
    /^is not a cursor of this list: pass an endCursor of the same list$/,
    () => 'non è un cursore di questo elenco: passare un endCursor dello stesso elenco',
  ],
  [/^the text is empty$/, () => 'il testo è vuoto'],
  [/^the plan text is required$/, () => 'il testo del piano è obbligatorio'],
  [/^a file name is required$/, () => 'il nome del file è obbligatorio'],
  [/^a user needs a name$/, () => 'un utente deve avere un nome'],
  [/^a (label|name) has at most (\d+) characters$/, (m) => `al massimo ${m[2]} caratteri`],
  [/^must be a whole number of days from 1 to (\d+)$/, (m) => `deve essere un numero intero di giorni da 1 a ${m[1]}`],
  [/^give the year: \?year=(\d+)$/, (m) => `indicare l'anno: ?year=${m[1]}`],
  [/^give the plan version(?: to import into)?: \?planId=…$/, () => 'indicare la versione del piano: ?planId=…'],
  [/^the workbook has no visible sheet with data$/, () => 'la cartella di lavoro non ha fogli visibili con dati'],
  [
    /^sheet "([^"]*)" has no plan rows under its header$/,
    (m) => `il foglio "${m[1]}" non ha righe del piano sotto l'intestazione`,
  ],
  // sent together with the Italian already ("… / il piano è chiuso"): keep the Italian half
  [/^.* \/ (.+)$/, (m) => m[1]],
  [/^Authentication required: .*$/, () => 'Autenticazione necessaria: inviare "Authorization: Bearer <token>"'],
  [/^Unknown token: .*$/, () => 'Token sconosciuto: inviare "Authorization: Bearer <token>" con un token valido'],
  [
    /^This token was revoked on (\S+): .*$/,
    (m) => `Questo token è stato revocato il ${m[1]}: chiederne uno nuovo a un amministratore`,
  ],
  [
    /^This token expired on (\S+): .*$/,
    (m) => `Questo token è scaduto il ${m[1]}: chiederne uno nuovo a un amministratore`,
  ],
  [/^This user is disabled$/, () => 'Questo utente è disattivato'],
  [/^Internal server error$/, () => 'Errore interno del server'],
  [
    /^Too many failed authentications from this address: .*$/,
    () => 'Troppe autenticazioni fallite da questo indirizzo: attendere e riprovare (vedere Retry-After)',
  ],
  [
    /^Too many requests: at most (\d+) per minute per token; .*$/,
    (m) => `Troppe richieste: al massimo ${m[1]} al minuto per token; riprovare dopo il tempo indicato in Retry-After`,
  ],
  [
    /^The request body is larger than the limit of (\S+) bytes: .*$/,
    (m) => `Il corpo della richiesta supera il limite di ${m[1]} byte: dividere il lotto in lotti più piccoli`,
  ],
  [/^The request body is not valid JSON$/, () => 'Il corpo della richiesta non è JSON valido'],
  [/^The request body could not be read$/, () => 'Il corpo della richiesta non è leggibile'],
  [/^Unsupported charset "([^"]*)": .*$/, (m) => `Set di caratteri "${m[1]}" non supportato: inviare JSON in UTF-8`],
  [
    /^Unsupported content encoding "([^"]*)": .*$/,
    (m) => `Codifica "${m[1]}" non supportata: inviare identity, gzip o deflate`,
  ],
  [/^You may not deactivate your own account$/, () => 'Non puoi disattivare il tuo stesso account'],
  [
    /^(.+) is the last admin of (\S+): make someone else admin first$/,
    (m) => `${m[1]} è l'ultimo amministratore di ${m[2]}: nominare prima un altro amministratore`,
  ],
  [
    /^You may not (.+) of (.+): they (?:is a system administrator|also belongs to organisations you do not administer) \(ask a system administrator\)$/,
    (m) =>
      `Non consentito su ${m[2]}: appartiene anche ad altre organizzazioni o è amministratore di sistema (chiedere a un amministratore di sistema)`,
  ],
  [
    /^(\S+) already has an account outside the organisations you administer: .*$/,
    (m) =>
      `${m[1]} ha già un account fuori dalle organizzazioni che amministri: chiedere a un amministratore di sistema di aggiungerlo (nulla è stato modificato)`,
  ],
  [
    /^(\w+) "([^"]*)" was changed by someone else: you sent version (\d+), the current version is (\d+)$/,
    (m) =>
      `${entityIt(m[1])} "${m[2]}": modificato da un altro utente nel frattempo (versione inviata ${m[3]}, attuale ${m[4]}): rileggere e riprovare`,
  ],
];

/** Italian words for a code, when the message itself is not in the table. */
const CODES: Readonly<Record<string, string>> = {
  REQUIRED: 'obbligatorio',
  NOT_FOUND: 'non trovato',
  TOO_LONG: 'troppo lungo',
  OUT_OF_RANGE: 'fuori dai valori ammessi',
  INVALID: 'non valido',
  DUPLICATE: 'già presente',
  IN_USE: 'ancora in uso',
  EMPTY: 'vuoto',
  NO_ROWS: 'nessuna riga',
  BAD_YEAR: 'anno non valido',
  BAD_CHECKPOINT: 'data di rilevazione non valida',
  BAD_OPTION: 'opzione non valida',
  PLAN_LOCKED: 'il piano non accetta modifiche',
  PERIOD_LOCKED: 'il periodo è bloccato',
  PLAN_EXISTS: 'piano già importato',
  FORMAT_NOT_RECOGNISED: 'formato del documento non riconosciuto',
  DOCUMENT_DAMAGED: 'documento danneggiato (troncato, ripetuto o con codifica errata)',
  UNKNOWN_REPORT: 'documento sconosciuto',
  USER_DEACTIVATED: 'account disattivato',
  NOT_NUMBER: 'deve essere un numero',
  NOT_BOOLEAN: 'deve essere vero o falso',
  NOT_ALLOWED: 'valore non ammesso',
  UNKNOWN_PARAMETER: 'parametro sconosciuto',
  INVALID_PROFILE: 'profilo di calcolo non valido',
  PROFILE_FROZEN: 'profilo congelato: crearne una nuova versione',
  PLAN_APPROVED: 'il piano è approvato',
  PLAN_MISMATCH: 'appartiene a un altro piano',
  ONE_PARENT: 'indicare un solo elemento superiore',
  ONE_OF: 'indicare uno solo dei campi',
  CYCLE: 'creerebbe un ciclo',
  USE_WORKFLOW: "usare l'azione di approvazione o chiusura del piano",
  INVALID_CURSOR: 'cursore non valido',
  BAD_CURSOR: "non è un cursore di questo piano: passare il `cursor` dell'ultima lettura di sheetRows",
  FORMULA_NOT_ALLOWED: 'le formule non sono accettate: inserire il valore',
  NEUTRALISATION_REASON_MISSING: 'manca la motivazione della neutralizzazione',
  MANUAL_JUSTIFICATION_MISSING: 'manca la motivazione del punteggio manuale',
  min: 'valore troppo basso',
  max: 'valore troppo alto',
  matches: 'formato non valido',
  isLength: 'lunghezza non valida',
};

/** The Italian of an English message the table knows, else null. */
export function italianMatch(message: string): string | null {
  for (const [pattern, words] of MESSAGES) {
    const m = pattern.exec(message);
    if (m) return words(m);
  }
  return null;
}

/** The Italian of one English message (or of its code), never the English again. */
export function italianOf(message: string, code?: string): string {
  // messages that carry their Italian already: "English (Italian)" of the text checks, "Italian — English" of dates
  if (code === 'TEXT_NOT_ACCEPTED') return /\(([^()]+)\)$/.exec(message)?.[1] ?? 'testo non accettato';
  if (code === 'DATE_UNDER_NUMERIC_RULE' && message.includes(' — ')) return message.split(' — ')[0];
  return italianMatch(message) ?? ((code && CODES[code]) || 'richiesta non accettata');
}

/** "Italian / English", the house form of every message with two languages (README, "Configuration"). */
export function bilingual(it: string, en: string): string {
  return it === en ? en : `${it} / ${en}`;
}
