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
  scopeNoUnits: "L'organizzazione non ha unità",
  scopeUnassigned:
    'Non è assegnato a nessuna unità: chieda al controllo di gestione di assegnargliene una, poi potrà collegare un foglio delle sue unità o dei loro cruscotti. Intanto può collegare tutto il piano.',
  scopeNoOwnDashboards:
    'Nessun cruscotto di questo piano appartiene alle sue unità: scegliere una unità responsabile o tutto il piano.',
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
  scopeNoUnits: 'The organisation has no units',
  scopeUnassigned:
    'You are not assigned to any unit: ask the performance management office (controllo di gestione) to assign you one, then you can bind a sheet of your units or their cruscotti. Meanwhile you can bind the whole plan.',
  scopeNoOwnDashboards: 'No cruscotto of this plan belongs to your units: choose a responsible unit or the whole plan.',
};

export const bindingsWords: Record<Language, typeof it> = { it, en };
