-- After the invoice (issue 11, SPEC 11): money received from customers and how it
-- settles their invoices. An invoice's state (open, partly paid, paid, overdue,
-- credited, void) is never stored: it is derived from these rows, its credit
-- notes and its due date (repos/payments.ts, domain/invoiceState.ts).

-- Move a paid order on to the flow's Avsluttet (closed) status as well.
ALTER TABLE company ADD COLUMN close_when_paid INTEGER NOT NULL DEFAULT 0 CHECK (close_when_paid IN (0, 1));
-- The reminder fee the company charges where the law allows one (never above the legal maximum).
ALTER TABLE company ADD COLUMN reminder_fee_ore INTEGER NOT NULL DEFAULT 0 CHECK (reminder_fee_ore >= 0);

-- One amount received from (or on behalf of) a customer. Never changed or deleted.
CREATE TABLE customer_payment (
  id          INTEGER PRIMARY KEY,
  party_id    INTEGER NOT NULL REFERENCES party (id),
  paid_on     TEXT    NOT NULL,
  amount_ore  INTEGER NOT NULL CHECK (amount_ore > 0),
  method      TEXT    NOT NULL CHECK (method IN ('bank', 'cash', 'card', 'vipps', 'other')),
  source      TEXT    NOT NULL CHECK (source IN ('manual', 'bank_file', 'cash_sale', 'card_capture')),
  reference   TEXT,
  kid         TEXT,
  created_at  TEXT    NOT NULL,
  user_id     INTEGER
) STRICT;
CREATE INDEX customer_payment_party ON customer_payment (party_id, id);
CREATE TRIGGER customer_payment_immutable BEFORE UPDATE ON customer_payment
BEGIN SELECT RAISE(ABORT, 'a registered payment cannot be changed'); END;
CREATE TRIGGER customer_payment_undeletable BEFORE DELETE ON customer_payment
BEGIN SELECT RAISE(ABORT, 'a registered payment cannot be deleted'); END;

-- Reminders (Purring): one per customer and sending, listing its overdue invoices.
CREATE TABLE reminder (
  id          INTEGER PRIMARY KEY,
  party_id    INTEGER NOT NULL REFERENCES party (id),
  sent_on     TEXT    NOT NULL,
  -- The new deadline the reminder gives (at least 14 days, inkassoloven § 9).
  pay_by      TEXT    NOT NULL,
  fee_ore     INTEGER NOT NULL DEFAULT 0 CHECK (fee_ore >= 0),
  document_id INTEGER REFERENCES document (id),
  created_at  TEXT    NOT NULL,
  user_id     INTEGER
) STRICT;
CREATE INDEX reminder_party ON reminder (party_id, id);

