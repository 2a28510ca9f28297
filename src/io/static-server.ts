/**
 * A tiny static file server for a built site, as a static host serves it
 * (GitHub Pages-like): `dir/` → `dir/index.html`, `dir` → 301 to `dir/`,
 * a missing file → 404 with `404.html`, content types from the extension.
 * With a base path (`/roadmap`) only URLs under it exist; everything else
 * is a 404, so a link that forgets the base is caught.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

export interface Served {
  /** The site's root URL, with the base path and a trailing slash: `http://127.0.0.1:41234/roadmap/`. */
  url: string;
  /** `http://127.0.0.1:41234` */
  origin: string;
  close(): Promise<void>;
}

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

function contentType(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** `/roadmap/` or `/roadmap` → `/roadmap`; `/` or `` → ``. */
function normalBase(base: string | undefined): string {
  const trimmed = (base ?? '').replace(/\/+$/, '');
  if (!trimmed) return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

export async function serve(dir: string, options: { base?: string } = {}): Promise<Served> {
  const root = resolve(dir);
  const base = normalBase(options.base);
  const notFoundPage = join(root, '404.html');

  const send = (req: IncomingMessage, res: ServerResponse, status: number, type: string, body: Buffer | string) => {
    res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  const notFound = (req: IncomingMessage, res: ServerResponse) => {
    if (existsSync(notFoundPage)) send(req, res, 404, CONTENT_TYPES['.html']!, readFileSync(notFoundPage));
    else send(req, res, 404, CONTENT_TYPES['.txt']!, 'Not found\n');
  };

  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      send(req, res, 400, CONTENT_TYPES['.txt']!, 'Bad request\n');
      return;
    }
    if (base) {
      if (pathname === base) {
        res.writeHead(301, { Location: `${base}/${url.search}` }).end();
        return;
      }
      if (!pathname.startsWith(`${base}/`)) return notFound(req, res);
      pathname = pathname.slice(base.length);
    }
    if (pathname.includes('\0')) return notFound(req, res);
    const file = resolve(root, `.${pathname}`);
    if (file !== root && !file.startsWith(root + sep)) return notFound(req, res);

    let target = file;
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      target = join(file, 'index.html');
    }
    if (!existsSync(target) || !statSync(target).isFile()) return notFound(req, res);
    send(req, res, 200, contentType(target), readFileSync(target));
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolvePromise());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}${base}/`,
    close: () =>
      new Promise<void>((resolvePromise, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolvePromise()));
      }),
  };
}
