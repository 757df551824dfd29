/**
 * The reading of one header on its own: the column it names, the level, year, threshold score and checkpoint it
 * qualifies that column with, how sure the match is and on what evidence. recognizeHeaders (headers.ts) then
 * weighs the readings of a whole header row against each other.
 */
import { collapseSpacedLetters, foldHeader } from './header-fold';
import { bestSynonyms, nearSynonym } from './header-synonyms';
import type { HeaderCheckpoint, HeaderMatch } from './headers';
import type { LayoutColumnKey } from './layout';
import type { SheetLevel } from './row';

// Column groups of a seed table name a level ("Obiettivi strategici" over cod. / descrizione / kpi / Target).
const LEVEL_WORDS: Array<[RegExp, SheetLevel]> = [
  [/\b(obiettivi|obiettivo) strategic[io]\b|\bstrategic objectives?\b|\bos\b/, 'strategic'],
  [/\b(obiettivi|obiettivo) operativ[io]\b|\boperational objectives?\b|\boo\b/, 'operational'],
  [
    /\bprospettive\b|\bprospettiva\b|\bdimensioni\b|\bdimensione\b|\bperspectives?\b|\bambito strategico\b|\barea strategica\b/,
    'perspective',
  ],
  // "Etichetta azione" / "Action label" is the cruscotto's action label (header-synonyms.ts), not the action group
  [/(?<!etichetta )\bazion[ei]\b(?! del cruscotto)|\bactions?\b(?! label)/, 'indicator'],
];

export type Reading = Omit<HeaderMatch, 'index' | 'header'> & { alternatives: LayoutColumnKey[] };

export function readHeader(header: string, canonical: Map<string, LayoutColumnKey>): Reading {
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
