/**
 * A Brescia card's own perspective ("Balance Scorecard / Prospettiva strategica", e.g. 003:4054 "Tutela della legalità
 * nel sistema economico" on card 2.4) and the balanced-scorecard map that files the cards by perspective (003:2004
 * "Tab. 1: Balance Score Card: mappa strategica"). The operational cards hang under one cross-cutting strategic
 * objective, so their perspective is not their parent's: it is kept on the objective as printed (cardPerspective).
 * Where the map files a card under another perspective than the card prints (2.4, docs/domain.md §8.13), the card
 * wins and the conflict is a warning naming both lines.
 */
import type { BresciaCardObjective, BresciaReading } from './brescia-reading';
import type { Section } from './brescia-cards';

/** The perspective a card prints, one line, without the "Prospettiva strategica" label. */
export function cardPerspectiveOf(section: Section | undefined): string {
  return (section?.text ?? '')
    .replace(/^Prospettiva strategica\s*/i, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/gi, ' ')
    .trim()
    .toLowerCase();

/**
 * The map's perspective for each card code: a heading is a line (or two lines joined) that starts with a perspective
 * some card prints; the codes "n.m" at the start of the lines under it are its cards, up to the next heading.
 */
export function mapPerspectives(reading: BresciaReading, names: string[]): Map<string, { name: string; line: number }> {
  const out = new Map<string, { name: string; line: number }>();
  const start = reading.source.find(/mappa strategica/i);
  if (!start) return out;
  const end = reading.source.lines.find((l) => l.no > start.no && /^\s*Tab\.\s*2\b/.test(l.text))?.no ?? start.no + 80;
  // A heading wraps ("Sviluppo economico" / "delle imprese e del territorio:", 003:2032-2033): two lines joined.
  const heading = (no: number): string | null => {
    const one = fold(reading.source.line(no));
    const two = fold(`${reading.source.line(no)} ${reading.source.line(no + 1)}`);
    if (one.length < 8 || /^\d/.test(one)) return null;
    return names.find((n) => fold(n).startsWith(one) && two.startsWith(fold(n).slice(0, 30))) ?? null;
  };
  let current: { name: string; line: number } | null = null;
  for (let no = start.no + 1; no < end; no++) {
    const name = heading(no);
    if (name) {
      current = { name, line: no };
      continue;
    }
    const code = /^\s*(\d\.\d+)\b/.exec(reading.source.line(no))?.[1];
    if (code && current && !out.has(code)) out.set(code, current);
  }
  return out;
}

/** Says each card's perspective in the review, and warns where the map files the card elsewhere. */
export function reportCardPerspectives(reading: BresciaReading): void {
  const cards = [...reading.oos.values()].filter((o) => o.cardPerspective);
  const names = [...new Set(cards.map((o) => o.cardPerspective!))];
  const map = mapPerspectives(reading, names);
  for (const o of cards) {
    const filed = map.get(o.code);
    if (!filed || fold(filed.name) === fold(o.cardPerspective!)) continue;
    conflict(reading, o, filed);
  }
}

function conflict(reading: BresciaReading, o: BresciaCardObjective, filed: { name: string; line: number }): void {
  reading.review.warning(
    o.line,
    `operational objective ${o.code}`,
    'PERSPECTIVE_CONFLICT',
    `Card ${o.code} prints the perspective "${o.cardPerspective}", the balanced-scorecard map (line ${filed.line}) files it under "${filed.name}": the card's is kept; check which one the plan means.`,
    `La scheda ${o.code} riporta la prospettiva "${o.cardPerspective}", la mappa strategica (riga ${filed.line}) la colloca in "${filed.name}": si tiene quella della scheda; verificare quale intende il piano.`,
    `${o.cardPerspective} | ${reading.source.line(filed.line).trim()}`,
  );
}
