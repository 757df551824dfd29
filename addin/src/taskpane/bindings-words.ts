/**
 * The words of the workbook's bindings (issue 18, item 7), in Italian and English (same keys; the type makes a
 * missing translation a compile error).
 */
import type { Language } from '../i18n';

const it = {
  heading: 'Collegamenti di questa cartella',
  item: 'Foglio «{sheet}»: {plan}, {year} ({checkpoint})',
  active: 'attivo',
  add: 'Nuovo collegamento',
  remove: 'Scollega',
  fresh:
    'Nuovo collegamento: scegliere piano, anno e rilevazione, poi Carica (una nuova tabella) o Collega questo foglio.',
  added: 'Nuovo collegamento pronto: Carica scrive il piano in una nuova tabella, gli altri collegamenti restano.',
  removed:
    'Scollegato: la tabella «{table}» resta nel foglio ma non si sincronizza più; la base di confronto nascosta è stata tolta.',
  switched: 'Collegamento attivo: foglio «{sheet}».',
  show: 'Mostra il foglio di questo collegamento',
  whole: 'tutto il piano',
  unit: 'unità «{name}»',
  dashboard: 'cruscotto «{name}»',
  scope: 'Righe del foglio',
  scopeWhole: 'Tutto il piano',
  scopeUnit: 'Una unità responsabile',
  scopeDashboard: 'Un cruscotto',
  scopeTarget: 'Unità o cruscotto',
  scopeNone: 'Il piano non ha cruscotti',
};

const en: typeof it = {
  heading: 'Bindings of this workbook',
  item: 'Sheet «{sheet}»: {plan}, {year} ({checkpoint})',
  active: 'active',
  add: 'New binding',
  remove: 'Unbind',
  fresh: 'New binding: choose plan, year and checkpoint, then Load (a new table) or Bind this sheet.',
  added: 'New binding ready: Load writes the plan into a new table, the other bindings stay.',
  removed: 'Unbound: table «{table}» stays in the sheet but no longer syncs; the hidden merge base was removed.',
  switched: 'Active binding: sheet «{sheet}».',
  show: "Show this binding's sheet",
  whole: 'the whole plan',
  unit: 'unit «{name}»',
  dashboard: 'cruscotto «{name}»',
  scope: 'Rows of the sheet',
  scopeWhole: 'The whole plan',
  scopeUnit: 'One responsible unit',
  scopeDashboard: 'One cruscotto',
  scopeTarget: 'Unit or cruscotto',
  scopeNone: 'The plan has no cruscotti',
};

export const bindingsWords: Record<Language, typeof it> = { it, en };
