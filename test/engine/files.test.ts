// Files on orders (issue 12): stored in the company file, byte for byte, with
// their log entry in the same transaction; the size limit said in Norwegian.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../shared/files';
import { openDatabase } from '../../src-main/engine/db/connection';
import { FIXED_NOW, makeEngine, queryFile } from '../helpers/engine';
import { purchaseWorld, type PurchaseWorld } from '../helpers/purchasing';

let w: PurchaseWorld;
let orderId: number;
let poId: number;
beforeAll(async () => {
  w = await purchaseWorld();
  orderId = (await w.order(1, 'confirmed', [[w.drill, 1_000]])).id;
  poId = (await w.po([[w.screw, 10_000]])).id;
}, 60_000);
afterAll(() => w.t.close());

/** Every byte value, twice, in a scrambled order (a binary no text handling survives). */
const everyByte = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 167 + 13) % 256));
const b64 = (b: Buffer) => b.toString('base64');
const logOf = (id: number, action: string) =>
  queryFile<{ after_json: string | null; before_json: string | null }>(w.t.file, "SELECT after_json, before_json FROM activity_log WHERE entity = 'order' AND entity_id = ? AND action = ?", id, action);

describe('files on an order', () => {
  it('a binary with every byte value comes back byte-identical, with name, size, who and when', async () => {
    const attached = await w.t.ok('files.attach', { orderId, name: 'måling æøå.bin', mime: 'application/octet-stream', dataBase64: b64(everyByte) });
    expect(attached).toMatchObject({ orderId, name: 'måling æøå.bin', sizeBytes: 512, createdAt: FIXED_NOW.toISOString() });
    const got = await w.t.ok('files.get', { id: attached.id });
    expect(Buffer.from(got.dataBase64, 'base64').equals(everyByte)).toBe(true);
    expect(got.sha256).toBe((await import('node:crypto')).createHash('sha256').update(everyByte).digest('hex'));
    const list = await w.t.ok('files.list', { orderId });
    expect(list.map((f) => f.name)).toContain('måling æøå.bin');
    expect(list.every((f) => !('dataBase64' in f))).toBe(true);
    // The log names the file and its size (the activity part turns it into notifications), never its bytes.
    const log = await logOf(orderId, 'file_attached');
    expect(JSON.parse(log.at(-1)!.after_json!)).toMatchObject({ fileId: attached.id, name: 'måling æøå.bin', sizeBytes: 512 });
  });

  it('a purchase order takes files too, and an empty file is a file', async () => {
    const f = await w.t.ok('files.attach', { orderId: poId, name: 'tom.txt', mime: '', dataBase64: '' });
    expect(f).toMatchObject({ sizeBytes: 0, mime: 'application/octet-stream' });
    expect((await w.t.ok('files.get', { id: f.id })).dataBase64).toBe('');
    expect((await w.t.ok('files.list', { orderId: poId })).map((x) => x.id)).toEqual([f.id]);
  });

  it('one byte over the limit is refused by name and size, and nothing changes; a file at the limit is taken', async () => {
    const before = w.t.engine.fingerprint();
    const over = await w.t.refused('files.attach', { orderId, name: 'for-stor.bin', mime: 'application/octet-stream', dataBase64: b64(Buffer.alloc(MAX_FILE_BYTES + 1)) });
    expect({ code: over.code, field: over.field }).toEqual({ code: 'file_too_large', field: 'dataBase64' });
    const drawing = await w.t.refused('files.attach', { orderId, name: 'tegning.pdf', mime: 'application/pdf', dataBase64: b64(Buffer.alloc(15_000_000)) });
    expect(drawing.message.nb.replace(/\u00a0/g, ' ')).toBe('Filen «tegning.pdf» er 14,3 MB; grensen er 10 MB per fil.');
    expect(drawing.message.en.replace(/\u00a0/g, ' ')).toBe('The file “tegning.pdf” is 14.3 MB; the limit is 10 MB per file.');
    expect(w.t.engine.fingerprint()).toEqual(before);
    const atLimit = await w.t.ok('files.attach', { orderId, name: 'stor.bin', mime: 'application/octet-stream', dataBase64: b64(Buffer.alloc(MAX_FILE_BYTES, 7)) });
    expect(atLimit.sizeBytes).toBe(MAX_FILE_BYTES);
    await w.t.ok('files.remove', { id: atLimit.id });
  });

  it('a write that fails halfway (the log entry refused) leaves no file row and no bytes', async () => {
    const side = openDatabase(w.t.file);
    side.exec("CREATE TRIGGER fail_file_log BEFORE INSERT ON activity_log WHEN NEW.action = 'file_attached' BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    try {
      const before = w.t.engine.fingerprint();
      const files = (await queryFile<{ n: number }>(w.t.file, 'SELECT count(*) AS n FROM order_file'))[0]!.n;
      const r = await w.t.engine.call('files.attach', { orderId, name: 'halv.bin', mime: 'application/octet-stream', dataBase64: b64(everyByte) }).catch((e: unknown) => e);
      expect(r instanceof Error || (r as { ok: boolean }).ok === false).toBe(true);
      expect((await queryFile<{ n: number }>(w.t.file, 'SELECT count(*) AS n FROM order_file'))[0]!.n).toBe(files);
      expect(await queryFile(w.t.file, "SELECT id FROM order_file WHERE name = 'halv.bin'")).toEqual([]);
      expect(await queryFile(w.t.file, 'SELECT file_id FROM order_file_content WHERE file_id NOT IN (SELECT id FROM order_file)')).toEqual([]);
      expect(w.t.engine.fingerprint()).toEqual(before);
    } finally {
      side.exec('DROP TRIGGER fail_file_log');
      side.close();
    }
  });

  it('bytes damaged in the file are refused on reading, by name', async () => {
    const f = await w.t.ok('files.attach', { orderId, name: 'skadet.txt', mime: 'text/plain', dataBase64: b64(Buffer.from('Hei på deg\n')) });
    const side = openDatabase(w.t.file);
    try {
      side.prepare('UPDATE order_file_content SET bytes = ? WHERE file_id = ?').run(Buffer.from('Hei pa deg\n'), f.id);
    } finally {
      side.close();
    }
    const e = await w.t.refused('files.get', { id: f.id });
    expect({ code: e.code, field: e.field }).toEqual({ code: 'file_damaged', field: 'id' });
    expect(e.message.nb).toContain('«skadet.txt»');
    await w.t.ok('files.remove', { id: f.id });
  });

  it('removing a file deletes its bytes and logs name, size and checksum', async () => {
    const f = await w.t.ok('files.attach', { orderId, name: 'feil kunde.pdf', mime: 'application/pdf', dataBase64: b64(Buffer.from('%PDF-1.4 feil')) });
    expect(await w.t.ok('files.remove', { id: f.id })).toEqual({ removed: f.id });
    expect((await w.t.ok('files.list', { orderId })).some((x) => x.id === f.id)).toBe(false);
    expect(await queryFile(w.t.file, 'SELECT file_id FROM order_file_content WHERE file_id = ?', f.id)).toEqual([]);
    expect(JSON.parse((await logOf(orderId, 'file_removed')).at(-1)!.before_json!)).toMatchObject({ fileId: f.id, name: 'feil kunde.pdf', sizeBytes: 13, sha256: f.sha256 });
    expect((await w.t.refused('files.get', { id: f.id })).code).toBe('not_found');
    expect((await w.t.refused('files.remove', { id: f.id })).code).toBe('not_found');
  });

  it('a backup (a copy of the company file) takes the files along; nothing is kept beside it', async () => {
    const f = await w.t.ok('files.attach', { orderId, name: 'kopi.bin', mime: 'application/octet-stream', dataBase64: b64(everyByte) });
    const side = openDatabase(w.t.file);
    const backup = join(w.t.dir, 'sikkerhetskopi.ordrebok');
    try {
      await side.backup(backup);
    } finally {
      side.close();
    }
    expect(readdirSync(w.t.dir).filter((n) => !n.startsWith('firma.ordrebok') && !n.startsWith('sikkerhetskopi')).sort()).toEqual([]);
    const restored = await makeEngine({ copyOf: backup });
    try {
      const got = await restored.ok('files.get', { id: f.id });
      expect(Buffer.from(got.dataBase64, 'base64').equals(everyByte)).toBe(true);
    } finally {
      restored.close();
    }
  });

  it('refuses a file on an unknown order, a bad name and bad base64', async () => {
    expect((await w.t.refused('files.attach', { orderId: 987_654, name: 'a.txt', mime: 'text/plain', dataBase64: '' })).code).toBe('not_found');
    expect((await w.t.refused('files.attach', { orderId, name: '../etc/passwd', mime: 'text/plain', dataBase64: '' })).code).toBe('invalid_file_name');
    expect((await w.t.refused('files.attach', { orderId, name: 'a.txt', mime: 'text/plain', dataBase64: 'abc' })).code).toBe('invalid_base64');
    expect((await w.t.refused('files.list', { orderId: 987_654 })).code).toBe('not_found');
  });
});

describe('the demo company', () => {
  it('has files on some orders (a CSV and a PDF that open intact) and links from sales orders to purchase orders', async () => {
    const demo = await makeEngine();
    try {
      await demo.ok('system.createDemo', { orders: 120 });
      const files = await queryFile<{ order_id: number; name: string; id: number }>(demo.file, 'SELECT id, order_id, name FROM order_file ORDER BY id');
      expect(files.length).toBeGreaterThanOrEqual(4);
      const pdf = files.find((f) => f.name.endsWith('.pdf'))!;
      const csv = files.find((f) => f.name.endsWith('.csv'))!;
      expect(Buffer.from((await demo.ok('files.get', { id: pdf.id })).dataBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
      expect(Buffer.from((await demo.ok('files.get', { id: csv.id })).dataBase64, 'base64').toString('utf8')).toContain('Mål og mengder');
      const links = await demo.ok('relations.list', { orderId: csv.order_id });
      expect(links.some((r) => r.kind === 'manual' && r.other.kind === 'purchase')).toBe(true);
    } finally {
      demo.close();
    }
  }, 120_000);
});
