/**
 * The line under the connection form: connected to which server, or offline (the pane must not keep saying
 * "Connesso a …" once the server stopped answering), or why connecting failed.
 */
import { format, messages, type Language } from '../i18n';
import { byId } from './dom';

export type ConnectionState = 'online' | 'offline' | 'error' | 'working' | 'none';

export function showConnection(language: Language, state: ConnectionState, server: string, text = ''): void {
  const ui = messages[language].ui;
  const line = byId('connect-status');
  line.dataset.state = state;
  line.className = state === 'error' ? 'status error' : state === 'offline' ? 'status warning' : 'status';
  if (state === 'online') line.textContent = format(ui.connected, { server });
  else if (state === 'offline') line.textContent = format(ui.offlineStatus, { server });
  else if (state === 'working') line.textContent = ui.connecting;
  else line.textContent = text;
}
