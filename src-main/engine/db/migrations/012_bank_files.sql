-- Bank files (issue 11, SPEC 11): Nets OCR giro and camt.054 files read in, and
-- each incoming payment in them, matched to an invoice by KID or left for a clerk.
-- The same file (by its SHA-256) and the same transaction (by the bank's reference)
-- are kept once, so nothing is ever paid twice.

CREATE TABLE bank_import (
  id          INTEGER PRIMARY KEY,
  format      TEXT    NOT NULL CHECK (format IN ('ocr', 'camt054')),
  file_name   TEXT    NOT NULL,
  sha256      TEXT    NOT NULL UNIQUE,
  imported_at TEXT    NOT NULL,
  user_id     INTEGER
) STRICT;
CREATE TRIGGER bank_import_immutable BEFORE UPDATE ON bank_import
BEGIN SELECT RAISE(ABORT, 'an imported bank file cannot be changed'); END;
CREATE TRIGGER bank_import_undeletable BEFORE DELETE ON bank_import
BEGIN SELECT RAISE(ABORT, 'an imported bank file cannot be deleted'); END;

-- matched: paid by KID on import; unmatched: waits for a clerk (problem says why,
-- invoice_id the likely invoice); manual: matched to an invoice or put to credit by hand.
CREATE TABLE bank_transaction (
  id            INTEGER PRIMARY KEY,
  import_id     INTEGER NOT NULL REFERENCES bank_import (id),
  external_ref  TEXT    NOT NULL UNIQUE,
  bank_ref      TEXT    NOT NULL,
  booking_date  TEXT    NOT NULL,
  amount_ore    INTEGER NOT NULL CHECK (amount_ore > 0),
  kid           TEXT,
  payer_name    TEXT,
  payer_account TEXT,
  message       TEXT,
  state         TEXT    NOT NULL CHECK (state IN ('matched', 'unmatched', 'manual')),
  problem       TEXT    CHECK (problem IN ('no_kid', 'invalid_kid', 'unknown_kid', 'wrong_amount', 'already_settled', 'not_payable')),
  invoice_id    INTEGER REFERENCES invoice (id),
  customer_id   INTEGER REFERENCES party (id),
  payment_id    INTEGER REFERENCES customer_payment (id),
  resolved_at   TEXT,
  resolved_by   INTEGER,
  CHECK ((state = 'unmatched') = (payment_id IS NULL)),
  CHECK ((state = 'unmatched') = (problem IS NOT NULL) OR state = 'manual')
) STRICT;
CREATE INDEX bank_transaction_import ON bank_transaction (import_id, id);
CREATE INDEX bank_transaction_waiting ON bank_transaction (id) WHERE state = 'unmatched';

-- Append-only but for one step: a waiting transaction is resolved by hand once
-- (unmatched → manual, with its payment); what the bank said never changes.
CREATE TRIGGER bank_transaction_resolve_once BEFORE UPDATE ON bank_transaction
WHEN OLD.state <> 'unmatched' OR NEW.state <> 'manual'
  OR NEW.import_id IS NOT OLD.import_id OR NEW.external_ref IS NOT OLD.external_ref OR NEW.bank_ref IS NOT OLD.bank_ref
  OR NEW.booking_date IS NOT OLD.booking_date OR NEW.amount_ore IS NOT OLD.amount_ore OR NEW.kid IS NOT OLD.kid
  OR NEW.payer_name IS NOT OLD.payer_name OR NEW.payer_account IS NOT OLD.payer_account OR NEW.message IS NOT OLD.message
BEGIN SELECT RAISE(ABORT, 'a bank transaction is resolved once, and what the bank said never changes'); END;
CREATE TRIGGER bank_transaction_undeletable BEFORE DELETE ON bank_transaction
BEGIN SELECT RAISE(ABORT, 'a bank transaction cannot be deleted'); END;

-- Payments are matched by KID: find the invoice that carries it.
CREATE INDEX invoice_kid ON invoice (kid) WHERE kid IS NOT NULL;
