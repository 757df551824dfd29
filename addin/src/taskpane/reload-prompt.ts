/**
 * Load on a bound workbook with edits not sent yet: the pane asks, in its own panel, whether to send them first,
 * discard them or cancel; the table is touched only after the answer.
 */
import { bindingWords } from '../binding-words';
import { format, type Language } from '../i18n';
import { UnsentEditsError, type UnsentChoice } from '../sync/reload';
import type { WorkbookSession } from '../sync/session';
import type { LoadRequest, LoadSummary } from '../sync/types';
import { byId } from './dom';

function ask(language: Language, pending: number): Promise<UnsentChoice | 'cancel'> {
  const words = bindingWords[language];
  byId('reload-question').textContent = format(words.reloadPending, { pending });
  const buttons = { send: 'reload-send', discard: 'reload-discard', cancel: 'reload-cancel' } as const;
  byId(buttons.send).textContent = words.reloadSend;
  byId(buttons.discard).textContent = words.reloadDiscard;
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

/** Load, asking first when the bound table has edits not sent; null when the user cancelled */
export async function loadAsking(
  session: WorkbookSession,
  request: LoadRequest,
  language: Language,
): Promise<LoadSummary | null> {
  try {
    return await session.load(request);
  } catch (error) {
    if (!(error instanceof UnsentEditsError) || error.afterSend) throw error;
    const choice = await ask(language, error.pending);
    if (choice === 'cancel') return null;
    return session.load(request, choice);
  }
}
