import { type Category, cross, INDICATOR, NEW_INDICATOR, OPERATIONAL, rejected, show } from './builder';

/** Words a column does not know: level, polarity and rule words, neutralised neither SI nor NO, or without a reason. */
export const WORD_CELLS: Category[] = [
  {
    name: 'unknown level word → UNKNOWN_LEVEL',
    build: (b) => [
      ...['livello', 'obiettivo', 'azioni', 'task', 'OS1', '5', 'sotto-indicatore', 'strategia'].map((level) =>
        rejected(`new row with level ${show(level)}`, b.newIndicator({ level }), 'level', 'UNKNOWN_LEVEL'),
      ),
      rejected(
        'indicator sent with level "boh"',
        INDICATOR.make(b, { level: 'boh', actual: '1' }),
        'level',
        'UNKNOWN_LEVEL',
      ),
      rejected(
        'operational objective sent with level "sub"',
        OPERATIONAL.make(b, { level: 'sub' }),
        'level',
        'UNKNOWN_LEVEL',
      ),
    ],
  },
  {
    name: 'unknown polarity word → UNKNOWN_POLARITY',
    build: (b) =>
      cross(
        b,
        ['su', 'alto', 'bigger', 'positivo', '↗', 'crescita', 'higher!', 'maggiore o uguale'],
        'polarity',
        [NEW_INDICATOR, INDICATOR],
        'UNKNOWN_POLARITY',
      ),
  },
  {
    name: 'unknown rule word → UNKNOWN_RULE',
    build: (b) =>
      cross(
        b,
        ['media', 'somma', 'lineare', 'percentuale', 'xyz', 'ratio2', 'soglia'],
        'rule',
        [NEW_INDICATOR, INDICATOR],
        'UNKNOWN_RULE',
      ),
  },
  {
    name: 'neutralised neither SI nor NO → NOT_BOOLEAN',
    build: (b) => [
      ...['forse', 'boh', '2', 'N/A', 'sì?', 'neutralizzato', 'yes please'].map((v) =>
        rejected(
          `indicator, neutralised ${show(v)}`,
          INDICATOR.make(b, { neutralised: v }),
          'neutralised',
          'NOT_BOOLEAN',
        ),
      ),
      rejected(
        'new indicator, neutralised "forse" with a reason',
        b.newIndicator({ neutralised: 'forse', neutralisationReason: 'servizio sospeso' }),
        'neutralised',
        'NOT_BOOLEAN',
      ),
    ],
  },
  {
    name: 'neutralised without a reason → NEUTRALISATION_REASON_MISSING',
    build: (b) => [
      ...(
        [
          ['SI', undefined],
          ['Sì', ''],
          ['X', '   '],
          ['1', undefined],
          ['true', undefined],
          ['vero', ''],
          ['yes', undefined],
        ] as Array<[string, string | undefined]>
      ).map(([flag, reason]) =>
        rejected(
          `indicator, neutralised ${show(flag)} with reason ${reason === undefined ? 'not sent' : show(reason)}`,
          INDICATOR.make(b, { neutralised: flag, ...(reason === undefined ? {} : { neutralisationReason: reason }) }),
          'neutralisationReason',
          'NEUTRALISATION_REASON_MISSING',
        ),
      ),
      rejected(
        'new indicator, neutralised SI without a reason',
        b.newIndicator({ neutralised: 'SI', actual: '5' }),
        'neutralisationReason',
        'NEUTRALISATION_REASON_MISSING',
      ),
    ],
  },
];
