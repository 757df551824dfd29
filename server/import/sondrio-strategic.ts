/**
 * The strategic objectives of the Sondrio table: title checks against OCR damage, the pass mark from the objective's
 * percentage target, and the "ponderazione" kpi every objective of this table rolls its children up with.
 */
import { parseValue } from '@core/values';
import type { StrategicObjectiveDraft } from './draft';
import { isLetterSpaced } from './source-text';
import { ponderazioneReading } from './sondrio-rows';
import type { SondrioCell, SondrioRow } from './sondrio-rows';
import { LOST_TITLE, type SondrioTable } from './sondrio-table';
import { ITALIAN_WORDS } from './words';

export function strategicObjective(table: SondrioTable, row: SondrioRow): StrategicObjectiveDraft {
  const os = row.os as NonNullable<SondrioRow['os']>;
  const code = os.code.text;
  const subject = `strategic objective ${code}`;
  const title = os.title?.text ?? LOST_TITLE;
  if (!os.title) {
    table.review.unreadable(
      row.line,
      subject,
      'TITLE_MISSING',
      'Title not printed.',
      'Titolo non stampato.',
      os.code.seen,
    );
  } else if (
    title.split(' ').some((w) => w.length > 3 && !table.vocabulary.has(w.toLowerCase())) &&
    isLetterSpaced(os.title.seen)
  ) {
    table.review.unreadable(
      row.line,
      subject,
      'TITLE_UNRECOGNISED',
      `Letter-spaced title read as "${title}", with words that are not recognisable; kept as seen, to be confirmed by a user.`,
      `Titolo spaziato letto come "${title}", con parole non riconoscibili; lasciato come letto, da confermare.`,
      os.title.seen,
    );
  } else if (/^\p{Ll}/u.test(title)) {
    table.review.unreadable(
      row.line,
      subject,
      'TITLE_TRUNCATED',
      `Title "${title}" starts in lower case: its head looks lost (page break); kept as seen, to be completed by a user.`,
      `Il titolo "${title}" inizia in minuscolo: l'inizio sembra perso (cambio pagina); lasciato come letto, da completare.`,
      os.title.seen,
    );
  } else if (
    !title.includes(' ') &&
    !ITALIAN_WORDS.has(title.toLowerCase()) &&
    occurrences(table.source.text, title) === 1
  ) {
    table.review.warning(
      row.line,
      subject,
      'TITLE_SUSPECT',
      `Title "${title}" is a single word found nowhere else (OCR garble?); kept as seen, to be confirmed by a user.`,
      `Il titolo "${title}" è una sola parola che non compare altrove (errore OCR?); lasciato come letto, da confermare.`,
      os.title.seen,
    );
  }
  const kpi = kpiOf(table, row.line, subject, os.kpi);
  const targets = os.targets.map((t) => t.text);
  const first = parseValue(targets[0] ?? '', { role: 'target' });
  const passMark = first.kind === 'percent' && typeof first.value === 'number' ? first.value / 100 : null;
  if (passMark === null) {
    table.review.unreadable(
      row.line,
      subject,
      'PASS_MARK_UNREADABLE',
      `Objective target "${targets[0] ?? ''}" is not a percentage: no pass mark.`,
      `Il target dell'obiettivo "${targets[0] ?? ''}" non è una percentuale: nessuna soglia di successo.`,
      targets.join(' | '),
    );
  } else if (new Set(targets).size > 1) {
    table.review.warning(
      row.line,
      subject,
      'PASS_MARK_VARIES',
      `Objective targets differ between years (${targets.join(', ')}): the pass mark is the first year's.`,
      `I target dell'obiettivo differiscono tra gli anni (${targets.join(', ')}): vale quello del primo anno.`,
      targets.join(' | '),
    );
  }
  const so: StrategicObjectiveDraft = {
    key: `os:${code}`,
    code,
    title,
    kpi,
    passMark,
    line: row.line,
    indicators: [],
    operationalObjectives: [],
  };
  if (table.osByCode.has(code)) {
    table.review.warning(
      row.line,
      subject,
      'DUPLICATE_CODE',
      `Strategic objective code ${code} printed twice.`,
      `Codice di obiettivo strategico ${code} stampato due volte.`,
      os.code.seen,
    );
    so.key = `os:${code}@${row.line}`;
  } else table.osByCode.set(code, so);
  table.review.read(
    row.line,
    subject,
    `Strategic objective ${code} "${title}", kpi "${kpi}", targets ${targets.join(' / ')}.`,
    `Obiettivo strategico ${code} "${title}", kpi "${kpi}", target ${targets.join(' / ')}.`,
    [os.code, os.title, os.kpi, ...os.targets]
      .filter(Boolean)
      .map((c) => (c as SondrioCell).seen)
      .join(' | '),
  );
  return so;
}

/** Every Sondrio objective rolls its children up by weight: its kpi reads "ponderazione", whole, cut or lost. */
export function kpiOf(table: SondrioTable, line: number, subject: string, cell: SondrioCell | undefined): string {
  if (!cell) {
    table.review.inferred(
      line,
      subject,
      'KPI_ASSUMED',
      'KPI cell empty: "ponderazione" assumed (weighted roll-up, as every objective of this table).',
      'Cella kpi vuota: assunto "ponderazione" (media ponderata, come ogni obiettivo di questa tabella).',
      '(empty)',
    );
    return 'ponderazione';
  }
  const reading = ponderazioneReading(cell.text);
  if (reading === 'truncated') {
    table.review.inferred(
      line,
      subject,
      'KPI_COMPLETED',
      `KPI "${cell.text}" cut at a page break: read as "ponderazione".`,
      `Kpi "${cell.text}" tagliato al cambio pagina: letto come "ponderazione".`,
      cell.seen,
    );
    return 'ponderazione';
  }
  return cell.text;
}

function occurrences(text: string, word: string): number {
  return text.split(word).length - 1;
}
