/**
 * "Perché?" and "Cronologia" for the row the user is on (issue 18, item 3): the pane finds the bound table's row
 * under the selection, asks the server for its explanation or its audit trail, and lists it in the pane's language.
 * The ribbon's buttons and their shortcuts call the same two methods (one runtime, one state).
 */
import type { SheetLevel } from '@core/sheet/row';
import { levelOf } from '@core/sheet/vocabulary';
import { CruscottoClient, type FetchLike } from '../api/client';
import { ApiError, OfflineError } from '../api/errors';
import { ROW_EXPLANATION, ROW_HISTORY } from '../api/insight-queries';
import { selectedCell, type SelectedCell } from '../excel/selection';
import { format, messages, type Language } from '../i18n';
import { readPlanTable } from '../sync/context';
import type { WorkbookSession } from '../sync/session';
import type { Binding } from '../sync/types';
import type { WorkbookPort } from '../workbook/port';
import { byId, element, onClicks, setTexts } from './dom';
import { explanationLines, historyLines, type InsightLine, whyHeading } from './insight-lines';
import { insightWords } from './insight-words';

export type InsightOptions = {
  session: () => WorkbookSession | null;
  workbook: WorkbookPort & { firstBodyRow(table: string): Promise<number | null> };
  fetch: FetchLike;
  language: Language;
  /** where the selection is; the real one asks Excel */
  selection?: () => Promise<SelectedCell>;
};

type Row = { rowId: string; code: string; level?: SheetLevel };

/** what both questions are about: the selected row at the binding's year and checkpoint */
function rowAt(row: Row, binding: Binding) {
  return { rowId: row.rowId, year: binding.year, checkpoint: binding.checkpoint };
}

export class InsightView {
  private readonly words;

  constructor(private readonly options: InsightOptions) {
    this.words = insightWords[options.language];
    setTexts({ why: this.words.why, history: this.words.history, 'insight-close': this.words.close });
    onClicks({
      why: () => void this.why(),
      history: () => void this.history(),
      'insight-close': () => {
        byId('insight').hidden = true;
      },
    });
  }

  /** "Perché?": the explanation of the selected row's score for the bound year and checkpoint */
  async why(): Promise<void> {
    await this.show('why', async (row, client, binding) => {
      const answer = await client.request(ROW_EXPLANATION, rowAt(row, binding));
      const realization = answer.node && 'realization' in answer.node ? answer.node.realization : null;
      return {
        heading: whyHeading(row.code, realization ?? null, this.options.language, row.level),
        lines: realization ? explanationLines(realization, this.options.language) : [],
      };
    });
  }

  /** "Cronologia": who changed which cell of the selected row, when and from where, newest first */
  async history(): Promise<void> {
    await this.show('history', async (row, client, binding) => {
      const answer = await client.request(ROW_HISTORY, { planId: binding.planId, ...rowAt(row, binding) });
      const lines = historyLines(answer.rowHistoryConnection, this.options.language);
      return {
        heading: format(this.words.historyHeading, { code: row.code }),
        lines: lines.length ? lines : [{ label: this.words.historyEmpty, text: '' }],
      };
    });
  }

  private async show(
    kind: 'why' | 'history',
    read: (row: Row, client: CruscottoClient, binding: Binding) => Promise<{ heading: string; lines: InsightLine[] }>,
  ): Promise<void> {
    const section = byId('insight');
    section.dataset.kind = kind;
    section.setAttribute('aria-busy', 'true');
    section.hidden = false;
    try {
      const session = this.options.session();
      // the selected row's binding: the one of the sheet the selection is on (several bindings per workbook)
      const sheet = await (this.options.selection ?? (() => selectedCell()))().then(
        (c) => c.sheet,
        () => null,
      );
      if (session && sheet) session.activate(sheet);
      const target = session?.liveTarget;
      if (!session?.binding) return this.render(this.words[kind], [{ label: this.words.notBound, text: '' }]);
      if (!target)
        return this.render(this.words[kind], [{ label: messages[this.options.language].sync.notConnected, text: '' }]);
      const row = await this.selectedRow(session);
      if (typeof row === 'string') return this.render(this.words[kind], [{ label: row, text: '' }]);
      const client = new CruscottoClient({
        serverUrl: target.serverUrl,
        token: target.token,
        fetch: this.options.fetch,
      });
      const { heading, lines } = await read(row, client, session.binding);
      this.render(heading, lines);
    } catch (error) {
      const text =
        error instanceof OfflineError || error instanceof ApiError
          ? error.text(this.options.language)
          : String(error instanceof Error ? error.message : error);
      this.render(this.words[kind], [{ label: text, text: '' }], true);
    } finally {
      section.setAttribute('aria-busy', 'false');
    }
  }

  /** the bound table's row under the selection, or why there is none */
  private async selectedRow(session: WorkbookSession): Promise<Row | string> {
    const binding = session.binding!;
    const selected = await (this.options.selection ?? (() => selectedCell()))();
    const top = await this.options.workbook.firstBodyRow(binding.table);
    if (top === null || selected.sheet !== binding.sheet) return this.words.noRow;
    const table = await readPlanTable(this.options.workbook, binding);
    const line = table.lines.find((l) => l.position === selected.row - top);
    if (!line) return this.words.noRow;
    if (!line.rowId) return this.words.newRow;
    return {
      rowId: line.rowId,
      code: line.inputs.code || line.inputs.title || line.rowId,
      level: levelOf(line.inputs.level),
    };
  }

  private render(heading: string, lines: InsightLine[], isError = false): void {
    byId('insight-heading').textContent = heading;
    const body = byId('insight-body');
    body.className = isError ? 'list status error' : 'list';
    body.replaceChildren(
      ...lines.map((line) => {
        const item = element('li');
        item.append(element('strong', {}, line.label));
        if (line.text && !line.items?.length) item.append(document.createTextNode(` ${line.text}`));
        if (line.items?.length) {
          const list = element('ul');
          list.append(...line.items.map((text) => element('li', {}, text)));
          item.append(list);
        }
        return item;
      }),
    );
  }
}
