/**
 * The pure parts of issue 18's add-in code: a formula's arguments as people type them, the provisional mark on a
 * number format, and a history entry as the cells it changed.
 */
import { cellRequest, checkpointOf } from '../../addin/src/functions/arguments';
import { markedFormat, splitAddress } from '../../addin/src/excel/provisional-mark';
import { MetadataStorage } from '@mikro-orm/core';
import { changedCells, historyLines } from '../../addin/src/taskpane/insight-lines';
import { TREE_ENTITIES } from '../../server/services/plan-snapshot';

describe('CRUSCOTTO.* arguments', () => {
  it('reads the checkpoint as people write it, 31/12 when left out', () => {
    for (const text of ['30/6', '30/06', '30 giugno', 'MID_YEAR', 'June']) expect(checkpointOf(text)).toBe('MID_YEAR');
    for (const text of ['31/12', '31 dicembre', 'YEAR_END', null, '']) expect(checkpointOf(text)).toBe('YEAR_END');
    expect(checkpointOf('15/8')).toBeNull();
  });

  it('makes a request, the bound plan by default, or names what is wrong', () => {
    expect(cellRequest({ code: ' 1.2 ', year: 2022 }, 'P1')).toEqual({
      planId: 'P1',
      code: '1.2',
      year: 2022,
      checkpoint: 'YEAR_END',
    });
    expect(cellRequest({ code: '1.2', year: 2022, checkpoint: '30/6', plan: 'P2' }, 'P1')).toMatchObject({
      planId: 'P2',
      checkpoint: 'MID_YEAR',
    });
    expect(cellRequest({ code: '', year: 2022 }, 'P1')).toBe('badCode');
    expect(cellRequest({ code: '1', year: 22.5 }, 'P1')).toBe('badYear');
    expect(cellRequest({ code: '1', year: 2022, checkpoint: 'ieri' }, 'P1')).toBe('badCheckpoint');
    expect(cellRequest({ code: '1', year: 2022 }, null)).toBe('noPlan');
  });
});

describe('the provisional mark', () => {
  it('adds a literal to the format and takes it away, keeping the format', () => {
    expect(markedFormat('0.00%', ' (provvisorio)', true)).toBe('0.00%" (provvisorio)"');
    expect(markedFormat('0.00%" (provvisorio)"', ' (provvisorio)', false)).toBe('0.00%');
    expect(markedFormat('0.00%" (provvisorio)"', ' (provvisorio)', true)).toBe('0.00%" (provvisorio)"');
    expect(markedFormat('General', ' (provvisorio)', false)).toBe('General');
    expect(splitAddress("'Report 2022'!B4")).toEqual({ sheet: 'Report 2022', cell: 'B4' });
  });
});

describe('a row history as the pane lists it', () => {
  const change = (over: Record<string, unknown>) => ({
    entityType: 'Measurement',
    action: 'UPDATE',
    actor: 'm.rossi',
    at: '2026-12-05T09:42:00.000Z',
    source: 'ADDIN',
    sourceDetail: 'Piano 2022.xlsx / Azioni',
    before: { value: { raw: '60%' }, version: 1, updatedAt: 'x' },
    after: { value: { raw: '62%' }, version: 2, updatedAt: 'y' },
    ...over,
  });

  it('names the changed cells as the sheet does, old → new, without the bookkeeping', () => {
    expect(changedCells(change({}) as never, 'it')).toEqual(['Valore ottenuto: 60% → 62%']);
    expect(changedCells(change({}) as never, 'en')).toEqual(['Actual: 60% → 62%']);
    expect(
      changedCells(
        change({
          entityType: 'Indicator',
          before: { title: 'A', weight: 10 },
          after: { title: 'B', weight: 10 },
        }) as never,
        'it',
      ),
    ).toEqual(['Titolo / Descrizione: A → B']);
    expect(changedCells(change({ action: 'CREATE', before: null }) as never, 'it')).toEqual([
      'Valore ottenuto: — → 62%',
    ]);
  });

  it('names every stored field of a plan row in words, yes/no for booleans and times as times, never a code', () => {
    // every persisted field of the entities a sheet row is made of, as the audit trail stores them
    const rows = Object.values(TREE_ENTITIES);
    const fields = [
      ...new Set(
        rows.flatMap((entity) => Object.keys(MetadataStorage.getMetadataFromDecorator(entity as never).properties)),
      ),
    ];
    const stored = Object.fromEntries(fields.map((f) => [f, f === 'recordedAt' ? '2026-12-05T09:53:10.803Z' : true]));
    const lines = changedCells(change({ action: 'CREATE', before: null, after: stored }) as never, 'it');
    expect(lines.length).toBeGreaterThan(30);
    // a field's code ("notCompleted", "recordedAt") or a raw value where a word belongs
    const codes = lines.filter((l) => fields.includes(l.split(':')[0]) || /→ (true|false)$|\d{4}-\d{2}-\d{2}T/.test(l));
    expect(codes).toEqual([]);
    expect(lines).toContain('Non completato: — → sì');
    expect(lines.find((l) => l.startsWith('Registrato il:'))).toMatch(/→ 05\/12\/26, \d{2}:53$/);
  });

  it('says when, who and from where, and how many older changes are left out', () => {
    const lines = historyLines({ totalCount: 3, edges: [{ node: change({}) }] } as never, 'it', 'Europe/Rome');
    expect(lines[0].label).toBe('05/12/26, 10:42 · m.rossi · Excel, Piano 2022.xlsx / Azioni');
    expect(lines[1].label).toBe('… altre 2 modifiche più vecchie.');
  });
});
