-- People and projects (issue 12, SPEC 5): employees are "our contact" and
-- responsible for orders; projects group sales and purchase orders. Every order
-- is reachable from its customer, contact, employee and project, so each of
-- those has an index the order list filters by.

CREATE TABLE employee (
  id         INTEGER PRIMARY KEY,
  name       TEXT    NOT NULL CHECK (length(trim(name)) > 0),
  -- Folded copy for search (domain/fold.ts), written by the repository.
  name_fold  TEXT    NOT NULL,
  -- Initials are how an employee is shown in dense lists; unique among employees.
  initials   TEXT    NOT NULL UNIQUE CHECK (length(initials) BETWEEN 1 AND 6),
  phone      TEXT,
  email      TEXT,
  -- The user who logs in as this employee (at most one employee per user).
  user_id    INTEGER UNIQUE REFERENCES app_user (id),
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  version    INTEGER NOT NULL DEFAULT 1,
  created_at TEXT    NOT NULL,
  updated_at TEXT    NOT NULL
) STRICT;

CREATE TABLE project (
  id             INTEGER PRIMARY KEY,
  number         INTEGER NOT NULL UNIQUE,
  name           TEXT    NOT NULL CHECK (length(trim(name)) > 0),
  name_fold      TEXT    NOT NULL,
  party_id       INTEGER REFERENCES party (id),
  responsible_id INTEGER REFERENCES employee (id),
  status         TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('planned', 'active', 'completed', 'cancelled')),
  start_date     TEXT,
  end_date       TEXT,
  description    TEXT,
  version        INTEGER NOT NULL DEFAULT 1,
  created_at     TEXT    NOT NULL,
  updated_at     TEXT    NOT NULL,
  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
) STRICT;
CREATE INDEX project_party ON project (party_id);
CREATE INDEX project_responsible ON project (responsible_id);
INSERT INTO number_series (name, next_value) VALUES ('project', 1001);

-- The order header as Axos has it: a title, our contact and the responsible
-- employee, and the project it belongs to (sales and purchase orders alike).
ALTER TABLE order_header ADD COLUMN title TEXT;
-- Folded copy of the title for the list's column filter (domain/fold.ts).
ALTER TABLE order_header ADD COLUMN title_fold TEXT;
ALTER TABLE order_header ADD COLUMN our_contact_id INTEGER REFERENCES employee (id);
ALTER TABLE order_header ADD COLUMN responsible_id INTEGER REFERENCES employee (id);
ALTER TABLE order_header ADD COLUMN project_id INTEGER REFERENCES project (id);
CREATE INDEX order_contact_date ON order_header (contact_id, order_date, id) WHERE contact_id IS NOT NULL;
CREATE INDEX order_responsible_date ON order_header (responsible_id, order_date, id) WHERE responsible_id IS NOT NULL;
CREATE INDEX order_our_contact_date ON order_header (our_contact_id, order_date, id) WHERE our_contact_id IS NOT NULL;
CREATE INDEX order_project_date ON order_header (project_id, order_date, id) WHERE project_id IS NOT NULL;
