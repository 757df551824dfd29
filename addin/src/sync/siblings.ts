/**
 * A Bergamo plan shows one node on several lines: its plan row and a row in each cruscotto it is in, all with its
 * row id (docs/sheet-contract.md, "Cruscotti"). A Sync sends only the line the user edited; the server's answer
 * (the node's new version, its cells, its score) then goes to the node's other lines too, so none of them is left
 * one version behind, to come back as a conflict on its next edit.
 */
import type { SyncAnswer } from '../api/types';
import { isCruscottoColumn, type LayoutColumnKey } from '@core/sheet/layout';
import { INPUT_KEYS, nodeCellsFor, type Inputs, type Line } from './columns';
import { rowHash } from './hash';
import type { Outgoing } from './outgoing';
import type { Language } from '../i18n';
import { scoreCells } from './server-cells';
import type { TableWriter } from './writer';

/** the cells that are the node's own, the same on every line that shows it */
const NODE_KEYS = INPUT_KEYS.filter((key) => !isCruscottoColumn(key));

export function answerSiblings(
  writer: TableWriter,
  language: Language,
  batch: readonly Outgoing[],
  answer: SyncAnswer,
  positionsOf: ReadonlyMap<string, readonly number[]>,
): void {
  const sent = new Set(batch.map((o) => o.line.position));
  for (const result of answer.rows) {
    const from = batch[result.index];
    if (!from || !result.rowId || result.rowVersion == null) continue;
    if (!['CREATED', 'UPDATED', 'UNCHANGED'].includes(result.status) || result.errors.length > 0) continue;
    const node = Object.fromEntries(NODE_KEYS.map((key) => [key, from.line.inputs[key]])) as Partial<Inputs>;
    for (const position of positionsOf.get(result.rowId) ?? []) {
      const line: Line | undefined = writer.table.lines[position];
      if (!line || sent.has(position) || line.hash !== rowHash(line.inputs)) continue;
      const inputs = nodeCellsFor(line, { ...line.inputs, ...node } as Inputs);
      const cells: Partial<Record<LayoutColumnKey, string | number>> = {};
      for (const key of NODE_KEYS) if (writer.table.headers[key]) cells[key] = inputs[key];
      writer.set(position, {
        ...cells,
        rowVersion: result.rowVersion,
        rowHash: rowHash(inputs),
        ...scoreCells(result.realization, language, writer.message(position)),
      });
    }
  }
}
