import { inferPolarity, parseValue } from '@core/values';
import { target, soglia, UNCONFIRMED, DEFAULT_HIGHER } from '../helpers/polarity-inputs';

/**
 * docs/scoring.md §4. The Sondrio rows are quoted from test/fixtures/seeds/004_fa97ad9e72b5b7ce.txt (plan year 2022; the
 * thresholds are "soglia 80%" then "soglia 60%"), with their KPI text, so that the keyword hint is present too and
 * the stronger signal has to win over it where they disagree.
 */

describe('Sondrio 2022 rows (004)', () => {
  it('line 8, 1.1.2 events: 12 / 10 / 8 → higher', () => {
    expect(
      inferPolarity({
        target: target('12'),
        thresholds: [soglia('10'), soglia('8')],
        kpiText:
          'N. incontri ed eventi di informazione e orientamento organizzati nel 2022 direttamente o attraverso iniziative di sistema',
      }),
    ).toStrictEqual({
      polarity: 'higher',
      confirmed: false,
      evidence: 'target 12 > soglia 10 > soglia 8: higher is better',
      evidenceIt: 'target 12 > soglia 10 > soglia 8: più alto è meglio',
      signal: 'threshold-order',
      warnings: UNCONFIRMED,
    });
  });

  it('line 10, 1.1.4 new service: luglio / settembre / ottobre → deadline', () => {
    expect(
      inferPolarity({
        target: target('luglio'),
        thresholds: [soglia('settembre'), soglia('ottobre')],
        kpiText: 'Avvio nuovo servizio (2022) - prestazioni erogate (dal 2023)',
      }),
    ).toStrictEqual({
      polarity: 'deadline',
      confirmed: false,
      evidence:
        'target luglio (2022-07-31) < soglia settembre (2022-09-30) < soglia ottobre (2022-10-31): month names, earlier is better (deadline)',
      evidenceIt:
        'target luglio (2022-07-31) < soglia settembre (2022-09-30) < soglia ottobre (2022-10-31): nomi di mese, prima è meglio (scadenza)',
      signal: 'value-kind',
      warnings: UNCONFIRMED,
    });
  });

  it('line 10 in 2023: the same indicator becomes a count (75), with no thresholds → default higher', () => {
    expect(
      inferPolarity({
        target: target('75', { year: 2023 }),
        kpiText: 'Avvio nuovo servizio (2022) - prestazioni erogate (dal 2023)',
      }),
    ).toStrictEqual(DEFAULT_HIGHER);
  });

  it('line 32, 3.1.1 payment days: 20 / 25 / 29 → lower', () => {
    expect(
      inferPolarity({
        target: target('20'),
        thresholds: [soglia('25'), soglia('29')],
        kpiText: 'tempi di pagamento (numero gg)/% fatture pagate entro 30 gg',
      }),
    ).toStrictEqual({
      polarity: 'lower',
      confirmed: false,
      evidence: 'target 20 < soglia 25 < soglia 29: lower is better',
      evidenceIt: 'target 20 < soglia 25 < soglia 29: più basso è meglio',
      signal: 'threshold-order',
      warnings: UNCONFIRMED,
    });
  });

  it('line 34, 3.2.2 files in error: 28% / 30% / 32% → lower', () => {
    expect(
      inferPolarity({
        target: target('28%'),
        thresholds: [soglia('30%'), soglia('32%')],
        kpiText: 'N. pratiche in errore /N. pratiche lavorate [%]',
      }),
    ).toStrictEqual({
      polarity: 'lower',
      confirmed: false,
      evidence: 'target 28% < soglia 30% < soglia 32%: lower is better',
      evidenceIt: 'target 28% < soglia 30% < soglia 32%: più basso è meglio',
      signal: 'threshold-order',
      warnings: UNCONFIRMED,
    });
  });

  it('line 65, 8.1.1 "Incidenza Interventi economici sugli Oneri correnti": 45% / 40% / 35% → higher despite "oneri"', () => {
    expect(
      inferPolarity({
        target: target('45%'),
        thresholds: [soglia('40%'), soglia('35%')],
        kpiText: 'Incidenza Interventi economici sugli Oneri correnti (Pareto EC15.4 - n. 6 Efficacia)',
      }),
    ).toStrictEqual({
      polarity: 'higher',
      confirmed: false,
      evidence: 'target 45% > soglia 40% > soglia 35%: higher is better',
      evidenceIt: 'target 45% > soglia 40% > soglia 35%: più alto è meglio',
      signal: 'threshold-order',
      warnings: UNCONFIRMED,
    });
  });

  it('line 65 without thresholds (2023): the keyword only suggests lower, it never decides (issue 14: this one is higher)', () => {
    expect(
      inferPolarity({
        target: target('45%', { year: 2023 }),
        kpiText: 'Incidenza Interventi economici sugli Oneri correnti (Pareto EC15.4 - n. 6 Efficacia)',
      }),
    ).toStrictEqual({
      polarity: 'higher',
      confirmed: false,
      evidence:
        'no polarity signal in the values: higher is better (default); the KPI text mentions "oneri" (cost), so lower may be better: to be confirmed',
      evidenceIt:
        'nessun segnale di polarità nei valori: più alto è meglio (predefinita); il KPI cita "oneri" (costi), quindi forse più basso è meglio: da confermare',
      signal: 'default',
      warnings: UNCONFIRMED,
      suggestion: { polarity: 'lower', word: 'oneri', topic: 'cost' },
    });
  });

  it('line 48, 5.1.1: a falling year trajectory (25% → 15% → 10%) is ignored; 2023 alone → default higher', () => {
    expect(
      inferPolarity({
        target: target('15%', { year: 2023 }),
        kpiText: '(questionari ricevuti 2022 - questionari ricevuti 2021)/questionari ricevuti 2021',
      }),
    ).toMatchObject({ polarity: 'higher', signal: 'default' });
  });
});

