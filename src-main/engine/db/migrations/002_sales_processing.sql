-- Sales processing (SPEC 1.1, 1.2, 3, 4, 8): users and rights, stock figures
-- per product, deliveries, invoices of orders, cash payments, subscriptions,
-- jobs, card-payment events.

CREATE TABLE access_group (
  id   INTEGER PRIMARY KEY,
  name TEXT    NOT NULL UNIQUE
) STRICT;

CREATE TABLE group_right (
  group_id   INTEGER NOT NULL REFERENCES access_group (id) ON DELETE CASCADE,
  right_name TEXT    NOT NULL CHECK (right_name IN ('invoice', 'credit', 'credit_cash_orders',
               'change_card_orders', 'change_order_type', 'override_credit_limit', 'administer')),
  PRIMARY KEY (group_id, right_name)
) STRICT, WITHOUT ROWID;

CREATE TABLE app_user (
  id         INTEGER PRIMARY KEY,
  username   TEXT    NOT NULL UNIQUE COLLATE NOCASE,
  name       TEXT    NOT NULL,
  group_id   INTEGER NOT NULL REFERENCES access_group (id),
  pin_salt   TEXT    NOT NULL,
  pin_hash   TEXT    NOT NULL,
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT    NOT NULL
) STRICT;

-- Stock figures kept per product in the same transaction as the movements and
-- reservations they sum; property tests prove they always equal those sums.
ALTER TABLE product ADD COLUMN qty_on_hand  INTEGER NOT NULL DEFAULT 0;
ALTER TABLE product ADD COLUMN qty_reserved INTEGER NOT NULL DEFAULT 0;
ALTER TABLE product ADD COLUMN qty_on_loan  INTEGER NOT NULL DEFAULT 0;

ALTER TABLE order_header ADD COLUMN subscription_interval TEXT
  CHECK (subscription_interval IN ('monthly', 'quarterly', 'yearly'));
ALTER TABLE order_header ADD COLUMN subscription_start TEXT;
-- Card payment orders: the reservation's state, and whether the order ever left type 9.
ALTER TABLE order_header ADD COLUMN card_state TEXT CHECK (card_state IN ('reserved', 'captured', 'cancelled', 'credited'));
ALTER TABLE order_header ADD COLUMN left_card_type INTEGER NOT NULL DEFAULT 0;
ALTER TABLE order_header ADD COLUMN backorder_of_id INTEGER REFERENCES order_header (id);
ALTER TABLE order_header ADD COLUMN over_credit_limit_by INTEGER REFERENCES app_user (id);
CREATE INDEX order_party_status ON order_header (party_id, status_id);

-- A delivery is what one packing slip prints: the quantities marked delivered together.
CREATE TABLE delivery (
  id           INTEGER PRIMARY KEY,
  order_id     INTEGER NOT NULL REFERENCES order_header (id) ON DELETE CASCADE,
  delivered_at TEXT    NOT NULL,
  user_id      INTEGER
) STRICT;
CREATE INDEX delivery_order ON delivery (order_id);

CREATE TABLE delivery_line (
  delivery_id   INTEGER NOT NULL REFERENCES delivery (id) ON DELETE CASCADE,
  order_line_id INTEGER NOT NULL REFERENCES order_line (id) ON DELETE CASCADE,
  quantity      INTEGER NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (delivery_id, order_line_id)
) STRICT;

