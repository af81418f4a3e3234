-- Working together on an order (issue 12, SPEC 6): comments, tasks, personal
-- reminders, followers and notifications.

-- Comments are append-only: a correction is a new comment that refers to the
-- old one. Like the activity log they outlive a deleted order (no foreign key).
CREATE TABLE order_comment (
  id          INTEGER PRIMARY KEY,
  order_id    INTEGER NOT NULL,
  text        TEXT    NOT NULL CHECK (length(trim(text)) > 0),
  corrects_id INTEGER REFERENCES order_comment (id),
  user_id     INTEGER REFERENCES app_user (id),
  at          TEXT    NOT NULL
) STRICT;
CREATE INDEX order_comment_order ON order_comment (order_id, id);
CREATE TRIGGER order_comment_append_only_update BEFORE UPDATE ON order_comment
BEGIN SELECT RAISE(ABORT, 'order_comment is append-only'); END;
CREATE TRIGGER order_comment_append_only_delete BEFORE DELETE ON order_comment
BEGIN SELECT RAISE(ABORT, 'order_comment is append-only'); END;

-- A task belongs to exactly one order or one project; its assignee is a user (or nobody yet).
CREATE TABLE task (
  id          INTEGER PRIMARY KEY,
  order_id    INTEGER REFERENCES order_header (id) ON DELETE CASCADE,
  project_id  INTEGER REFERENCES project (id),
  title       TEXT    NOT NULL CHECK (length(trim(title)) > 0),
  assignee_id INTEGER REFERENCES app_user (id),
  due_date    TEXT,
  done_at     TEXT,
  created_by  INTEGER REFERENCES app_user (id),
  created_at  TEXT    NOT NULL,
  updated_at  TEXT    NOT NULL,
  version     INTEGER NOT NULL DEFAULT 1,
  CHECK ((order_id IS NULL) <> (project_id IS NULL))
) STRICT;
CREATE INDEX task_order ON task (order_id) WHERE order_id IS NOT NULL;
CREATE INDEX task_project ON task (project_id) WHERE project_id IS NOT NULL;
CREATE INDEX task_assignee_open ON task (assignee_id, due_date) WHERE done_at IS NULL;

-- A personal reminder: only its user sees it (for_user_id NULL only on a workstation without users).
CREATE TABLE note (
  id          INTEGER PRIMARY KEY,
  order_id    INTEGER NOT NULL REFERENCES order_header (id) ON DELETE CASCADE,
  for_user_id INTEGER REFERENCES app_user (id),
  date        TEXT    NOT NULL,
  text        TEXT    NOT NULL CHECK (length(trim(text)) > 0),
  done_at     TEXT,
  created_by  INTEGER REFERENCES app_user (id),
  created_at  TEXT    NOT NULL,
  updated_at  TEXT    NOT NULL,
  version     INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX note_user_date ON note (for_user_id, date) WHERE done_at IS NULL;
CREATE INDEX note_order ON note (order_id);

-- Who follows an order. following = 0 remembers that a user stopped following,
-- so following automatically (as creator or responsible) never overrides it.
CREATE TABLE order_follower (
  order_id  INTEGER NOT NULL REFERENCES order_header (id) ON DELETE CASCADE,
  user_id   INTEGER NOT NULL REFERENCES app_user (id),
  following INTEGER NOT NULL CHECK (following IN (0, 1)),
  since     TEXT    NOT NULL,
  PRIMARY KEY (order_id, user_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX order_follower_user ON order_follower (user_id);

-- Notifications per user (user_id NULL: a workstation without users). A change
-- (one writing call) notifies each recipient at most once per order; a reminder
-- or task come due, once per user and date. The texts are kept in both languages
-- as they were when it happened; the order they open may since have been deleted.
CREATE TABLE notification (
  id         INTEGER PRIMARY KEY,
  user_id    INTEGER REFERENCES app_user (id),
  kind       TEXT    NOT NULL CHECK (kind IN ('change', 'note_due', 'task_due')),
  at         TEXT    NOT NULL,
  actor_id   INTEGER REFERENCES app_user (id),
  -- The first activity entry of the change (kind 'change').
  change_id  INTEGER,
  order_id   INTEGER,
  project_id INTEGER,
  task_id    INTEGER,
  note_id    INTEGER,
  due_date   TEXT,
  text_nb    TEXT    NOT NULL,
  text_en    TEXT    NOT NULL,
  read_at    TEXT
) STRICT;
CREATE UNIQUE INDEX notification_once_per_change
  ON notification (change_id, ifnull(user_id, 0), ifnull(order_id, 0), ifnull(project_id, 0)) WHERE kind = 'change';
CREATE UNIQUE INDEX notification_once_per_due
  ON notification (kind, ifnull(task_id, note_id), ifnull(user_id, 0), due_date) WHERE kind <> 'change';
CREATE INDEX notification_user ON notification (user_id, id);
CREATE INDEX notification_unread ON notification (user_id) WHERE read_at IS NULL;
