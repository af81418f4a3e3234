-- Reminders (issue 11, SPEC 11): the reminder PDF is archived as a document of
-- its own kind. SQLite cannot loosen a CHECK in place (and the connection is in
-- defensive mode, so sqlite_schema cannot be edited), so the document table is
-- rebuilt with 'reminder' among its kinds, keeping its rows, ids, indexes and
-- triggers. document_pdf, document_sscc and reminder refer to it: with the
-- foreign keys deferred, the rows copied back satisfy them again before commit.
PRAGMA defer_foreign_keys = ON;

CREATE TEMP TABLE document_copy AS SELECT * FROM document;
DROP TABLE document;
CREATE TABLE document (
  id            INTEGER PRIMARY KEY,
  kind          TEXT    NOT NULL CHECK (kind IN ('quote', 'order_confirmation', 'picking_list', 'packing_slip',
                  'waybill', 'invoice', 'credit_note', 'cash_receipt', 'purchase_order', 'reminder')),
  language      TEXT    NOT NULL CHECK (language IN ('nb', 'en')),
  -- The number printed as the document's identity: the order number, the invoice / credit note number, or the reminder's.
  number        INTEGER NOT NULL,
  -- No foreign key to the order: an archived document outlives a deleted order.
  order_id      INTEGER,
  order_number  INTEGER,
  invoice_id    INTEGER REFERENCES invoice (id),
  delivery_id   INTEGER,
  -- SHA-256 of what the document says (its data, not its bytes): the same content
  -- again is a reprint of the archived document, not a new one.
  content_hash  TEXT    NOT NULL CHECK (length(content_hash) = 64),
  sha256        TEXT    NOT NULL CHECK (length(sha256) = 64),
  byte_size     INTEGER NOT NULL CHECK (byte_size > 0),
  page_count    INTEGER NOT NULL CHECK (page_count > 0),
  issued_at     TEXT    NOT NULL,
  created_at    TEXT    NOT NULL,
  user_id       INTEGER,
  -- A reminder is linked through reminder.document_id and its invoices' orders.
  CHECK (order_id IS NOT NULL OR invoice_id IS NOT NULL OR kind = 'reminder')
) STRICT;
INSERT INTO document SELECT * FROM document_copy;
DROP TABLE document_copy;

CREATE INDEX document_order ON document (order_id, id) WHERE order_id IS NOT NULL;
CREATE INDEX document_invoice ON document (invoice_id, id) WHERE invoice_id IS NOT NULL;
-- The reprint check: the latest document of a kind for the same subject.
CREATE INDEX document_subject ON document (kind, order_id, invoice_id, delivery_id, language, id);
CREATE TRIGGER document_append_only_update BEFORE UPDATE ON document
BEGIN SELECT RAISE(ABORT, 'an archived document cannot be changed'); END;
CREATE TRIGGER document_append_only_delete BEFORE DELETE ON document
BEGIN SELECT RAISE(ABORT, 'an archived document cannot be deleted'); END;

-- A customer's reminders by the document that printed them (an order's archive finds them this way).
CREATE INDEX reminder_document ON reminder (document_id) WHERE document_id IS NOT NULL;
