/**
 * The add-in's production build for the end-to-end tests, made once per content of its inputs, and the loopback
 * server that serves it beside a /graphql (and websocket) pass-through to the test server.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { proxyWebSockets } from './pane-websockets';

/** what the pane's and the double's bundles are built from: a change to any of it means a new build */
const BUILD_INPUTS = [
  'addin/src',
  'addin/scripts',
  'addin/webpack.config.js',
  'manifest.xml',
  'core',
  'test/addin/excel-faithful',
];

function inputsHash(): string {
  const root = path.join(__dirname, '..', '..');
  const hash = crypto.createHash('sha256');
  const walk = (entry: string): void => {
    const full = path.join(root, entry);
    if (!fs.existsSync(full)) return;
    if (fs.statSync(full).isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) walk(path.join(entry, name));
      return;
    }
    hash.update(entry).update(fs.readFileSync(full));
  };
  BUILD_INPUTS.forEach(walk);
  return hash.digest('hex').slice(0, 16);
}

/**
 * The production build, made once per content of its inputs and shared by every suite of a run (the scenario
 * suite has one file per scenario group; a webpack build per file would cost minutes on a 2-core machine). Built
 * in a fresh folder and renamed into place, so a half-written build is never reused.
 */
export async function cachedBuild(): Promise<string> {
  const dir = path.join(os.tmpdir(), `cruscotto-addin-build-${inputsHash()}`);
  if (fs.existsSync(path.join(dir, 'pane', 'taskpane.html'))) return dir;
  const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'cruscotto-addin-building-'));
  await build(fresh);
  try {
    fs.renameSync(fresh, dir);
  } catch {
    // another run built it first: theirs is as good
    fs.rmSync(fresh, { recursive: true, force: true });
  }
  return dir;
}

/** webpack's Node API, production mode, into a temporary directory */
async function build(outDir: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { paneConfig, doubleConfig } = require('../../addin/webpack.config.js');
  await new Promise<void>((resolve, reject) => {
    webpack(
      [
        paneConfig({ mode: 'production', outDir: path.join(outDir, 'pane') }),
        doubleConfig({ outDir: path.join(outDir, 'double') }),
      ],
      (error: Error | null, stats: any) => {
        if (error) return reject(error);
        if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
        resolve();
      },
    );
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'application/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
  '.xml': 'application/xml',
};

/** the pane's files (under `base`), and /graphql passed through to the test server: one origin, so no CORS */
export function servePane(
  dir: string,
  apiUrl: string,
  base = '/',
  websockets: 'proxy' | 'refuse' = 'proxy',
): Promise<http.Server & { sockets?: Set<net.Socket> }> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/graphql') {
      const upstream = http.request(
        `${apiUrl}/graphql`,
        { method: request.method, headers: { ...request.headers, host: new URL(apiUrl).host } },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      upstream.on('error', () => {
        response.writeHead(502);
        response.end();
      });
      request.pipe(upstream);
      return;
    }
    const file = path.join(dir, path.normalize(url.pathname.slice(base.length - 1)).replace(/^([/\\])+/, ''));
    const outside = !url.pathname.startsWith(base) || !file.startsWith(dir);
    if (outside || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      response.writeHead(404);
      response.end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(response);
  });
  const sockets = proxyWebSockets(server, apiUrl, websockets);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(Object.assign(server, { sockets }))));
}
