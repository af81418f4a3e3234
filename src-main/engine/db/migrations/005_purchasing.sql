-- Purchasing (SPEC 1.3, 5): purchase orders are orders with transaction type
-- 'purchase' in order_header / order_line, whose quantities (ordered, confirmed,
-- shipped, received, invoiced) live on order_line. What purchasing needs beyond
-- them lives in tables of its own, so that sales tables, queries and triggers
-- stay as they are (every sales query already filters transaction_type = 'sales').

-- A purchase order's status is derived from its lines and the company's purchase
-- options, never stored. order_header.status_id still needs a row: the engine adds
-- one hidden 'purchase' status when the first purchase order is made (not here,
-- so that the ids of the sales statuses a new company gets stay as they were).

-- One row per purchase order: cancellation and the amendment chain (the history is
-- kept: a cancelled order stays, and its amendment points back at it).
CREATE TABLE purchase_order (
  order_id      INTEGER PRIMARY KEY REFERENCES order_header (id),
  amends_id     INTEGER REFERENCES order_header (id),
  revision      INTEGER NOT NULL DEFAULT 0 CHECK (revision >= 0),
  cancelled_at  TEXT,
  cancelled_by  INTEGER,
  cancel_reason TEXT,
  CHECK ((amends_id IS NULL) = (revision = 0))
) STRICT;
-- An order is replaced at most once.
CREATE UNIQUE INDEX purchase_order_amends ON purchase_order (amends_id) WHERE amends_id IS NOT NULL;

-- The supplier's reply per line; the confirmed values sit on order_line beside the ordered ones.
CREATE TABLE purchase_line (
  line_id    INTEGER PRIMARY KEY REFERENCES order_line (id) ON DELETE CASCADE,
  reply      TEXT    CHECK (reply IN ('accepted', 'changed', 'refused')),
  replied_at TEXT,
  CHECK ((reply IS NULL) = (replied_at IS NULL))
) STRICT;

-- Supplier invoices, matched line by line against one purchase order; several per
-- order. The agreed price is kept with each line, so a price difference stays visible.
CREATE TABLE supplier_invoice (
  id             INTEGER PRIMARY KEY,
  order_id       INTEGER NOT NULL REFERENCES order_header (id),
  supplier_id    INTEGER NOT NULL REFERENCES party (id),
  invoice_number TEXT    NOT NULL,
  invoice_date   TEXT    NOT NULL,
  total_net_ore  INTEGER NOT NULL,
  created_at     TEXT    NOT NULL,
  user_id        INTEGER,
  UNIQUE (order_id, invoice_number)
) STRICT;

CREATE TABLE supplier_invoice_line (
  id                  INTEGER PRIMARY KEY,
  supplier_invoice_id INTEGER NOT NULL REFERENCES supplier_invoice (id),
  order_line_id       INTEGER NOT NULL REFERENCES order_line (id),
  quantity            INTEGER NOT NULL CHECK (quantity > 0),
  unit_price_ore      INTEGER NOT NULL CHECK (unit_price_ore >= 0),
  agreed_price_ore    INTEGER NOT NULL CHECK (agreed_price_ore >= 0),
  amount_ore          INTEGER NOT NULL
) STRICT;
CREATE INDEX supplier_invoice_line_invoice ON supplier_invoice_line (supplier_invoice_id);
CREATE INDEX supplier_invoice_line_line ON supplier_invoice_line (order_line_id);

-- A registered supplier invoice is a booked document: never changed or deleted.
CREATE TRIGGER supplier_invoice_immutable BEFORE UPDATE ON supplier_invoice
BEGIN SELECT RAISE(ABORT, 'a registered supplier invoice cannot be changed'); END;
CREATE TRIGGER supplier_invoice_undeletable BEFORE DELETE ON supplier_invoice
BEGIN SELECT RAISE(ABORT, 'a registered supplier invoice cannot be deleted'); END;
CREATE TRIGGER supplier_invoice_line_immutable BEFORE UPDATE ON supplier_invoice_line
BEGIN SELECT RAISE(ABORT, 'a registered supplier invoice line cannot be changed'); END;
CREATE TRIGGER supplier_invoice_line_undeletable BEFORE DELETE ON supplier_invoice_line
BEGIN SELECT RAISE(ABORT, 'a registered supplier invoice line cannot be deleted'); END;

-- Purchase suggestions: the products that have a reorder point.
CREATE INDEX product_reorder ON product (supplier_id) WHERE reorder_point_qty IS NOT NULL;
