-- Jobs (issue 12, SPEC 4): a job is assigned to an employee, has a planned date
-- and a duration; a repeating job is a schedule that makes its jobs ahead of time.

-- A repeating job: every N days, weekly on given weekdays, or monthly on a day
-- (31 falls on the last day of shorter months). It makes the jobs of its dates up
-- to a horizon ahead (services/jobs.ts): each job keeps the schedule's date it was
-- made for (schedule_date, unique per schedule, kept when the job is moved to
-- another day), so a date is never made twice. generated_through is how far its
-- jobs have been made (never past its end).
CREATE TABLE job_schedule (
  id                INTEGER PRIMARY KEY,
  order_id          INTEGER NOT NULL REFERENCES order_header (id) ON DELETE CASCADE,
  title             TEXT    NOT NULL CHECK (length(trim(title)) > 0),
  employee_id       INTEGER REFERENCES employee (id),
  duration_minutes  INTEGER CHECK (duration_minutes BETWEEN 1 AND 10080),
  kind              TEXT    NOT NULL CHECK (kind IN ('days', 'weekly', 'monthly')),
  every_days        INTEGER CHECK (every_days BETWEEN 1 AND 366),
  -- Monday = 1, Tuesday = 2, Wednesday = 4 … Sunday = 64.
  weekdays          INTEGER CHECK (weekdays BETWEEN 1 AND 127),
  month_day         INTEGER CHECK (month_day BETWEEN 1 AND 31),
  start_date        TEXT    NOT NULL,
  -- The last date it makes a job for; null while it goes on.
  end_date          TEXT,
  generated_through TEXT    NOT NULL,
  created_at        TEXT    NOT NULL,
  CHECK ((kind = 'days') = (every_days IS NOT NULL)),
  CHECK ((kind = 'weekly') = (weekdays IS NOT NULL)),
  CHECK ((kind = 'monthly') = (month_day IS NOT NULL))
) STRICT;
CREATE INDEX job_schedule_order ON job_schedule (order_id);

ALTER TABLE job ADD COLUMN employee_id INTEGER REFERENCES employee (id);
ALTER TABLE job ADD COLUMN duration_minutes INTEGER CHECK (duration_minutes BETWEEN 1 AND 10080);
ALTER TABLE job ADD COLUMN schedule_id INTEGER REFERENCES job_schedule (id) ON DELETE CASCADE;
-- The schedule's date the job was made for; the job's planned date may be moved from it.
ALTER TABLE job ADD COLUMN schedule_date TEXT;
-- Never two jobs for one date of a schedule.
CREATE UNIQUE INDEX job_schedule_date ON job (schedule_id, schedule_date) WHERE schedule_id IS NOT NULL;
CREATE INDEX job_employee ON job (employee_id) WHERE employee_id IS NOT NULL;

-- The free-text employee becomes the employee of that name or initials when one
-- exists (folded as the employee search folds, domain/fold.ts); otherwise the text
-- is kept, renamed employee_text, and the job shows it until someone is assigned.
ALTER TABLE job RENAME COLUMN employee TO employee_text;
UPDATE job SET employee_id = (
  SELECT e.id FROM employee e
  WHERE e.name_fold = ordrebok_fold(trim(job.employee_text)) OR e.initials = upper(trim(job.employee_text))
  ORDER BY e.active DESC, e.id LIMIT 1
) WHERE employee_text IS NOT NULL AND trim(employee_text) <> '';
UPDATE job SET employee_text = NULL WHERE employee_id IS NOT NULL OR trim(employee_text) = '';

-- A job that repeated every N days (the next round was made as it was completed)
-- becomes a schedule: one per order, title and interval (completing made a chain of
-- such jobs), starting at the chain's first planned date (or the order's date), made
-- through the chain's last date. The chain's jobs belong to it, one per date.
INSERT INTO job_schedule (order_id, title, employee_id, kind, every_days, start_date, generated_through, created_at)
SELECT j.order_id, j.title,
       (SELECT j2.employee_id FROM job j2 WHERE j2.order_id = j.order_id AND j2.title = j.title
          AND j2.repeat_interval_days = j.repeat_interval_days ORDER BY j2.id DESC LIMIT 1),
       'days', j.repeat_interval_days,
       coalesce(min(j.planned_date), o.order_date),
       coalesce(max(j.planned_date), o.order_date),
       strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM job j JOIN order_header o ON o.id = j.order_id
WHERE j.repeat_interval_days IS NOT NULL
GROUP BY j.order_id, j.title, j.repeat_interval_days;

-- (A chain's job without a planned date stays a job of its own.)
UPDATE job SET
  schedule_id = (SELECT s.id FROM job_schedule s WHERE s.order_id = job.order_id AND s.title = job.title AND s.every_days = job.repeat_interval_days),
  schedule_date = planned_date
WHERE repeat_interval_days IS NOT NULL AND planned_date IS NOT NULL
  AND id = (SELECT min(j2.id) FROM job j2 WHERE j2.order_id = job.order_id AND j2.title = job.title
              AND j2.repeat_interval_days = job.repeat_interval_days AND j2.planned_date = job.planned_date);

ALTER TABLE job DROP COLUMN repeat_interval_days;
