-- Issue 9, the rules at the edges: what an issued invoice charged is kept as
-- issued; goods that come back are recorded as a return beside the deliveries;
-- each subscription period keeps the interval it was invoiced for; a quote finds
-- the order it was converted to.

-- An issued invoice's VAT table, and whether the seller charged VAT, as issued
-- (SPEC 9: an issued invoice never changes), not recomputed with today's settings.
CREATE TABLE invoice_vat (
  invoice_id INTEGER NOT NULL REFERENCES invoice (id),
  vat_code   TEXT    NOT NULL CHECK (vat_code IN ('25', '15', '12', '0')),
  rate_bp    INTEGER NOT NULL CHECK (rate_bp BETWEEN 0 AND 10000),
  base_ore   INTEGER NOT NULL,
  vat_ore    INTEGER NOT NULL,
  PRIMARY KEY (invoice_id, vat_code)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER invoice_vat_immutable BEFORE UPDATE ON invoice_vat
BEGIN SELECT RAISE(ABORT, 'an issued invoice cannot be changed'); END;
CREATE TRIGGER invoice_vat_undeletable BEFORE DELETE ON invoice_vat
BEGIN SELECT RAISE(ABORT, 'an issued invoice cannot be deleted'); END;

-- The flag is written once, for the invoices issued before this version; the
-- trigger that keeps invoices unchanged steps aside for that and comes back as it was.
DROP TRIGGER invoice_immutable;
ALTER TABLE invoice ADD COLUMN vat_registered INTEGER NOT NULL DEFAULT 1 CHECK (vat_registered IN (0, 1));
-- An invoice that charged VAT was issued VAT registered; one that charged none, as the company is now.
UPDATE invoice SET vat_registered = CASE WHEN total_vat_ore <> 0 THEN 1
  ELSE coalesce((SELECT vat_registered FROM company WHERE id = 1), 1) END;
CREATE TRIGGER invoice_immutable BEFORE UPDATE ON invoice
WHEN NOT (OLD.voided = 0 AND NEW.voided = 1 AND OLD.number = NEW.number AND OLD.total_gross_ore = NEW.total_gross_ore)
BEGIN SELECT RAISE(ABORT, 'an issued invoice cannot be changed'); END;

-- Their VAT tables, by the rule the engine issued them with: VAT per rate on the
-- sum of the lines at that rate, rounded half away from zero to the øre.
INSERT INTO invoice_vat (invoice_id, vat_code, rate_bp, base_ore, vat_ore)
SELECT invoice_id, vat_code, rate_bp, base_ore, CAST(round(base_ore * rate_bp / 10000.0) AS INTEGER)
FROM (
  SELECT l.invoice_id, l.vat_code,
    CASE WHEN i.vat_registered = 0 THEN 0
         ELSE CASE l.vat_code WHEN '25' THEN 2500 WHEN '15' THEN 1500 WHEN '12' THEN 1200 ELSE 0 END END AS rate_bp,
    sum(l.amount_ore) AS base_ore
  FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id
  GROUP BY l.invoice_id, l.vat_code
);

-- Goods that come back when an order moves back past shipping are a return: a
-- delivery of kind 'return', for every product (the stock movement is there only
-- for stock-managed goods). Delivered = deliveries less returns.
ALTER TABLE delivery ADD COLUMN kind TEXT NOT NULL DEFAULT 'delivery' CHECK (kind IN ('delivery', 'return'));
INSERT INTO delivery (order_id, delivered_at, user_id, kind)
SELECT l.order_id, m.created_at, max(m.user_id), 'return'
FROM stock_movement m JOIN order_line l ON l.id = m.order_line_id
WHERE m.cause = 'return'
GROUP BY l.order_id, m.created_at;
INSERT INTO delivery_line (delivery_id, order_line_id, quantity)
SELECT d.id, m.order_line_id, sum(m.quantity)
FROM stock_movement m JOIN order_line l ON l.id = m.order_line_id
JOIN delivery d ON d.kind = 'return' AND d.order_id = l.order_id AND d.delivered_at = m.created_at
WHERE m.cause = 'return'
GROUP BY d.id, m.order_line_id;

-- Each subscription period keeps the interval it was invoiced for, so a period
-- that is paid for is never invoiced again when the subscription restarts.
ALTER TABLE subscription_run ADD COLUMN interval TEXT NOT NULL DEFAULT 'monthly'
  CHECK (interval IN ('monthly', 'quarterly', 'yearly'));
UPDATE subscription_run SET interval = coalesce(
  (SELECT o.subscription_interval FROM order_header o WHERE o.id = subscription_run.order_id), 'monthly');

-- A quote converts once: the order made from it is found from the quote.
CREATE INDEX order_source ON order_header (source_order_id) WHERE source_order_id IS NOT NULL;
