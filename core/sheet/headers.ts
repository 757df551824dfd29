/**
 * Header recognition: which canonical plan column (layout.ts) each header of a user's sheet holds. Shared by the
 * add-in ("map my existing sheet") and the workbook import, so that both read a seed-shaped table the same way.
 *
 * Headers arrive damaged (OCR letter spacing "p o n d e r a z i o n e", line breaks inside cells, accents lost,
 * "Cod." / "codice" / "COD"), so matching runs on a folded form. Every match says on what evidence it was made and
 * how sure it is; nothing is mapped silently: a header that fits two columns is reported as ambiguous, and a
 * header that fits none is left unmapped (column null) for the user to decide.
 *
 * Pure: no ORM, no GraphQL, no Office imports (the add-in bundles it).
 */
import { cellText } from './cell-text';
import { collapseSpacedLetters, foldHeader, HEADER_PART_SEPARATOR } from './header-fold';
import { PLAN_LAYOUT, type LayoutColumnKey } from './layout';
import type { SheetLevel } from './row';

export { rowsFromMappedSheet } from './mapped-sheet';
export { cellText } from './cell-text';
export { collapseSpacedLetters, foldHeader, HEADER_PART_SEPARATOR } from './header-fold';
export type { MappedSheet, MappedSheetOptions, UnplacedCell, Inference } from './mapped-sheet';

/** Columns the seeds print that the sheet-row contract has no place for; recognised so they can be reported. */
export type ExtraColumnKey = 'baseline' | 'source' | 'indicatorType';

export type HeaderCheckpoint = '30/6' | '31/12';

export type HeaderMatch = {
  index: number;
  /** the header as given */
  header: string;
  column: LayoutColumnKey | null;
  /** recognised, but not a column of the canonical layout (reported, never dropped silently) */
  extra: ExtraColumnKey | null;
  /** the level a column group names ("Obiettivi operativi › cod." → operational); null when the header names none */
  level: SheetLevel | null;
  /** a year the header names ("Risultato atteso 2021", "Target › 2023") */
  year: number | null;
  /** a threshold's score the header names ("Soglie › 80%" → 0.8) */
  score: number | null;
  checkpoint: HeaderCheckpoint | null;
  /** 1 = the canonical header, 0.9 = a known synonym, 0.75 = a synonym inside a longer header, 0.6 = near miss */
  confidence: number;
  evidence: string;
};

export type HeaderAmbiguity = { indexes: number[]; columns: LayoutColumnKey[]; reason: string };

export type HeaderRecognition = {
  mapping: HeaderMatch[];
  /** input columns of the canonical layout that no header holds */
  missing: LayoutColumnKey[];
  ambiguous: HeaderAmbiguity[];
  /** every header is the canonical layout's, in one language: the table can be read without any inference */
  canonical: boolean;
};

type Role = { column: LayoutColumnKey; extra?: undefined } | { column?: undefined; extra: ExtraColumnKey };

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
  ...words(['fonte', 'fonte del dato', 'fonte dati', 'fonte dei dati', 'source', 'data source'], { extra: 'source' }),
  ...words(['tipo indicatore', 'tipologia indicatore', 'indicator type'], { extra: 'indicatorType' }),
];

function words(list: string[], role: Role): Array<[string, Role]> {
  return list.map((w) => [w, role]);
}

// Column groups of a seed table name a level ("Obiettivi strategici" over cod. / descrizione / kpi / Target).
const LEVEL_WORDS: Array<[RegExp, SheetLevel]> = [
  [/\b(obiettivi|obiettivo) strategic[io]\b|\bstrategic objectives?\b|\bos\b/, 'strategic'],
  [/\b(obiettivi|obiettivo) operativ[io]\b|\boperational objectives?\b|\boo\b/, 'operational'],
  [
    /\bprospettive\b|\bprospettiva\b|\bdimensioni\b|\bdimensione\b|\bperspectives?\b|\bambito strategico\b|\barea strategica\b/,
    'perspective',
  ],
  [/\bazioni\b|\bazione\b|\bactions?\b/, 'indicator'],
];

type Reading = Omit<HeaderMatch, 'index' | 'header'> & { alternatives: LayoutColumnKey[] };

