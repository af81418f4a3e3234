// Statements behind jobs and repeating jobs (issue 12).
import type { Job, JobRepeat, JobSchedule } from '../../../shared/channels/jobs';
import type { StatusKind } from '../../../shared/enums';
import { stmt, type Db } from '../db/connection';

interface JobRow {
  id: number;
  order_id: number;
  title: string;
  employee_id: number | null;
  employee_name: string | null;
  employee_initials: string | null;
  employee_text: string | null;
  planned_date: string | null;
  duration_minutes: number | null;
  schedule_id: number | null;
  schedule_date: string | null;
  started_at: string | null;
  completed_at: string | null;
}

const JOB_SELECT = `SELECT j.id, j.order_id, j.title, j.employee_id, e.name AS employee_name, e.initials AS employee_initials,
  j.employee_text, j.planned_date, j.duration_minutes, j.schedule_id, j.schedule_date, j.started_at, j.completed_at
  FROM job j LEFT JOIN employee e ON e.id = j.employee_id`;

const toJob = (r: JobRow): Job => ({
  id: r.id,
  orderId: r.order_id,
  title: r.title,
  employeeId: r.employee_id,
  employeeName: r.employee_name,
  employeeInitials: r.employee_initials,
  employeeText: r.employee_text,
  plannedDate: r.planned_date,
  durationMinutes: r.duration_minutes,
  scheduleId: r.schedule_id,
  scheduleDate: r.schedule_date,
  startedAt: r.started_at,
  completedAt: r.completed_at,
});

/** By planned date (undated last), then as added. */
export function jobsOf(db: Db, orderId: number): Job[] {
  return (stmt(db, `${JOB_SELECT} WHERE j.order_id = ? ORDER BY j.planned_date IS NULL, j.planned_date, j.id`).all(orderId) as JobRow[]).map(toJob);
}

export function getJob(db: Db, id: number): Job | null {
  const r = stmt(db, `${JOB_SELECT} WHERE j.id = ?`).get(id) as JobRow | undefined;
  return r ? toJob(r) : null;
}

export interface JobValues {
  readonly title: string;
  readonly employeeId: number | null;
  readonly plannedDate: string | null;
  readonly durationMinutes: number | null;
}

export function insertJob(db: Db, orderId: number, v: JobValues): number {
  return Number(
    stmt(db, 'INSERT INTO job (order_id, title, employee_id, planned_date, duration_minutes) VALUES (?, ?, ?, ?, ?)').run(
      orderId,
      v.title,
      v.employeeId,
      v.plannedDate,
      v.durationMinutes,
    ).lastInsertRowid,
  );
}

