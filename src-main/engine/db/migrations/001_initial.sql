-- Ordrebok schema, version 1.
-- Money in integer øre, quantities in integer thousandths, dates as ISO text.
-- STRICT tables throughout; foreign keys are enforced by the connection.

CREATE TABLE company (
  id                         INTEGER PRIMARY KEY CHECK (id = 1),
  name                       TEXT    NOT NULL,
  org_number                 TEXT    NOT NULL,
  vat_registered             INTEGER NOT NULL CHECK (vat_registered IN (0, 1)),
  address_line1              TEXT,
  postal_code                TEXT,
  city                       TEXT,
  country                    TEXT    NOT NULL DEFAULT 'NO',
  bank_account               TEXT,
  email                      TEXT,
  phone                      TEXT,
  default_payment_terms_days INTEGER NOT NULL DEFAULT 14,
  status_preset              TEXT    NOT NULL DEFAULT 'standard'
                             CHECK (status_preset IN ('standard', 'field_service', 'simple')),
  auto_confirm_on_accept     INTEGER NOT NULL DEFAULT 0,
  generate_backorders        INTEGER NOT NULL DEFAULT 1,
  purchase_reply             INTEGER NOT NULL DEFAULT 1,
  purchase_dispatch          INTEGER NOT NULL DEFAULT 0,
  purchase_reception         INTEGER NOT NULL DEFAULT 1,
  post_cash_invoices         INTEGER NOT NULL DEFAULT 0,
  updated_at                 TEXT    NOT NULL
) STRICT;

-- Number series: order numbers per transaction type, customer numbers, and the
-- one gap-free series shared by invoices and credit notes.
CREATE TABLE number_series (
  name       TEXT    PRIMARY KEY,
  next_value INTEGER NOT NULL CHECK (next_value > 0)
) STRICT;
INSERT INTO number_series (name, next_value) VALUES
  ('sales_order', 10001), ('purchase_order', 50001), ('rental_order', 70001),
  ('customer', 10001), ('supplier', 20001), ('invoice', 1);

-- Statuses the administrator sees; each maps to one kind with fixed behaviour (SPEC 1.2).
CREATE TABLE status (
  id               INTEGER PRIMARY KEY,
  transaction_type TEXT    NOT NULL CHECK (transaction_type IN ('sales', 'purchase', 'rental')),
  kind             TEXT    NOT NULL CHECK (kind IN (
                     'draft', 'quote', 'accepted', 'web', 'confirmed', 'production', 'job_started',
                     'job_completed', 'pack', 'loan', 'subscription', 'rest', 'ready_to_invoice',
                     'shipped', 'collective', 'invoiced_packing_slip', 'cash_invoiced', 'invoiced',
                     'reminded', 'paid', 'closed', 'cancelled')),
  label_nb         TEXT    NOT NULL,
  label_en         TEXT    NOT NULL,
  sort_order       INTEGER NOT NULL,
  hidden           INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1))
) STRICT;

-- Customers and suppliers are parties.
CREATE TABLE party (
  id                  INTEGER PRIMARY KEY,
  role                TEXT    NOT NULL CHECK (role IN ('customer', 'supplier')),
  number              INTEGER NOT NULL,
  kind                TEXT    NOT NULL CHECK (kind IN ('private', 'business')),
  name                TEXT    NOT NULL,
  name_sort           TEXT    NOT NULL,
  org_number          TEXT,
  email               TEXT,
  phone               TEXT,
  address_line1       TEXT,
  postal_code         TEXT,
  city                TEXT,
  country             TEXT    NOT NULL DEFAULT 'NO',
  credit_limit_ore    INTEGER CHECK (credit_limit_ore >= 0),
  payment_terms_days  INTEGER NOT NULL,
  card_surcharge_bp   INTEGER NOT NULL DEFAULT 0,
  invoice_party_id    INTEGER REFERENCES party (id),
  created_at          TEXT    NOT NULL,
  updated_at          TEXT    NOT NULL,
  UNIQUE (role, number),
  CHECK (kind = 'private' OR org_number IS NOT NULL)
) STRICT;
CREATE INDEX party_name ON party (role, name_sort, id);
CREATE INDEX party_org_number ON party (org_number) WHERE org_number IS NOT NULL;

CREATE TABLE contact (
  id         INTEGER PRIMARY KEY,
  party_id   INTEGER NOT NULL REFERENCES party (id) ON DELETE CASCADE,
  name       TEXT    NOT NULL,
  phone      TEXT,
  email      TEXT,
  role       TEXT,
  sort_order INTEGER NOT NULL
) STRICT;
CREATE INDEX contact_party ON contact (party_id, sort_order);

