// Jobs and repeating jobs (issue 12): who does a job, when and for how long; a
// repeating job makes its jobs up to JOB_HORIZON_DAYS ahead, on demand and when
// the program starts, never twice for one of its dates: each job keeps the
// schedule's date it was made for (unique per schedule), also when it is moved to
// another day, and a run makes only the dates from today to the horizon that have
// no job, so a clock set back or forth never doubles one.
import { JOB_HORIZON_DAYS, type Job, type JobRepeat, type JobSchedule, type OrderJobs, type ScheduleMade } from '../../../shared/channels/jobs';
import { DomainError } from '../../../shared/errors';
import { JOB_SCHEDULE_KINDS } from '../../../shared/kinds';
import type { HandlerContext } from '../context';
import type { Db } from '../db/connection';
import { addDaysIso, datesToMake, horizonEnd } from '../domain/jobSchedule';
import { logActivity } from '../repos/activity';
import { refreshDerived } from '../repos/orders';
import {
  deleteUnstartedJobsAfter,
  getJob,
  getSchedule,
  insertJob,
  insertSchedule,
  insertScheduledJob,
  jobOrder,
  jobsOf,
  activeSchedules,
  scheduleDatesMade,
  schedulesOf,
  setGeneratedThrough,
  setScheduleEnd,
  updateJob,
  type JobValues,
} from '../repos/jobs';
import { assertActiveEmployee } from './employees';
import { moveForJobs } from './orderFlow';
import { reload, vatRegistered } from './processing';

/** What generating needs: the program's start has no user and no handler context. */
export interface JobsClock {
  readonly db: Db;
  readonly now: Date;
  readonly today: string;
  readonly userId: number | null;
}

export function orderJobs(db: Db, orderId: number): OrderJobs {
  return { jobs: jobsOf(db, orderId), schedules: schedulesOf(db, orderId) };
}

function log(c: JobsClock, orderId: number, action: string, after: unknown, before?: unknown): void {
  logActivity(c.db, { at: c.now.toISOString(), userId: c.userId, entity: 'order', entityId: orderId, action, before, after });
}

/** A repeating job with the dates it is due to have a job for and has none. */
interface Due {
  readonly schedule: JobSchedule;
  readonly dates: readonly string[];
}

function dueSchedules(db: Db, today: string, orderId: number | null): Due[] {
  const through = addDaysIso(today, JOB_HORIZON_DAYS);
  const schedules = activeSchedules(db, today, through, JOB_SCHEDULE_KINDS, orderId);
  const made = scheduleDatesMade(db, schedules.map((s) => s.id), today, through);
  return schedules
    .map((schedule) => ({ schedule, dates: datesToMake(schedule, today, JOB_HORIZON_DAYS, made.get(schedule.id) ?? new Set()) }))
    .filter((d) => d.dates.length > 0);
}

/** Makes a schedule's due jobs; answers the dates made. */
function makeJobs(c: JobsClock, { schedule: s, dates }: Due): readonly string[] {
  const made = dates.filter((date) => insertScheduledJob(c.db, s, date));
  const through = horizonEnd(s, c.today, JOB_HORIZON_DAYS);
  if (through > s.generatedThrough) setGeneratedThrough(c.db, s.id, through);
  if (made.length > 0) log(c, s.orderId, 'jobs_generated', { title: s.title, dates: made });
  return made;
}

/** Whether a repeating job has jobs to make today: a read, so that an ordinary start of the program takes no write lock. */
export function jobsDue(db: Db, today: string): boolean {
  return dueSchedules(db, today, null).length > 0;
}

/** Makes the jobs repeating jobs are due to have (of one order, or all); answers how many. */
export function generateDueJobs(c: JobsClock, orderId: number | null): number {
  return dueSchedules(c.db, c.today, orderId).reduce((n, due) => n + makeJobs(c, due).length, 0);
}

function orderOf(ctx: HandlerContext, orderId: number) {
  const order = jobOrder(ctx.db, orderId);
  if (!order) throw new DomainError('not_found', 'orderId', { entity: 'ordre', id: orderId });
  return order;
}

