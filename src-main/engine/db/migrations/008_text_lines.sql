-- Issue 10, text and heading lines (SPEC 2: lines grouped under headings). Rows
-- without a product live apart from order_line, so that stock, reservation and
-- invoicing code, which works on product lines, never meets them. Both tables
-- share one line_no numbering per order (the engine keeps them distinct; the
-- demo audit checks it).
CREATE TABLE order_text_line (
  id       INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES order_header (id) ON DELETE CASCADE,
  line_no  INTEGER NOT NULL,
  kind     TEXT    NOT NULL CHECK (kind IN ('text', 'heading')),
  text     TEXT    NOT NULL CHECK (length(trim(text)) BETWEEN 1 AND 300),
  UNIQUE (order_id, line_no)
) STRICT;

-- What an invoice printed besides its lines: the headings and text rows of its
-- orders that go with the lines it contains, copied as it was issued (SPEC 9: an
-- issued invoice never changes, whatever its order's text becomes). `before_line`:
-- how many of the invoice's lines (in invoice_line id order) come before it.
CREATE TABLE invoice_text_line (
  id          INTEGER PRIMARY KEY,
  invoice_id  INTEGER NOT NULL REFERENCES invoice (id),
  -- The order the row came from (a collective invoice has many).
  order_id    INTEGER,
  before_line INTEGER NOT NULL CHECK (before_line >= 0),
  kind        TEXT    NOT NULL CHECK (kind IN ('text', 'heading')),
  text        TEXT    NOT NULL
) STRICT;
CREATE INDEX invoice_text_line_invoice ON invoice_text_line (invoice_id);
CREATE TRIGGER invoice_text_line_immutable BEFORE UPDATE ON invoice_text_line
BEGIN SELECT RAISE(ABORT, 'an issued invoice cannot be changed'); END;
CREATE TRIGGER invoice_text_line_undeletable BEFORE DELETE ON invoice_text_line
BEGIN SELECT RAISE(ABORT, 'an issued invoice cannot be deleted'); END;
