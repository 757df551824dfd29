/**
 * Importer "bergamo-2020" on seed 000 (Piano della Performance 2020-2022, PDF text, group labels after the rows).
 * Expected values were read by hand from test/fixtures/seeds/000_48094bd99496ed76.txt at the cited lines. The sample
 * keeps to rows whose objective the text (and the 2021 plan's tables) settle; attributions the reader gets wrong are
 * asserted to be flagged as inferences, not as right.
 */
import { readFileSync } from 'fs';
import { readSource, sniffFormat } from '../../server/import/registry';
import type { DashboardDraft } from '../../server/import/draft';
import { indicatorsOf } from '../../server/import/draft';
import { SEEDS } from '../helpers/seeds';
import { atLine, type HandRead, readAt } from '../helpers/plan-draft';
import { BERGAMO_OBJECTIVE_CODES, BERGAMO_PERSPECTIVES } from '../helpers/bergamo-map';

const text = readFileSync(`${SEEDS}/000_48094bd99496ed76.txt`, 'utf8');

/** A hand-checked sample of indicators, each at the seed line it was read from. */
const SAMPLES: HandRead[] = [
  // 000:834-842: action and indicator in paragraphs of their own, source wrapped over two lines; 1.1 at 000:955.
  {
    line: 840,
    objective: '1.1',
    indicator: {
      title: "N. iniziative di valorizzazione e promozione dell'offerta turistica e culturale",
      actionLabel:
        'Azioni di marketing territoriale in chiave turistica e culturale anche in collaborazione con Turismo Bergamo',
      dataSource: 'LWA - Balanced scorecard',
    },
    targets: { 2020: '11', 2021: '11', 2022: '11' },
    baseline: [{ year: 2019, target: '11', actual: '19' }],
    dashboards: ['CRUSCOTTO STRATEGICO 2020@840', 'SERVIZIO PROMOZIONE E SVILUPPO ECONOMIA LOCALE@1489'],
  },
  // 000:987 the 4.000 of docs/domain.md §1, objective 1.4 (000:1100), multi-row action 000:1102.
  {
    line: 987,
    objective: '1.4',
    indicator: { actionLabel: "Realizzare iniziative per l'orientamento al lavoro e alle professioni" },
    targets: { 2020: '4.000', 2021: '4.000', 2022: '4.000' },
    baseline: [{ year: 2019, target: '4.000', actual: '4.519' }],
  },
  // 000:1073 ISO 9001 by 31.3.2020, a deadline.
  { line: 1073, objective: '2.2', targets: { 2020: '31.3.2020', 2021: '-', 2022: '-' }, polarity: 'deadline' },
  // 000:1078 "≤ 30" comparators, polarity lower.
  {
    line: 1078,
    objective: '2.2',
    indicator: {
      title: 'Giorni medi di pagamento delle fatture e dei documenti passivi',
      dataSource: 'Sistema Pareto',
      actionLabel: 'Mantenere i tempi medi di pagamento delle fatture passive',
    },
    targets: { 2020: '≤ 30', 2021: '≤ 30', 2022: '≤ 30' },
    baseline: [{ year: 2019, target: '≤ 30', actual: '≤ 18' }],
    polarity: 'lower',
  },
  // 000:1070 "3,5 gg" baseline and monitoring targets.
  {
    line: 1070,
    baseline: [{ year: 2019, target: '3,5 gg', actual: '2,4' }],
    targets: { 2020: 'monitoraggio', 2021: 'monitoraggio', 2022: 'monitoraggio' },
  },
  // 000:1243 action and ratio on one line, percent without "%".
  {
    line: 1243,
    objective: '4.1',
    indicator: {
      title: 'Oneri correnti/Proventi correnti',
      actionLabel: 'Equilibrio economico della gestione corrente',
      dataSource: 'Sistema Pareto/PIRA',
    },
    targets: { 2020: '130', 2021: '130', 2022: '130' },
    baseline: [{ year: 2019, target: '-', actual: '106,7' }],
  },
  // 000:1249 "45,00%" in 2022 only.
  { line: 1249, targets: { 2020: '45%', 2021: '45%', 2022: '45,00%' } },
  // 000:1379 the one-day miss of docs/scoring.md §6.3: deadline 31.7.2019, done 1.8.2019 (service dashboard, 3 columns).
  {
    line: 1379,
    indicator: {
      title: "Scarto documentazione cartacea ed eventuale documentazione informatica dell'Ente",
      actionLabel: 'Dematerializzare il ciclo documentale',
      dataSource: 'LWA',
    },
    targets: { 2020: '31.10.2020' },
    baseline: [{ year: 2019, target: '31.7.2019', actual: '1.8.2019' }],
  },
  // 000:1381 action and indicator on one line.
  {
    line: 1381,
    indicator: {
      title: 'Predisposizione Regolamenti Consiglio e Giunta',
      actionLabel: 'Approntare Regolamenti di Consiglio e Giunta',
    },
    targets: { 2020: '31.3.2020' },
  },
  // 000:1444 SI/NO target, 3.1 (000:1446).
  { line: 1444, objective: '3.1', targets: { 2020: 'SI/NO' }, polarity: 'boolean' },
  // 000:2595 "≥ 1" baseline with a space, special agency dashboard, 1.2.
  {
    line: 2595,
    objective: '1.2',
    baseline: [{ year: 2019, target: '≥ 1', actual: '1' }],
    dashboards: ['AZIENDA SPECIALE@2595'],
  },
];