CREATE TABLE delivery_address (
  id            INTEGER PRIMARY KEY,
  party_id      INTEGER NOT NULL REFERENCES party (id) ON DELETE CASCADE,
  name          TEXT    NOT NULL,
  address_line1 TEXT,
  postal_code   TEXT,
  city          TEXT,
  country       TEXT    NOT NULL DEFAULT 'NO'
) STRICT;
CREATE INDEX delivery_address_party ON delivery_address (party_id);

CREATE TABLE product (
  id                INTEGER PRIMARY KEY,
  number            TEXT    NOT NULL UNIQUE,
  name              TEXT    NOT NULL,
  unit              TEXT    NOT NULL,
  price_ore         INTEGER NOT NULL CHECK (price_ore >= 0),
  cost_ore          INTEGER CHECK (cost_ore >= 0),
  vat_code          TEXT    NOT NULL CHECK (vat_code IN ('25', '15', '12', '0')),
  stock_managed     INTEGER NOT NULL CHECK (stock_managed IN (0, 1)),
  bin_location      TEXT,
  ean               TEXT    UNIQUE,
  reorder_point_qty INTEGER,
  supplier_id       INTEGER REFERENCES party (id),
  active            INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at        TEXT    NOT NULL,
  updated_at        TEXT    NOT NULL
) STRICT;
CREATE INDEX product_name ON product (name COLLATE NOCASE);

-- One header table for sales, purchase and rental orders. The customer's name
-- is kept on the order as it was when entered (documents print it), and
-- customer_sort holds a Norwegian sort key for it so the list sorts from an index.
CREATE TABLE order_header (
  id                  INTEGER PRIMARY KEY,
  transaction_type    TEXT    NOT NULL CHECK (transaction_type IN ('sales', 'purchase', 'rental')),
  number              INTEGER NOT NULL,
  order_type          INTEGER NOT NULL CHECK (order_type BETWEEN 1 AND 9),
  status_id           INTEGER NOT NULL REFERENCES status (id),
  party_id            INTEGER NOT NULL REFERENCES party (id),
  customer_number     INTEGER NOT NULL,
  customer_name       TEXT    NOT NULL,
  customer_sort       TEXT    NOT NULL,
  contact_id          INTEGER REFERENCES contact (id) ON DELETE SET NULL,
  invoice_party_id    INTEGER REFERENCES party (id),
  order_date          TEXT    NOT NULL,
  delivery_date       TEXT,
  customer_reference  TEXT,
  our_reference       TEXT,
  payment_terms_days  INTEGER NOT NULL,
  notes               TEXT,
  currency            TEXT    NOT NULL DEFAULT 'NOK',
  -- Card payment orders (type 9): fields locked after import.
  invoice_reference   TEXT,
  masked_card_number  TEXT,
  contract_amount_ore INTEGER,
  card_company        TEXT,
  -- Quote → order relation.
  source_order_id     INTEGER REFERENCES order_header (id),
  total_net_ore       INTEGER NOT NULL DEFAULT 0,
  total_vat_ore       INTEGER NOT NULL DEFAULT 0,
  total_gross_ore     INTEGER NOT NULL DEFAULT 0,
  line_count          INTEGER NOT NULL DEFAULT 0,
  version             INTEGER NOT NULL DEFAULT 1,
  created_at          TEXT    NOT NULL,
  updated_at          TEXT    NOT NULL,
  UNIQUE (transaction_type, number)
) STRICT;
-- Indexes for the order list: each sortable column, alone and under a status tab.
CREATE INDEX order_by_date ON order_header (transaction_type, order_date, id);
CREATE INDEX order_by_customer ON order_header (transaction_type, customer_sort, id);
CREATE INDEX order_by_total ON order_header (transaction_type, total_gross_ore, id);
CREATE INDEX order_by_delivery ON order_header (transaction_type, delivery_date, id);
CREATE INDEX order_status_date ON order_header (transaction_type, status_id, order_date, id);
CREATE INDEX order_status_number ON order_header (transaction_type, status_id, number);
CREATE INDEX order_status_customer ON order_header (transaction_type, status_id, customer_sort, id);
CREATE INDEX order_party_date ON order_header (party_id, order_date, id);

