/**
 * The indicators of a Brescia objective card (seed 003): "Indicatore n: title", the tick-boxes of its categories, and
 * one line of values (weight, baseline, 30/6 and 31/12 targets, a revised 31/12 target) read by brescia-values.ts.
 */
import { Checkpoint, IndicatorCategory } from '@core/vocabulary/enums';
import type { IndicatorDraft, TargetDraft } from './draft';
import type { Section } from './brescia-cards';
import { readValueBlock } from './brescia-values';
import { readTextBlock } from './brescia-text-targets';
import type { ReviewReport } from './review';

const CATEGORIES: Array<[IndicatorCategory, string]> = [
  [IndicatorCategory.EXTERNAL_EFFECTIVENESS, 'efficacia esterna'],
  [IndicatorCategory.INTERNAL_EFFECTIVENESS, 'efficacia interna'],
  [IndicatorCategory.EFFICIENCY, 'efficienza'],
  [IndicatorCategory.QUALITY, 'qualità'],
];

/** The INDICATORI section of a card: each "Indicatore n:" (or "Sostituzione Indicatore n:") as an indicator draft. */
export function readCardIndicators(
  review: ReviewReport,
  planYear: number,
  section: Section | undefined,
  keyPrefix: string,
  objectiveCode: string,
  subject: string,
): IndicatorDraft[] {
  if (!section) {
    review.unreadable(
      null,
      subject,
      'INDICATORS_MISSING',
      'No INDICATORI section on the card.',
      'Nessuna sezione INDICATORI nella scheda.',
      subject,
    );
    return [];
  }
  const starts = section.lines.filter((l) => /^\s*(Sostituzione\s+)?Indicatore\s+\d+\s*:/.test(l.text));
  return starts.map((start, i) => {
    const end = starts[i + 1]?.no ?? Number.MAX_SAFE_INTEGER;
    const lines = section.lines.filter((l) => l.no >= start.no && l.no < end);
    return readIndicator(review, planYear, lines, keyPrefix, objectiveCode, subject);
  });
}

