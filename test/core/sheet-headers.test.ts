import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  combineHeaderRows,
  foldHeader,
  recognizeHeaders,
  rowsFromMappedSheet,
  type HeaderMatch,
} from '@core/sheet/headers';
import { layoutHeaders, PLAN_LAYOUT } from '@core/sheet/layout';
import { SEEDS } from '../helpers/seeds';
import { thresholdsAt80And60, laterTargets } from '../helpers/indicator-cells';

const seedLines = (prefix: string) => {
  const file = [
    '000_48094bd99496ed76.txt',
    '002_cb68e27bcf5376bc.txt',
    '003_a0c237837c23239d.txt',
    '004_fa97ad9e72b5b7ce.txt',
  ].find((f) => f.startsWith(prefix))!;
  return readFileSync(join(SEEDS, file), 'utf8').split('\n');
};
/** 1-based line of a seed, split on tabs as the extraction laid the table out */
const tsvLine = (lines: string[], n: number) => lines[n - 1].replace(/\r$/, '').split('\t');

const at = (mapping: HeaderMatch[], index: number) => {
  const m = mapping[index];
  return { column: m.column, extra: m.extra, level: m.level, year: m.year, score: m.score };
};

/**
 * A recognised header row in words, laid out as the row itself: each column's key (or extra), then its level and its
 * year where it has them, the columns between bars.
 */
const columnsRead = (mapping: HeaderMatch[]) =>
  mapping.map((m) => [m.column ?? m.extra, m.level, m.year].filter((part) => part !== null).join(' ')).join(' | ');

describe('recognizeHeaders: the canonical layout', () => {
  it.each(['it', 'en'] as const)(
    'reads every canonical %s header with confidence 1 and calls the table canonical',
    (lang) => {
      const result = recognizeHeaders(layoutHeaders(lang));
      expect(result.canonical).toBe(true);
      expect(result.missing).toEqual([]);
      expect(result.ambiguous).toEqual([]);
      expect(result.mapping.map((m) => m.column)).toEqual(PLAN_LAYOUT.map((c) => c.key));
      expect(result.mapping.every((m) => m.confidence === 1)).toBe(true);
    },
  );

  it('a reordered canonical header row is still read, but is not canonical', () => {
    const headers = layoutHeaders('it').reverse();
    const result = recognizeHeaders(headers);
    expect(result.canonical).toBe(false);
    expect(result.mapping.map((m) => m.column)).toEqual(PLAN_LAYOUT.map((c) => c.key).reverse());
  });
});

describe('recognizeHeaders: damage and synonyms', () => {
  it.each([
    ['COD.', 'code'],
    ['codice', 'code'],
    ['Titolo', 'title'],
    ['DESCRIZIONE', 'title'],
    ['Peso', 'weight'],
    ['ponderazione', 'weight'],
    ['p o n d e r a z i o n e', 'weight'],
    ['Weight', 'weight'],
    ['Indicatore', 'kpi'],
    ['Formula di calcolo', 'kpi'],
    ['KPI', 'kpi'],
    ['Risultato\natteso', 'target'],
    ['valore atteso', 'target'],
    ['Soglia', 'thresholds'],
    ['RELATORE', 'responsibleUnit'],
    ['Responsabile', 'responsibleUnit'],
    ['Unità organizzativa', 'responsibleUnit'],
    ["Unita' organizzativa", 'responsibleUnit'],
    ['U.O.', 'responsibleUnit'],
    ['Valore  ottenuto', 'actual'],
    ['Consuntivo', 'actual'],
    ['Actual', 'actual'],
    ['% realizzazione', 'realization'],
    ['Grado di raggiungimento', 'realization'],
    ['UNITA\u0300 DI MISURA', 'unit'],
    ['u.m.', 'unit'],
    ['Cod. padre', 'parentCode'],
    ['Polarità', 'polarity'],
    ['note', 'note'],
    ['Motivo neutralizzazione', 'neutralisationReason'],
    ['Relatre', 'responsibleUnit'],
  ])('"%s" → %s', (header, column) => {
    const m = recognizeHeaders([header]).mapping[0];
    expect(m.column).toBe(column);
    expect(m.confidence).toBeGreaterThan(0.5);
    expect(m.evidence).not.toBe('');
  });

  it('baseline is recognised as an extra; the data source is the layout\'s "Fonte del dato" column', () => {
    const result = recognizeHeaders(['Baseline', 'Fonte del dato', 'Base Line']);
    expect(result.mapping.map((m) => [m.column, m.extra])).toEqual([
      [null, 'baseline'],
      ['dataSource', null],
      [null, 'baseline'],
    ]);
    expect(recognizeHeaders(['FONTE']).mapping[0].column).toBe('dataSource');
    // the canonical header is read with certainty (a workbook export is a canonical table with it)
    expect(result.mapping[1].confidence).toBe(1);
  });

  it('an unknown header maps to nothing and says so', () => {
    const m = recognizeHeaders(['Colore preferito']).mapping[0];
    expect(m.column).toBeNull();
    expect(m.confidence).toBe(0);
    expect(m.evidence).toMatch(/no known synonym/);
  });

  it('two headers for the same column: the canonical one is used, the other reported', () => {
    const result = recognizeHeaders(['peso %', 'Weight', 'ponderazione']);
    expect(result.mapping.map((m) => m.column)).toEqual([null, 'weight', null]);
    expect(result.ambiguous).toHaveLength(1);
    expect(result.ambiguous[0].indexes).toEqual([0, 1, 2]);
    expect(result.ambiguous[0].reason).toMatch(/column 2 is used/);
  });

  it('folds accents, case, punctuation and letter spacing', () => {
    expect(foldHeader('P r o c e s s i')).toBe('processi');
    expect(foldHeader('Unità\ndi  Misura')).toBe('unita di misura');
    expect(foldHeader('Cod.')).toBe('cod');
  });
});

