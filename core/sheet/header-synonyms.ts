/**
 * The header vocabulary: every synonym a seed table or a user's sheet uses for a canonical column (in folded form,
 * see header-fold.ts), and the lookups that find the best one in a header, including OCR near misses.
 */
import type { ExtraColumnKey } from './headers';
import type { LayoutColumnKey } from './layout';

/** What a header holds: a column of the canonical layout, or a recognised column the layout has no place for. */
export type Role = { column: LayoutColumnKey; extra?: undefined } | { column?: undefined; extra: ExtraColumnKey };

// Synonyms in folded form (see fold). Longest match wins, so "cod padre" beats "cod" and "risultato consuntivo"
// needs no exclusion from "risultato atteso".
const SYNONYMS: Array<[string, Role]> = [
  ...words(['livello', 'level', 'tipo riga', 'tipo nodo', 'row level'], { column: 'level' }),
  ...words(['cod', 'codice', 'code', 'n', 'nr', 'num', 'numero', 'codice obiettivo', 'codice azione', 'id obiettivo'], {
    column: 'code',
  }),
  ...words(
    [
      'titolo',
      'descrizione',
      'titolo descrizione',
      'title',
      'description',
      'obiettivo',
      'obiettivi',
      'denominazione',
      'nome',
      'name',
      'descrizione obiettivo',
      'titolo obiettivo',
      'attivita',
    ],
    { column: 'title' },
  ),
  ...words(['cod padre', 'codice padre', 'parent code', 'parent', 'padre', 'codice obiettivo padre'], {
    column: 'parentCode',
  }),
  ...words(
    [
      'peso',
      'pesi',
      'ponderazione',
      'ridefinizione pesi',
      'pesi ridefiniti',
      'weight',
      'peso per obiettivo',
      'peso obiettivo',
      'peso indicatore',
      'peso %',
    ],
    { column: 'weight' },
  ),
  ...words(
    [
      'kpi',
      'indicatore',
      'indicatori',
      'formula',
      'formula di calcolo',
      'algoritmo',
      'algoritmo di calcolo',
      'indicator',
      'indicators',
      'measure',
      'metrica',
      'descrizione indicatore',
    ],
    { column: 'kpi' },
  ),
  ...words(['unita di misura', 'udm', 'u m', 'um', 'unit', 'unit of measure', 'unita misura'], { column: 'unit' }),
  ...words(['polarita', 'polarity', 'verso', 'direzione', 'direction'], { column: 'polarity' }),
  ...words(['regola', 'rule', 'regola di calcolo', 'metodo di calcolo', 'scoring rule'], { column: 'rule' }),
  ...words(
    [
      'target',
      'risultato atteso',
      'valore atteso',
      'valore target',
      'expected result',
      'obiettivo atteso',
      'valore obiettivo',
      'target atteso',
      'risultato programmato',
      'nuova previsione',
    ],
    { column: 'target' },
  ),
  ...words(['soglie', 'soglia', 'thresholds', 'threshold', 'fasce', 'soglie di valutazione'], { column: 'thresholds' }),
  ...words(['target anni successivi', 'later targets', 'target successivi'], { column: 'futureTargets' }),
  ...words(
    [
      'valore ottenuto',
      'consuntivo',
      'risultato consuntivo',
      'valore consuntivo',
      'actual',
      'valore rilevato',
      'risultato raggiunto',
      'valore raggiunto',
      'risultato ottenuto',
      'valore effettivo',
      'actual value',
    ],
    { column: 'actual' },
  ),
  ...words(['neutralizzato', 'neutralised', 'neutralized', 'neutralizzazione'], { column: 'neutralised' }),
  ...words(
    ['motivo neutralizzazione', 'neutralisation reason', 'neutralization reason', 'motivazione neutralizzazione'],
    { column: 'neutralisationReason' },
  ),
  ...words(['note', 'nota', 'notes', 'annotazioni', 'osservazioni', 'commento', 'comments'], { column: 'note' }),
  ...words(
    [
      'unita responsabile',
      'relatore',
      'responsabile',
      'responsabili',
      'unita organizzativa',
      'u o',
      'uo',
      'struttura responsabile',
      'ufficio responsabile',
      'servizio responsabile',
      'responsible unit',
      'owner',
      'area responsabile',
      'unita organizzative',
    ],
    { column: 'responsibleUnit' },
  ),
  ...words(
    [
      '% realizzazione',
      'realizzazione',
      'grado di raggiungimento',
      '% raggiungimento',
      'percentuale di realizzazione',
      'grado di realizzazione',
      '% realization',
      'realization',
      'achievement',
      'percentuale di raggiungimento',
    ],
    { column: 'realization' },
  ),
  ...words(['stato sync', 'sync status'], { column: 'syncStatus' }),
  ...words(['messaggio', 'message', 'sync message'], { column: 'syncMessage' }),
  ...words(['id riga', 'row id'], { column: 'rowId' }),
  ...words(['versione riga', 'row version'], { column: 'rowVersion' }),
  ...words(['impronta sync', 'sync hash'], { column: 'rowHash' }),
  ...words(
    ['baseline', 'base line', 'target storico', 'target storico di riferimento', 'valore di partenza', 'stato'],
    { extra: 'baseline' },
  ),
  ...words(['fonte', 'fonte del dato', 'fonte dati', 'fonte dei dati', 'source', 'data source'], {
    column: 'dataSource',
  }),
  ...words(['tipo indicatore', 'tipologia indicatore', 'indicator type'], { extra: 'indicatorType' }),
  // the cruscotto columns: longer than "livello", "responsabile" and "owner", so "Livello nel cruscotto" is not a level
  ...words(['cruscotto', 'nome cruscotto', 'dashboard', 'dashboard name'], { extra: 'dashboard' }),
  ...words(['tipo cruscotto', 'tipologia cruscotto', 'dashboard kind', 'dashboard type'], { extra: 'dashboardKind' }),
  ...words(['responsabile cruscotto', 'titolare cruscotto', 'dashboard owner'], { extra: 'dashboardOwner' }),
  ...words(['ordine', 'ordine nel cruscotto', 'posizione', 'order', 'position'], { extra: 'position' }),
  ...words(['livello nel cruscotto', 'livello cruscotto', 'entry level', 'dashboard level'], { extra: 'entryLevel' }),
  ...words(['etichetta azione', 'azione del cruscotto', 'action label'], { extra: 'actionLabel' }),
  ...words(['peso nel cruscotto', 'peso cruscotto', 'entry weight', 'dashboard weight'], { extra: 'entryWeight' }),
  ...words(['fonte nel cruscotto', 'fonte cruscotto', 'entry data source', 'dashboard data source'], {
    extra: 'entryDataSource',
  }),
];

