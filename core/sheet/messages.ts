/**
 * Reasons a sheet cell is refused, in English and Italian: the add-in shows the message in the Office language.
 * `{x}` placeholders are filled from the details of the problem.
 */
import { planStatusIt } from '../vocabulary/reasons-it';
export const CELL_MESSAGES: Record<string, { en: string; it: string }> = {
  REQUIRED: { en: 'a value is required', it: 'il valore è obbligatorio' },
  NOT_A_NUMBER: { en: '"{raw}" is not a number', it: '"{raw}" non è un numero' },
  NEGATIVE_WEIGHT: { en: 'a weight cannot be negative', it: 'il peso non può essere negativo' },
  WEIGHT_TOO_LARGE: { en: 'a weight cannot exceed 1000', it: 'il peso non può superare 1000' },
  MIXED_DECIMAL_SEPARATORS: {
    en: '"{raw}" mixes "." and "," as decimal separators',
    it: '"{raw}" mescola "." e "," come separatori decimali',
  },
  INVALID_DATE: { en: '"{raw}" is not a date that exists', it: '"{raw}" non è una data esistente' },
  FORMULA_NOT_ALLOWED: {
    en: 'formulas are not accepted: a text may not begin with =, + or @, nor with - followed by more (a spreadsheet would run it)',
    it: 'le formule non sono accettate: un testo non può iniziare con =, + o @, né con - seguito da altro (un foglio di calcolo lo eseguirebbe)',
  },
  INVALID_CHARACTERS: {
    en: 'the text contains characters a spreadsheet cannot hold (U+FFFE, U+FFFF or a broken surrogate)',
    it: 'il testo contiene caratteri che un foglio di calcolo non può contenere (U+FFFE, U+FFFF o un surrogato spezzato)',
  },
  INVISIBLE_CHARACTERS: {
    en: 'the code contains invisible characters (zero-width space, direction mark…): type it again',
    it: 'il codice contiene caratteri invisibili (spazio a larghezza zero, marca di direzione…): riscriverlo',
  },
  CODE_CHARACTERS: {
    en: 'a code may hold only Latin letters, digits, spaces and . - _ / ( )',
    it: 'un codice può contenere solo lettere latine, cifre, spazi e . - _ / ( )',
  },
  DUPLICATE_YEAR: {
    en: 'a second target for {raw}: give each year once',
    it: 'un secondo target per il {raw}: indicare ogni anno una volta sola',
  },
  CONTROL_CHARACTERS: { en: 'the text contains control characters', it: 'il testo contiene caratteri di controllo' },
  TOO_LONG: { en: 'the text is longer than {max} characters', it: 'il testo supera i {max} caratteri' },
  UNKNOWN_LEVEL: {
    en: '"{raw}" is not a level (perspective, strategic, operational, indicator)',
    it: '"{raw}" non è un livello (prospettiva, strategico, operativo, indicatore)',
  },
  UNKNOWN_POLARITY: {
    en: '"{raw}" is not a polarity (higher, lower, deadline, boolean)',
    it: '"{raw}" non è una polarità (maggiore, minore, scadenza, SI/NO)',
  },
  UNKNOWN_RULE: { en: '"{raw}" is not a scoring rule', it: '"{raw}" non è una regola di calcolo' },
  UNKNOWN_PARENT: {
    en: 'the parent row "{raw}" does not exist in this plan',
    it: 'la riga padre "{raw}" non esiste in questo piano',
  },
  WRONG_PARENT_LEVEL: {
    en: 'a {level} row cannot hang from a {parentLevel} row',
    it: 'una riga di livello {level} non può dipendere da una riga di livello {parentLevel}',
  },
  PARENT_REJECTED: { en: 'the parent row was rejected', it: 'la riga padre è stata respinta' },
  DUPLICATE_CODE: {
    en: 'the code "{raw}" is already used by another {level} of this plan',
    it: 'il codice "{raw}" è già usato da un altro elemento ({level}) di questo piano',
  },
  VERSION_REQUIRED: {
    en: 'the row version is missing: read the row again and send the version it shows, so a change made meanwhile by someone else is not overwritten',
    it: 'manca la versione della riga: rileggere la riga e inviare la versione indicata, così una modifica fatta nel frattempo da altri non viene sovrascritta',
  },
  UNKNOWN_ROW: { en: 'no row with id "{raw}" in this plan', it: 'nessuna riga con id "{raw}" in questo piano' },
  UNKNOWN_UNIT: { en: 'no unit named "{raw}"', it: 'nessuna unità organizzativa "{raw}"' },
  THRESHOLDS_NOT_MONOTONE: {
    en: 'thresholds must get worse in the direction of the polarity ({polarity})',
    it: 'le soglie devono peggiorare nel verso della polarità ({polarity})',
  },
  THRESHOLD_SCORE: {
    en: 'a threshold score must be between 0 and 1 (0% to 100%), and 0 or at least 0.000001 (0.0001%), so that a sheet can show it exactly',
    it: 'il punteggio di una soglia deve essere tra 0 e 1 (da 0% a 100%), e 0 oppure almeno 0,000001 (0,0001%), perché un foglio possa mostrarlo esatto',
  },
  NOT_A_VALUE: {
    en: '"{raw}" cannot be read as a value for this indicator',
    it: '"{raw}" non è un valore valido per questo indicatore',
  },
  DATE_IN_TEXT: {
    en: '"{raw}" is text around a date: for a deadline type the date alone ({date}); the indicator then becomes a deadline',
    it: '"{raw}" è testo attorno a una data: per una scadenza scrivere solo la data ({date}); l\'indicatore diventa così una scadenza',
  },
  DATE_UNDER_NUMERIC_RULE: {
    en: '"{raw}" is a date, but this indicator compares numbers ({polarity}): set the polarity to deadline (scadenza), or type a number',
    it: '"{raw}" è una data, ma questo indicatore confronta numeri ({polarityIt}): impostare la polarità scadenza, oppure inserire un numero',
  },
  BOOLEAN_TARGET_FORM: {
    en: '"{raw}" is how a yes/no target is written: as an actual value type SI or NO',
    it: '"{raw}" è la forma di un target sì/no: come valore ottenuto inserire SI oppure NO',
  },
  NOT_BOOLEAN: { en: '"{raw}" is not SI or NO', it: '"{raw}" non è SI o NO' },
  NEUTRALISATION_REASON_MISSING: {
    en: 'a neutralised indicator needs a reason',
    it: 'un indicatore neutralizzato richiede una motivazione',
  },
  INDICATOR_ONLY: { en: 'only indicator rows have this column', it: 'solo le righe indicatore hanno questa colonna' },
  ACTUAL_ON_OBJECTIVE: {
    en: 'only indicator rows take actual values',
    it: 'solo le righe indicatore hanno valori ottenuti',
  },
  PERIOD_LOCKED: {
    en: 'actual values for {year} {checkpoint} are locked: {reason}',
    it: 'i valori ottenuti del {year} al {checkpoint} sono bloccati: {reason}',
  },
  PLAN_LOCKED: {
    en: 'the plan version is {status}: its structure and targets cannot change',
    it: 'la versione del piano è {status}: struttura e target non possono cambiare',
  },
  HAS_CHILDREN: {
    en: 'delete the rows below it first (or delete them in the same batch)',
    it: 'eliminare prima le righe sottostanti (o nello stesso invio)',
  },
  BAD_YEAR: { en: '{raw} is not a year of this plan', it: '{raw} non è un anno di questo piano' },
  DUPLICATE_ROW: {
    en: 'the same row appears twice in this batch',
    it: 'la stessa riga compare due volte in questo invio',
  },
  FORBIDDEN: {
    en: 'your role ({role}) may only enter actual values of indicators of your units',
    it: 'il tuo ruolo ({role}) consente solo di inserire i valori ottenuti degli indicatori delle tue unità',
  },
  UNKNOWN_DASHBOARD_KIND: {
    en: '"{raw}" is not a kind of cruscotto (strategic, service, secretary general, manager, individual)',
    it: '"{raw}" non è un tipo di cruscotto (strategico, servizio, segretario generale, dirigente, individuale)',
  },
  UNKNOWN_ENTRY_LEVEL: {
    en: '"{raw}" is not a level in a cruscotto (strategic, operational)',
    it: '"{raw}" non è un livello nel cruscotto (strategico, operativo)',
  },
  NOT_A_POSITION: {
    en: '"{raw}" is not an order: type a whole number from 1',
    it: '"{raw}" non è un ordine: inserire un numero intero da 1 in su',
  },
  DASHBOARD_REQUIRED: {
    en: 'this cell belongs to a cruscotto: fill in the Cruscotto column of the row',
    it: 'questa cella riguarda un cruscotto: compilare la colonna Cruscotto della riga',
  },
  REPEAT_DIFFERS: {
    en: '{level} "{raw}" appears in several cruscotti and is the same element: this cell differs from row {first} ("{theirs}")',
    it: '{level} "{raw}" compare in più cruscotti ed è lo stesso elemento: questa cella è diversa dalla riga {first} ("{theirs}")',
  },
  DUPLICATE_IN_DASHBOARD: {
    en: '"{raw}" appears twice in the cruscotto "{dashboard}" (first at row {first})',
    it: '"{raw}" compare due volte nel cruscotto "{dashboard}" (la prima alla riga {first})',
  },
  DELETE_IN_DASHBOARD: {
    en: 'a heading of a cruscotto stores nothing of its own: delete the rows of its indicators to take them out of the cruscotto, or delete the plan row',
    it: 'un’intestazione di cruscotto non ha nulla di suo da eliminare: eliminare le righe dei suoi indicatori per toglierli dal cruscotto, o eliminare la riga del piano',
  },
  NOT_IN_DASHBOARD: {
    en: '"{raw}" is not in the cruscotto "{dashboard}": there is nothing to remove',
    it: '"{raw}" non è nel cruscotto "{dashboard}": non c’è nulla da togliere',
  },
  SAME_ROW_REJECTED: {
    en: 'the same element at row {first} was refused: correct that row',
    it: 'lo stesso elemento alla riga {first} è stato respinto: correggere quella riga',
  },
  UNKNOWN_OWNER: {
    en: 'no unit or person of this body is called "{raw}": type the name as the organisation chart has it',
    it: 'nessuna unità o persona dell’ente si chiama "{raw}": inserire il nome come nell’organigramma',
  },
  OUT_OF_SCOPE: {
    en: 'this row is not on the sheet of "{scope}": change it from the whole plan\'s sheet or from the sheet it belongs to',
    it: 'questa riga non fa parte del foglio di "{scope}": modificarla dal foglio dell’intero piano o da quello a cui appartiene',
  },
  CONTEXT_ROW: {
    en: 'the sheet of "{scope}" shows this row as context only: change it from the whole plan\'s sheet',
    it: 'il foglio di "{scope}" mostra questa riga solo come contesto: modificarla dal foglio dell’intero piano',
  },
  SCOPE_UNIT_REQUIRED: {
    en: 'a row of the sheet of "{scope}" keeps "{scope}" among its responsible units',
    it: 'una riga del foglio di "{scope}" deve avere "{scope}" tra le unità responsabili',
  },
  SCOPE_NO_DASHBOARD: {
    en: "a sheet of one unit or one cruscotto places no row in a cruscotto: use the whole plan's sheet",
    it: 'un foglio di una sola unità o di un solo cruscotto non colloca righe nei cruscotti: usare il foglio dell’intero piano',
  },
  BATCH_FAILED: {
    en: 'not applied: the batch is all-or-nothing and another row was refused',
    it: 'non applicata: l’invio è tutto-o-niente e un’altra riga è stata respinta',
  },
};

export type CellError = { column: string; code: string; message: string; messageIt: string };

export function cellError(column: string, code: string, details: Record<string, string | number> = {}): CellError {
  const template = CELL_MESSAGES[code] ?? { en: code, it: code };
  const fill = (text: string, word: (key: string, value: string) => string = (_, v) => v) =>
    text.replace(/\{(\w+)\}/g, (_, key: string) => word(key, String(details[key] ?? '')));
  // a plan status is a code in English; the Italian sentence takes its Italian word ("è approvata", not "è approved")
  const italian = (key: string, value: string) => (key === 'status' ? planStatusIt(value) : value);
  return { column, code, message: fill(template.en), messageIt: fill(template.it, italian) };
}
