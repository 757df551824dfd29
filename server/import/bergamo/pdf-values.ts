/**
 * The value part of a Bergamo 2020 PDF-text row: "<indicator words> 11 19 11 11 11 LWA - Balanced". Cells lost their
 * column positions, so a row's values are the last run of at least two value tokens, the words before it belong to
 * the indicator (or action), the words after it are the data source.
 */
export interface ValueRun {
  prefix: string;
  values: string[];
  source: string;
}

const SINGLE = /^(-|monitoraggio|SI\/NO|n\.d\.|\d{1,2}\.\d{1,2}\.\d{4}|[≤≥]?\d+(\.\d{3})*(,\d+)?%?)$/i;
const COMPARATOR = /^[≤≥]$/;
const NUMBER = /^\d+(\.\d{3})*(,\d+)?$/;

/** Tokens of a line, with "≤ 30" and "3,5 gg" joined back into one cell. */
function tokens(line: string): Array<{ text: string; value: boolean }> {
  const words = line.trim().split(/\s+/).filter(Boolean);
  const out: Array<{ text: string; value: boolean }> = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (COMPARATOR.test(w) && NUMBER.test(words[i + 1] ?? '')) {
      out.push({ text: `${w} ${words[i + 1]}`, value: true });
      i++;
    } else if (NUMBER.test(w) && /^gg\.?$/.test(words[i + 1] ?? '')) {
      out.push({ text: `${w} ${words[i + 1]}`, value: true });
      i++;
    } else out.push({ text: w, value: SINGLE.test(w) });
  }
  return out;
}

/** The values of a line, or null when it holds fewer than two value tokens in a row (a text line). */
export function valueRun(line: string): ValueRun | null {
  const t = tokens(line);
  let best: [number, number] | null = null;
  for (let i = 0; i < t.length;) {
    if (!t[i].value) {
      i++;
      continue;
    }
    let j = i;
    while (j < t.length && t[j].value) j++;
    if (j - i >= 2) best = [i, j];
    i = j;
  }
  if (!best) return null;
  const [from, to] = best;
  return {
    prefix: t
      .slice(0, from)
      .map((x) => x.text)
      .join(' '),
    values: t.slice(from, to).map((x) => x.text),
    source: t
      .slice(to)
      .map((x) => x.text)
      .join(' '),
  };
}
