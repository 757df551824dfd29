import { inferPolarity, parseValue, type PolarityInference, type PolarityInput } from '@core/values';
import { target, soglia, UNCONFIRMED, DEFAULT_HIGHER } from '../helpers/polarity-inputs';

/**
 * docs/scoring.md §4. The Sondrio rows are quoted from test/fixtures/seeds/004_fa97ad9e72b5b7ce.txt (plan year 2022; the
 * thresholds are "soglia 80%" then "soglia 60%"), with their KPI text, so that the keyword hint is present too and
 * the stronger signal has to win over it where they disagree.
 *
 * Each case is a row of a table: the rows under `answers` give the whole inference (toStrictEqual), those under
 * `answersPart` the fields that case is about (toMatchObject).
 */

type Whole = { name: string; input: PolarityInput; answer: PolarityInference };
type Part = { name: string; input: PolarityInput; part: Partial<PolarityInference> };

function answers(cases: Whole[]): void {
  it.each(cases)('$name', ({ input, answer }) => {
    expect(inferPolarity(input)).toStrictEqual(answer);
  });
}

function answersPart(cases: Part[]): void {
  it.each(cases)('$name', ({ input, part }) => {
    expect(inferPolarity(input)).toMatchObject(part);
  });
}

/** A polarity a signal proposed: never confirmed, POLARITY_UNCONFIRMED unless a case says more. */
const proposal = (
  fields: Pick<PolarityInference, 'polarity' | 'signal' | 'evidence' | 'evidenceIt'> & Partial<PolarityInference>,
): PolarityInference => ({ confirmed: false, warnings: UNCONFIRMED, ...fields });

const FLAGGED = ['POLARITY_UNCONFIRMED', 'POLARITY_NON_MONOTONE'];
const ONERI = 'Incidenza Interventi economici sugli Oneri correnti (Pareto EC15.4 - n. 6 Efficacia)';
const NEW_SERVICE = 'Avvio nuovo servizio (2022) - prestazioni erogate (dal 2023)';

describe('Sondrio 2022 rows (004)', () => {
  answers([
    {
      name: 'line 8, 1.1.2 events: 12 / 10 / 8 → higher',
      input: {
        target: target('12'),
        thresholds: [soglia('10'), soglia('8')],
        kpiText:
          'N. incontri ed eventi di informazione e orientamento organizzati nel 2022 direttamente o attraverso iniziative di sistema',
      },
      answer: proposal({
        polarity: 'higher',
        signal: 'threshold-order',
        evidence: 'target 12 > soglia 10 > soglia 8: higher is better',
        evidenceIt: 'target 12 > soglia 10 > soglia 8: più alto è meglio',
      }),
    },
    {
      name: 'line 10, 1.1.4 new service: luglio / settembre / ottobre → deadline',
      input: { target: target('luglio'), thresholds: [soglia('settembre'), soglia('ottobre')], kpiText: NEW_SERVICE },
      answer: proposal({
        polarity: 'deadline',
        signal: 'value-kind',
        evidence:
          'target luglio (2022-07-31) < soglia settembre (2022-09-30) < soglia ottobre (2022-10-31): month names, earlier is better (deadline)',
        evidenceIt:
          'target luglio (2022-07-31) < soglia settembre (2022-09-30) < soglia ottobre (2022-10-31): nomi di mese, prima è meglio (scadenza)',
      }),
    },
    {
      name: 'line 10 in 2023: the same indicator becomes a count (75), with no thresholds → default higher',
      input: { target: target('75', { year: 2023 }), kpiText: NEW_SERVICE },
      answer: DEFAULT_HIGHER,
    },
    {
      name: 'line 32, 3.1.1 payment days: 20 / 25 / 29 → lower',
      input: {
        target: target('20'),
        thresholds: [soglia('25'), soglia('29')],
        kpiText: 'tempi di pagamento (numero gg)/% fatture pagate entro 30 gg',
      },
      answer: proposal({
        polarity: 'lower',
        signal: 'threshold-order',
        evidence: 'target 20 < soglia 25 < soglia 29: lower is better',
        evidenceIt: 'target 20 < soglia 25 < soglia 29: più basso è meglio',
      }),
    },
    {
      name: 'line 34, 3.2.2 files in error: 28% / 30% / 32% → lower',
      input: {
        target: target('28%'),
        thresholds: [soglia('30%'), soglia('32%')],
        kpiText: 'N. pratiche in errore /N. pratiche lavorate [%]',
      },
      answer: proposal({
        polarity: 'lower',
        signal: 'threshold-order',
        evidence: 'target 28% < soglia 30% < soglia 32%: lower is better',
        evidenceIt: 'target 28% < soglia 30% < soglia 32%: più basso è meglio',
      }),
    },
    {
      name: 'line 65, 8.1.1 "Incidenza Interventi economici sugli Oneri correnti": 45% / 40% / 35% → higher despite "oneri"',
      input: { target: target('45%'), thresholds: [soglia('40%'), soglia('35%')], kpiText: ONERI },
      answer: proposal({
        polarity: 'higher',
        signal: 'threshold-order',
        evidence: 'target 45% > soglia 40% > soglia 35%: higher is better',
        evidenceIt: 'target 45% > soglia 40% > soglia 35%: più alto è meglio',
      }),
    },
    {
      name: 'line 65 without thresholds (2023): the keyword only suggests lower, it never decides (issue 14: this one is higher)',
      input: { target: target('45%', { year: 2023 }), kpiText: ONERI },
      answer: proposal({
        polarity: 'higher',
        signal: 'default',
        evidence:
          'no polarity signal in the values: higher is better (default); the KPI text mentions "oneri" (cost), so lower may be better: to be confirmed',
        evidenceIt:
          'nessun segnale di polarità nei valori: più alto è meglio (predefinita); il KPI cita "oneri" (costi), quindi forse più basso è meglio: da confermare',
        suggestion: { polarity: 'lower', word: 'oneri', topic: 'cost' },
      }),
    },
  ]);

  answersPart([
    {
      name: 'line 48, 5.1.1: a falling year trajectory (25% → 15% → 10%) is ignored; 2023 alone → default higher',
      input: {
        target: target('15%', { year: 2023 }),
        kpiText: '(questionari ricevuti 2022 - questionari ricevuti 2021)/questionari ricevuti 2021',
      },
      part: { polarity: 'higher', signal: 'default' },
    },
  ]);
});

