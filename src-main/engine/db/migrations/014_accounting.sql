-- The accounting handoff (issue 11, SPEC 9 and 11): the company's chart of
-- accounts and account mapping, accounting batches for every event that moves
-- money (generalized from the cash-sale batches of 002), gap-free vouchers with
-- their lines, and the exports made for the accountant.

-- Zero-rated ('0', SAF-T code 5) and outside the VAT act ('outside', SAF-T code 6)
-- are two VAT codes (SPEC 9). The CHECK constraints only widen: no stored row
-- changes, so SQLite's documented writable_schema procedure is used instead of
-- rebuilding product and order_line with all their references and triggers. The
-- tables created below bump the schema cookie; RESET reloads the schema here.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
SET sql = replace(sql, 'vat_code IN (''25'', ''15'', ''12'', ''0'')', 'vat_code IN (''25'', ''15'', ''12'', ''0'', ''outside'')')
WHERE type = 'table' AND name IN ('product', 'order_line', 'invoice_vat');
PRAGMA writable_schema = RESET;

-- The company's chart: only the accounts it uses, each with the Norwegian standard
-- account (NS 4102, Skatteetaten's 4-digit list) it reports as in SAF-T.
CREATE TABLE account (
  number           TEXT NOT NULL PRIMARY KEY CHECK (length(number) BETWEEN 4 AND 6 AND number NOT GLOB '*[^0-9]*'),
  name             TEXT NOT NULL CHECK (length(name) > 0),
  standard_account TEXT NOT NULL CHECK (length(standard_account) = 4 AND standard_account NOT GLOB '*[^0-9]*'),
  created_on       TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- What each kind of amount is booked on (engine/domain/accountKeys.ts names the keys).
CREATE TABLE account_mapping (
  key     TEXT NOT NULL PRIMARY KEY,
  account TEXT NOT NULL REFERENCES account (number)
) STRICT, WITHOUT ROWID;

INSERT INTO account (number, name, standard_account, created_on) VALUES
  ('1460', 'Innkjøpte varer for videresalg', '1460', date('now')),
  ('1500', 'Kundefordringer', '1500', date('now')),
  ('1900', 'Kontanter', '1900', date('now')),
  ('1920', 'Bankinnskudd', '1920', date('now')),
  ('1925', 'Bankkort, oppgjørskonto', '1920', date('now')),
  ('1926', 'Vipps, oppgjørskonto', '1920', date('now')),
  ('2400', 'Leverandørgjeld', '2400', date('now')),
  ('2700', 'Utgående merverdiavgift, høy sats', '2700', date('now')),
  ('2701', 'Utgående merverdiavgift, middels sats', '2700', date('now')),
  ('2702', 'Utgående merverdiavgift, lav sats', '2700', date('now')),
  ('2710', 'Inngående merverdiavgift, høy sats', '2710', date('now')),
  ('2711', 'Inngående merverdiavgift, middels sats', '2710', date('now')),
  ('2713', 'Inngående merverdiavgift, lav sats', '2710', date('now')),
  ('2900', 'Forskudd fra kunder', '2900', date('now')),
  ('3000', 'Salgsinntekt, avgiftspliktig, høy sats', '3000', date('now')),
  ('3001', 'Salgsinntekt, avgiftspliktig, middels sats', '3000', date('now')),
  ('3002', 'Salgsinntekt, avgiftspliktig, lav sats', '3000', date('now')),
  ('3100', 'Salgsinntekt, avgiftsfri', '3100', date('now')),
  ('3200', 'Salgsinntekt, utenfor avgiftsområdet', '3200', date('now')),
  ('4300', 'Innkjøp av varer for videresalg', '4300', date('now')),
  ('7740', 'Øreavrunding', '7740', date('now')),
  ('8050', 'Annen renteinntekt (purregebyr)', '8050', date('now'));

INSERT INTO account_mapping (key, account) VALUES
  ('receivables', '1500'), ('customer_credit', '2900'),
  ('bank', '1920'), ('cash', '1900'), ('card', '1925'), ('vipps', '1926'),
  ('sales_25', '3000'), ('sales_15', '3001'), ('sales_12', '3002'), ('sales_0', '3100'), ('sales_outside', '3200'),
  ('output_vat_25', '2700'), ('output_vat_15', '2701'), ('output_vat_12', '2702'),
  ('input_vat_25', '2710'), ('input_vat_15', '2711'), ('input_vat_12', '2713'),
  ('purchases', '4300'), ('stock', '1460'), ('cost_of_goods', '4300'), ('suppliers', '2400'),
  ('rounding', '7740'), ('reminder_fees', '8050');

CREATE TABLE accounting_export (
  id              INTEGER PRIMARY KEY,
  format          TEXT    NOT NULL CHECK (format IN ('saft', 'csv')),
  from_date       TEXT    NOT NULL,
  to_date         TEXT    NOT NULL,
  file_name       TEXT    NOT NULL,
  batch_count     INTEGER NOT NULL,
  new_batch_count INTEGER NOT NULL,
  created_at      TEXT    NOT NULL,
  user_id         INTEGER
) STRICT;

-- One batch per event (shared/channels/accounting.ts BATCH_KINDS). `source` names
-- the event ('invoice:12', 'payment:40', 'credit:7', 'reminder:3', 'void:12',
-- 'supplier_invoice:5') so that no event is booked twice. The cash-sale batches
-- of 002 are kept (ids, invoice, when made, posted or not); their vouchers are
-- written when the file is first opened by this version (services/accounting.ts
-- backfillAccounting), with the same rules as new events.
CREATE TABLE accounting_batch_new (
  id         INTEGER PRIMARY KEY,
  kind       TEXT    NOT NULL CHECK (kind IN ('invoice', 'credit_note', 'cash_sale', 'payment', 'refund', 'reminder_fee', 'void', 'supplier_invoice')),
  source     TEXT    NOT NULL UNIQUE,
  reference  TEXT    NOT NULL,
  on_date    TEXT    NOT NULL,
  state      TEXT    NOT NULL CHECK (state IN ('unposted', 'posted', 'exported')),
  invoice_id INTEGER REFERENCES invoice (id),
  created_at TEXT    NOT NULL,
  posted_at  TEXT,
  export_id  INTEGER REFERENCES accounting_export (id),
  CHECK ((state = 'unposted') = (posted_at IS NULL)),
  CHECK ((state = 'exported') = (export_id IS NOT NULL))
) STRICT;
INSERT INTO accounting_batch_new (id, kind, source, reference, on_date, state, invoice_id, created_at, posted_at, export_id)
SELECT b.id, 'cash_sale', 'invoice:' || b.invoice_id, 'Kontantsalg ' || i.number, i.invoice_date,
       CASE b.posted WHEN 1 THEN 'posted' ELSE 'unposted' END, b.invoice_id, b.created_at,
       CASE b.posted WHEN 1 THEN b.created_at END, NULL
FROM accounting_batch b JOIN invoice i ON i.id = b.invoice_id;
DROP TABLE accounting_batch;
ALTER TABLE accounting_batch_new RENAME TO accounting_batch;
CREATE INDEX accounting_batch_date ON accounting_batch (on_date, id);
CREATE INDEX accounting_batch_state ON accounting_batch (state, on_date);
CREATE INDEX accounting_batch_invoice ON accounting_batch (invoice_id) WHERE invoice_id IS NOT NULL;

-- Vouchers are numbered without gaps across all batches (bokføringsforskriften § 5-1-2).
CREATE TABLE voucher (
  id          INTEGER PRIMARY KEY,
  batch_id    INTEGER NOT NULL REFERENCES accounting_batch (id),
  number      INTEGER NOT NULL UNIQUE CHECK (number > 0),
  on_date     TEXT    NOT NULL,
  description TEXT    NOT NULL
) STRICT;
CREATE INDEX voucher_batch ON voucher (batch_id);

CREATE TABLE voucher_line (
  id           INTEGER PRIMARY KEY,
  voucher_id   INTEGER NOT NULL REFERENCES voucher (id),
  account      TEXT    NOT NULL REFERENCES account (number),
  debit_ore    INTEGER NOT NULL CHECK (debit_ore >= 0),
  credit_ore   INTEGER NOT NULL CHECK (credit_ore >= 0),
  tax_code     TEXT,
  tax_base_ore INTEGER,
  customer_id  INTEGER REFERENCES party (id),
  supplier_id  INTEGER REFERENCES party (id),
  description  TEXT    NOT NULL,
  CHECK ((debit_ore = 0) <> (credit_ore = 0))
) STRICT;
CREATE INDEX voucher_line_voucher ON voucher_line (voucher_id);
CREATE INDEX voucher_line_account ON voucher_line (account);

-- A booked voucher is never changed or deleted; a mistake is reversed by another.
CREATE TRIGGER voucher_immutable BEFORE UPDATE ON voucher
BEGIN SELECT RAISE(ABORT, 'a booked voucher cannot be changed'); END;
CREATE TRIGGER voucher_undeletable BEFORE DELETE ON voucher
BEGIN SELECT RAISE(ABORT, 'a booked voucher cannot be deleted'); END;
CREATE TRIGGER voucher_line_immutable BEFORE UPDATE ON voucher_line
BEGIN SELECT RAISE(ABORT, 'a booked voucher cannot be changed'); END;
CREATE TRIGGER voucher_line_undeletable BEFORE DELETE ON voucher_line
BEGIN SELECT RAISE(ABORT, 'a booked voucher cannot be deleted'); END;

-- Which payment allocations (payment_allocation) a batch has booked, so each
-- movement of a customer's money is booked exactly once.
CREATE TABLE accounting_allocation (
  allocation_id INTEGER PRIMARY KEY REFERENCES payment_allocation (id),
  batch_id      INTEGER NOT NULL REFERENCES accounting_batch (id)
) STRICT;
-- A step's allocations share its moment: the step books them by it, not by scanning them all.
CREATE INDEX payment_allocation_at ON payment_allocation (at);

-- Set when the file had events before this version: the engine books them once on opening.
CREATE TABLE accounting_backfill (
  id INTEGER PRIMARY KEY CHECK (id = 1)
) STRICT;
INSERT INTO accounting_backfill (id)
SELECT 1 WHERE EXISTS (SELECT 1 FROM invoice) OR EXISTS (SELECT 1 FROM supplier_invoice) OR EXISTS (SELECT 1 FROM customer_payment);