CREATE TABLE order_line (
  id                      INTEGER PRIMARY KEY,
  order_id                INTEGER NOT NULL REFERENCES order_header (id) ON DELETE CASCADE,
  line_no                 INTEGER NOT NULL,
  product_id              INTEGER NOT NULL REFERENCES product (id),
  product_number          TEXT    NOT NULL,
  description             TEXT    NOT NULL,
  unit                    TEXT    NOT NULL,
  quantity                INTEGER NOT NULL CHECK (quantity > 0),
  unit_price_ore          INTEGER NOT NULL CHECK (unit_price_ore >= 0),
  discount_bp             INTEGER NOT NULL DEFAULT 0 CHECK (discount_bp BETWEEN 0 AND 10000),
  vat_code                TEXT    NOT NULL CHECK (vat_code IN ('25', '15', '12', '0')),
  amount_ore              INTEGER NOT NULL,
  delivery_date           TEXT,
  -- Every quantity a line keeps (SPEC 2); "partially ..." is computed from these.
  qty_confirmed           INTEGER NOT NULL DEFAULT 0,
  confirmed_price_ore     INTEGER,
  confirmed_delivery_date TEXT,
  qty_reserved            INTEGER NOT NULL DEFAULT 0 CHECK (qty_reserved >= 0),
  qty_on_loan             INTEGER NOT NULL DEFAULT 0 CHECK (qty_on_loan >= 0),
  qty_picked              INTEGER NOT NULL DEFAULT 0 CHECK (qty_picked >= 0),
  qty_delivered           INTEGER NOT NULL DEFAULT 0 CHECK (qty_delivered >= 0),
  qty_shipped             INTEGER NOT NULL DEFAULT 0 CHECK (qty_shipped >= 0),
  qty_received            INTEGER NOT NULL DEFAULT 0 CHECK (qty_received >= 0),
  qty_invoiced            INTEGER NOT NULL DEFAULT 0 CHECK (qty_invoiced >= 0),
  qty_credited            INTEGER NOT NULL DEFAULT 0 CHECK (qty_credited >= 0),
  closed_short            INTEGER NOT NULL DEFAULT 0 CHECK (closed_short IN (0, 1)),
  UNIQUE (order_id, line_no)
) STRICT;
CREATE INDEX order_line_product ON order_line (product_id);

