/**
 * Issue 14, item 5: the cruscotto columns of the row contract recognised in a user's sheet, in Italian and English,
 * and carried by a mapped sheet into its rows: the cruscotto's name, kind and owner on every row of a line, the
 * order, level and "Azione" on the indicator. A bare "Azione" header stays the action's title (Sondrio prints the
 * action there), and "Livello" stays the row's level.
 */
import { parseRow } from '@core/sheet/parse-row';
import { recognizeHeaders, rowsFromMappedSheet } from '@core/sheet/headers';

const KEYS = ['dashboard', 'dashboardKind', 'dashboardOwner', 'position', 'entryLevel', 'actionLabel'];

describe('cruscotto columns in a sheet', () => {
  it.each([
    [
      'Italian',
      ['Cruscotto', 'Tipo cruscotto', 'Responsabile cruscotto', 'Ordine', 'Livello nel cruscotto', 'Etichetta azione'],
    ],
    ['English', ['Dashboard', 'Dashboard kind', 'Dashboard owner', 'Order', 'Entry level', 'Action label']],
  ])('recognises the %s headers', (_, headers) => {
    const { mapping } = recognizeHeaders(headers);
    expect(mapping.map((m) => m.extra)).toEqual(KEYS);
  });

  it('leaves "Livello", "Responsabile" and a bare "Azione" what they were', () => {
    const { mapping } = recognizeHeaders(['Livello', 'Responsabile', 'Azione']);
    expect(mapping.map((m) => m.column ?? m.extra)).toEqual(['level', 'responsibleUnit', 'title']);
  });

  it('carries the cells of a line into the rows it becomes', () => {
    const headers = ['Livello', 'Cod.', 'Titolo', 'Cruscotto', 'Responsabile cruscotto', 'Ordine', 'Etichetta azione'];
    const { mapping } = recognizeHeaders(headers);
    const grid = [
      headers,
      [
        'obiettivo strategico',
        '1.1',
        'Attrattività del territorio',
        'CRUSCOTTO DEL SEGRETARIO GENERALE',
        'Segretario Generale',
        '',
        '',
      ],
      ['azione', '1.1.1', 'Progetto: Turismo', 'CRUSCOTTO DEL SEGRETARIO GENERALE', '', '1', 'Sviluppare il turismo'],
      ['obiettivo strategico', '1.1', 'Attrattività del territorio', 'SERVIZIO AFFARI GENERALI', '', '', ''],
    ];
    const sheet = rowsFromMappedSheet(grid, mapping, {
      year: 2021,
      firstDataRow: 1,
      firstRowNumber: 1,
      cruscotti: true,
    });
    expect(sheet.rows.map((r) => [r.level, r.code, r.dashboard, r.dashboardOwner, r.position, r.actionLabel])).toEqual([
      ['strategic', '1.1', 'CRUSCOTTO DEL SEGRETARIO GENERALE', 'Segretario Generale', undefined, undefined],
      ['indicator', '1.1.1', 'CRUSCOTTO DEL SEGRETARIO GENERALE', undefined, '1', 'Sviluppare il turismo'],
      ['strategic', '1.1', 'SERVIZIO AFFARI GENERALI', undefined, undefined, undefined],
    ]);
    expect(sheet.unplaced).toEqual([]);
    // the add-in's canonical table has no cruscotto columns yet: there they are reported, never dropped unseen
    const bound = rowsFromMappedSheet(grid, mapping, { year: 2021, firstDataRow: 1, firstRowNumber: 1 });
    expect(bound.rows.every((r) => r.dashboard === undefined)).toBe(true);
    expect(bound.unplaced.map((u) => u.header)).toContain('Cruscotto');
  });

  it('refuses bad cruscotto cells with the column and an Italian reason', () => {
    const ctx = { year: 2022, years: [2022, 2023, 2024] };
    const bad = parseRow(
      4,
      { level: 'azione', dashboard: 'Servizio', dashboardKind: 'mensile', position: '0', entryLevel: 'x' },
      ctx,
    );
    expect(bad.errors.map((e) => [e.column, e.code, e.messageIt])).toEqual([
      [
        'dashboardKind',
        'UNKNOWN_DASHBOARD_KIND',
        '"mensile" non è un tipo di cruscotto (strategico, servizio, segretario generale, dirigente, individuale)',
      ],
      ['position', 'NOT_A_POSITION', '"0" non è un ordine: inserire un numero intero da 1 in su'],
      ['entryLevel', 'UNKNOWN_ENTRY_LEVEL', '"x" non è un livello nel cruscotto (strategico, operativo)'],
    ]);
    const good = parseRow(
      5,
      {
        level: 'azione',
        dashboard: ' Cruscotto del Dirigente ',
        dashboardKind: 'Dirigente',
        position: '12',
        entryLevel: 'operativo',
      },
      ctx,
    );
    expect(good.errors).toEqual([]);
    expect(good.values.membership).toEqual({
      dashboard: 'Cruscotto del Dirigente',
      kind: 'dirigente',
      position: 12,
      entryLevel: 'operational',
    });
  });
});

