/**
 * Importer "bergamo-2021" on seed 002 (Piano della Performance 2021-2023, TAB-separated). Expected values were read
 * by hand from test/fixtures/seeds/002_cb68e27bcf5376bc.txt at the cited lines.
 */
import { readFileSync } from 'fs';
import { readSource, sniffFormat } from '../../server/import/registry';
import type { DashboardDraft } from '../../server/import/draft';
import { indicatorsOf } from '../../server/import/draft';
import { SEEDS } from '../helpers/seeds';
import { atLine, type HandRead, readAt, targets } from '../helpers/plan-draft';
import { BERGAMO_OBJECTIVE_CODES, BERGAMO_PERSPECTIVES } from '../helpers/bergamo-map';

const SEED = `${SEEDS}/002_cb68e27bcf5376bc.txt`;
const text = readFileSync(SEED, 'utf8');

/** A hand-checked sample of indicators, each at the seed line it was read from. */
const SAMPLES: HandRead[] = [
  // 002:474-476: 1.4, merged action cell from 475, the 4.500 of docs/domain.md §1.
  {
    line: 476,
    objective: '1.4',
    indicator: {
      title: 'N. di utenti partecipanti agli interventi formativi/orientativi realizzati',
      actionLabel: "Realizzare iniziative per l'orientamento al lavoro e alle professioni",
      dataSource: 'Elaborazioni su dati',
    },
    targets: { 2021: '4.500', 2022: '4.500', 2023: '-' },
    baseline: [{ year: 2020, target: '4.000', actual: '3.497' }],
    dashboards: ['CRUSCOTTO STRATEGICO 2021@476', 'AZIENDA SPECIALE@855'],
  },
  // 002:452
  {
    line: 452,
    objective: '1.1',
    indicator: {
      title: "N. iniziative di valorizzazione e promozione dell'offerta turistica e culturale",
      dataSource: 'LWA Balanced-scorecard',
    },
    targets: { 2021: '11', 2022: '11', 2023: '11' },
  },
  // 002:466: empty consuntivo cell kept empty, never 0.
  {
    line: 466,
    objective: '1.3',
    baseline: [{ year: 2020, target: '100%', actual: '' }],
    targets: { 2021: '100%', 2022: '100%', 2023: '-' },
    dashboards: ['CRUSCOTTO STRATEGICO 2021@466', 'AZIENDA SPECIALE@847', 'CRUSCOTTO DEL SEGRETARIO GENERALE@882'],
  },
  // 002:490 monitoring indicator with the ambiguous "2.33"; the same indicator in Registro Imprese at 002:663.
  {
    line: 490,
    objective: '2.1',
    targets: { 2021: 'monitoraggio', 2022: 'monitoraggio', 2023: 'monitoraggio' },
    baseline: [{ year: 2020, target: 'monitoraggio', actual: '2.33' }],
    dashboards: ['CRUSCOTTO STRATEGICO 2021@490', 'SERVIZIO REGISTRO IMPRESE@663'],
  },
  // 002:531 scored in 2020 (30%).
  { line: 531, objective: '4.1', baseline: [{ year: 2020, target: '30%', actual: '24,61%' }] },
  // 002:497 source "Griglia valutazione OIV"
  {
    line: 497,
    indicator: { dataSource: 'Griglia valutazione OIV' },
    targets: { 2021: '90%', 2022: '90%', 2023: '90%' },
    baseline: [{ year: 2020, target: '90%', actual: '98%' }],
  },
  // 002:555 service dashboard: one target year; a multi-year project with a partial 30% target.
  {
    line: 555,
    objective: '1.2',
    targets: { 2021: '30%' },
    baseline: [{ year: 2020, target: '100%', actual: '-' }],
  },
  // 002:574 SI/NO target, boolean polarity proposed.
  {
    line: 574,
    objective: '3.1',
    targets: { 2021: 'SI/NO' },
    baseline: [{ year: 2020, target: 'SI/NO', actual: 'SI' }],
    polarity: 'boolean',
  },
  // 002:660 count → date between years (docs/domain.md §8.11), also in the Dirigente's dashboard 002:914.
  {
    line: 660,
    objective: '2.1',
    baseline: [{ year: 2020, target: '3', actual: '2' }],
    targets: { 2021: '31.12.2021' },
    dashboards: ['SERVIZIO REGISTRO IMPRESE@660', 'CRUSCOTTO DEL DIRIGENTE@914'],
  },
  // 002:878 the SG's dashboard lists the tourism project.
  { line: 878, indicator: { title: 'Progetto: Turismo' } },
];

