// The loopback host (src-main/host/server.ts) as an attacker on the same
// machine or a web page in the user's browser would meet it: raw HTTP requests
// against a real host on a real engine.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { CALL_PATH, startHost, TOKEN_HEADER, type Host } from '../../src-main/host/server';
import { makeEngine, type TestEngine } from '../helpers/engine';

const TOKEN = 'test-token-0123456789abcdef';

interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** A raw request: the path is sent exactly as given (no client-side normalisation). */
function send(
  host: Host,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((ok, fail) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path, method: opts.method ?? 'GET', headers: opts.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', fail);
    req.end(opts.body);
  });
}

function call(host: Host, channel: string, input: unknown, headers: Record<string, string> = { [TOKEN_HEADER]: TOKEN }) {
  return send(host, `${CALL_PATH}${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(input),
  });
}

/** Resolves true when something accepts a TCP connection at address:port. */
function accepts(address: string, port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host: address, port });
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
    socket.once('timeout', () => {
      socket.destroy();
      done(false);
    });
  });
}

let t: TestEngine;
let host: Host;
let dir: string;

beforeAll(async () => {
  t = await makeEngine();
  dir = mkdtempSync(join(tmpdir(), 'ordrebok-host-'));
  const renderer = join(dir, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Ordrebok</title>');
  writeFileSync(join(dir, 'package.json'), '{"secret":"OUTSIDE-THE-RENDERER"}');
  writeFileSync(join(dir, 'secret.txt'), 'OUTSIDE-THE-RENDERER');
  host = await startHost({ engine: t.engine, rendererDir: renderer, token: TOKEN });
});

afterAll(async () => {
  await host.close();
  t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the loopback host', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}`);
    expect(await accepts('127.0.0.1', host.port)).toBe(true);
    // Linux routes all of 127/8 to the loopback interface: a server bound to
    // every address would accept on 127.0.0.2, one bound to 127.0.0.1 does not.
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i && i.family === 'IPv4' && !i.internal)
      .map((i) => i!.address);
    if (process.platform === 'linux') others.push('127.0.0.2');
    for (const address of others) expect(await accepts(address, host.port), address).toBe(false);
  });

  it('refuses a call without the token (403)', async () => {
    const r = await call(host, 'system.bootstrap', {}, {});
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses a call with a wrong token (403)', async () => {
    for (const wrong of ['wrong', `${TOKEN}x`, TOKEN.slice(0, -1), TOKEN.toUpperCase()]) {
      const r = await call(host, 'system.bootstrap', {}, { [TOKEN_HEADER]: wrong });
      expect(r.status, wrong).toBe(403);
    }
  });

  it('does not accept the token from the query string or a cookie', async () => {
    const viaQuery = await send(host, `${CALL_PATH}system.bootstrap?token=${TOKEN}`, { method: 'POST', body: '{}' });
    expect(viaQuery.status).toBe(403);
    const viaCookie = await send(host, `${CALL_PATH}system.bootstrap`, { method: 'POST', body: '{}', headers: { cookie: `token=${TOKEN}` } });
    expect(viaCookie.status).toBe(403);
  });

  it('refuses a request addressed to another host name, as DNS rebinding would send it (421)', async () => {
    for (const name of ['evil.example', `evil.example:${host.port}`, '127.0.0.1.evil.example', 'localhost.evil.example']) {
      const page = await send(host, '/', { headers: { host: name } });
      expect(page.status, name).toBe(421);
      const r = await call(host, 'system.bootstrap', {}, { host: name, [TOKEN_HEADER]: TOKEN });
      expect(r.status, name).toBe(421);
    }
  });

  it.each([
    '/../package.json',
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/..%2f..%2fpackage.json',
    '/assets/..%2f..%2fsecret.txt',
    '//../secret.txt',
  ])('does not serve files outside the renderer folder (%s)', async (path) => {
    const r = await send(host, path);
    expect(r.body).not.toContain('OUTSIDE-THE-RENDERER');
    expect([200, 403, 404]).toContain(r.status);
  });

  it('answers a malformed escape with 400 and keeps running', async () => {
    expect((await send(host, '/%E0%A4%A')).status).toBe(400);
    expect((await call(host, '%E0%A4%A', {})).status).toBe(400);
    expect((await call(host, 'system.bootstrap', {})).status).toBe(200);
  });

  it('serves the renderer with the CSP', async () => {
    const r = await send(host, '/');
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>Ordrebok</title>');
    expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers an unknown channel with the typed unknown_channel error', async () => {
    const r = await call(host, 'db.query', { sql: 'SELECT * FROM customers' });
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'unknown_channel', params: { channel: 'db.query' } } });
  });

  it('answers an invalid payload with a typed error naming the field', async () => {
    const r = await call(host, 'system.createDemo', { orders: 'many' });
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'invalid_type', field: 'orders' } });
  });

  it('runs a good call', async () => {
    const r = await call(host, 'system.bootstrap', {});
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { companyExists: false, dataFile: t.file } });
  });
});
