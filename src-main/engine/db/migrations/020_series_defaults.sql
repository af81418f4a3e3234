-- Number series and the defaults the engine reads (issue 13).
--
-- Products get a number series of their own: a product made without a typed
-- number takes the next one (typed numbers stay as they are, and the series
-- steps over a number someone typed). OR IGNORE: the import part of issue 13
-- may bring the same row; one of them is enough.
INSERT OR IGNORE INTO number_series (name, next_value) VALUES ('product', 1001);

-- Default order type per source (SPEC 8): an order entered by hand, and one
-- imported from the web shop or EDI that does not name its type itself.
ALTER TABLE company ADD COLUMN default_order_type_manual INTEGER NOT NULL DEFAULT 1
  CHECK (default_order_type_manual IN (1, 2, 3, 5, 7));
ALTER TABLE company ADD COLUMN default_order_type_import INTEGER NOT NULL DEFAULT 6
  CHECK (default_order_type_import IN (1, 6, 7));
-- The invoice method (fakturametode) a new customer gets unless it is given one.
ALTER TABLE company ADD COLUMN default_invoice_method TEXT NOT NULL DEFAULT 'print'
  CHECK (default_invoice_method IN ('print', 'email', 'ehf'));
-- The language a new customer's or supplier's documents are printed in unless it is given one.
ALTER TABLE company ADD COLUMN document_language TEXT NOT NULL DEFAULT 'nb'
  CHECK (document_language IN ('nb', 'en'));

-- A customer's own invoice method; the existing ones keep what they had in effect (paper).
ALTER TABLE party ADD COLUMN invoice_method TEXT NOT NULL DEFAULT 'print'
  CHECK (invoice_method IN ('print', 'email', 'ehf'));
