-- Search that folds Norwegian letters (issue 10): SQLite's NOCASE and LIKE fold
-- A–Z only, so "åsane" never found "Åsane". Every searched text gets a folded
-- copy (domain/fold.ts), written by the repositories on every write; searches
-- fold their input the same way and compare with plain LIKE or ranges.
--
-- The backfill calls ordrebok_fold(), the same JS fold registered on each
-- connection (db/connection.ts). It is used here only, never in an index,
-- CHECK, trigger or view, so a plain sqlite3 tool still reads and checks the file.
ALTER TABLE party ADD COLUMN name_fold TEXT NOT NULL DEFAULT '';
ALTER TABLE party ADD COLUMN city_fold TEXT NOT NULL DEFAULT '';
UPDATE party SET name_fold = ordrebok_fold(name), city_fold = ordrebok_fold(coalesce(city, ''));

ALTER TABLE product ADD COLUMN number_fold TEXT NOT NULL DEFAULT '';
ALTER TABLE product ADD COLUMN name_fold TEXT NOT NULL DEFAULT '';
UPDATE product SET number_fold = ordrebok_fold(number), name_fold = ordrebok_fold(name);
-- The lookup finds product numbers by prefix (a range on this index).
CREATE INDEX product_number_fold ON product (number_fold);

ALTER TABLE order_header ADD COLUMN reference_fold TEXT;
UPDATE order_header SET reference_fold = ordrebok_fold(customer_reference) WHERE customer_reference IS NOT NULL;

-- What has been invoiced on each order, net of credit notes (SPEC 4), for the
-- order list's "Fakturert" column; kept by the invoice repository as invoices are written.
ALTER TABLE order_header ADD COLUMN invoiced_net_ore INTEGER NOT NULL DEFAULT 0;
-- One pass over the invoice lines (they have no index by order).
UPDATE order_header SET invoiced_net_ore = t.total
FROM (SELECT order_id, sum(amount_ore) AS total FROM invoice_line WHERE order_id IS NOT NULL GROUP BY order_id) AS t
WHERE t.order_id = order_header.id;
CREATE INDEX order_by_invoiced ON order_header (transaction_type, invoiced_net_ore, id);

-- Statistics for the new indexes at once (bounded, as at open): an index without
-- them looks so selective to the planner that it took order_by_invoiced for every
-- list sorted by date or customer (measured: 1 ms → 220 ms on 20,000 orders).
PRAGMA analysis_limit = 1000;
ANALYZE order_by_invoiced;
ANALYZE product_number_fold;
