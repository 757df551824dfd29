/**
 * "Mostra fino a": the plan folded to a level from the pane (issue 18, item 8). Excel refuses its own outline buttons
 * on the bound sheet, which the add-in protects, and no protection option allows them (ExcelWorkbook.showLevels): so
 * the pane offers the same four levels, and folds the protected sheet for the user, the protection kept.
 */
import type { Language } from '../i18n';
import { byId } from './dom';

const words = {
  it: {
    label: 'Mostra fino a:',
    levels: ['Prospettive', 'Obiettivi strategici', 'Obiettivi operativi', 'Tutto'],
    titles: [
      'Solo le prospettive',
      'Prospettive e obiettivi strategici',
      'Fino agli obiettivi operativi',
      'Tutte le righe, indicatori compresi',
    ],
    failed: 'Non è stato possibile piegare il foglio: {message}',
  },
  en: {
    label: 'Show down to:',
    levels: ['Perspectives', 'Strategic objectives', 'Operational objectives', 'Everything'],
    titles: [
      'The perspectives only',
      'Perspectives and strategic objectives',
      'Down to the operational objectives',
      'Every row, indicators included',
    ],
    failed: 'The sheet could not be folded: {message}',
  },
} as const;

export type OutlineOptions = {
  /** the bound table, null when nothing is bound */
  table: () => string | null;
  workbook: { showLevels(table: string, level: number): Promise<void> };
  language: Language;
};

export class OutlineView {
  constructor(private readonly options: OutlineOptions) {
    const w = words[options.language];
    byId('outline-levels-label').textContent = w.label;
    const buttons = byId('outline-levels').querySelectorAll<HTMLButtonElement>('button[data-level]');
    buttons.forEach((button, i) => {
      button.textContent = w.levels[i];
      button.title = w.titles[i];
      button.addEventListener('click', () => void this.show(Number(button.dataset.level)));
    });
  }

  async show(level: number): Promise<void> {
    const table = this.options.table();
    if (!table) return;
    try {
      await this.options.workbook.showLevels(table, level);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const summary = byId('summary');
      summary.className = 'status error';
      summary.textContent = words[this.options.language].failed.replace('{message}', message);
    }
  }
}
