import { inferPolarity } from '@core/values';
import { target, soglia, UNCONFIRMED, DEFAULT_HIGHER } from '../helpers/polarity-inputs';

/**
 * docs/scoring.md §4, the weak signals: keywords only suggest, the profile's default decides last, and whatever is
 * inferred stays a proposal. The strong signals (value kind, comparator, order) are in values-polarity.test.ts.
 */

const TOPIC_IT: Record<string, string> = { time: 'tempi', cost: 'costi', defects: 'errori', reduction: 'riduzione' };

/** [KPI text, the word it mentions, the word's topic] cases from the KPI texts of each topic. */
const mentions = (byTopic: Record<string, Array<[kpiText: string, word: string]>>): Array<[string, string, string]> =>
  Object.entries(byTopic).flatMap(([topic, texts]) =>
    texts.map(([kpiText, word]): [string, string, string] => [kpiText, word, topic]),
  );

describe('signal 4: keywords, a suggestion that never decides (issue 14)', () => {
  it.each(
    mentions({
      time: [
        ['Tempi di istruttoria domande liquidazione contributi', 'tempi'],
        ['tempo medio di evasione delle pratiche', 'tempo'],
        ['numero di giorni da data violazione e emissione verbale', 'giorni'],
        ['durata istruttoria (gg.)', 'durata'],
        ['numero medio (GG)', 'gg'],
        ['termine di convocazione incontro preliminare da domanda', 'termine'],
        ['DURATA', 'durata'],
      ],
      cost: [
        ['Oneri di funzionamento', 'oneri'],
        ['Costi del personale', 'costi'],
      ],
      defects: [
        ['pratiche in errore', 'errore'],
        ['Percentuale sospensione pratiche RI', 'sospensione'],
        ['segnalazioni critiche', 'critiche'],
      ],
      reduction: [['Riduzione dei reclami', 'riduzione']],
    }),
  )('%j mentions %j (%s)', (kpiText, word, topic) => {
    expect(inferPolarity({ target: target('10'), kpiText })).toStrictEqual({
      polarity: 'higher',
      confirmed: false,
      evidence: `no polarity signal in the values: higher is better (default); the KPI text mentions "${word}" (${topic}), so lower may be better: to be confirmed`,
      evidenceIt: `nessun segnale di polarità nei valori: più alto è meglio (predefinita); il KPI cita "${word}" (${TOPIC_IT[topic]}), quindi forse più basso è meglio: da confermare`,
      signal: 'default',
      warnings: UNCONFIRMED,
      suggestion: { polarity: 'lower', word, topic },
    });
  });

  it.each([
    'costituzione nuove imprese',
    'contempo',
    'determinazione',
    'numero partecipanti 2022 (incontri, webinar, ecc.)',
  ])('matches whole words only: %j → default', (kpiText) => {
    expect(inferPolarity({ target: target('10'), kpiText })).toMatchObject({ polarity: 'higher', signal: 'default' });
  });
});

describe('signal 5: default', () => {
  it('with no signal at all proposes higher', () => {
    expect(inferPolarity({})).toStrictEqual(DEFAULT_HIGHER);
  });

  it('qualitative and monitoring targets give no signal', () => {
    expect(inferPolarity({ target: target('qualitativa') })).toMatchObject({ polarity: 'higher', signal: 'default' });
    expect(inferPolarity({ target: target('monitoraggio') })).toMatchObject({ polarity: 'higher', signal: 'default' });
  });
});

describe('inference is only ever a proposal', () => {
  it('never confirms and always carries POLARITY_UNCONFIRMED', () => {
    const inputs = [
      {},
      { target: target('SI/NO') },
      { target: target('≤ 30') },
      { target: target('12'), thresholds: [soglia('10')] },
      { kpiText: 'tempi' },
    ];
    for (const input of inputs) {
      const inferred = inferPolarity(input);
      expect(inferred.confirmed).toBe(false);
      expect(inferred.warnings[0]).toBe('POLARITY_UNCONFIRMED');
    }
  });

  it('does not share its warnings between calls', () => {
    const flagged = inferPolarity({ target: target('12'), thresholds: [soglia('14'), soglia('8')] });
    const clean = inferPolarity({});
    expect(flagged.warnings).toStrictEqual(['POLARITY_UNCONFIRMED', 'POLARITY_NON_MONOTONE']);
    expect(clean.warnings).toStrictEqual(['POLARITY_UNCONFIRMED']);
  });
});