-- Counts behind the status tabs and the positional seek of the order list,
-- kept by triggers so that neither needs a scan of a million orders.
CREATE TABLE order_status_count (
  transaction_type TEXT    NOT NULL,
  status_id        INTEGER NOT NULL,
  n                INTEGER NOT NULL,
  PRIMARY KEY (transaction_type, status_id)
) STRICT, WITHOUT ROWID;
CREATE TABLE order_day_count (
  transaction_type TEXT    NOT NULL,
  status_id        INTEGER NOT NULL,
  order_date       TEXT    NOT NULL,
  n                INTEGER NOT NULL,
  PRIMARY KEY (transaction_type, status_id, order_date)
) STRICT, WITHOUT ROWID;
CREATE TABLE order_day_total (
  transaction_type TEXT    NOT NULL,
  order_date       TEXT    NOT NULL,
  n                INTEGER NOT NULL,
  PRIMARY KEY (transaction_type, order_date)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER order_counts_insert AFTER INSERT ON order_header BEGIN
  INSERT INTO order_status_count VALUES (NEW.transaction_type, NEW.status_id, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO order_day_count VALUES (NEW.transaction_type, NEW.status_id, NEW.order_date, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO order_day_total VALUES (NEW.transaction_type, NEW.order_date, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER order_counts_delete AFTER DELETE ON order_header BEGIN
  UPDATE order_status_count SET n = n - 1
    WHERE transaction_type = OLD.transaction_type AND status_id = OLD.status_id;
  UPDATE order_day_count SET n = n - 1
    WHERE transaction_type = OLD.transaction_type AND status_id = OLD.status_id AND order_date = OLD.order_date;
  UPDATE order_day_total SET n = n - 1
    WHERE transaction_type = OLD.transaction_type AND order_date = OLD.order_date;
END;
CREATE TRIGGER order_counts_update AFTER UPDATE OF status_id, order_date, transaction_type ON order_header
WHEN OLD.status_id IS NOT NEW.status_id OR OLD.order_date IS NOT NEW.order_date
  OR OLD.transaction_type IS NOT NEW.transaction_type
BEGIN
  UPDATE order_status_count SET n = n - 1
    WHERE transaction_type = OLD.transaction_type AND status_id = OLD.status_id;
  UPDATE order_day_count SET n = n - 1
    WHERE transaction_type = OLD.transaction_type AND status_id = OLD.status_id AND order_date = OLD.order_date;
  UPDATE order_day_total SET n = n - 1
    WHERE transaction_type = OLD.transaction_type AND order_date = OLD.order_date;
  INSERT INTO order_status_count VALUES (NEW.transaction_type, NEW.status_id, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO order_day_count VALUES (NEW.transaction_type, NEW.status_id, NEW.order_date, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO order_day_total VALUES (NEW.transaction_type, NEW.order_date, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- Full-text search over orders: number, customer, references and the products on
-- its lines. Contentless: the engine writes a row per order when the order is saved.
CREATE VIRTUAL TABLE order_search USING fts5 (
  number, customer, reference, products,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
);

-- Stock ledger (SPEC 3). On-hand = sum of movements; batches carry cost.
CREATE TABLE stock_batch (
  id            INTEGER PRIMARY KEY,
  product_id    INTEGER NOT NULL REFERENCES product (id),
  received_at   TEXT    NOT NULL,
  qty_initial   INTEGER NOT NULL,
  qty_remaining INTEGER NOT NULL,
  cost_ore      INTEGER NOT NULL,
  source        TEXT    NOT NULL
) STRICT;
CREATE INDEX stock_batch_fifo ON stock_batch (product_id, received_at, id);

CREATE TABLE stock_movement (
  id               INTEGER PRIMARY KEY,
  product_id       INTEGER NOT NULL REFERENCES product (id),
  quantity         INTEGER NOT NULL CHECK (quantity <> 0),
  cause            TEXT    NOT NULL CHECK (cause IN ('receipt', 'issue', 'adjustment', 'credit', 'loan_return')),
  order_line_id    INTEGER REFERENCES order_line (id) ON DELETE SET NULL,
  -- The order type the order had when the movement was made, kept even if the
  -- order changes type or is deleted (SPEC 1.1).
  order_type       INTEGER,
  order_number     INTEGER,
  batch_id         INTEGER REFERENCES stock_batch (id),
  cost_ore         INTEGER,
  created_at       TEXT    NOT NULL,
  user_id          INTEGER
) STRICT;
CREATE INDEX stock_movement_product ON stock_movement (product_id, id);

-- Invoices and credit notes share one gap-free number series (SPEC 7).
CREATE TABLE invoice (
  id                INTEGER PRIMARY KEY,
  number            INTEGER NOT NULL UNIQUE,
  kind              TEXT    NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
  credited_invoice_id INTEGER REFERENCES invoice (id),
  party_id          INTEGER NOT NULL REFERENCES party (id),
  invoice_date      TEXT    NOT NULL,
  due_date          TEXT    NOT NULL,
  kid               TEXT,
  total_net_ore     INTEGER NOT NULL,
  total_vat_ore     INTEGER NOT NULL,
  total_gross_ore   INTEGER NOT NULL,
  rounding_ore      INTEGER NOT NULL DEFAULT 0,
  voided            INTEGER NOT NULL DEFAULT 0,
  created_at        TEXT    NOT NULL
) STRICT;

CREATE TABLE invoice_line (
  id             INTEGER PRIMARY KEY,
  invoice_id     INTEGER NOT NULL REFERENCES invoice (id),
  order_line_id  INTEGER REFERENCES order_line (id) ON DELETE SET NULL,
  order_id       INTEGER REFERENCES order_header (id) ON DELETE SET NULL,
  description    TEXT    NOT NULL,
  quantity       INTEGER NOT NULL,
  unit_price_ore INTEGER NOT NULL,
  discount_bp    INTEGER NOT NULL,
  vat_code       TEXT    NOT NULL,
  amount_ore     INTEGER NOT NULL
) STRICT;
CREATE INDEX invoice_line_invoice ON invoice_line (invoice_id);

-- Append-only activity log (SPEC 6): who, when, what before and after.
CREATE TABLE activity_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT    NOT NULL,
  user_id     INTEGER,
  entity      TEXT    NOT NULL,
  entity_id   INTEGER NOT NULL,
  action      TEXT    NOT NULL,
  before_json TEXT,
  after_json  TEXT
) STRICT;
CREATE INDEX activity_log_entity ON activity_log (entity, entity_id, id);
CREATE TRIGGER activity_log_append_only_update BEFORE UPDATE ON activity_log
BEGIN SELECT RAISE(ABORT, 'activity_log is append-only'); END;
CREATE TRIGGER activity_log_append_only_delete BEFORE DELETE ON activity_log
BEGIN SELECT RAISE(ABORT, 'activity_log is append-only'); END;