describe('signal 1: value kind', () => {
  it('a date target is a deadline (000:1073)', () => {
    expect(inferPolarity({ target: target('31.3.2020') })).toStrictEqual({
      polarity: 'deadline',
      confirmed: false,
      evidence: 'target 31.3.2020 is a date (2020-03-31): earlier is better (deadline)',
      evidenceIt: 'il target 31.3.2020 è una data (31/03/2020): prima è meglio (scadenza)',
      signal: 'value-kind',
      warnings: UNCONFIRMED,
    });
  });

  it('a month name with no known year is still a deadline', () => {
    expect(inferPolarity({ target: parseValue('luglio') })).toStrictEqual({
      polarity: 'deadline',
      confirmed: false,
      evidence: 'target luglio is a month name: earlier is better (deadline)',
      evidenceIt: 'il target luglio è un nome di mese: prima è meglio (scadenza)',
      signal: 'value-kind',
      warnings: UNCONFIRMED,
    });
  });

  it('yearless months still order chronologically against yearless thresholds', () => {
    expect(
      inferPolarity({ target: parseValue('luglio'), thresholds: [parseValue('settembre'), parseValue('ottobre')] }),
    ).toMatchObject({
      polarity: 'deadline',
      evidence: 'target luglio < soglia settembre < soglia ottobre: month names, earlier is better (deadline)',
      evidenceIt: 'target luglio < soglia settembre < soglia ottobre: nomi di mese, prima è meglio (scadenza)',
      warnings: UNCONFIRMED,
    });
  });

  it('day dates with later thresholds', () => {
    expect(
      inferPolarity({ target: target('30/06/2022'), thresholds: [soglia('31/07/2022'), soglia('31.8.2022')] }),
    ).toMatchObject({
      polarity: 'deadline',
      evidence: 'target 30/06/2022 < soglia 31/07/2022 < soglia 31.8.2022: dates, earlier is better (deadline)',
      evidenceIt: 'target 30/06/2022 < soglia 31/07/2022 < soglia 31.8.2022: date, prima è meglio (scadenza)',
      signal: 'value-kind',
      warnings: UNCONFIRMED,
    });
  });

  it('keeps deadline but flags thresholds earlier than the target', () => {
    expect(
      inferPolarity({ target: target('ottobre'), thresholds: [soglia('settembre'), soglia('luglio')] }),
    ).toStrictEqual({
      polarity: 'deadline',
      confirmed: false,
      evidence:
        'target ottobre (2022-10-31) is a month name; target ottobre (2022-10-31), soglia settembre (2022-09-30), soglia luglio (2022-07-31) are not in chronological order (flagged): earlier is better (deadline)',
      evidenceIt:
        'il target ottobre (2022-10-31) è un nome di mese; target ottobre (2022-10-31), soglia settembre (2022-09-30), soglia luglio (2022-07-31) non sono in ordine cronologico (segnalato): prima è meglio (scadenza)',
      signal: 'value-kind',
      warnings: ['POLARITY_UNCONFIRMED', 'POLARITY_NON_MONOTONE'],
    });
  });

  it('"SI/NO" is boolean (002:574)', () => {
    expect(inferPolarity({ target: target('SI/NO') })).toStrictEqual({
      polarity: 'boolean',
      confirmed: false,
      evidence: 'target SI/NO is a yes/no value: done or not done (boolean)',
      evidenceIt: 'il target SI/NO è un valore SI/NO: fatto o non fatto (SI/NO)',
      signal: 'value-kind',
      warnings: UNCONFIRMED,
    });
  });

  it('value kind beats a contrary keyword', () => {
    expect(inferPolarity({ target: target('31.3.2020'), kpiText: 'riduzione dei tempi' })).toMatchObject({
      polarity: 'deadline',
      signal: 'value-kind',
    });
  });
});