function readHeader(header: string, canonical: Map<string, LayoutColumnKey>): Reading {
  const none: Reading = {
    column: null,
    extra: null,
    level: null,
    year: null,
    score: null,
    checkpoint: null,
    confidence: 0,
    evidence: '',
    alternatives: [],
  };
  const trimmed = header.replace(/\s+/g, ' ').trim();
  if (trimmed === '') return { ...none, evidence: 'empty header' };
  const exact = canonical.get(trimmed.toLowerCase());
  if (exact) return { ...none, column: exact, confidence: 1, evidence: `canonical header "${trimmed}"` };

  let text = foldHeader(header);
  const notes: string[] = [];
  if (collapseSpacedLetters(header.toLowerCase()) !== header.toLowerCase()) notes.push('letter spacing collapsed');

  let checkpoint: HeaderCheckpoint | null = null;
  const raw = header.toLowerCase();
  if (/30\s*[/.-]\s*0?6|30 giugno|30 june/.test(raw)) checkpoint = '30/6';
  else if (/31\s*[/.-]\s*12|31 dicembre|31 december/.test(raw)) checkpoint = '31/12';
  if (checkpoint) {
    text = text.replace(/\b30 0?6\b|\b31 12\b|\b30 giugno\b|\b31 dicembre\b|\b30 june\b|\b31 december\b/g, ' ');
    text = text.replace(/\bal\b|\bat\b/g, ' ');
  }

  let level: SheetLevel | null = null;
  for (const [pattern, lvl] of LEVEL_WORDS) {
    const m = pattern.exec(text);
    if (m) {
      level = lvl;
      text = text.replace(pattern, ' ');
      notes.push(`group "${m[0]}" → ${lvl}`);
      break;
    }
  }

  let year: number | null = null;
  const y = /\b(19|20)\d\d\b/.exec(text);
  if (y) {
    year = Number(y[0]);
    text = text.replace(y[0], ' ');
  }
  let score: number | null = null;
  const pct = /\b(\d{1,3}(?: \d+)?) ?%/.exec(text);
  if (pct) {
    score = Number(pct[1].replace(' ', '.')) / 100;
    text = text.replace(pct[0], ' ');
  }
  text = text.replace(/\s+/g, ' ').trim();
  const context = () =>
    [
      year != null ? `year ${year}` : '',
      score != null ? `score ${score * 100}%` : '',
      checkpoint ? `at ${checkpoint}` : '',
      ...notes,
    ]
      .filter(Boolean)
      .join(', ');
  const withContext = (evidence: string) => (context() ? `${evidence} (${context()})` : evidence);

  // A group heading with nothing else ("Prospettiva", "Obiettivi strategici", "Azione") holds that level's title.
  if (text === '' || text === '%') {
    if (score != null && text !== '%') {
      return {
        ...none,
        column: 'thresholds',
        level,
        year,
        score,
        checkpoint,
        confidence: 0.7,
        evidence: withContext(`a percentage heading "${trimmed}" read as a threshold score`),
      };
    }
    if (year != null)
      return {
        ...none,
        column: 'target',
        level,
        year,
        checkpoint,
        confidence: 0.7,
        evidence: withContext(`a year heading "${trimmed}" read as that year's target`),
      };
    if (level)
      return {
        ...none,
        column: 'title',
        level,
        checkpoint,
        confidence: 0.8,
        evidence: withContext(`group heading "${trimmed}" holds the ${level} title`),
      };
    return { ...none, level, year, score, checkpoint, evidence: `nothing recognisable in "${trimmed}"` };
  }

  const found = bestSynonyms(text);
  if (found.length === 0) {
    const near = nearSynonym(text);
    if (near) {
      return {
        ...none,
        ...near.role,
        column: near.role.column ?? null,
        extra: near.role.extra ?? null,
        level,
        year,
        score,
        checkpoint,
        confidence: 0.6,
        evidence: withContext(`"${near.word}" is one letter away from "${near.synonym}"`),
      };
    }
    return { ...none, level, year, score, checkpoint, evidence: withContext(`no known synonym in "${text}"`) };
  }
  const columns = [...new Set(found.map((f) => f.role.column ?? f.role.extra))];
  const first = found[0];
  const whole = first.synonym === text;
  const reading: Reading = {
    column: first.role.column ?? null,
    extra: first.role.extra ?? null,
    level,
    year,
    score: first.role.column === 'thresholds' ? score : null,
    checkpoint,
    confidence: whole ? 0.9 : 0.75,
    evidence: withContext(whole ? `synonym "${first.synonym}"` : `synonym "${first.synonym}" in "${text}"`),
    alternatives: [],
  };
  if (columns.length > 1) {
    reading.alternatives = found
      .map((f) => f.role.column)
      .filter((c): c is LayoutColumnKey => !!c && c !== reading.column);
    reading.confidence = 0.5;
    reading.evidence += `; also fits ${found
      .slice(1)
      .map((f) => `"${f.synonym}"`)
      .join(', ')}`;
  }
  return reading;
}