describe("the seeds' header rows", () => {
  it('Sondrio (004): four header rows combine into one per column, with levels, years and threshold scores', () => {
    const lines = seedLines('004');
    const headers = combineHeaderRows([3, 4, 5, 6].map((n) => tsvLine(lines, n)));
    const { mapping, ambiguous } = recognizeHeaders(headers);
    expect(at(mapping, 0)).toEqual({ column: 'title', extra: null, level: 'perspective', year: null, score: null });
    expect(at(mapping, 1)).toEqual({ column: 'code', extra: null, level: 'strategic', year: null, score: null });
    expect(at(mapping, 2)).toEqual({ column: 'title', extra: null, level: 'strategic', year: null, score: null });
    expect(at(mapping, 3)).toEqual({ column: 'kpi', extra: null, level: 'strategic', year: null, score: null });
    expect(at(mapping, 4)).toEqual({ column: 'target', extra: null, level: 'strategic', year: 2022, score: null });
    expect(at(mapping, 6)).toEqual({ column: 'target', extra: null, level: 'strategic', year: 2024, score: null });
    expect(at(mapping, 7)).toEqual({ column: 'code', extra: null, level: 'operational', year: null, score: null });
    expect(at(mapping, 9)).toEqual({ column: 'weight', extra: null, level: 'operational', year: null, score: null });
    expect(at(mapping, 11)).toEqual({ column: 'code', extra: null, level: 'indicator', year: null, score: null });
    expect(at(mapping, 12)).toEqual({ column: 'title', extra: null, level: 'indicator', year: null, score: null });
    expect(at(mapping, 13)).toEqual({ column: 'weight', extra: null, level: 'indicator', year: null, score: null });
    expect(at(mapping, 14)).toEqual({ column: 'kpi', extra: null, level: 'indicator', year: null, score: null });
    expect(at(mapping, 15)).toEqual({ column: 'target', extra: null, level: 'indicator', year: null, score: null });
    expect(at(mapping, 16)).toEqual({ column: 'thresholds', extra: null, level: 'indicator', year: 2022, score: 0.8 });
    expect(at(mapping, 17)).toEqual({ column: 'thresholds', extra: null, level: 'indicator', year: 2022, score: 0.6 });
    expect(at(mapping, 18)).toEqual({ column: 'target', extra: null, level: 'indicator', year: 2023, score: null });
    expect(at(mapping, 19)).toEqual({ column: 'target', extra: null, level: 'indicator', year: 2024, score: null });
    expect(at(mapping, 20).column).toBe('responsibleUnit');
    expect(ambiguous).toEqual([]);
  });

  it('Sondrio (004): the first table becomes OS → OO → action rows with parents, thresholds and later targets', () => {
    const lines = seedLines('004');
    const grid = lines.slice(2, 21).map((l) => l.replace(/\r$/, '').split('\t'));
    const headers = combineHeaderRows(grid.slice(0, 4));
    const { mapping } = recognizeHeaders(headers);
    const sheet = rowsFromMappedSheet(grid, mapping, { year: 2022, firstDataRow: 4, firstRowNumber: 3 });
    const byCode = new Map(sheet.rows.map((r) => [`${r.level}|${r.code ?? r.title}`, r]));
    const perspective = byCode.get('perspective|Sviluppo del tessuto economico locale')!;
    const os1 = byCode.get('strategic|1')!;
    const oo11 = byCode.get('operational|1.1')!;
    const a111 = byCode.get('indicator|1.1.1')!;
    expect(os1).toMatchObject({
      title: 'Competitività del territorio',
      kpi: 'ponderazione',
      parentRef: perspective.clientRef,
    });
    expect(oo11).toMatchObject({ title: 'Capitale Umano', weight: '20%', parentRef: os1.clientRef });
    expect(a111).toMatchObject({
      title: 'Registro Alternanza Scuola Lavoro - valorizzazione',
      weight: '25%',
      target: '3,25%',
      parentRef: oo11.clientRef,
      thresholds: thresholdsAt80And60('3,00%', '2,85%'),
      futureTargets: laterTargets('3,5%', '3,8%'),
      responsibleUnit: 'U.O. "Relazioni con il Pubblico"',
    });
    expect(byCode.get('indicator|1.3.1')!.parentRef).toBe(byCode.get('operational|1.3')!.clientRef);
    // the OS targets (pass marks 80%) have no column in the plan table: reported with row and column, not dropped
    const passMarks = sheet.unplaced.filter((u) => u.row === 7 && u.column >= 5 && u.column <= 7);
    expect(passMarks.map((u) => u.value)).toEqual(['80%', '80%', '80%']);
    expect(passMarks[0].reason).toMatch(/strategic row/);
    expect(sheet.rows.filter((r) => r.level === 'indicator')).toHaveLength(14);
  });

  it('Bergamo 2021 (002): strategic dashboard header with previous-year, current and later targets and the data source', () => {
    const lines = seedLines('002');
    const { mapping } = recognizeHeaders(tsvLine(lines, 448));
    // "Azione | Indicatore": the action label beside the indicator, whose title is under "Indicatore"
    expect(columnsRead(mapping)).toBe(
      'actionLabel | title indicator | target 2020 | actual 2020 | target 2021 | target 2022 | target 2023 | dataSource',
    );
  });

  it('Bergamo 2021 (002): the table with group rows becomes perspective → strategic → indicator rows', () => {
    const lines = seedLines('002');
    const grid = lines.slice(446, 470).map((l) => l.replace(/\r$/, '').split('\t'));
    const { mapping } = recognizeHeaders(grid[1]);
    // the header row itself sits below the perspective's group row: read from the top, it is skipped as a header
    const sheet = rowsFromMappedSheet(grid, mapping, { year: 2021, firstDataRow: 0, firstRowNumber: 447 });
    expect(sheet.inferred.find((i) => i.row === 448)?.message).toMatch(/repeated header/);
    const [perspective, os] = sheet.rows;
    expect(perspective).toMatchObject({
      level: 'perspective',
      title: 'SVILUPPO ECONOMICO DELLE IMPRESE E DEL TERRITORIO',
    });
    expect(os).toMatchObject({
      level: 'strategic',
      code: '1.1',
      title: 'Attrattività del territorio',
      parentRef: perspective.clientRef,
    });
    const tourism = sheet.rows[2];
    expect(tourism).toMatchObject({
      level: 'indicator',
      title: 'Progetto: Turismo',
      target: '100%',
      parentRef: os.clientRef,
      code: '1.1.1',
    });
    expect(tourism.futureTargets).toEqual([
      { year: 2022, value: '100%' },
      { year: 2023, value: '-' },
    ]);
    // the 2020 target and actual are a baseline: reported, with the reason
    expect(sheet.unplaced.filter((u) => u.row === 450).map((u) => [u.header, u.value])).toEqual([
      [
        'Azione',
        'Sviluppare il sistema turistico territoriale e la competitività delle imprese turistiche e attuare strategie di marketing turistico',
      ],
      ['Risultato Atteso 2020', '100%'],
      ['Risultato consuntivo 2020', '100%'],
    ]);
    // "Fonte del dato" is the indicator's data source, a column of the plan table
    expect(tourism.dataSource).toBe('Scheda progetto');
    // the action label is reported where the add-in's table has no place for it; the import carries it (below)
    expect(sheet.unplaced.find((u) => u.row === 450 && u.header === 'Azione')?.reason).toMatch(/actionLabel/);
    const withLabels = rowsFromMappedSheet(grid, mapping, {
      year: 2021,
      firstDataRow: 0,
      firstRowNumber: 447,
      cruscotti: true,
    });
    expect(withLabels.rows[2].actionLabel).toMatch(/^Sviluppare il sistema turistico territoriale/);
    // an indicator printed under the action of the row above (merged cell) takes that label, and says so
    const b2b = withLabels.rows.find((r) => r.title === 'N. di B2B meetings, visite aziendali, workshop')!;
    expect(b2b.actionLabel).toBe(
      "Diffondere la cultura dell'internazionalizzazione e rafforzare la competitività internazionale delle imprese",
    );
    expect(withLabels.inferred.some((i) => /merged cell/.test(i.message))).toBe(true);
    // the objective heading closes the label: the first indicator of 1.2 has its own
    expect(withLabels.rows.filter((r) => r.level === 'strategic').map((r) => r.code)).toEqual(['1.1', '1.2', '1.3']);
    expect(sheet.inferred.some((i) => /numbered/.test(i.message))).toBe(true);
  });

  it('Bergamo 2021 (002): the POLA table (DIMENSIONI | OBIETTIVI | INDICATORI | STATO 2020 (baseline) | targets | FONTE)', () => {
    const { mapping } = recognizeHeaders(tsvLine(seedLines('002'), 1157));
    expect(columnsRead(mapping)).toBe(
      'title perspective | title | kpi | baseline 2020 | target 2021 | target 2022 | target 2023 | dataSource',
    );
  });

  it('Bergamo 2020 (000): a header broken over lines by the PDF extraction ("Risultato \\n\\nAtteso 2019")', () => {
    const lines = seedLines('000');
    const start = lines.findIndex((l) => l.trim() === 'CRUSCOTTO STRATEGICO 2020') + 2;
    // each header cell starts with "Risultato" and runs over several lines, blank ones included
    const block = lines
      .slice(start + 1, start + 20)
      .join('\n')
      .trimEnd();
    const headers = ['Azione', 'Indicatore', ...block.split(/(?=Risultato)/).map((c) => c.trimEnd())];
    expect(headers[3]).toMatch(/^Risultato \nconsuntivo \n\n2019/);
    const { mapping } = recognizeHeaders(headers);
    expect(columnsRead(mapping)).toBe(
      'actionLabel | title indicator | target 2019 | actual 2019 | target 2020 | target 2021 | target 2022',
    );
  });

  it("Brescia (003): the manager-weight table and the card's indicator block", () => {
    const lines = seedLines('003');
    const idx = lines.findIndex((l) => l.startsWith('Obiettivi Peso per'));
    const headers = ['Obiettivi', `Peso per ${lines[idx + 1].trim()}`, lines.slice(idx + 3, idx + 7).join('\n')];
    const { mapping } = recognizeHeaders(headers);
    expect(mapping.map((m) => m.column)).toEqual(['title', 'weight', null]);
    // "Peso per obiettivo" and "Ridefinizione pesi…" both hold a weight: reported, never merged silently
    expect(mapping[2].evidence).toMatch(/not used/);
    const card = recognizeHeaders([
      'Indicatore 1',
      'Base Line',
      'Valore Target al 30/6',
      'Valore Target al 31/12',
      'Peso',
    ]).mapping;
    expect(card.map((m) => [m.column ?? m.extra, m.checkpoint])).toEqual([
      ['kpi', null],
      ['baseline', null],
      ['target', '30/6'],
      ['target', '31/12'],
      ['weight', null],
    ]);
  });
});