describe('signal 1: value kind', () => {
  answers([
    {
      name: 'a date target is a deadline (000:1073)',
      input: { target: target('31.3.2020') },
      answer: proposal({
        polarity: 'deadline',
        signal: 'value-kind',
        evidence: 'target 31.3.2020 is a date (2020-03-31): earlier is better (deadline)',
        evidenceIt: 'il target 31.3.2020 è una data (31/03/2020): prima è meglio (scadenza)',
      }),
    },
    {
      name: 'a month name with no known year is still a deadline',
      input: { target: parseValue('luglio') },
      answer: proposal({
        polarity: 'deadline',
        signal: 'value-kind',
        evidence: 'target luglio is a month name: earlier is better (deadline)',
        evidenceIt: 'il target luglio è un nome di mese: prima è meglio (scadenza)',
      }),
    },
    {
      name: 'keeps deadline but flags thresholds earlier than the target',
      input: { target: target('ottobre'), thresholds: [soglia('settembre'), soglia('luglio')] },
      answer: proposal({
        polarity: 'deadline',
        signal: 'value-kind',
        evidence:
          'target ottobre (2022-10-31) is a month name; target ottobre (2022-10-31), soglia settembre (2022-09-30), soglia luglio (2022-07-31) are not in chronological order (flagged): earlier is better (deadline)',
        evidenceIt:
          'il target ottobre (2022-10-31) è un nome di mese; target ottobre (2022-10-31), soglia settembre (2022-09-30), soglia luglio (2022-07-31) non sono in ordine cronologico (segnalato): prima è meglio (scadenza)',
        warnings: FLAGGED,
      }),
    },
    {
      name: '"SI/NO" is boolean (002:574)',
      input: { target: target('SI/NO') },
      answer: proposal({
        polarity: 'boolean',
        signal: 'value-kind',
        evidence: 'target SI/NO is a yes/no value: done or not done (boolean)',
        evidenceIt: 'il target SI/NO è un valore SI/NO: fatto o non fatto (SI/NO)',
      }),
    },
  ]);

  answersPart([
    {
      name: 'yearless months still order chronologically against yearless thresholds',
      input: { target: parseValue('luglio'), thresholds: [parseValue('settembre'), parseValue('ottobre')] },
      part: {
        polarity: 'deadline',
        evidence: 'target luglio < soglia settembre < soglia ottobre: month names, earlier is better (deadline)',
        evidenceIt: 'target luglio < soglia settembre < soglia ottobre: nomi di mese, prima è meglio (scadenza)',
        warnings: UNCONFIRMED,
      },
    },
    {
      name: 'day dates with later thresholds',
      input: { target: target('30/06/2022'), thresholds: [soglia('31/07/2022'), soglia('31.8.2022')] },
      part: {
        polarity: 'deadline',
        evidence: 'target 30/06/2022 < soglia 31/07/2022 < soglia 31.8.2022: dates, earlier is better (deadline)',
        evidenceIt: 'target 30/06/2022 < soglia 31/07/2022 < soglia 31.8.2022: date, prima è meglio (scadenza)',
        signal: 'value-kind',
        warnings: UNCONFIRMED,
      },
    },
    {
      name: 'value kind beats a contrary keyword',
      input: { target: target('31.3.2020'), kpiText: 'riduzione dei tempi' },
      part: { polarity: 'deadline', signal: 'value-kind' },
    },
  ]);
});

