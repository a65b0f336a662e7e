/**
 * The fixture pages, served on 127.0.0.1 to the browsers under test: nothing a test loads
 * comes from off the machine.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

/** Folders served over HTTP, by URL prefix. */
const served: Record<string, string> = {
  '/e2e/': join(root, 'tests/fixtures/e2e'),
  '/pages/': join(root, 'tests/fixtures/pages'),
};

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
};

/** The strict policy a hardened news site might send; `/csp/...` URLs get it. */
export const STRICT_CSP = "default-src 'self'; style-src 'self'";

export interface Served {
  origin: string;
  close(): Promise<void>;
}

/** Serves the fixture folders; `/csp/<prefix>/<file>` serves the same file with STRICT_CSP. */
export async function serveFixtures(): Promise<Served> {
  const server: Server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const headers: Record<string, string> = { 'cache-control': 'no-store' };
    if (path === '/favicon.ico') {
      res.writeHead(204, headers).end();
      return;
    }
    if (path.startsWith('/csp/')) {
      path = path.slice(4);
      headers['content-security-policy'] = STRICT_CSP;
    }
    const prefix = Object.keys(served).find((p) => path.startsWith(p));
    const file = prefix ? normalize(join(served[prefix]!, path.slice(prefix.length))) : '';
    if (
      !prefix ||
      !file.startsWith(served[prefix]!) ||
      !existsSync(file) ||
      !statSync(file).isFile()
    ) {
      res.writeHead(404, headers).end('not found');
      return;
    }
    headers['content-type'] = types[extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, headers).end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
