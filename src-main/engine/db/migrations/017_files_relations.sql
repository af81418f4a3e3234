-- Files and relations on orders (issue 12).

-- A file attached to an order (sales or purchase). The bytes live in this
-- database, never beside it, so a backup (a copy of the file) takes them along
-- and the file and its activity-log entry are written in one transaction.
-- The bytes sit in their own table so that listing files never reads them.
CREATE TABLE order_file (
  id          INTEGER PRIMARY KEY,
  order_id    INTEGER NOT NULL REFERENCES order_header (id) ON DELETE CASCADE,
  name        TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
  mime        TEXT    NOT NULL,
  size_bytes  INTEGER NOT NULL CHECK (size_bytes >= 0),
  -- Hex SHA-256 of the bytes, checked on every read.
  sha256      TEXT    NOT NULL CHECK (length(sha256) = 64),
  created_at  TEXT    NOT NULL,
  created_by  INTEGER REFERENCES app_user (id)
) STRICT;
CREATE INDEX order_file_order ON order_file (order_id, id);

CREATE TABLE order_file_content (
  file_id INTEGER PRIMARY KEY REFERENCES order_file (id) ON DELETE CASCADE,
  bytes   BLOB    NOT NULL
) STRICT;

-- Links a clerk makes by hand: an order to another order (quote, sales or purchase
-- order) or to a project. The links the program makes itself (quote -> order,
-- backorders, purchase amendments) stay where they are stored and are read from there.
CREATE TABLE order_relation (
  id             INTEGER PRIMARY KEY,
  order_id       INTEGER NOT NULL REFERENCES order_header (id) ON DELETE CASCADE,
  other_order_id INTEGER REFERENCES order_header (id) ON DELETE CASCADE,
  project_id     INTEGER REFERENCES project (id) ON DELETE CASCADE,
  note           TEXT,
  created_at     TEXT    NOT NULL,
  created_by     INTEGER REFERENCES app_user (id),
  CHECK ((other_order_id IS NULL) <> (project_id IS NULL)),
  CHECK (other_order_id IS NULL OR other_order_id <> order_id)
) STRICT;
-- A pair of orders is linked once, whichever side it was made from.
CREATE UNIQUE INDEX order_relation_pair ON order_relation (min(order_id, other_order_id), max(order_id, other_order_id))
  WHERE other_order_id IS NOT NULL;
CREATE UNIQUE INDEX order_relation_project ON order_relation (order_id, project_id) WHERE project_id IS NOT NULL;
CREATE INDEX order_relation_other ON order_relation (other_order_id) WHERE other_order_id IS NOT NULL;
CREATE INDEX order_relation_by_project ON order_relation (project_id) WHERE project_id IS NOT NULL;
