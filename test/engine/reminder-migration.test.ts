// Migration 013 rebuilds the document table to allow the 'reminder' kind. Run on
// a file with archived documents, SSCCs and a reminder, it keeps every row, id and
// link, its indexes and its append-only triggers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/engine/db/connection';
import { migrationsFolder } from '../../src-main/engine/db/migrate';
import { reminderWorld, type ReminderWorld } from '../helpers/reminders';

let w: ReminderWorld | null = null;
afterEach(() => {
  w?.t.close();
  w = null;
});

describe('migration 013 (the reminder document kind)', () => {
  it('rebuilds the document table keeping rows, links, indexes and triggers', async () => {
    w = await reminderWorld();
    const { orderId, invoiceId } = await w.invoicedOrder(1, [[w.drill, 1000]]);
    await w.t.ok('documents.render', { kind: 'order_confirmation', orderId, language: 'nb' });
    await w.t.ok('documents.render', { kind: 'invoice', invoiceId, language: 'nb' });
    await w.t.ok('documents.render', { kind: 'waybill', orderId, language: 'nb', waybill: { companyPrefix: '7080001', parcels: [{ weightGrams: 2500 }] } });
    w.setDay('2025-02-05');
    await w.t.ok('reminders.send', { customerIds: [w.customer] });

    const db = openDatabase(w.t.file);
    try {
      const snapshot = () => ({
        documents: db.prepare('SELECT * FROM document ORDER BY id').all(),
        pdfs: db.prepare('SELECT document_id, length(pdf) AS n FROM document_pdf ORDER BY document_id').all(),
        ssccs: db.prepare('SELECT * FROM document_sscc ORDER BY sscc').all(),
        reminders: db.prepare('SELECT id, document_id FROM reminder ORDER BY id').all(),
      });
      const before = snapshot();
      expect(before.documents).toHaveLength(4);
      expect(before.ssccs).toHaveLength(1);
      const sql = readFileSync(join(migrationsFolder(), '013_reminders.sql'), 'utf8');
      // Run again on a file that has it: its own new index aside, it meets the document table as an older file has it.
      db.transaction(() => db.exec(`DROP INDEX reminder_document; ${sql}`))();

      expect(snapshot()).toEqual(before);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const schema = db.prepare("SELECT type, name FROM sqlite_schema WHERE tbl_name = 'document' ORDER BY type, name").all();
      expect(schema).toEqual([
        { type: 'index', name: 'document_invoice' },
        { type: 'index', name: 'document_order' },
        { type: 'index', name: 'document_subject' },
        { type: 'table', name: 'document' },
        { type: 'trigger', name: 'document_append_only_delete' },
        { type: 'trigger', name: 'document_append_only_update' },
      ]);
      expect(() => db.prepare('UPDATE document SET number = 1').run()).toThrow(/cannot be changed/);
      expect(() => db.prepare('DELETE FROM document').run()).toThrow(/cannot be deleted/);
      // The foreign keys still hold: a PDF for no document is refused.
      expect(() => db.prepare('INSERT INTO document_pdf (document_id, pdf) VALUES (9999, x\'00\')').run()).toThrow(/FOREIGN KEY/);
    } finally {
      db.close();
    }
  });
});
