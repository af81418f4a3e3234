-- Import of customers, suppliers and products (issue 13): the column mapping of the
-- last import of each kind, remembered so that the next file from the same system
-- is mapped as the clerk left it. mapping_json: { field: column header | null }.
CREATE TABLE import_mapping (
  kind         TEXT    PRIMARY KEY CHECK (kind IN ('customers', 'suppliers', 'products')),
  mapping_json TEXT    NOT NULL CHECK (json_valid(mapping_json)),
  updated_at   TEXT    NOT NULL,
  user_id      INTEGER
) STRICT;