/** The longest synonyms found as whole words in the text (several only when they tie in length). */
function bestSynonyms(text: string): Array<{ synonym: string; role: Role }> {
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
function nearSynonym(text: string): { word: string; synonym: string; role: Role } | null {
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

const INPUT_COLUMNS = PLAN_LAYOUT.filter((c) => c.kind === 'input').map((c) => c.key);

/**
 * Reads a header row. Use combineHeaderRows first when the table's header spans several rows (column groups over
 * sub-headings, as in the Sondrio table).
 */
export function recognizeHeaders(headers: readonly string[]): HeaderRecognition {
  const canonical = new Map<string, LayoutColumnKey>();
  for (const c of PLAN_LAYOUT) {
    canonical.set(c.it.toLowerCase(), c.key);
    canonical.set(c.en.toLowerCase(), c.key);
  }
  const readings = headers.map((header, index) => ({ index, header, ...readHeader(header ?? '', canonical) }));
  const ambiguous: HeaderAmbiguity[] = [];
  for (const r of readings) {
    if (r.alternatives.length > 0 && r.column) {
      ambiguous.push({
        indexes: [r.index],
        columns: [r.column, ...r.alternatives],
        reason: `"${r.header}" fits ${[r.column, ...r.alternatives].join(' and ')}`,
      });
    }
  }
  // Two headers holding the same thing (same column, level, year, score, checkpoint): the more certain one is used,
  // the other is unmapped and reported, so no cell is written twice.
  const byKey = new Map<string, typeof readings>();
  for (const r of readings) {
    if (!r.column) continue;
    const key = [r.column, r.level, r.year, r.score, r.checkpoint].join('|');
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
  }
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    const sorted = [...group].sort((a, b) => b.confidence - a.confidence || a.index - b.index);
    const column = sorted[0].column!;
    ambiguous.push({
      indexes: group.map((g) => g.index),
      columns: [column],
      reason: `${group.map((g) => `"${g.header}"`).join(', ')} all hold ${column}${sorted[0].level ? ` (${sorted[0].level})` : ''}; column ${sorted[0].index + 1} is used`,
    });
    for (const other of sorted.slice(1)) {
      other.evidence = `${other.evidence}; not used: column ${sorted[0].index + 1} holds the same`;
      other.column = null;
      other.confidence = 0;
    }
  }
  const mapping: HeaderMatch[] = readings.map(({ alternatives: _alternatives, ...r }) => r);
  const present = new Set(mapping.map((m) => m.column));
  const missing = INPUT_COLUMNS.filter((key) => !present.has(key));
  const isCanonical = (lang: 'it' | 'en') =>
    headers.length === PLAN_LAYOUT.length && PLAN_LAYOUT.every((c, i) => (headers[i] ?? '').trim() === c[lang]);
  return { mapping, missing, ambiguous, canonical: isCanonical('it') || isCanonical('en') };
}

/**
 * Several header rows → one header per column. An upper-row label spans the empty cells to its right as long as
 * the rows below have something there (a merged cell in the original), and parts are joined with " › ":
 * "Azioni › 2022 › Soglie › 80%".
 */
export function combineHeaderRows(rows: ReadonlyArray<ReadonlyArray<unknown>>): string[] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const text = rows.map((r) => Array.from({ length: width }, (_, i) => cellText(r[i])));
  const filled = text.map((r) => [...r]);
  for (let level = 0; level < text.length; level++) {
    let carry = '';
    for (let col = 0; col < width; col++) {
      if (text[level][col] !== '') {
        carry = text[level][col];
        continue;
      }
      // a parent group at this column starts a new span: the label to the left does not reach over it
      if (level > 0 && col > 0 && filled[level - 1][col] !== filled[level - 1][col - 1]) carry = '';
      const below = text.slice(level + 1).some((r) => r[col] !== '');
      if (carry && below) filled[level][col] = carry;
      else carry = below ? carry : '';
    }
  }
  return Array.from({ length: width }, (_, col) =>
    filled
      .map((r) => r[col])
      .filter((t) => t !== '')
      .join(HEADER_PART_SEPARATOR),
  );
}
