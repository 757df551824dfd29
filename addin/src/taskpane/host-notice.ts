/**
 * The page a person sees when the pane cannot work: opened in a browser outside Office, or with office.js not
 * loaded (Microsoft's CDN blocked, no network). Both languages, Italian first: outside Office there is no display
 * language to follow. Without it the pane would show unlabeled inputs and empty buttons.
 */
import { messages } from '../i18n';
import { byId, element } from './dom';

export type HostProblem = 'outside' | 'noOffice';

/** what the page can tell from the Office global and from Office.onReady's answer */
export function hostProblem(office: unknown, host?: string | null): HostProblem | null {
  if (!office) return 'noOffice';
  if (host === undefined) return null;
  return host === 'Excel' ? null : 'outside';
}

export function showHostProblem(problem: HostProblem): void {
  const key = problem === 'outside' ? 'hostOutside' : 'hostNoOffice';
  const notice = byId('host-notice');
  notice.replaceChildren(
    element('p', { lang: 'it', class: 'status error' }, messages.it.ui[key]),
    element('p', { lang: 'en', class: 'status error' }, messages.en.ui[key]),
  );
  notice.dataset.problem = problem;
  notice.hidden = false;
  byId('app').hidden = true;
}

/** Excel is there: the notice goes, the pane shows */
export function showPane(): void {
  byId('host-notice').hidden = true;
  byId('app').hidden = false;
}