describe('bergamo-2021 importer on seed 002', () => {
  const { importer, draft, review } = readSource(text, '002.txt');
  const byKind = (kind: string) => draft.dashboards.filter((d: DashboardDraft) => d.kind === kind);

  it('is recognised by sniffing and told apart from seed 000 and the other seeds', () => {
    expect(importer.id).toBe('bergamo-2021');
    expect(sniffFormat(readFileSync(`${SEEDS}/000_48094bd99496ed76.txt`, 'utf8')).id).toBe('bergamo-2020');
    for (const other of ['003_a0c237837c23239d', '004_fa97ad9e72b5b7ce']) {
      const t = readFileSync(`${SEEDS}/${other}.txt`, 'utf8');
      expect(importer.sniff(t)).toBeLessThanOrEqual(0.5);
    }
  });

  it('reads the version from the cover (002:6-7 "REV. 0", "DELIBERA DI GIUNTA N. 2 DEL 25.1.2021")', () => {
    expect(draft.version).toMatchObject({
      revision: 0,
      status: 'approved',
      adoptingAct: 'Delibera di Giunta n. 2',
      actDate: '2021-01-25',
    });
    expect(draft.cycle).toEqual({ name: '2021-2023', firstYear: 2021, years: [2021, 2022, 2023] });
  });

  it('counts perspectives, objectives, dashboards and rows as counted by hand', () => {
    // 002:415-421 mappa strategica: 4 perspectives, 12 objectives.
    expect(draft.perspectives.map((p) => p.name)).toEqual(BERGAMO_PERSPECTIVES);
    expect(draft.perspectives.flatMap((p) => p.strategicObjectives.map((s) => s.code))).toEqual(
      BERGAMO_OBJECTIVE_CODES,
    );
    // 002:445 strategic, 550-857 nine services and the special agency, 873 SG, 902 Dirigente.
    expect(draft.dashboards).toHaveLength(13);
    expect(byKind('strategic')).toHaveLength(1);
    expect(byKind('service')).toHaveLength(10);
    // Data rows of the strategic dashboard 002:449-534 (awk: 8 cells, not header/perspective/objective rows) = 58.
    expect(byKind('strategic')[0].entries).toHaveLength(58);
    expect(byKind('sg')[0].entries).toHaveLength(11); // 002:878-898
    expect(byKind('dirigente')[0].entries).toHaveLength(9); // 002:907-922
    // Distinct (objective, title) over all dashboards, by awk: 170, plus the second indicator of the merged row 002:755.
    expect(indicatorsOf(draft)).toHaveLength(171);
    expect(draft.units.map((u) => u.type)).toEqual([...new Array(9).fill('servizio'), 'special_agency']);
  });

  it.each(SAMPLES)('reads line $line as read by hand', (sample) => {
    expect(readAt(draft, sample)).toEqual(sample);
  });

  it('reads the levels, owners and years the samples leave out', () => {
    // 002:531 scored in 2020 (30%), monitoring from 2021 (docs/domain.md §8.10).
    expect(targets(atLine(draft, 531).indicator)[2021]).toBe('monitoraggio');
    // 002:574 in Affari Generali only → operational entry.
    const ag = draft.dashboards.find((d) => d.name === 'SERVIZIO AFFARI GENERALI') as DashboardDraft;
    expect(ag.entries.find((e) => e.line === 574)?.level).toBe('operational');
    // 002:878 the SG's dashboard lists the tourism project; its owner is the SG (role only, no name printed).
    const sg = draft.dashboards.find((d) => d.kind === 'sg') as DashboardDraft;
    expect(sg.ownerPersonKey).toBe('segretario-generale');
  });

  it('reports the damaged places', () => {
    // 002:755 two indicators merged into one row (docs/domain.md §8.22).
    expect(review.of('unreadable').map((e) => [e.code, e.line])).toEqual([['VALUES_LOST', 755]]);
    expect(review.entries.some((e) => e.kind === 'inferred' && e.code === 'COLUMNS_SHIFTED' && e.line === 755)).toBe(
      true,
    );
    const second = { indicator: indicatorsOf(draft).filter((i) => i.line === 755)[1] };
    expect(
      draft.perspectives
        .flatMap((p) => p.strategicObjectives)
        .find((s) => s.code === '4.1')
        ?.indicators.filter((i) => i.line === 755)
        .map((i) => i.title),
    ).toEqual([
      "Esame posizioni creditorie e affiancamento a Infocamere per la verifica delle posizioni debitorie e dei versamenti 'non attribuiti' del diritto annuale e report di ricostruzione e riconciliazione posizioni debitorie e",
      "Aggiornamento sistemi informativi contabili per modifica Istituto Tesoriere dell'Ente",
    ]);
    // The second one's values shifted back by one column: "- | - | 30.4.2021", its source lost.
    expect(second.indicator.title).toBe(
      "Aggiornamento sistemi informativi contabili per modifica Istituto Tesoriere dell'Ente",
    );
    expect(targets(second.indicator)).toEqual({ 2021: '30.4.2021' });
    expect(second.indicator.dataSource).toBeNull();
    // 002:490 and 002:663 "2.33": decimal point or thousands? (docs/scoring.md §3 rule 8)
    expect(
      review
        .of('warning')
        .filter((e) => e.code === 'AMBIGUOUS_DECIMAL_POINT')
        .map((e) => e.line),
    ).toEqual([490, 663]);
    // 002:1157 the POLA table is not a dashboard.
    expect(review.of('warning').some((e) => e.code === 'TABLE_NOT_IMPORTED' && e.line === 1157)).toBe(true);
    // Every operational entry says why it is operational.
    const operational = draft.dashboards.flatMap((d) => d.entries).filter((e) => e.level === 'operational').length;
    expect(review.entries.filter((e) => e.code === 'LEVEL_INFERRED')).toHaveLength(operational);
  });

  it('is deterministic: two imports give the same draft and review', () => {
    const again = readSource(text, '002.txt');
    expect(JSON.stringify(again.draft)).toBe(JSON.stringify(draft));
    expect(JSON.stringify(again.review.entries)).toBe(JSON.stringify(review.entries));
  });
});