/** One indicator: title, tick-box categories, weight, baseline, the 30/6 and 31/12 targets and a revised one; each doubt in the review. */
function readIndicator(
  review: ReviewReport,
  planYear: number,
  lines: Array<{ no: number; text: string }>,
  keyPrefix: string,
  objectiveCode: string,
  parent: string,
): IndicatorDraft {
  const head = /^\s*(Sostituzione\s+)?Indicatore\s+(\d+)\s*:\s*(.*)$/.exec(lines[0].text) as RegExpExecArray;
  const n = head[2];
  const code = `${objectiveCode}.${n}`;
  const subject = `indicator ${code}`;
  const tipoAt = lines.findIndex((l) => /Tipo Indicatore:/.test(l.text));
  const titleLines = lines.slice(0, tipoAt < 0 ? 1 : tipoAt).map((l, i) => (i === 0 ? head[3] : l.text));
  const title = titleLines.join(' ').replace(/\s+/g, ' ').trim();
  const tipo =
    tipoAt < 0 ? [] : lines.slice(tipoAt, tipoAt + 3).filter((l) => /efficacia|efficienza|qualità/.test(l.text));
  const categories = categoriesOf(review, tipo.map((l) => l.text).join(' '), subject, tipo[0]?.no ?? lines[0].no);
  const valueLines = lines.slice(tipoAt < 0 ? 1 : tipoAt + 1).filter((l) => !tipo.includes(l));
  const block = readValueBlock(valueLines.map((l) => l.text).join('\n'));
  const valuesLine = [...valueLines].reverse().find((l) => l.text.trim() !== '')?.no ?? lines[0].no;
  const targets: TargetDraft[] = [];
  if (head[1]) {
    review.warning(
      lines[0].no,
      subject,
      'INDICATOR_REPLACEMENT',
      `"Sostituzione Indicatore ${n}": this indicator replaces an earlier indicator ${n}, which is not printed; imported as the active one.`,
      `"Sostituzione Indicatore ${n}": sostituisce un precedente indicatore ${n}, non stampato; importato come attivo.`,
      lines[0].text.trim(),
    );
  }
  const text = block.unreadable ? readTextBlock(review, block, valueLines, valuesLine, subject) : null;
  if (text) {
    block.weight = block.weight ?? text.weight;
    block.baseline = text.baseline;
    block.midYear = text.midYear;
    block.yearEnd = text.yearEnd;
    block.revised = text.revised;
    block.unreadable = null;
  }
  if (block.unreadable) {
    review.unreadable(
      valuesLine,
      subject,
      'VALUES_UNREADABLE',
      `Baseline and targets cannot be assigned to their columns (text among the values, or more values than columns): none imported; weight ${block.weight ?? '(none)'}. Map them by hand.`,
      `Base line e target non sono attribuibili alle colonne (testo tra i valori o più valori che colonne): nessuno importato; peso ${block.weight ?? '(nessuno)'}. Attribuirli a mano.`,
      block.unreadable,
    );
  } else {
    if (block.midYear !== null)
      targets.push({
        year: planYear,
        checkpoint: Checkpoint.MID_YEAR,
        raw: block.midYear,
        thresholds: [],
        revisions: [],
        line: valuesLine,
      });
    if (block.yearEnd !== null) {
      targets.push({
        year: planYear,
        checkpoint: Checkpoint.YEAR_END,
        raw: block.yearEnd,
        thresholds: [],
        line: valuesLine,
        revisions:
          block.revised !== null
            ? [{ raw: block.revised, note: `nuova previsione al 31/12, source line ${valuesLine}`, line: valuesLine }]
            : [],
      });
    }
  }
  if (block.gluedWeight) {
    review.inferred(
      valuesLine,
      subject,
      'WEIGHT_UNGLUED',
      `Weight "${block.weight}" printed against the header ("…al 30/6"): read as the indicator weight.`,
      `Peso "${block.weight}" stampato attaccato all'intestazione ("…al 30/6"): letto come peso dell'indicatore.`,
      valueLines.map((l) => l.text.trim()).find((t) => /al 30\/6/.test(t)) ?? '',
    );
  }
  if (block.baselineYear !== null && block.baselineYear >= planYear) {
    review.warning(
      valuesLine,
      subject,
      'BASELINE_YEAR',
      `Baseline year ${block.baselineYear} is not before the plan year ${planYear}: kept as printed.`,
      `Anno di riferimento ${block.baselineYear} non precedente all'anno del piano ${planYear}: mantenuto come stampato.`,
      `anno ${block.baselineYear}`,
    );
  }
  const baselines = [];
  if (block.baseline !== null) {
    const year = block.baselineYear ?? planYear - 1;
    if (!block.baselineYear) {
      review.inferred(
        valuesLine,
        subject,
        'BASELINE_YEAR',
        `Baseline "${block.baseline}" has no year: ${year} (the year before the plan) assumed.`,
        `Base line "${block.baseline}" senza anno: assunto ${year} (anno precedente al piano).`,
        block.tokens.join(' '),
      );
    }
    baselines.push(
      block.baselineHeader === 'target-storico'
        ? { year, target: block.baseline, note: 'Target storico di riferimento', line: valuesLine }
        : { year, actual: block.baseline, note: 'Base Line', line: valuesLine },
    );
  }
  if (!block.weight) {
    review.unreadable(
      valuesLine,
      subject,
      'WEIGHT_MISSING',
      'Indicator weight not printed.',
      "Peso dell'indicatore non stampato.",
      block.tokens.join(' '),
    );
  }
  review.read(
    lines[0].no,
    subject,
    `Indicator ${n} of ${parent}: "${title}"; weight ${block.weight ?? '(none)'}; baseline ${block.baseline ?? '(none)'}; 30/6 ${block.midYear ?? '-'}; 31/12 ${block.yearEnd ?? '-'}${block.revised ? `; nuova previsione ${block.revised}` : ''}; categories ${categories.join(', ') || '(none)'}.`,
    `Indicatore ${n} di ${parent}: "${title}"; peso ${block.weight ?? '(nessuno)'}; base line ${block.baseline ?? '(nessuna)'}; 30/6 ${block.midYear ?? '-'}; 31/12 ${block.yearEnd ?? '-'}${block.revised ? `; nuova previsione ${block.revised}` : ''}.`,
    block.tokens.join(' '),
  );
  return {
    key: `${keyPrefix}${n}`,
    code,
    title,
    weight: block.weight,
    categories,
    line: lines[0].no,
    targets,
    baselines,
  };
}

/** Tick-boxes: "□X", "X", "□XX" ticked, "□" not ticked (docs/domain.md §8.22). */
function categoriesOf(review: ReviewReport, text: string, subject: string, line: number): IndicatorCategory[] {
  const ticked: IndicatorCategory[] = [];
  for (const [category, words] of CATEGORIES) {
    const m = new RegExp(`(□\\s*X+|X+|□)\\s*${words}`, 'i').exec(text);
    if (!m) {
      review.unreadable(
        line,
        subject,
        'CATEGORY_UNREADABLE',
        `Tick-box "${words}" not found.`,
        `Casella "${words}" non trovata.`,
        text.trim(),
      );
    } else if (/X/i.test(m[1])) ticked.push(category);
  }
  return ticked;
}
