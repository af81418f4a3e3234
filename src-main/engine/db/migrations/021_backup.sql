-- Backup and restore (issue 13): where backups go, how many automatic ones are
-- kept, and every backup taken (the newest is shown in Innstillinger and decides
-- the top bar's warning). A backup never holds its own row: it is written once
-- the copy is complete.
CREATE TABLE backup_setting (
  id              INTEGER PRIMARY KEY CHECK (id = 1),
  -- NULL: the default folder beside the company file (<folder>/Sikkerhetskopier).
  folder          TEXT,
  keep_automatic  INTEGER NOT NULL DEFAULT 7 CHECK (keep_automatic BETWEEN 1 AND 365),
  updated_at      TEXT    NOT NULL
) STRICT;

CREATE TABLE backup_log (
  id         INTEGER PRIMARY KEY,
  taken_at   TEXT    NOT NULL,
  file       TEXT    NOT NULL,
  automatic  INTEGER NOT NULL CHECK (automatic IN (0, 1)),
  bytes      INTEGER NOT NULL CHECK (bytes >= 0),
  user_id    INTEGER REFERENCES app_user (id)
) STRICT;
CREATE INDEX backup_log_taken ON backup_log (taken_at);