describe('signal 2: comparator', () => {
  answers([
    {
      name: '"≤ 30" average payment days → lower (000:1078)',
      input: { target: target('≤ 30'), kpiText: 'Giorni medi di pagamento delle fatture e dei documenti passivi' },
      answer: proposal({
        polarity: 'lower',
        signal: 'comparator',
        evidence: 'target ≤ 30 has comparator <=: lower is better',
        evidenceIt: 'il target ≤ 30 ha il comparatore <=: più basso è meglio',
      }),
    },
    {
      name: '"≥1,1" → higher (000:1065)',
      input: { target: target('≥1,1') },
      answer: proposal({
        polarity: 'higher',
        signal: 'comparator',
        evidence: 'target ≥1,1 has comparator >=: higher is better',
        evidenceIt: 'il target ≥1,1 ha il comparatore >=: più alto è meglio',
      }),
    },
    {
      name: 'a comparator proposed from text counts ("almeno 300" → higher)',
      input: { target: target('Rilascio di almeno 300 dispositivi') },
      answer: proposal({
        polarity: 'higher',
        signal: 'comparator',
        evidence: 'target Rilascio di almeno 300 dispositivi proposes comparator >=: higher is better',
        evidenceIt: 'il target Rilascio di almeno 300 dispositivi propone il comparatore >=: più alto è meglio',
      }),
    },
  ]);

  answersPart([
    { name: '"< 5%" → lower', input: { target: target('< 5%') }, part: { polarity: 'lower', signal: 'comparator' } },
    {
      name: '"> 100" → higher',
      input: { target: target('> 100') },
      part: { polarity: 'higher', signal: 'comparator' },
    },
    {
      name: 'the comparator beats threshold order and keywords',
      input: { target: target('≥ 20'), thresholds: [soglia('25'), soglia('29')], kpiText: 'tempi' },
      part: { polarity: 'higher', signal: 'comparator' },
    },
  ]);
});

