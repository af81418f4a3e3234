-- Documents (SPEC 7, 9): every issued document is archived with its order exactly
-- as issued, the PDF's own bytes and their SHA-256, and kept (never changed or
-- deleted; issued documents are kept for five years). A reprint returns these
-- bytes; a later change to prices or addresses makes a new document, never a
-- different old one.

CREATE TABLE document (
  id            INTEGER PRIMARY KEY,
  kind          TEXT    NOT NULL CHECK (kind IN ('quote', 'order_confirmation', 'picking_list', 'packing_slip',
                  'waybill', 'invoice', 'credit_note', 'cash_receipt', 'purchase_order')),
  language      TEXT    NOT NULL CHECK (language IN ('nb', 'en')),
  -- The number printed as the document's identity: the order number, or the invoice / credit note number.
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
  CHECK (order_id IS NOT NULL OR invoice_id IS NOT NULL)
) STRICT;
CREATE INDEX document_order ON document (order_id, id) WHERE order_id IS NOT NULL;
CREATE INDEX document_invoice ON document (invoice_id, id) WHERE invoice_id IS NOT NULL;
-- The reprint check: the latest document of a kind for the same subject.
CREATE INDEX document_subject ON document (kind, order_id, invoice_id, delivery_id, language, id);

-- The bytes apart from the row, so listing an order's archive never reads a PDF.
CREATE TABLE document_pdf (
  document_id INTEGER PRIMARY KEY REFERENCES document (id),
  pdf         BLOB    NOT NULL
) STRICT;

-- Every SSCC printed on a waybill, once: an SSCC identifies one parcel for ever.
CREATE TABLE document_sscc (
  sscc        TEXT    PRIMARY KEY CHECK (length(sscc) = 18),
  document_id INTEGER NOT NULL REFERENCES document (id),
  parcel_no   INTEGER NOT NULL,
  weight_g    INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX document_sscc_document ON document_sscc (document_id, parcel_no);

CREATE TRIGGER document_append_only_update BEFORE UPDATE ON document
BEGIN SELECT RAISE(ABORT, 'an archived document cannot be changed'); END;
CREATE TRIGGER document_append_only_delete BEFORE DELETE ON document
BEGIN SELECT RAISE(ABORT, 'an archived document cannot be deleted'); END;
CREATE TRIGGER document_pdf_append_only_update BEFORE UPDATE ON document_pdf
BEGIN SELECT RAISE(ABORT, 'an archived document cannot be changed'); END;
CREATE TRIGGER document_pdf_append_only_delete BEFORE DELETE ON document_pdf
BEGIN SELECT RAISE(ABORT, 'an archived document cannot be deleted'); END;
CREATE TRIGGER document_sscc_append_only_update BEFORE UPDATE ON document_sscc
BEGIN SELECT RAISE(ABORT, 'an issued SSCC cannot be changed'); END;
CREATE TRIGGER document_sscc_append_only_delete BEFORE DELETE ON document_sscc
BEGIN SELECT RAISE(ABORT, 'an issued SSCC cannot be deleted'); END;

-- The company's logo for the documents' header; documents already issued keep their own copy in their bytes.
CREATE TABLE document_logo (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  image      BLOB    NOT NULL,
  sha256     TEXT    NOT NULL,
  updated_at TEXT    NOT NULL
) STRICT;

-- SSCC serial numbers: one series, so no two parcels ever share one.
INSERT INTO number_series (name, next_value) VALUES ('sscc', 1);
