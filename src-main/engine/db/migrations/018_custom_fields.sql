-- Custom fields (Spesialfelter, issue 12): fields the administrator defines per
-- record kind, and their values, stored typed. A value lives in the column its
-- type needs: text, dates (ISO) and choices (the choice's key) in text_value;
-- numbers, amounts (øre) and yes/no (0/1) in int_value. Which record a value
-- belongs to is (field → entity, record_id).

CREATE TABLE custom_field (
  id          INTEGER PRIMARY KEY,
  entity      TEXT    NOT NULL CHECK (entity IN ('order', 'customer', 'product', 'project')),
  -- Stable name of the field in the API and the list (cf_<key>); never changes.
  key         TEXT    NOT NULL CHECK (length(key) BETWEEN 1 AND 40 AND key GLOB '[a-z]*' AND key NOT GLOB '*[^a-z0-9_]*'),
  type        TEXT    NOT NULL CHECK (type IN ('text', 'number', 'amount', 'date', 'yesno', 'choice')),
  label_nb    TEXT    NOT NULL CHECK (trim(label_nb) <> ''),
  label_en    TEXT,
  required    INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1)),
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  -- Shown as a column of the record kind's list unless the user hides it.
  list_column INTEGER NOT NULL DEFAULT 0 CHECK (list_column IN (0, 1)),
  sort_order  INTEGER NOT NULL,
  -- Bounds of a number or an amount (øre); NULL: none.
  min_value   INTEGER,
  max_value   INTEGER,
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT    NOT NULL,
  updated_at  TEXT    NOT NULL,
  UNIQUE (entity, key),
  CHECK (min_value IS NULL OR max_value IS NULL OR min_value <= max_value)
) STRICT;

CREATE TABLE custom_field_choice (
  field_id   INTEGER NOT NULL REFERENCES custom_field (id),
  key        TEXT    NOT NULL CHECK (length(key) BETWEEN 1 AND 40),
  label_nb   TEXT    NOT NULL CHECK (trim(label_nb) <> ''),
  label_en   TEXT,
  -- Folded Norwegian label (domain/fold.ts): what a list filter on the field compares.
  label_fold TEXT    NOT NULL,
  sort_order INTEGER NOT NULL,
  PRIMARY KEY (field_id, key)
) STRICT, WITHOUT ROWID;

CREATE TABLE custom_value (
  field_id   INTEGER NOT NULL REFERENCES custom_field (id),
  record_id  INTEGER NOT NULL,
  text_value TEXT,
  -- Folded copy of a text value, for the list's filters.
  text_fold  TEXT,
  int_value  INTEGER,
  -- A value is stored in exactly one column; no value is no row.
  CHECK ((text_value IS NULL) <> (int_value IS NULL)),
  PRIMARY KEY (field_id, record_id)
) STRICT, WITHOUT ROWID;
-- The list filters and sorts on one field's values.
CREATE INDEX custom_value_int ON custom_value (field_id, int_value) WHERE int_value IS NOT NULL;
CREATE INDEX custom_value_text ON custom_value (field_id, text_fold) WHERE text_fold IS NOT NULL;
CREATE INDEX custom_value_key ON custom_value (field_id, text_value) WHERE text_value IS NOT NULL;

-- A record that goes takes its values along: an id used again must not inherit them.
CREATE TRIGGER custom_value_order_gone AFTER DELETE ON order_header BEGIN
  DELETE FROM custom_value WHERE record_id = OLD.id AND field_id IN (SELECT id FROM custom_field WHERE entity = 'order');
END;
CREATE TRIGGER custom_value_party_gone AFTER DELETE ON party BEGIN
  DELETE FROM custom_value WHERE record_id = OLD.id AND field_id IN (SELECT id FROM custom_field WHERE entity = 'customer');
END;
CREATE TRIGGER custom_value_product_gone AFTER DELETE ON product BEGIN
  DELETE FROM custom_value WHERE record_id = OLD.id AND field_id IN (SELECT id FROM custom_field WHERE entity = 'product');
END;
CREATE TRIGGER custom_value_project_gone AFTER DELETE ON project BEGIN
  DELETE FROM custom_value WHERE record_id = OLD.id AND field_id IN (SELECT id FROM custom_field WHERE entity = 'project');
END;