/** A repeating job's job for one of its dates; false when that date has one already (the unique index). */
export function insertScheduledJob(db: Db, s: JobSchedule, date: string): boolean {
  return (
    stmt(
      db,
      `INSERT INTO job (order_id, title, employee_id, planned_date, duration_minutes, schedule_id, schedule_date)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    ).run(s.orderId, s.title, s.employeeId, date, s.durationMinutes, s.id, date).changes === 1
  );
}

/** A job's who, when and how long; the free-text employee kept from before goes once someone is assigned. */
export function updateJob(db: Db, id: number, v: JobValues): void {
  stmt(
    db,
    `UPDATE job SET title = ?, employee_id = ?, planned_date = ?, duration_minutes = ?,
       employee_text = CASE WHEN ? IS NULL THEN employee_text END WHERE id = ?`,
  ).run(v.title, v.employeeId, v.plannedDate, v.durationMinutes, v.employeeId, id);
}

export function setJobTime(db: Db, id: number, field: 'started_at' | 'completed_at', at: string): void {
  const sql = field === 'started_at' ? 'UPDATE job SET started_at = ? WHERE id = ?' : 'UPDATE job SET completed_at = ? WHERE id = ?';
  stmt(db, sql).run(at, id);
}

/** A repeating job's jobs after a date that are not started (ending it removes them). */
export function deleteUnstartedJobsAfter(db: Db, scheduleId: number, date: string): number {
  return stmt(db, 'DELETE FROM job WHERE schedule_id = ? AND schedule_date > ? AND started_at IS NULL').run(scheduleId, date).changes;
}

// ---- Repeating jobs ----

interface ScheduleRow {
  id: number;
  order_id: number;
  title: string;
  employee_id: number | null;
  employee_initials: string | null;
  duration_minutes: number | null;
  kind: 'days' | 'weekly' | 'monthly';
  every_days: number | null;
  weekdays: number | null;
  month_day: number | null;
  start_date: string;
  end_date: string | null;
  generated_through: string;
}

const SCHEDULE_SELECT = `SELECT s.*, e.initials AS employee_initials FROM job_schedule s LEFT JOIN employee e ON e.id = s.employee_id`;

/** Weekdays 1–7 as bits: Monday 1, Tuesday 2, Wednesday 4 … Sunday 64. */
const toMask = (days: readonly number[]) => days.reduce((m, d) => m | (1 << (d - 1)), 0);
const fromMask = (mask: number) => [1, 2, 3, 4, 5, 6, 7].filter((d) => (mask & (1 << (d - 1))) !== 0);

function repeatOf(r: ScheduleRow): JobRepeat {
  if (r.kind === 'days') return { kind: 'days', everyDays: r.every_days! };
  if (r.kind === 'weekly') return { kind: 'weekly', weekdays: fromMask(r.weekdays!) };
  return { kind: 'monthly', monthDay: r.month_day! };
}

const toSchedule = (r: ScheduleRow): JobSchedule => ({
  id: r.id,
  orderId: r.order_id,
  title: r.title,
  employeeId: r.employee_id,
  employeeInitials: r.employee_initials,
  durationMinutes: r.duration_minutes,
  repeat: repeatOf(r),
  startDate: r.start_date,
  endDate: r.end_date,
  generatedThrough: r.generated_through,
});

export function schedulesOf(db: Db, orderId: number): JobSchedule[] {
  return (stmt(db, `${SCHEDULE_SELECT} WHERE s.order_id = ? ORDER BY s.id`).all(orderId) as ScheduleRow[]).map(toSchedule);
}

export function getSchedule(db: Db, id: number): JobSchedule | null {
  const r = stmt(db, `${SCHEDULE_SELECT} WHERE s.id = ?`).get(id) as ScheduleRow | undefined;
  return r ? toSchedule(r) : null;
}

export function insertSchedule(
  db: Db,
  orderId: number,
  v: JobValues & { readonly repeat: JobRepeat; readonly startDate: string; readonly generatedThrough: string },
  now: string,
): number {
  const r = v.repeat;
  return Number(
    stmt(
      db,
      `INSERT INTO job_schedule (order_id, title, employee_id, duration_minutes, kind, every_days, weekdays, month_day,
         start_date, generated_through, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      orderId,
      v.title,
      v.employeeId,
      v.durationMinutes,
      r.kind,
      r.kind === 'days' ? r.everyDays : null,
      r.kind === 'weekly' ? toMask(r.weekdays) : null,
      r.kind === 'monthly' ? r.monthDay : null,
      v.startDate,
      v.generatedThrough,
      now,
    ).lastInsertRowid,
  );
}

export function setGeneratedThrough(db: Db, id: number, date: string): void {
  stmt(db, 'UPDATE job_schedule SET generated_through = ? WHERE id = ?').run(date, id);
}

/** Ends a schedule: its jobs are made through the end at most. */
export function setScheduleEnd(db: Db, id: number, endDate: string): void {
  stmt(db, 'UPDATE job_schedule SET end_date = ?, generated_through = min(generated_through, ?) WHERE id = ?').run(endDate, endDate, id);
}

/**
 * Repeating jobs that may have dates to make between `from` and `through`: begun
 * by then, not ended before `from`, on orders in the given kinds; of one order, or all.
 */
export function activeSchedules(db: Db, from: string, through: string, kinds: readonly StatusKind[], orderId: number | null): JobSchedule[] {
  return (
    stmt(
      db,
      `${SCHEDULE_SELECT} JOIN order_header o ON o.id = s.order_id JOIN status st ON st.id = o.status_id
       WHERE s.start_date <= @through AND (s.end_date IS NULL OR s.end_date >= @from)
         AND st.kind IN (SELECT value FROM json_each(@kinds)) AND (@orderId IS NULL OR s.order_id = @orderId)
       ORDER BY s.id`,
    ).all({ from, through, kinds: JSON.stringify(kinds), orderId }) as ScheduleRow[]
  ).map(toSchedule);
}

/** The dates between from and through that the schedules have jobs for, per schedule. */
export function scheduleDatesMade(db: Db, scheduleIds: readonly number[], from: string, through: string): Map<number, Set<string>> {
  const rows = stmt(
    db,
    `SELECT schedule_id AS id, schedule_date AS date FROM job
     WHERE schedule_id IN (SELECT value FROM json_each(?)) AND schedule_date BETWEEN ? AND ?`,
  ).all(JSON.stringify(scheduleIds), from, through) as { id: number; date: string }[];
  const out = new Map<number, Set<string>>();
  for (const r of rows) {
    const set = out.get(r.id) ?? new Set<string>();
    set.add(r.date);
    out.set(r.id, set);
  }
  return out;
}

/** The sales order a job belongs to, as much as jobs need of it; null for none (or a purchase order). */
export function jobOrder(db: Db, orderId: number): { id: number; statusKind: StatusKind } | null {
  return (
    (stmt(
      db,
      `SELECT o.id, st.kind AS statusKind FROM order_header o JOIN status st ON st.id = o.status_id
       WHERE o.id = ? AND o.transaction_type = 'sales'`,
    ).get(orderId) as { id: number; statusKind: StatusKind } | undefined) ?? null
  );
}
