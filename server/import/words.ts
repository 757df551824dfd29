/**
 * Words for restoring breaks in letter-spaced OCR runs: Italian articles and prepositions, and the vocabulary of
 * performance plans. A document's own words are added by the reader (source-text.ts wordsOf), so this list stays
 * short: a word missing here only leaves a run unsplit, and the review says so.
 */
export const ITALIAN_WORDS: ReadonlySet<string> = new Set([
  // articles, prepositions, conjunctions
  'il', 'lo', 'la', 'le', 'gli', 'un', 'una', 'uno', 'di', 'da', 'in', 'con', 'su', 'per', 'tra', 'fra', 'ed',
  'del', 'dello', 'della', 'dei', 'degli', 'delle', 'al', 'allo', 'alla', 'ai', 'agli', 'alle', 'dal', 'dalla',
  'dai', 'dalle', 'nel', 'nello', 'nella', 'nei', 'negli', 'nelle', 'sul', 'sulla', 'sui', 'sulle',
  // plan vocabulary
  'ponderazione', 'processi', 'processo', 'qualità', 'comunicazione', 'amministrazione', 'servizi', 'servizio',
  'performance', 'obiettivi', 'obiettivo', 'strategico', 'strategici', 'operativo', 'operativi', 'efficienza',
  'efficacia', 'trasparenza', 'soddisfazione', 'utenza', 'utenti', 'imprese', 'impresa', 'territorio', 'sviluppo',
  'competitività', 'innovazione', 'digitalizzazione', 'semplificazione', 'risorse', 'economico', 'finanziaria',
  'crescita', 'valorizzazione', 'ente', 'camera', 'commercio', 'gestione', 'mercato', 'regolazione', 'interna',
  'esterna', 'salute', 'equilibrio', 'formazione', 'personale', 'sostegno',
]);