describe('signal 2: comparator', () => {
  it('"≤ 30" average payment days → lower (000:1078)', () => {
    expect(
      inferPolarity({
        target: target('≤ 30'),
        kpiText: 'Giorni medi di pagamento delle fatture e dei documenti passivi',
      }),
    ).toStrictEqual({
      polarity: 'lower',
      confirmed: false,
      evidence: 'target ≤ 30 has comparator <=: lower is better',
      evidenceIt: 'il target ≤ 30 ha il comparatore <=: più basso è meglio',
      signal: 'comparator',
      warnings: UNCONFIRMED,
    });
  });

  it('"≥1,1" → higher (000:1065)', () => {
    expect(inferPolarity({ target: target('≥1,1') })).toStrictEqual({
      polarity: 'higher',
      confirmed: false,
      evidence: 'target ≥1,1 has comparator >=: higher is better',
      evidenceIt: 'il target ≥1,1 ha il comparatore >=: più alto è meglio',
      signal: 'comparator',
      warnings: UNCONFIRMED,
    });
  });

  it.each<[string, 'higher' | 'lower']>([
    ['< 5%', 'lower'],
    ['> 100', 'higher'],
  ])('%j → %s', (raw, polarity) => {
    expect(inferPolarity({ target: target(raw) })).toMatchObject({ polarity, signal: 'comparator' });
  });

  it('a comparator proposed from text counts ("almeno 300" → higher)', () => {
    expect(inferPolarity({ target: target('Rilascio di almeno 300 dispositivi') })).toStrictEqual({
      polarity: 'higher',
      confirmed: false,
      evidence: 'target Rilascio di almeno 300 dispositivi proposes comparator >=: higher is better',
      evidenceIt: 'il target Rilascio di almeno 300 dispositivi propone il comparatore >=: più alto è meglio',
      signal: 'comparator',
      warnings: UNCONFIRMED,
    });
  });

  it('the comparator beats threshold order and keywords', () => {
    expect(
      inferPolarity({ target: target('≥ 20'), thresholds: [soglia('25'), soglia('29')], kpiText: 'tempi' }),
    ).toMatchObject({ polarity: 'higher', signal: 'comparator' });
  });
});