export function addJob(ctx: HandlerContext, orderId: number, values: JobValues): Job {
  const order = orderOf(ctx, orderId);
  assertActiveEmployee(ctx, values.employeeId, 'employeeId');
  const id = insertJob(ctx.db, order.id, values);
  log(ctx, order.id, 'job_added', values);
  return getJob(ctx.db, id)!;
}

/**
 * A repeating job from its start date; the jobs of its dates from today up to the
 * horizon are made at once (none while the order is in a kind that makes none, JOB_SCHEDULE_KINDS).
 */
export function addRepeatingJob(
  ctx: HandlerContext,
  orderId: number,
  values: Omit<JobValues, 'plannedDate'> & { readonly startDate: string; readonly repeat: JobRepeat },
): ScheduleMade {
  const order = orderOf(ctx, orderId);
  assertActiveEmployee(ctx, values.employeeId, 'employeeId');
  const id = insertSchedule(
    ctx.db,
    order.id,
    { ...values, plannedDate: null, generatedThrough: addDaysIso(values.startDate, -1) },
    ctx.now.toISOString(),
  );
  log(ctx, order.id, 'job_schedule_added', { title: values.title, repeat: values.repeat, startDate: values.startDate });
  if (JOB_SCHEDULE_KINDS.includes(order.statusKind)) {
    const schedule = getSchedule(ctx.db, id)!;
    makeJobs(ctx, { schedule, dates: datesToMake(schedule, ctx.today, JOB_HORIZON_DAYS, new Set()) });
  }
  return { schedule: getSchedule(ctx.db, id)!, jobs: jobsOf(ctx.db, order.id).filter((j) => j.scheduleId === id) };
}

export function jobOf(ctx: HandlerContext, jobId: number): Job {
  const job = getJob(ctx.db, jobId);
  if (!job) throw new DomainError('not_found', 'jobId', { entity: 'jobb', id: jobId });
  return job;
}

/** Who, when and how long, while the job is not started (an inactive employee already on it may stay). */
export function changeJob(ctx: HandlerContext, jobId: number, values: JobValues): Job {
  const job = jobOf(ctx, jobId);
  if (job.startedAt) throw new DomainError('job_state', 'jobId', { state: 'allerede startet', stateEn: 'already started' });
  assertActiveEmployee(ctx, values.employeeId, 'employeeId', job.employeeId);
  updateJob(ctx.db, job.id, values);
  log(
    ctx,
    job.orderId,
    'job_changed',
    values,
    { title: job.title, employeeId: job.employeeId, plannedDate: job.plannedDate, durationMinutes: job.durationMinutes },
  );
  return getJob(ctx.db, job.id)!;
}

/**
 * Ends a repeating job: no job after endDate. Its later jobs not started are
 * removed (they are work that will not be done; a started one is kept, it is
 * history). If that leaves every job of the order completed, the order is Job completed.
 */
export function endSchedule(ctx: HandlerContext, scheduleId: number, endDate: string): { schedule: JobSchedule; removed: number } {
  const s = getSchedule(ctx.db, scheduleId);
  if (!s) throw new DomainError('not_found', 'scheduleId', { entity: 'gjentakelse', id: scheduleId });
  setScheduleEnd(ctx.db, s.id, endDate);
  const removed = deleteUnstartedJobsAfter(ctx.db, s.id, endDate);
  log(ctx, s.orderId, 'job_schedule_ended', { title: s.title, endDate, removed }, { endDate: s.endDate });
  const jobs = jobsOf(ctx.db, s.orderId);
  if (removed > 0 && jobs.length > 0 && jobs.every((j) => j.completedAt !== null)) {
    const order = reload(ctx.db, s.orderId);
    if (order.statusKind === 'job_started') {
      moveForJobs(ctx, order, 'job_completed');
      refreshDerived(ctx.db, order.id, { vatRegistered: vatRegistered(ctx.db), search: 'keep' });
    }
  }
  return { schedule: getSchedule(ctx.db, s.id)!, removed };
}