function words(list: string[], role: Role): Array<[string, Role]> {
  return list.map((w) => [w, role]);
}

/** The longest synonyms found as whole words in the text (several only when they tie in length). */
export function bestSynonyms(text: string): Array<{ synonym: string; role: Role }> {
  const padded = ` ${text} `;
  let best: Array<{ synonym: string; role: Role }> = [];
  for (const [synonym, role] of SYNONYMS) {
    if (!padded.includes(` ${synonym} `)) continue;
    if (best.length === 0 || synonym.length > best[0].synonym.length) best = [{ synonym, role }];
    else if (
      synonym.length === best[0].synonym.length &&
      (best[0].role.column ?? best[0].role.extra) !== (role.column ?? role.extra)
    )
      best.push({ synonym, role });
  }
  return best;
}

/** OCR drops or swaps one letter ("ponderazoine", "relatre"): accepted with low confidence for words of 6+ letters. */
export function nearSynonym(text: string): { word: string; synonym: string; role: Role } | null {
  for (const word of text.split(' ')) {
    if (word.length < 6) continue;
    for (const [synonym, role] of SYNONYMS) {
      if (synonym.includes(' ') || Math.abs(synonym.length - word.length) > 1) continue;
      if (editDistanceAtMostOne(word, synonym)) return { word, synonym, role };
    }
  }
  return null;
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === b.length) {
    const diff = [...a].map((c, i) => (c !== b[i] ? i : -1)).filter((i) => i >= 0);
    // one substitution, or two neighbours swapped
    return (
      diff.length === 1 ||
      (diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]])
    );
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  for (let i = 0; i < long.length; i++) {
    if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  }
  return false;
}
