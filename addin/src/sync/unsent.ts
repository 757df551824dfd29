/**
 * Edits not sent yet in the bound table stop Load again and Bind again before anything is touched: the pane asks
 * whether to send them first, discard them or cancel (taskpane/reload-prompt.ts).
 */
import { bindingWords } from '../binding-words';
import { format, type Language } from '../i18n';

/** what to do with edits not sent yet when Load or Bind rewrites the bound table */
export type UnsentChoice = 'send' | 'discard';

export class UnsentEditsError extends Error {
  constructor(
    readonly pending: number,
    /** true when they were just sent and the server refused (or could not be reached): asking again is pointless */
    readonly afterSend = false,
    readonly operation: 'load' | 'bind' = 'load',
  ) {
    super(`${pending} rows have edits not sent yet`);
    this.name = 'UnsentEditsError';
  }
  text(language: Language): string {
    const words = bindingWords[language];
    const bind = this.operation === 'bind';
    const said = this.afterSend
      ? bind
        ? words.rebindRejected
        : words.reloadRejected
      : bind
        ? words.rebindPending
        : words.reloadPending;
    return format(said, { pending: this.pending });
  }
}