-- Which orders an invoice covers (one, or many for a collective invoice).
CREATE TABLE invoice_order (
  invoice_id INTEGER NOT NULL REFERENCES invoice (id),
  order_id   INTEGER NOT NULL,
  PRIMARY KEY (invoice_id, order_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX invoice_order_order ON invoice_order (order_id);

ALTER TABLE invoice ADD COLUMN order_type INTEGER;
ALTER TABLE invoice ADD COLUMN customer_name TEXT NOT NULL DEFAULT '';
ALTER TABLE invoice ADD COLUMN delivery_date TEXT;
ALTER TABLE invoice ADD COLUMN user_id INTEGER;
ALTER TABLE invoice_line ADD COLUMN product_id INTEGER REFERENCES product (id);
ALTER TABLE invoice_line ADD COLUMN credited_line_id INTEGER REFERENCES invoice_line (id);
ALTER TABLE invoice_line ADD COLUMN qty_credited INTEGER NOT NULL DEFAULT 0;
CREATE INDEX invoice_party ON invoice (party_id, id);
CREATE INDEX invoice_credited ON invoice (credited_invoice_id) WHERE credited_invoice_id IS NOT NULL;

-- Invoices are never changed or deleted (SPEC 9): only voided, and only once.
CREATE TRIGGER invoice_immutable BEFORE UPDATE ON invoice
WHEN NOT (OLD.voided = 0 AND NEW.voided = 1 AND OLD.number = NEW.number AND OLD.total_gross_ore = NEW.total_gross_ore)
BEGIN SELECT RAISE(ABORT, 'an issued invoice cannot be changed'); END;
CREATE TRIGGER invoice_undeletable BEFORE DELETE ON invoice
BEGIN SELECT RAISE(ABORT, 'an issued invoice cannot be deleted'); END;
CREATE TRIGGER invoice_line_immutable BEFORE UPDATE OF invoice_id, quantity, unit_price_ore, discount_bp, vat_code, amount_ore
ON invoice_line BEGIN SELECT RAISE(ABORT, 'an issued invoice line cannot be changed'); END;
CREATE TRIGGER invoice_line_undeletable BEFORE DELETE ON invoice_line
BEGIN SELECT RAISE(ABORT, 'an issued invoice line cannot be deleted'); END;

-- Cash sales: the payment dialog's figures (SPEC 1.1, type 3).
CREATE TABLE payment (
  id           INTEGER PRIMARY KEY,
  invoice_id   INTEGER NOT NULL REFERENCES invoice (id),
  method       TEXT    NOT NULL CHECK (method IN ('cash', 'card', 'vipps', 'other')),
  amount_ore   INTEGER NOT NULL,
  received_ore INTEGER NOT NULL,
  change_ore   INTEGER NOT NULL,
  paid_at      TEXT    NOT NULL
) STRICT;

-- One accounting batch per cash order (SPEC 1.1); posted later by hand when the
-- company does not post cash invoices automatically.
CREATE TABLE accounting_batch (
  id         INTEGER PRIMARY KEY,
  invoice_id INTEGER NOT NULL UNIQUE REFERENCES invoice (id),
  created_at TEXT    NOT NULL,
  posted     INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Each subscription period is invoiced once, never twice.
CREATE TABLE subscription_run (
  order_id   INTEGER NOT NULL REFERENCES order_header (id),
  period     TEXT    NOT NULL,
  invoice_id INTEGER NOT NULL REFERENCES invoice (id),
  PRIMARY KEY (order_id, period)
) STRICT, WITHOUT ROWID;

CREATE TABLE job (
  id                   INTEGER PRIMARY KEY,
  order_id             INTEGER NOT NULL REFERENCES order_header (id) ON DELETE CASCADE,
  title                TEXT    NOT NULL,
  employee             TEXT,
  planned_date         TEXT,
  repeat_interval_days INTEGER,
  started_at           TEXT,
  completed_at         TEXT
) STRICT;
CREATE INDEX job_order ON job (order_id);

-- Outgoing events for the card integration (Ordrebok talks to no card company itself).
CREATE TABLE card_event (
  id         INTEGER PRIMARY KEY,
  order_id   INTEGER NOT NULL,
  kind       TEXT    NOT NULL CHECK (kind IN ('capture', 'cancel', 'credit')),
  amount_ore INTEGER NOT NULL,
  at         TEXT    NOT NULL
) STRICT;

-- Movements gain the cause 'return' (goods back to stock when an order moves
-- back past shipping); SQLite changes a CHECK by rebuilding the table.
CREATE TABLE stock_movement_new (
  id            INTEGER PRIMARY KEY,
  product_id    INTEGER NOT NULL REFERENCES product (id),
  quantity      INTEGER NOT NULL CHECK (quantity <> 0),
  cause         TEXT    NOT NULL CHECK (cause IN ('receipt', 'issue', 'adjustment', 'credit', 'return')),
  order_line_id INTEGER REFERENCES order_line (id) ON DELETE SET NULL,
  order_type    INTEGER,
  order_number  INTEGER,
  batch_id      INTEGER REFERENCES stock_batch (id),
  cost_ore      INTEGER,
  note          TEXT,
  created_at    TEXT    NOT NULL,
  user_id       INTEGER
) STRICT;
INSERT INTO stock_movement_new (id, product_id, quantity, cause, order_line_id, order_type, order_number, batch_id,
  cost_ore, created_at, user_id)
  SELECT id, product_id, quantity, CASE cause WHEN 'loan_return' THEN 'return' ELSE cause END, order_line_id,
    order_type, order_number, batch_id, cost_ore, created_at, user_id FROM stock_movement;
DROP TABLE stock_movement;
ALTER TABLE stock_movement_new RENAME TO stock_movement;
CREATE INDEX stock_movement_product ON stock_movement (product_id, id);
CREATE INDEX stock_movement_line ON stock_movement (order_line_id) WHERE order_line_id IS NOT NULL;
