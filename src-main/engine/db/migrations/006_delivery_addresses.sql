-- Customers' delivery addresses (SPEC 5). The delivery_address table has been
-- there since 001; it gets the order the clerk gave the rows, as contacts have.
ALTER TABLE delivery_address ADD COLUMN sort_order INTEGER NOT NULL DEFAULT 0;

-- The address an order ships to: a copy taken when it was chosen, so that the
-- order keeps the address it was shipped to even if the customer's list changes
-- later (the same reason documents are archived as issued). delivery_address_id
-- names the row it was copied from while that row exists.
CREATE TABLE order_delivery_address (
  order_id            INTEGER PRIMARY KEY REFERENCES order_header (id) ON DELETE CASCADE,
  delivery_address_id INTEGER REFERENCES delivery_address (id) ON DELETE SET NULL,
  name                TEXT    NOT NULL,
  address_line1       TEXT,
  postal_code         TEXT,
  city                TEXT,
  country             TEXT    NOT NULL DEFAULT 'NO'
) STRICT;
CREATE INDEX order_delivery_address_source ON order_delivery_address (delivery_address_id);
