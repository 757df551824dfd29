/**
 * Load, or "Collega questo foglio", on a bound workbook with edits not sent yet: the pane asks, in its own panel,
 * whether to send them first, discard them or cancel; the table is touched only after the answer.
 */
import { bindingWords } from '../binding-words';
import type { Language } from '../i18n';
import { UnsentEditsError, type UnsentChoice } from '../sync/unsent';
import type { WorkbookSession } from '../sync/session';
import type { LoadRequest, LoadSummary } from '../sync/types';
import { byId } from './dom';

function ask(language: Language, error: UnsentEditsError): Promise<UnsentChoice | 'cancel'> {
  const words = bindingWords[language];
  const bind = error.operation === 'bind';
  byId('reload-question').textContent = error.text(language);
  const buttons = { send: 'reload-send', discard: 'reload-discard', cancel: 'reload-cancel' } as const;
  byId(buttons.send).textContent = bind ? words.rebindSend : words.reloadSend;
  byId(buttons.discard).textContent = bind ? words.rebindDiscard : words.reloadDiscard;
  byId(buttons.cancel).textContent = words.reloadCancel;
  const panel = byId('reload-prompt');
  panel.hidden = false;
  return new Promise((resolve) => {
    const answer = (choice: UnsentChoice | 'cancel') => () => {
      panel.hidden = true;
      for (const id of Object.values(buttons)) byId(id).onclick = null;
      resolve(choice);
    };
    for (const [choice, id] of Object.entries(buttons)) byId(id).onclick = answer(choice as UnsentChoice | 'cancel');
    byId(buttons.send).focus();
  });
}

/** runs an operation that rewrites the bound table, asking first when it has edits not sent; null when cancelled */
export async function asking<T>(run: (unsent?: UnsentChoice) => Promise<T>, language: Language): Promise<T | null> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof UnsentEditsError) || error.afterSend) throw error;
    const choice = await ask(language, error);
    if (choice === 'cancel') return null;
    return run(choice);
  }
}

/** Load, asking first when the bound table has edits not sent; null when the user cancelled */
export function loadAsking(
  session: WorkbookSession,
  request: LoadRequest,
  language: Language,
): Promise<LoadSummary | null> {
  return asking((unsent) => session.load(request, unsent), language);
}
