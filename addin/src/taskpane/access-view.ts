/**
 * What the pane says about the user's access to the bound plan (issue 12, item 4 and defect 6): a viewer or a closed
 * plan reads "Sola lettura…" and gets no Sync; an approved plan or a unit editor learns which columns are open.
 */
import { messages, type Language } from '../i18n';
import type { SheetAccess } from '../sync/sheet-access';
import { byId } from './dom';

/** shows the access line; true when the pane is read-only (Sync off) */
export function renderAccess(access: SheetAccess | null, language: Language): boolean {
  const ui = messages[language].ui;
  const line = byId('access');
  const text = !access?.reason
    ? ''
    : access.reason === 'viewer'
      ? ui.readOnlyViewer
      : access.reason === 'closed'
        ? ui.readOnlyClosed
        : access.reason === 'approved'
          ? ui.approvedOnly
          : ui.actualsOnly;
  line.textContent = text;
  line.className = access?.readOnly ? 'status error' : 'status';
  line.hidden = text === '';
  return access?.readOnly ?? false;
}
