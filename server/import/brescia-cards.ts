/**
 * Brescia objective cards (seed 003, "SCHEDE OBIETTIVI"): one card per objective, a sequence of labelled sections
 * (Peso, Prospettiva strategica, Descrizione, Beneficio atteso, Azioni da intraprendere, Servizi, Aree, Responsabili,
 * Impegno Richiesto, Rilevanza oggettiva, Finalità, Valore economico, INDICATORI, ENTRATE E COSTI, DOCUMENTAZIONE).
 * This module cuts a card into those sections by their labels; brescia.ts turns them into the draft.
 */
import type { SourceLineNo } from './draft';
import type { SourceText } from './source-text';

export interface Card {
  kind: 'strategic' | 'operational';
  /** "1.1"; null for the special agency's card */
  code: string | null;
  isNew: boolean;
  agency: boolean;
  /** first line (the "OBIETTIVO …" heading) and the line after the last */
  start: SourceLineNo;
  end: SourceLineNo;
}

export interface Section {
  label: string;
  line: SourceLineNo;
  /** text after the label on its line and the lines up to the next label */
  text: string;
  lines: Array<{ no: SourceLineNo; text: string }>;
}

const CARD_HEAD = /^\s*(NUOVO OBIETTIVO\s*-\s*)?OBIETTIVO (STRATEGICO|OPERATIVO)(?:\s+(\d+\.\d+))?\s*$/;

export function findCards(source: SourceText): Card[] {
  const first = source.find(/^\s*SCHEDE OBIETTIVI/)?.no ?? 1;
  const cards: Card[] = [];
  for (const { no, text } of source.lines) {
    if (no < first) continue;
    const m = CARD_HEAD.exec(text);
    if (!m) continue;
    if (cards.length) cards[cards.length - 1].end = no;
    const previous = [source.line(no - 1), source.line(no - 2)].join(' ');
    cards.push({
      kind: m[2] === 'STRATEGICO' ? 'strategic' : 'operational',
      code: m[3] ?? null,
      isNew: Boolean(m[1]),
      agency: /AZIENDA SPECIALE/.test(previous),
      start: no,
      end: source.lines.length + 1,
    });
  }
  return cards;
}

/** Labels that open a section, matched at the start of a line (after trimming), most specific first. */
const LABELS: Array<[string, RegExp]> = [
  ['weight', /^Peso dell'obiettivo\b/],
  ['perspective', /^Balance Scorecard\b/],
  ['description', /^Descrizione:?(?=\s|$)/],
  ['benefit', /^Beneficio atteso\b/],
  ['actions', /^Azioni da intraprendere\b/],
  ['services', /^Servizi(?=\s|$)/],
  ['areas', /^Aree(?=\s|$)/],
  ['responsible', /^Responsabili(?=\s|$)/],
  ['effort', /^Impegno Richiesto:?/],
  ['relevance', /^Rilevanza oggettiva:?/],
  ['purpose', /^Finalità:?/],
  ['fund', /^Valore economico\b/],
  ['ownShare', /^Quantificazione del peso degli indicatori/],
  ['indicators', /^INDICATORI\b/],
  ['budget', /^ENTRATE E COSTI\b/],
  ['evidence', /^DOCUMENTAZIONE E REPORT\b/],
];

export function sectionsOf(source: SourceText, card: Card): Map<string, Section> {
  const sections = new Map<string, Section>();
  let current: Section = { label: 'title', line: card.start + 1, text: '', lines: [] };
  const close = () => {
    current.text = current.lines
      .map((l) => l.text.trim())
      .filter(Boolean)
      .join('\n');
    if (!sections.has(current.label)) sections.set(current.label, current);
  };
  for (let no = card.start + 1; no < card.end; no++) {
    const text = source.line(no);
    const trimmed = text.trim();
    const label = LABELS.find(([, re]) => re.test(trimmed));
    // "Valore economico" opens twice (two funds): both belong to one section.
    if (label && !(label[0] === 'fund' && current.label === 'fund') && !sections.has(label[0])) {
      close();
      const rest = trimmed.replace(label[1], '').trim();
      current = { label: label[0], line: no, text: '', lines: rest ? [{ no, text: rest }] : [] };
    } else if (
      /^\s*(AZIENDA SPECIALE|SCHEDE OBIETTIVI|AREA [A-Z ]+|Data ultima stampa)/.test(text) &&
      no > card.start + 2
    ) {
      // Page furniture and the next group's heading are not part of the section.
      continue;
    } else {
      current.lines.push({ no, text });
    }
  }
  close();
  return sections;
}
