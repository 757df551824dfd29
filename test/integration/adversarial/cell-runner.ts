import type { TestServer } from '../../helpers/server';
import { readRows, type SheetRow, type SheetRowIn, sync, tableCounts } from '../../helpers/sync';
import type { CellCase } from './cell-families';
import type { Tally } from './tally';

/** How a stored text cell reads when it was taken: trimmed, NFC, line breaks as \n (docs/sheet-contract.md). */
const asText = (s: string) => s.normalize('NFC').replace(/\r\n?/g, '\n').trim();

function storedAs(c: CellCase, row: SheetRow): boolean {
  switch (c.column) {
    case 'actual':
      return row.actual?.raw === c.input.trim();
    case 'target':
      return row.target?.raw === c.input.trim();
    case 'weight':
      return typeof row.weight === 'number' && Number.isFinite(row.weight);
    case 'code':
      return row.code === asText(c.input.normalize('NFKC'));
    case 'responsibleUnit':
      return row.responsibleUnits.includes(asText(c.input));
    case 'unit':
      return row.unit === asText(c.input);
    default:
      // a blank text clears the cell
      return (row[c.column] ?? '') === asText(c.input);
  }
}

/** A new indicator under operational objective `parent` carrying the case's cell (every other cell plain and valid). */
function rowOf(c: CellCase, k: number, parent: string, tag: string): SheetRowIn {
  const row: SheetRowIn = {
    clientRef: `${tag}-${k}`,
    level: 'azione',
    code: `${tag}-${k}`,
    title: `Azione ${tag} ${k}`,
    parentRef: parent,
    weight: '1',
    kpi: 'N. pratiche',
    target: '10',
  };
  if (c.family === 'dates') row.polarity = 'scadenza';
  (row as Record<string, unknown>)[c.column] = c.input;
  return row;
}

/**
 * Sends the cases as new rows in PARTIAL batches of `size` and judges each; then every must-refuse case once more in
 * one ATOMIC batch with a valid row, which must write nothing at all (no partial write).
 */
export async function runCells(
  server: TestServer,
  planId: string,
  parent: string,
  cases: CellCase[],
  tally: Tally,
  tag: string,
) {
  const size = 150;
  for (let start = 0; start < cases.length; start += size) {
    const chunk = cases.slice(start, start + size);
    const before = await tableCounts(server);
    const result = await sync(server, { planId, rows: chunk.map((c, i) => rowOf(c, start + i, parent, tag)) });
    const { rows } = await readRows(server, planId);
    const byId = new Map(rows.map((r) => [r.rowId, r]));
    let created = 0;
    chunk.forEach((c, i) => {
      const got = result.rows[i];
      const input = `${c.column}: ${JSON.stringify(c.input)}`;
      if (got.status === 'CREATED') {
        created++;
        const row = byId.get(got.rowId!);
        if (!row || !storedAs(c, row))
          return tally.add(c.family, input, 'other', `stored as ${JSON.stringify(row?.[c.column as keyof SheetRow])}`);
        if (c.must === 'refused') return tally.add(c.family, input, 'other', 'garbage accepted');
        return tally.add(c.family, input, 'accepted');
      }
      if (got.status !== 'REJECTED') return tally.add(c.family, input, 'other', `status ${got.status}`);
      const clear =
        got.errors.length > 0 &&
        got.errors.every((e) => e.code && e.message.trim() && e.messageIt.trim() && e.message !== e.messageIt);
      if (!clear) return tally.add(c.family, input, 'other', `unclear errors ${JSON.stringify(got.errors)}`);
      if (!got.errors.some((e) => e.column.split('.')[0] === c.column))
        return tally.add(
          c.family,
          input,
          'other',
          `refused on another column: ${got.errors.map((e) => `${e.column}:${e.code}`).join(', ')}`,
        );
      if (c.must === 'accepted')
        return tally.add(
          c.family,
          input,
          'other',
          `a valid value refused: ${got.errors.map((e) => e.code).join(', ')}`,
        );
      tally.add(c.family, input, 'refused');
    });
    const after = await tableCounts(server);
    if (after.indicators !== before.indicators + created)
      tally.add(
        'structure',
        `batch ${tag}@${start}`,
        'other',
        `${after.indicators - before.indicators} indicators written for ${created} created rows`,
      );
  }
  const garbage = cases.filter((c) => c.must === 'refused');
  const valid: CellCase = { family: 'numbers', column: 'actual', input: '5' };
  const before = await tableCounts(server);
  const atomic = await sync(server, {
    planId,
    mode: 'ATOMIC',
    rows: [valid, ...garbage].map((c, i) => rowOf(c, i, parent, `${tag}A`)),
  });
  const after = await tableCounts(server);
  const written = JSON.stringify(after) !== JSON.stringify(before) || atomic.applied !== 0;
  tally.add(
    'structure',
    `ATOMIC batch of ${garbage.length} refused cells and 1 valid row`,
    written ? 'other' : 'refused',
    written ? 'a partial write' : undefined,
  );
}