describe('bergamo-2020 importer on seed 000', () => {
  const { importer, draft, review } = readSource(text, '000.txt');
  const inferredAt = (code: string, line: number) =>
    review.entries.filter((e) => e.kind === 'inferred' && e.code === code && e.line === line);

  it('is recognised by sniffing and told apart from the other seeds', () => {
    expect(importer.id).toBe('bergamo-2020');
    expect(sniffFormat(readFileSync(`${SEEDS}/002_cb68e27bcf5376bc.txt`, 'utf8')).id).toBe('bergamo-2021');
    for (const other of ['003_a0c237837c23239d', '004_fa97ad9e72b5b7ce']) {
      expect(importer.sniff(readFileSync(`${SEEDS}/${other}.txt`, 'utf8'))).toBeLessThanOrEqual(0.5);
    }
  });

  it('counts perspectives, objectives, dashboards and rows as counted by hand', () => {
    // 000:717-718 "sono 12 divisi in 4 prospettive".
    expect(draft.perspectives.map((p) => [p.code, p.name])).toEqual(
      BERGAMO_PERSPECTIVES.map((name, i) => [String(i + 1), name]),
    );
    expect(draft.perspectives.flatMap((p) => p.strategicObjectives.map((s) => s.code))).toEqual(
      BERGAMO_OBJECTIVE_CODES,
    );
    // 000:811 strategic; 000:1316-2530 nine services and the special agency; 000:2684 SG; 000:2838 Dirigente.
    expect(draft.dashboards.map((d) => d.kind)).toEqual([
      'strategic',
      ...new Array(10).fill('service'),
      'sg',
      'dirigente',
    ]);
    // Strategic rows by hand: 19 on the page 000:834-948, 20 on 000:987-1096, 17 on 000:1146-1275.
    expect(draft.dashboards[0].entries).toHaveLength(56);
    expect(draft.dashboards.map((d) => d.entries.length)).toEqual([56, 15, 21, 19, 13, 14, 10, 16, 25, 10, 23, 12, 9]);
    // One indicator per text (issue 17), plus the archive row 000:2244 / 000:2284 that the Risorse Umane dashboard
    // itself prints under two objectives (191 before: 17 texts split over two or three objectives).
    const texts = new Set(indicatorsOf(draft).map((i) => i.title.toLowerCase()));
    expect(indicatorsOf(draft)).toHaveLength(texts.size + 1);
    expect(draft.version).toMatchObject({ revision: 0, status: 'draft' });
  });

  it.each(SAMPLES)('reads line $line as read by hand', (sample) => {
    expect(readAt(draft, sample)).toEqual(sample);
  });

  it('lists one indicator in every dashboard that prints it, and the special agency as such', () => {
    // 000:1073 ISO 9001 by 31.3.2020: one indicator listed in ten dashboards (docs/domain.md §8.5).
    const iso = atLine(draft, 1073).dashboards;
    expect(iso).toHaveLength(10);
    expect(iso).toContain('SERVIZIO PROMOZIONE E SVILUPPO ECONOMIA LOCALE@1587');
    expect(iso).toContain('CRUSCOTTO DEL SEGRETARIO GENERALE@2751');
    const agency = draft.dashboards.find((d) => d.name === 'AZIENDA SPECIALE') as DashboardDraft;
    expect(draft.units.find((u) => u.key === agency.ownerUnitKey)?.type).toBe('special_agency');
  });

  it('reports every label attached to rows printed before it, with its evidence', () => {
    // 000:955 "1.1 …" is printed after the rows 000:834-948.
    const tourism = inferredAt('OBJECTIVE_ATTRIBUTED', 840);
    expect(tourism).toHaveLength(1);
    expect(tourism[0].message).toContain('Objectives 1.1, 1.2, 1.3 are printed after the rows 840-948');
    // Every strategic-dashboard row carries its objective inference.
    for (const e of draft.dashboards[0].entries)
      expect(inferredAt('OBJECTIVE_ATTRIBUTED', e.line).length).toBeGreaterThan(0);
    // 000:1003 the multi-row action label 000:1107 attached by shared words.
    expect(inferredAt('ACTION_ATTRIBUTED', 1003)[0].message).toContain(
      '"Monitorare l\'economia locale e pubblicare rapporti periodici" (line 1107)',
    );
    // 000:1381 action told apart from the indicator on one line.
    expect(inferredAt('ACTION_SPLIT', 1381)).toHaveLength(1);
    // 000:953 perspective named by elimination.
    expect(inferredAt('PERSPECTIVE_ATTRIBUTED', 953)).toHaveLength(1);
    // 000:1489 "11 11" for three columns: aligned right, flagged.
    expect(inferredAt('COLUMNS_ASSIGNED', 1489)).toHaveLength(1);
  });

  it('reports the known damaged places', () => {
    // 000:1461 prints "1.6" with 1.2's title (docs/domain.md §8.6).
    expect(review.of('warning').some((e) => e.code === 'OBJECTIVE_TITLE_CONFLICT' && e.line === 1461)).toBe(true);
    // 000:1489 the 2019 actual disagrees with 000:840 (19 vs 11, a consequence of the lost column).
    expect(
      review
        .of('warning')
        .some((e) => e.code === 'VALUE_CONFLICT' && e.line === 1489 && e.evidence.includes('"19" (line 840)')),
    ).toBe(true);
    // 000:867 B2B meetings: no label fits by its words; the merged cell of the row below (000:871) is its action,
    // and the review says it rests on the neighbour only (issue 17).
    expect(inferredAt('ACTION_ATTRIBUTED', 867)[0].message).toContain('the label of the row below (line 871)');
    // No plan year says REV. or resolution: the version is inferred.
    expect(review.entries.some((e) => e.code === 'VERSION_INFERRED')).toBe(true);
  });

  it('is deterministic: two imports give the same draft and review', () => {
    const again = readSource(text, '000.txt');
    expect(JSON.stringify(again.draft)).toBe(JSON.stringify(draft));
    expect(JSON.stringify(again.review.entries)).toBe(JSON.stringify(review.entries));
  });
});
