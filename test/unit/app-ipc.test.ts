// The Electron IPC wrapper (src-main/app/ipc.ts), without Electron: the sender
// and channel gates as a plain function, then the real handler with hand-made
// events against a real engine on a temporary SQLite file.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decideInvoke, makeInvokeHandler, type InvokeEventLike } from '../../src-main/app/ipc';
import { APP_ORIGIN, resolveAppLocation } from '../../src-main/app/window';
import { COMPANY, makeEngine, type TestEngine } from '../helpers/engine';

const OUR_PAGE = `${APP_ORIGIN}/index.html`;

describe('decideInvoke: who may call', () => {
  it('allows the top frame of our own page', () => {
    expect(decideInvoke(OUR_PAGE, true, 'system.bootstrap', APP_ORIGIN)).toEqual({ ok: true, channel: 'system.bootstrap' });
    expect(decideInvoke(`${APP_ORIGIN}/index.html#/orders?tab=2`, true, 'orders.list', APP_ORIGIN).ok).toBe(true);
    expect(decideInvoke(`${APP_ORIGIN}/`, true, 'orders.list', APP_ORIGIN).ok).toBe(true);
  });

  it('refuses a subframe, even one showing our own page', () => {
    const d = decideInvoke(OUR_PAGE, false, 'system.bootstrap', APP_ORIGIN);
    expect(d).toMatchObject({ ok: false, error: { code: 'forbidden', field: null } });
  });

  it.each([
    ['a web page', 'https://evil.example/'],
    ['a page on a look-alike host', 'app://ordrebok.evil.example/index.html'],
    ['another app:// host', 'app://evil/index.html'],
    ['our host with credentials in the URL', 'app://user:pw@ordrebok/index.html'],
    ['a file elsewhere on disk', 'file:///other/path/index.html'],
    ['a file:// copy of the renderer', 'file:///work/main/dist/renderer/index.html'],
    ['the developer tools', 'devtools://devtools/bundled/devtools_app.html'],
    ['a data: URL', 'data:text/html,<script>1</script>'],
    ['about:blank', 'about:blank'],
    ['a loopback web server', 'http://127.0.0.1:5173/'],
    ['an unparsable URL', 'not a url'],
    ['an empty URL', ''],
  ])('refuses %s (%s)', (_what, url) => {
    expect(decideInvoke(url, true, 'system.bootstrap', APP_ORIGIN)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses a sender whose frame is gone', () => {
    expect(decideInvoke(null, true, 'system.bootstrap', APP_ORIGIN)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('checks the sender before the channel, so a foreign page learns nothing about the catalog', () => {
    expect(decideInvoke('https://evil.example/', true, 'no.such.channel', APP_ORIGIN)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('in development, allows exactly the dev server origin', () => {
    const dev = resolveAppLocation({ devUrl: 'http://localhost:5173/', isPackaged: false });
    expect(decideInvoke('http://localhost:5173/index.html', true, 'system.bootstrap', dev.origin).ok).toBe(true);
    expect(decideInvoke('http://localhost:5174/', true, 'system.bootstrap', dev.origin).ok).toBe(false);
    expect(decideInvoke('http://127.0.0.1:5173/', true, 'system.bootstrap', dev.origin).ok).toBe(false);
    expect(decideInvoke(OUR_PAGE, true, 'system.bootstrap', dev.origin).ok).toBe(false);
  });
});

describe('decideInvoke: which channel', () => {
  it.each([['no.such.channel'], ['__proto__'], ['constructor'], ['toString'], [''], [42], [null], [{ name: 'orders.list' }]])(
    'refuses %j with the typed unknown_channel error',
    (channel) => {
      const d = decideInvoke(OUR_PAGE, true, channel, APP_ORIGIN);
      expect(d.ok).toBe(false);
      if (d.ok) return;
      expect(d.error.code).toBe('unknown_channel');
      expect(d.error.field).toBeNull();
      expect(d.error.message.nb).toContain('Ukjent kanal');
      expect(d.error.message.en).toContain('Unknown channel');
    },
  );

  it('names at most 64 characters of an unknown channel in the error', () => {
    const d = decideInvoke(OUR_PAGE, true, 'x'.repeat(10_000), APP_ORIGIN);
    expect(d.ok).toBe(false);
    if (!d.ok) expect(String(d.error.params.channel)).toHaveLength(64);
  });
});

describe('the IPC handler against a real engine', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await makeEngine();
  });
  afterEach(() => t.close());

  const frame = (url: string, parent: unknown = null): InvokeEventLike => ({ senderFrame: { url, parent } });

  it('runs a good call from our main frame', async () => {
    const handle = makeInvokeHandler({ engine: t.engine, appOrigin: APP_ORIGIN });
    const r = await handle(frame(OUR_PAGE), 'system.bootstrap', {});
    expect(r).toMatchObject({ ok: true, value: { companyExists: false } });
  });

  it('returns invalid payloads as typed errors naming the field', async () => {
    const handle = makeInvokeHandler({ engine: t.engine, appOrigin: APP_ORIGIN });
    expect(await handle(frame(OUR_PAGE), 'company.save', { ...COMPANY, orgNumber: '123456789' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_org_number', field: 'orgNumber' },
    });
    expect(await handle(frame(OUR_PAGE), 'system.createDemo', { orders: 'many' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_type', field: 'orders' },
    });
    expect(await handle(frame(OUR_PAGE), 'system.bootstrap', { sql: 'DROP TABLE orders' })).toMatchObject({
      ok: false,
      error: { code: 'unknown_field', field: 'sql' },
    });
    const notAnObject = await handle(frame(OUR_PAGE), 'company.save', 'DROP TABLE company');
    expect(notAnObject.ok).toBe(false);
    if (!notAnObject.ok) expect(notAnObject.error.code).toBe('invalid_type');
    // None of it reached the database.
    expect(await t.ok('system.bootstrap', {})).toMatchObject({ companyExists: false });
  });

  it('refuses foreign senders and subframes before the engine sees the call', async () => {
    const refused: string[] = [];
    const handle = makeInvokeHandler({ engine: t.engine, appOrigin: APP_ORIGIN, onRefused: (_r, sender) => refused.push(sender) });
    const calls: InvokeEventLike[] = [
      frame('https://evil.example/page'),
      frame('file:///other/path/index.html'),
      frame('devtools://devtools/bundled/devtools_app.html'),
      frame(OUR_PAGE, { url: OUR_PAGE }),
      { senderFrame: null },
    ];
    for (const event of calls) {
      expect(await handle(event, 'company.save', COMPANY)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await t.ok('system.bootstrap', {})).toMatchObject({ companyExists: false });
    // The same call from our main frame does write: the gate, not the payload, refused the others.
    expect(await handle(frame(OUR_PAGE), 'company.save', COMPANY)).toMatchObject({ ok: true });
    expect(await t.ok('system.bootstrap', {})).toMatchObject({ companyExists: true });
    expect(refused).toEqual(['https://evil.example', 'file://', 'devtools://devtools', 'app://ordrebok', '(gone)']);
  });

  it('returns unknown channels as typed errors', async () => {
    const handle = makeInvokeHandler({ engine: t.engine, appOrigin: APP_ORIGIN });
    expect(await handle(frame(OUR_PAGE), 'db.query', { sql: 'SELECT * FROM customers' })).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel', params: { channel: 'db.query' } },
    });
  });

  it('never logs a payload, neither on refusal nor on a fault', async () => {
    const marker = 'Kari Nordmann 900 12 345 SECRET';
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m).mockImplementation(() => {}));
    try {
      const faulty = {
        callUnknown: async () => {
          throw new Error('SQLITE_IOERR: disk I/O error');
        },
      };
      const handle = makeInvokeHandler({ engine: faulty, appOrigin: APP_ORIGIN });
      expect(await handle(frame('https://evil.example/'), 'customers.create', { name: marker })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      const fault = await handle(frame(OUR_PAGE), 'customers.create', { name: marker });
      expect(fault).toMatchObject({ ok: false, error: { code: 'internal' } });
      expect(JSON.stringify(fault)).not.toContain('disk I/O');
      const logged = spies.flatMap((s) => s.mock.calls).map((args) => args.map((a) => (a instanceof Error ? a.message : String(a))).join(' '));
      expect(logged.length).toBeGreaterThan(0);
      for (const line of logged) expect(line).not.toContain(marker);
    } finally {
      for (const s of spies) s.mockRestore();
    }
  });
});
