-- Counts that let the order list find row N sorted by number or by customer
-- without stepping over N index entries (the date sort has them since v1):
-- per status and in total, orders per block of 1024 order numbers and per
-- customer sort key. Kept by triggers, like the status and day counts.

CREATE TABLE order_number_block (
  transaction_type TEXT    NOT NULL,
  status_id        INTEGER NOT NULL,
  block            INTEGER NOT NULL,
  n                INTEGER NOT NULL,
  PRIMARY KEY (transaction_type, status_id, block)
) STRICT, WITHOUT ROWID;
CREATE TABLE order_number_block_total (
  transaction_type TEXT    NOT NULL,
  block            INTEGER NOT NULL,
  n                INTEGER NOT NULL,
  PRIMARY KEY (transaction_type, block)
) STRICT, WITHOUT ROWID;
CREATE TABLE order_customer_count (
  transaction_type TEXT    NOT NULL,
  status_id        INTEGER NOT NULL,
  customer_sort    TEXT    NOT NULL,
  n                INTEGER NOT NULL,
  PRIMARY KEY (transaction_type, status_id, customer_sort)
) STRICT, WITHOUT ROWID;
CREATE TABLE order_customer_total (
  transaction_type TEXT    NOT NULL,
  customer_sort    TEXT    NOT NULL,
  n                INTEGER NOT NULL,
  PRIMARY KEY (transaction_type, customer_sort)
) STRICT, WITHOUT ROWID;

INSERT INTO order_number_block SELECT transaction_type, status_id, number / 1024, count(*) FROM order_header GROUP BY 1, 2, 3;
INSERT INTO order_number_block_total SELECT transaction_type, number / 1024, count(*) FROM order_header GROUP BY 1, 2;
INSERT INTO order_customer_count SELECT transaction_type, status_id, customer_sort, count(*) FROM order_header GROUP BY 1, 2, 3;
INSERT INTO order_customer_total SELECT transaction_type, customer_sort, count(*) FROM order_header GROUP BY 1, 2;

CREATE TRIGGER order_positions_insert AFTER INSERT ON order_header BEGIN
  INSERT INTO order_number_block VALUES (NEW.transaction_type, NEW.status_id, NEW.number / 1024, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO order_number_block_total VALUES (NEW.transaction_type, NEW.number / 1024, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO order_customer_count VALUES (NEW.transaction_type, NEW.status_id, NEW.customer_sort, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO order_customer_total VALUES (NEW.transaction_type, NEW.customer_sort, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER order_positions_delete AFTER DELETE ON order_header BEGIN
  UPDATE order_number_block SET n = n - 1
    WHERE transaction_type = OLD.transaction_type AND status_id = OLD.status_id AND block = OLD.number / 1024;
  UPDATE order_number_block_total SET n = n - 1
    WHERE transaction_type = OLD.transaction_type AND block = OLD.number / 1024;
  UPDATE order_customer_count SET n = n - 1
    WHERE transaction_type = OLD.transaction_type AND status_id = OLD.status_id AND customer_sort = OLD.customer_sort;
  UPDATE order_customer_total SET n = n - 1
    WHERE transaction_type = OLD.transaction_type AND customer_sort = OLD.customer_sort;
END;

CREATE TRIGGER order_positions_update AFTER UPDATE OF status_id, customer_sort, number, transaction_type ON order_header
WHEN OLD.status_id IS NOT NEW.status_id OR OLD.customer_sort IS NOT NEW.customer_sort
  OR OLD.number IS NOT NEW.number OR OLD.transaction_type IS NOT NEW.transaction_type
BEGIN
  UPDATE order_number_block SET n = n - 1
    WHERE transaction_type = OLD.transaction_type AND status_id = OLD.status_id AND block = OLD.number / 1024;
  UPDATE order_number_block_total SET n = n - 1
    WHERE transaction_type = OLD.transaction_type AND block = OLD.number / 1024;
  UPDATE order_customer_count SET n = n - 1
    WHERE transaction_type = OLD.transaction_type AND status_id = OLD.status_id AND customer_sort = OLD.customer_sort;
  UPDATE order_customer_total SET n = n - 1
    WHERE transaction_type = OLD.transaction_type AND customer_sort = OLD.customer_sort;
  INSERT INTO order_number_block VALUES (NEW.transaction_type, NEW.status_id, NEW.number / 1024, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO order_number_block_total VALUES (NEW.transaction_type, NEW.number / 1024, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO order_customer_count VALUES (NEW.transaction_type, NEW.status_id, NEW.customer_sort, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO order_customer_total VALUES (NEW.transaction_type, NEW.customer_sort, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