describe('signal 3: order of target vs thresholds', () => {
  answers([
    {
      name: 'a non-monotone triple is flagged, not guessed, and the keyword only suggests',
      input: { target: target('12'), thresholds: [soglia('14'), soglia('8')], kpiText: 'durata media' },
      answer: proposal({
        polarity: 'higher',
        signal: 'default',
        evidence:
          'target 12, soglia 14, soglia 8 are not monotone (flagged, not guessed); no polarity signal in the values: higher is better (default); the KPI text mentions "durata" (time), so lower may be better: to be confirmed',
        evidenceIt:
          'target 12, soglia 14, soglia 8 non sono monotoni (segnalato, non dedotto); nessun segnale di polarità nei valori: più alto è meglio (predefinita); il KPI cita "durata" (tempi), quindi forse più basso è meglio: da confermare',
        warnings: FLAGGED,
        suggestion: { polarity: 'lower', word: 'durata', topic: 'time' },
      }),
    },
    {
      name: 'a non-monotone triple with no keyword falls back to the default',
      input: { target: target('12'), thresholds: [soglia('14'), soglia('8')] },
      answer: proposal({
        polarity: 'higher',
        signal: 'default',
        evidence:
          'target 12, soglia 14, soglia 8 are not monotone (flagged, not guessed); no polarity signal: higher is better (default)',
        evidenceIt:
          'target 12, soglia 14, soglia 8 non sono monotoni (segnalato, non dedotto); nessun segnale di polarità: più alto è meglio (predefinita)',
        warnings: FLAGGED,
      }),
    },
    {
      name: 'thresholds that cannot be compared (text) give no order and no flag',
      input: { target: target('12'), thresholds: [soglia('verifica'), soglia('8')], kpiText: 'costi' },
      answer: proposal({
        polarity: 'higher',
        signal: 'default',
        evidence:
          'no polarity signal in the values: higher is better (default); the KPI text mentions "costi" (cost), so lower may be better: to be confirmed',
        evidenceIt:
          'nessun segnale di polarità nei valori: più alto è meglio (predefinita); il KPI cita "costi" (costi), quindi forse più basso è meglio: da confermare',
        suggestion: { polarity: 'lower', word: 'costi', topic: 'cost' },
      }),
    },
  ]);

  answersPart([
    {
      name: 'euros 105 € / 95 € / 80 € → higher (004:67)',
      input: {
        target: target('105 €'),
        thresholds: [soglia('95 €'), soglia('80 €')],
        kpiText: 'Spesa promozionale procapite',
      },
      part: {
        polarity: 'higher',
        evidence: 'target 105 € > soglia 95 € > soglia 80 €: higher is better',
        evidenceIt: 'target 105 € > soglia 95 € > soglia 80 €: più alto è meglio',
        signal: 'threshold-order',
      },
    },
    {
      name: 'days with decimal comma 4,0 / 4,5 / 5 → lower (004:33)',
      input: { target: target('4,0'), thresholds: [soglia('4,5'), soglia('5')] },
      part: {
        polarity: 'lower',
        evidence: 'target 4,0 < soglia 4,5 < soglia 5: lower is better',
        evidenceIt: 'target 4,0 < soglia 4,5 < soglia 5: più basso è meglio',
      },
    },
    {
      name: 'one threshold is enough',
      input: { target: target('12'), thresholds: [soglia('10')] },
      part: {
        polarity: 'higher',
        evidence: 'target 12 > soglia 10: higher is better',
        evidenceIt: 'target 12 > soglia 10: più alto è meglio',
      },
    },
    {
      name: 'any number of thresholds',
      input: { target: target('100'), thresholds: [soglia('90'), soglia('75'), soglia('50')] },
      part: {
        polarity: 'higher',
        evidence: 'target 100 > soglia 90 > soglia 75 > soglia 50: higher is better',
        evidenceIt: 'target 100 > soglia 90 > soglia 75 > soglia 50: più alto è meglio',
      },
    },
    {
      name: 'thresholds alone, when the target is a placeholder, still give an order',
      input: { target: target('monitoraggio'), thresholds: [soglia('10'), soglia('8')] },
      part: {
        polarity: 'higher',
        evidence: 'soglia 10 > soglia 8: higher is better',
        evidenceIt: 'soglia 10 > soglia 8: più alto è meglio',
        signal: 'threshold-order',
      },
    },
    {
      name: 'day-date thresholds with no target → deadline',
      input: { thresholds: [soglia('31/07/2022'), soglia('30/09/2022')] },
      part: {
        polarity: 'deadline',
        evidence: 'soglia 31/07/2022 < soglia 30/09/2022: earlier is better (deadline)',
        evidenceIt: 'soglia 31/07/2022 < soglia 30/09/2022: prima è meglio (scadenza)',
        signal: 'threshold-order',
      },
    },
    {
      name: 'empty and placeholder thresholds are absences, not points',
      input: { target: target('20'), thresholds: [soglia(''), soglia('-'), soglia('25')] },
      part: {
        polarity: 'lower',
        evidence: 'target 20 < soglia 25: lower is better',
        evidenceIt: 'target 20 < soglia 25: più basso è meglio',
      },
    },
    {
      name: 'equal values are not monotone (thresholds must be strictly worse)',
      input: { target: target('12'), thresholds: [soglia('12'), soglia('8')] },
      part: { polarity: 'higher', signal: 'default', warnings: FLAGGED },
    },
    {
      name: 'dates that get earlier as the score drops are flagged when the target is absent',
      input: { thresholds: [soglia('30/09/2022'), soglia('31/07/2022')] },
      part: { polarity: 'higher', signal: 'default', warnings: FLAGGED },
    },
  ]);
});
