/** The three-way, cell-level merge of one row (issue 18, item 5): mine, base and theirs compared per cell. */
import { mergeCells } from '../../addin/src/sync/merge';

const keys = ['actual', 'note', 'kpi', 'target'] as const;

test('a cell changed on one side only takes that side; a cell both changed alike is no conflict', () => {
  const base = { actual: '10', note: 'prima', kpi: 'kpi', target: '20' };
  const mine = { actual: '12', note: 'prima', kpi: 'kpi rivisto', target: '20' };
  const theirs = { actual: '10', note: 'nota del collega', kpi: 'kpi rivisto', target: '20' };
  const merge = mergeCells(base, mine, theirs, keys);
  expect(merge.conflicts).toEqual([]);
  expect(merge.fromTheirs).toEqual(['note']);
  expect(merge.fromMine).toEqual(['actual']);
  expect(merge.merged).toEqual({ actual: '12', note: 'nota del collega', kpi: 'kpi rivisto', target: '20' });
});

test('only a cell changed on both sides to different values is a conflict; spaces around are no change', () => {
  const base = { actual: '10', note: 'prima' };
  const mine = { actual: '12', note: 'prima ' };
  const theirs = { actual: '13', note: 'prima', target: '25' };
  const merge = mergeCells(base, mine, theirs, keys);
  expect(merge.conflicts).toEqual([
    { key: 'actual', base: '10', mine: '12', theirs: '13', changedBy: null, changedAt: null },
  ]);
  // a cell empty in the base and filled by the server alone comes in
  expect(merge.fromTheirs).toEqual(['target']);
  expect(merge.merged.actual).toBe('12');
});
