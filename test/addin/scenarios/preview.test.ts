/**
 * Preview before sending (issue 18, item 4): with "Mostra le modifiche prima di inviare" ticked, Sync lists the rows
 * it would send, cell by cell (as the server has it → as the sheet has it, by code and Italian column name), with the
 * problems the shared parser sees; "Solo errori" keeps the rows with problems; Annulla sends nothing; Invia sends,
 * and the server refuses exactly the cell the preview named, with the same words.
 */
import { cellError } from '@core/sheet/messages';
import { previewWords } from '../../../addin/src/taskpane/preview-words';
import { format } from '../../../addin/src/i18n';
import { browserSuite, header, status, ui, useLoadedPane, OPERATION_TIMEOUT_MS } from '../e2e-pane';

const words = previewWords.it;
const BAD_TARGET = 'circa dieci';

type Shown = { name: string; kind: string; cells: string[][]; problems: Array<[string, string]> };

browserSuite('scenarios/preview')('preview before sending', () => {
  const pane = useLoadedPane();
  const { step, sheet, typeInCell, rowOf, press, serverRows, editableIndicators } = pane;
  const good = { id: '', code: '', position: -1, typed: '', before: '' };
  const bad = { id: '', code: '', position: -1, before: '' };
  const versions = new Map<string, number>();

  /** the rows the preview lists, as the user reads them */
  const shown = (): Promise<Shown[]> =>
    pane.page.$$eval('#preview-rows li.preview-row', (items) =>
      items.map((li) => ({
        name: (li as HTMLElement).dataset.name ?? '',
        kind: (li as HTMLElement).dataset.kind ?? '',
        cells: Array.from(li.querySelectorAll('table tr[data-key]')).map((tr) =>
          Array.from(tr.children).map((c) => c.textContent ?? ''),
        ),
        problems: Array.from(li.querySelectorAll('.preview-problems li')).map(
          (p) => [(p as HTMLElement).dataset.key ?? '', p.textContent ?? ''] as [string, string],
        ),
      })),
    );

  /** nothing reached the server: every row keeps the version it had when the edits were typed */
  const serverUntouched = async () => {
    const now = await serverRows();
    for (const [id, version] of versions) expect(now.get(id)!.rowVersion).toBe(version);
  };

  step(
    'item 4 · Sync with "Mostra le modifiche prima di inviare" lists each change (server → sheet, by code and Italian column) and the parser\'s problems, and sends nothing',
    async () => {
      const view = await sheet();
      const [first, second] = editableIndicators(view);
      const code = (row: (typeof view.rows)[number]) => String(row[pane.col('code')]);
      const server = await serverRows();
      for (const [id, row] of server) versions.set(id, row.rowVersion);
      Object.assign(good, {
        id: first.id,
        code: code(first.row),
        position: first.position,
        typed: first.target,
        before: server.get(first.id)!.actual?.raw ?? '',
      });
      Object.assign(bad, {
        id: second.id,
        code: code(second.row),
        position: second.position,
        before: server.get(second.id)!.target?.raw ?? '',
      });
      await typeInCell(good.position, 'actual', good.typed);
      await typeInCell(bad.position, 'target', BAD_TARGET);
      await pane.page.waitForSelector('#pending:not([hidden])', { timeout: OPERATION_TIMEOUT_MS });

      await pane.page.check('#preview-first');
      expect(await press('#sync')).toBe(format(words.counted, { rows: 2, problems: 1 }));
      expect(await pane.page.isVisible('#preview')).toBe(true);
      const rows = await shown();
      expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining([good.code, bad.code]));
      expect(rows).toHaveLength(2);
      const goodRow = rows.find((r) => r.name === good.code)!;
      expect(goodRow.kind).toBe('dirty');
      expect(goodRow.cells).toEqual([[header('actual'), good.before || words.empty, good.typed]]);
      expect(goodRow.problems).toEqual([]);
      const badRow = rows.find((r) => r.name === bad.code)!;
      expect(badRow.cells).toEqual([[header('target'), bad.before || words.empty, BAD_TARGET]]);
      // the shared parser's own sentence, in Italian, on the column it is about
      const expected = cellError('target', 'NOT_A_VALUE', { raw: BAD_TARGET }).messageIt;
      expect(badRow.problems).toEqual([['target', `${header('target')}: ${expected}`]]);
      await serverUntouched();
    },
  );

  step('item 4 · "Solo errori" keeps only the rows with problems, and unticked shows them all again', async () => {
    await pane.page.check('#preview-errors-only');
    expect((await shown()).map((r) => r.name)).toEqual([bad.code]);
    await pane.page.uncheck('#preview-errors-only');
    expect(await shown()).toHaveLength(2);
  });

  step('item 4 · Annulla closes the preview and sends nothing: the rows still wait "Da inviare"', async () => {
    await pane.page.click('#preview-cancel');
    expect(await pane.page.textContent('#summary')).toBe(words.cancelled);
    expect(await pane.page.isHidden('#preview')).toBe(true);
    await serverUntouched();
    const view = await sheet();
    for (const id of [good.id, bad.id]) expect(rowOf(view, id)[pane.col('syncStatus')]).toBe(status.TO_SEND);
  });

  step(
    'item 4 · Invia sends: the good value lands, and the server refuses the cell the preview named, in the same words',
    async () => {
      const previewed = await press('#sync');
      expect(previewed).toBe(format(words.counted, { rows: 2, problems: 1 }));
      await pane.page.click('#preview-send');
      await pane.page.waitForFunction(
        ([before, working]) => {
          const text = document.getElementById('summary')?.textContent ?? '';
          const running = !(document.getElementById('progress') as HTMLProgressElement | null)?.hidden;
          return !running && text !== '' && text !== before && text !== working;
        },
        [previewed, ui.working] as const,
        { timeout: OPERATION_TIMEOUT_MS },
      );
      expect(await pane.page.isHidden('#preview')).toBe(true);
      const server = await serverRows();
      expect(server.get(good.id)!.actual?.raw).toBe(good.typed);
      expect(server.get(bad.id)!.target?.raw ?? '').toBe(bad.before);
      const message = String(rowOf(await sheet(), bad.id)[pane.col('syncMessage')]);
      expect(message).toContain(cellError('target', 'NOT_A_VALUE', { raw: BAD_TARGET }).messageIt);
      // with nothing left but the refused row, the preview lists only it
      expect(await press('#sync')).toBe(format(words.counted, { rows: 1, problems: 1 }));
      expect((await shown()).map((r) => r.name)).toEqual([bad.code]);
      await pane.page.click('#preview-cancel');
      expect(pane.pageErrors).toEqual([]);
    },
  );
});
