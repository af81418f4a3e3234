// The loopback host: serves the built renderer and the engine's channels over
// HTTP on 127.0.0.1 only, for browser use and end-to-end tests. Every call must
// carry the token made at this start; the page learns it from the address the
// host prints (in the fragment, so it never reaches a log or a Referer).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { errorData } from '../../shared/errors';
import { MAX_FILE_BASE64 } from '../../shared/files';
import type { Engine } from '../engine';

export const TOKEN_HEADER = 'x-ordrebok-token';
export const CALL_PATH = '/api/call/';
// A call carries at most one attached file as base64 (shared/files.ts), with room for the rest of its JSON.
const MAX_BODY = MAX_FILE_BASE64 + 64 * 1024;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
};

/** Same policy as the Electron window (shared/csp.ts). */
export { CONTENT_SECURITY_POLICY };

export interface HostOptions {
  readonly engine: Engine;
  /** The built renderer (vite build output). */
  readonly rendererDir: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Fixed token for tests; a random one otherwise. */
  readonly token?: string;
}

export interface Host {
  readonly url: string;
  /** The address to open: the page with the token in its fragment. */
  readonly appUrl: string;
  readonly token: string;
  readonly port: number;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function handleCall(req: IncomingMessage, res: ServerResponse, opts: HostOptions, token: string, channel: string) {
  if (req.method !== 'POST') return send(res, 405, { ok: false, error: errorData('forbidden', null) });
  // A page from another origin cannot set this header without a CORS preflight, which we never grant.
  if (!tokenMatches(req.headers[TOKEN_HEADER], token)) return send(res, 403, { ok: false, error: errorData('forbidden', null) });
  const body = await readBody(req);
  if (body === null) return send(res, 413, { ok: false, error: errorData('too_big', null, { max: MAX_BODY }) });
  let input: unknown;
  try {
    input = body.length ? JSON.parse(body) : {};
  } catch {
    return send(res, 400, { ok: false, error: errorData('invalid_type', null) });
  }
  // One host, one token, one workstation session.
  const result = await opts.engine.callUnknown(channel, input, { sessionKey: 'host' });
  send(res, 200, result);
}

function serveStatic(req: IncomingMessage, res: ServerResponse, rendererDir: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405).end();
    return;
  }
  const root = resolve(rendererDir);
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
  } catch {
    // A malformed escape (%E0%A4%A) is the client's error, never a reason to stop the host.
    res.writeHead(400).end();
    return;
  }
  let file = normalize(join(root, pathname));
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(403).end();
    return;
  }
  // A single-page app: unknown paths get index.html.
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Renderer not built: run npm run build:renderer');
    return;
  }
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': extname(file) === '.html' ? 'no-store' : 'max-age=3600',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}

export async function startHost(opts: HostOptions): Promise<Host> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const server: Server = createServer((req, res) => {
    // Refuse requests addressed to another host name (DNS rebinding).
    const hostHeader = req.headers.host ?? '';
    if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(hostHeader)) {
      res.writeHead(421).end();
      return;
    }
    const path = req.url ?? '/';
    if (path.startsWith(CALL_PATH)) {
      let channel: string;
      try {
        channel = decodeURIComponent(path.slice(CALL_PATH.length).split('?')[0] ?? '');
      } catch {
        send(res, 400, { ok: false, error: errorData('invalid_format', null) });
        return;
      }
      handleCall(req, res, opts, token, channel).catch(() => {
        if (!res.headersSent) send(res, 500, { ok: false, error: errorData('internal', null) });
      });
      return;
    }
    serveStatic(req, res, opts.rendererDir);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    appUrl: `${url}/#token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