/**
 * "Azione" as a Bergamo user types it (docs/sheet-contract.md, "Cruscotti"): their cruscotto prints
 * "Azione | Indicatore", the action label beside the indicator's title; a Sondrio user's "Azione" beside a KPI is
 * the action itself. "Titolo azione" and "Etichetta azione" say which, whatever else the row has.
 */
describe('which "Azione" a header means', () => {
  const read = (headers: string[]) =>
    recognizeHeaders(headers).mapping.map((m) => [m.header, m.column ?? m.extra, m.level]);

  it.each([
    [
      'Bergamo: "Azione" beside "Indicatore" is the label, "Indicatore" the title',
      ['Azione', 'Indicatore', 'Risultato atteso 2021'],
      [
        ['Azione', 'actionLabel', null],
        ['Indicatore', 'title', 'indicator'],
        ['Risultato atteso 2021', 'target', null],
      ],
    ],
    [
      'beside a title column, "Azione" is the label and "Indicatore" stays the KPI',
      ['Cod.', 'Titolo', 'Azione', 'Indicatore'],
      [
        ['Cod.', 'code', null],
        ['Titolo', 'title', null],
        ['Azione', 'actionLabel', null],
        ['Indicatore', 'kpi', null],
      ],
    ],
    [
      'Sondrio-like: "Azione" beside a KPI is the action’s title',
      ['Cod.', 'Azione', 'KPI', 'Target'],
      [
        ['Cod.', 'code', null],
        ['Azione', 'title', 'indicator'],
        ['KPI', 'kpi', null],
        ['Target', 'target', null],
      ],
    ],
    [
      '"Titolo azione" is always the title, "Etichetta azione" always the label',
      ['Titolo azione', 'Etichetta azione', 'Indicatore'],
      [
        ['Titolo azione', 'title', 'indicator'],
        ['Etichetta azione', 'actionLabel', null],
        ['Indicatore', 'kpi', null],
      ],
    ],
  ])('%s', (_, headers, expected) => {
    expect(read(headers)).toEqual(expected);
  });

  it('a Bergamo cruscotto typed as printed lands title and label where the contract wants them', () => {
    const grid = [
      ['Azione', 'Indicatore', 'Risultato atteso 2021', 'Risultato atteso 2022', 'Cruscotto'],
      ['1.1 Attrattività del territorio', '', '', '', ''],
      ['Sviluppare il sistema turistico', 'Progetto: Turismo', '100%', '100%', 'CRUSCOTTO STRATEGICO 2021'],
      ['', 'N. iniziative di promozione', '11', '12', 'CRUSCOTTO STRATEGICO 2021'],
    ];
    const { mapping } = recognizeHeaders(grid[0]);
    const sheet = rowsFromMappedSheet(grid, mapping, {
      year: 2021,
      firstDataRow: 1,
      firstRowNumber: 1,
      cruscotti: true,
    });
    expect(sheet.rows.map((r) => [r.level, r.code, r.title, r.actionLabel ?? null, r.target ?? null])).toEqual([
      ['strategic', '1.1', 'Attrattività del territorio', null, null],
      ['indicator', '1.1.1', 'Progetto: Turismo', 'Sviluppare il sistema turistico', '100%'],
      ['indicator', '1.1.2', 'N. iniziative di promozione', 'Sviluppare il sistema turistico', '11'],
    ]);
    expect(sheet.unplaced).toEqual([]);
  });
});
