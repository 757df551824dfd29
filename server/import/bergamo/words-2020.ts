/**
 * Word evidence for the Bergamo 2020 reader: the stems two labels share (an action label and an indicator, an
 * indicator and an objective title). Weak evidence, so generic words of the domain are left out: "realizzare" and
 * "realizzate" made the anticorruption project at 000:1090 share a word with the orientation action (issue 17).
 */
const STOP = new Set([
  'della',
  'delle',
  'dello',
  'degli',
  'nella',
  'nelle',
  'alla',
  'alle',
  'agli',
  'sulla',
  'sulle',
  'dall',
  'dell',
  'nell',
  'anche',
  'come',
  'sono',
  'attraverso',
  'camera',
  'imprese',
  'impresa',
  'progetto',
  'anno',
  'numero',
  'valore',
  'attivita',
  // "stampa locale", "economia locale", "rete locale" (000:1730, 1107, 2316): says nothing about the subject
  'locale',
]);

/** Stems too common in this plan's labels to tell one label from another. */
const GENERIC = new Set([
  'realizz',
  'gestion',
  'gestire',
  'promuov',
  'attivar',
  'attivit',
  'interve',
  'iniziat',
  'procedu',
  'monitor',
  'parteci',
]);

export function stems(text: string): Set<string> {
  const words = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z]+/);
  const kept = words.filter((w) => w.length >= 5 && !STOP.has(w));
  // "Anticorruzione" (000:1121) and "corruzione" (000:1088) are one subject.
  const bare = kept.filter((w) => w.startsWith('anti') && w.length > 9).map((w) => w.slice(4));
  return new Set([...kept, ...bare].map((w) => w.slice(0, 7)).filter((w) => !GENERIC.has(w)));
}

export function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}

/** Shared stems, plus one point per whole word shared: a whole word tells two labels apart better than a stem. */
export function wordScore(text: string, textStems: Set<string>, label: string): number {
  const whole = (t: string) =>
    new Set(
      t
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .split(/[^a-z]+/)
        .filter((w) => w.length >= 5 && !STOP.has(w) && !GENERIC.has(w.slice(0, 7))),
    );
  const stemsShared = overlap(textStems, stems(label));
  if (stemsShared === 0) return 0;
  return stemsShared + overlap(whole(text), whole(label));
}