describe('signal 3: order of target vs thresholds', () => {
  it('euros 105 € / 95 € / 80 € → higher (004:67)', () => {
    expect(
      inferPolarity({
        target: target('105 €'),
        thresholds: [soglia('95 €'), soglia('80 €')],
        kpiText: 'Spesa promozionale procapite',
      }),
    ).toMatchObject({
      polarity: 'higher',
      evidence: 'target 105 € > soglia 95 € > soglia 80 €: higher is better',
      evidenceIt: 'target 105 € > soglia 95 € > soglia 80 €: più alto è meglio',
      signal: 'threshold-order',
    });
  });

  it('days with decimal comma 4,0 / 4,5 / 5 → lower (004:33)', () => {
    expect(inferPolarity({ target: target('4,0'), thresholds: [soglia('4,5'), soglia('5')] })).toMatchObject({
      polarity: 'lower',
      evidence: 'target 4,0 < soglia 4,5 < soglia 5: lower is better',
      evidenceIt: 'target 4,0 < soglia 4,5 < soglia 5: più basso è meglio',
    });
  });

  it('one threshold is enough', () => {
    expect(inferPolarity({ target: target('12'), thresholds: [soglia('10')] })).toMatchObject({
      polarity: 'higher',
      evidence: 'target 12 > soglia 10: higher is better',
      evidenceIt: 'target 12 > soglia 10: più alto è meglio',
    });
  });

  it('any number of thresholds', () => {
    expect(
      inferPolarity({ target: target('100'), thresholds: [soglia('90'), soglia('75'), soglia('50')] }),
    ).toMatchObject({
      polarity: 'higher',
      evidence: 'target 100 > soglia 90 > soglia 75 > soglia 50: higher is better',
      evidenceIt: 'target 100 > soglia 90 > soglia 75 > soglia 50: più alto è meglio',
    });
  });

  it('thresholds alone, when the target is a placeholder, still give an order', () => {
    expect(inferPolarity({ target: target('monitoraggio'), thresholds: [soglia('10'), soglia('8')] })).toMatchObject({
      polarity: 'higher',
      evidence: 'soglia 10 > soglia 8: higher is better',
      evidenceIt: 'soglia 10 > soglia 8: più alto è meglio',
      signal: 'threshold-order',
    });
  });

  it('day-date thresholds with no target → deadline', () => {
    expect(inferPolarity({ thresholds: [soglia('31/07/2022'), soglia('30/09/2022')] })).toMatchObject({
      polarity: 'deadline',
      evidence: 'soglia 31/07/2022 < soglia 30/09/2022: earlier is better (deadline)',
      evidenceIt: 'soglia 31/07/2022 < soglia 30/09/2022: prima è meglio (scadenza)',
      signal: 'threshold-order',
    });
  });

  it('empty and placeholder thresholds are absences, not points', () => {
    expect(inferPolarity({ target: target('20'), thresholds: [soglia(''), soglia('-'), soglia('25')] })).toMatchObject({
      polarity: 'lower',
      evidence: 'target 20 < soglia 25: lower is better',
      evidenceIt: 'target 20 < soglia 25: più basso è meglio',
    });
  });

  it('a non-monotone triple is flagged, not guessed, and the keyword only suggests', () => {
    expect(
      inferPolarity({ target: target('12'), thresholds: [soglia('14'), soglia('8')], kpiText: 'durata media' }),
    ).toStrictEqual({
      polarity: 'higher',
      confirmed: false,
      evidence:
        'target 12, soglia 14, soglia 8 are not monotone (flagged, not guessed); no polarity signal in the values: higher is better (default); the KPI text mentions "durata" (time), so lower may be better: to be confirmed',
      evidenceIt:
        'target 12, soglia 14, soglia 8 non sono monotoni (segnalato, non dedotto); nessun segnale di polarità nei valori: più alto è meglio (predefinita); il KPI cita "durata" (tempi), quindi forse più basso è meglio: da confermare',
      signal: 'default',
      warnings: ['POLARITY_UNCONFIRMED', 'POLARITY_NON_MONOTONE'],
      suggestion: { polarity: 'lower', word: 'durata', topic: 'time' },
    });
  });

  it('a non-monotone triple with no keyword falls back to the default', () => {
    expect(inferPolarity({ target: target('12'), thresholds: [soglia('14'), soglia('8')] })).toStrictEqual({
      polarity: 'higher',
      confirmed: false,
      evidence:
        'target 12, soglia 14, soglia 8 are not monotone (flagged, not guessed); no polarity signal: higher is better (default)',
      evidenceIt:
        'target 12, soglia 14, soglia 8 non sono monotoni (segnalato, non dedotto); nessun segnale di polarità: più alto è meglio (predefinita)',
      signal: 'default',
      warnings: ['POLARITY_UNCONFIRMED', 'POLARITY_NON_MONOTONE'],
    });
  });

  it('equal values are not monotone (thresholds must be strictly worse)', () => {
    expect(inferPolarity({ target: target('12'), thresholds: [soglia('12'), soglia('8')] })).toMatchObject({
      polarity: 'higher',
      signal: 'default',
      warnings: ['POLARITY_UNCONFIRMED', 'POLARITY_NON_MONOTONE'],
    });
  });

  it('thresholds that cannot be compared (text) give no order and no flag', () => {
    expect(
      inferPolarity({ target: target('12'), thresholds: [soglia('verifica'), soglia('8')], kpiText: 'costi' }),
    ).toStrictEqual({
      polarity: 'higher',
      confirmed: false,
      evidence:
        'no polarity signal in the values: higher is better (default); the KPI text mentions "costi" (cost), so lower may be better: to be confirmed',
      evidenceIt:
        'nessun segnale di polarità nei valori: più alto è meglio (predefinita); il KPI cita "costi" (costi), quindi forse più basso è meglio: da confermare',
      signal: 'default',
      warnings: UNCONFIRMED,
      suggestion: { polarity: 'lower', word: 'costi', topic: 'cost' },
    });
  });

  it('dates that get earlier as the score drops are flagged when the target is absent', () => {
    expect(inferPolarity({ thresholds: [soglia('30/09/2022'), soglia('31/07/2022')] })).toMatchObject({
      polarity: 'higher',
      signal: 'default',
      warnings: ['POLARITY_UNCONFIRMED', 'POLARITY_NON_MONOTONE'],
    });
  });
});