-- Which invoices a reminder lists, at which level (1st, 2nd … reminder of that
-- invoice), what was outstanding, and the fee charged for it (0 where the law allows none).
CREATE TABLE reminder_invoice (
  reminder_id     INTEGER NOT NULL REFERENCES reminder (id),
  invoice_id      INTEGER NOT NULL REFERENCES invoice (id),
  level           INTEGER NOT NULL CHECK (level >= 1),
  outstanding_ore INTEGER NOT NULL,
  fee_ore         INTEGER NOT NULL DEFAULT 0 CHECK (fee_ore >= 0),
  PRIMARY KEY (reminder_id, invoice_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX reminder_invoice_invoice ON reminder_invoice (invoice_id, reminder_id);

-- How money received is used; append-only. 'settle' pays an invoice (reminder_id
-- NULL) or a reminder fee charged on it (reminder_id set); a negative settle gives
-- an overpaid amount back to the customer's credit (after a credit note). 'refund'
-- pays credit back to the customer. What a payment leaves unallocated is the
-- customer's credit, usable on another invoice.
CREATE TABLE payment_allocation (
  id          INTEGER PRIMARY KEY,
  payment_id  INTEGER NOT NULL REFERENCES customer_payment (id),
  kind        TEXT    NOT NULL CHECK (kind IN ('settle', 'refund')),
  invoice_id  INTEGER REFERENCES invoice (id),
  reminder_id INTEGER REFERENCES reminder (id),
  amount_ore  INTEGER NOT NULL CHECK (amount_ore <> 0),
  on_date     TEXT    NOT NULL,
  at          TEXT    NOT NULL,
  user_id     INTEGER,
  CHECK ((kind = 'settle') = (invoice_id IS NOT NULL)),
  CHECK (kind = 'settle' OR (amount_ore > 0 AND reminder_id IS NULL))
) STRICT;
CREATE INDEX payment_allocation_invoice ON payment_allocation (invoice_id, reminder_id) WHERE invoice_id IS NOT NULL;
CREATE INDEX payment_allocation_payment ON payment_allocation (payment_id);
CREATE TRIGGER payment_allocation_immutable BEFORE UPDATE ON payment_allocation
BEGIN SELECT RAISE(ABORT, 'a payment allocation cannot be changed'); END;
CREATE TRIGGER payment_allocation_undeletable BEFORE DELETE ON payment_allocation
BEGIN SELECT RAISE(ABORT, 'a payment allocation cannot be deleted'); END;

-- Each invoice's figures, from which its state is derived: what it asks for,
-- what its credit notes took off, what payments settled.
CREATE VIEW invoice_balance AS
SELECT
  i.id AS invoice_id,
  i.party_id,
  i.kind,
  i.voided,
  i.due_date,
  i.total_gross_ore + i.rounding_ore AS payable_ore,
  COALESCE((SELECT -SUM(c.total_gross_ore + c.rounding_ore) FROM invoice c
            WHERE c.credited_invoice_id = i.id AND c.kind = 'credit_note' AND c.voided = 0), 0) AS credited_ore,
  COALESCE((SELECT SUM(a.amount_ore) FROM payment_allocation a
            WHERE a.invoice_id = i.id AND a.reminder_id IS NULL), 0) AS paid_ore
FROM invoice i;

-- Cash sales already issued were paid at the counter: their payments, settled.
INSERT INTO customer_payment (id, party_id, paid_on, amount_ore, method, source, reference, kid, created_at, user_id)
SELECT p.id, i.party_id, substr(p.paid_at, 1, 10), p.amount_ore,
       CASE p.method WHEN 'cash' THEN 'cash' WHEN 'card' THEN 'card' WHEN 'vipps' THEN 'vipps' ELSE 'other' END,
       'cash_sale', 'Faktura ' || i.number, NULL, p.paid_at, i.user_id
FROM payment p JOIN invoice i ON i.id = p.invoice_id
WHERE p.amount_ore > 0;
INSERT INTO payment_allocation (payment_id, kind, invoice_id, reminder_id, amount_ore, on_date, at, user_id)
SELECT p.id, 'settle', p.invoice_id, NULL, p.amount_ore, substr(p.paid_at, 1, 10), p.paid_at, NULL
FROM payment p WHERE p.amount_ore > 0;

-- Card payment orders were captured as they were invoiced: paid by the card company.
INSERT INTO customer_payment (party_id, paid_on, amount_ore, method, source, reference, kid, created_at, user_id)
SELECT i.party_id, i.invoice_date, i.total_gross_ore + i.rounding_ore, 'card', 'card_capture', 'Faktura ' || i.number, NULL, i.created_at, i.user_id
FROM invoice i
WHERE i.kind = 'invoice' AND i.order_type = 9 AND i.total_gross_ore + i.rounding_ore > 0
  AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.invoice_id = i.id);
INSERT INTO payment_allocation (payment_id, kind, invoice_id, reminder_id, amount_ore, on_date, at, user_id)
SELECT cp.id, 'settle', i.id, NULL, cp.amount_ore, cp.paid_on, cp.created_at, NULL
FROM customer_payment cp JOIN invoice i ON cp.source = 'card_capture' AND cp.reference = 'Faktura ' || i.number;
