import type http from 'node:http';
import net from 'node:net';

/**
 * The websocket of /graphql (live updates) passed through to the test server as raw bytes after the Upgrade
 * request, or refused with 403 as a corporate proxy refuses an Upgrade. Open sockets are kept to end them at close.
 */
export function proxyWebSockets(server: http.Server, apiUrl: string, mode: 'proxy' | 'refuse'): Set<net.Socket> {
  const open = new Set<net.Socket>();
  server.on('upgrade', (request: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (mode === 'refuse' || url.pathname !== '/graphql') {
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    const api = new URL(apiUrl);
    const upstream = net.connect(Number(api.port), api.hostname, () => {
      const lines = [`${request.method} ${request.url} HTTP/1.1`];
      for (let i = 0; i < request.rawHeaders.length; i += 2) {
        const name = request.rawHeaders[i];
        lines.push(`${name}: ${name.toLowerCase() === 'host' ? api.host : request.rawHeaders[i + 1]}`);
      }
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length) upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    for (const s of [socket, upstream]) {
      open.add(s);
      s.on('close', () => open.delete(s));
      s.on('error', () => (s === socket ? upstream : socket).destroy());
    }
  });
  return open;
}
