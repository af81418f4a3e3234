-- The status flow editor (issue 13): a status may have a colour, and a status
-- the administrator removed (or a preset switch left out) is remembered by its
-- kind, so that what the activity log says of it (the status an order stood in
-- before it was invoiced, which voiding an invoice restores) still leads to a
-- status of the same kind.
ALTER TABLE status ADD COLUMN colour TEXT CHECK (colour IS NULL OR (length(colour) = 7 AND colour GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'));

CREATE TABLE status_removed (
  id               INTEGER PRIMARY KEY,
  transaction_type TEXT    NOT NULL,
  kind             TEXT    NOT NULL,
  label_nb         TEXT    NOT NULL,
  label_en         TEXT    NOT NULL,
  removed_at       TEXT    NOT NULL
) STRICT;
