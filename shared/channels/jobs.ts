// Jobs on an order (SPEC 4, issue 12): assigned to an employee, with a planned
// date and a duration. A repeating job is a schedule (every N days, weekly on
// given days, monthly on a day) that makes its next jobs ahead of time; the
// engine does it on demand (jobs.generate) and when the program starts.
import { z } from 'zod';
import { channel, id, isoDate, requiredText } from './common';
import type { OrderView } from './orders';

/** How far ahead a repeating job has its jobs made (days after today). */
export const JOB_HORIZON_DAYS = 60;
/** A job lasts at most a week (minutes). */
export const MAX_JOB_MINUTES = 7 * 24 * 60;

/** ISO weekdays: 1 Monday … 7 Sunday. */
export const weekday = z.number().int().min(1).max(7);

/** When a repeating job comes back. Monthly on 29–31 falls on the last day of shorter months. */
export const jobRepeat = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('days'), everyDays: z.number().int().min(1).max(366) }).strict(),
  z
    .object({
      kind: z.literal('weekly'),
      weekdays: z
        .array(weekday)
        .min(1)
        .max(7)
        .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
    })
    .strict(),
  z.object({ kind: z.literal('monthly'), monthDay: z.number().int().min(1).max(31) }).strict(),
]);
export type JobRepeat = z.output<typeof jobRepeat>;

export interface Job {
  readonly id: number;
  readonly orderId: number;
  readonly title: string;
  readonly employeeId: number | null;
  readonly employeeName: string | null;
  readonly employeeInitials: string | null;
  /** A free-text employee kept from before jobs were assigned to employees (no employee of that name or initials). */
  readonly employeeText: string | null;
  readonly plannedDate: string | null;
  readonly durationMinutes: number | null;
  /** The repeating job that made it, and the date of the schedule it was made for. */
  readonly scheduleId: number | null;
  readonly scheduleDate: string | null;
  readonly startedAt: string | null;
  readonly completedAt: string | null;
}

export interface JobSchedule {
  readonly id: number;
  readonly orderId: number;
  readonly title: string;
  readonly employeeId: number | null;
  readonly employeeInitials: string | null;
  readonly durationMinutes: number | null;
  readonly repeat: JobRepeat;
  readonly startDate: string;
  /** The last date it makes a job for; null while it goes on. */
  readonly endDate: string | null;
  /** The last date its jobs are made through. */
  readonly generatedThrough: string;
}

export interface OrderJobs {
  readonly jobs: readonly Job[];
  readonly schedules: readonly JobSchedule[];
}

/** A repeating job as it was made, with the jobs it made up to the horizon. */
export interface ScheduleMade {
  readonly schedule: JobSchedule;
  readonly jobs: readonly Job[];
}

const durationMinutes = z.number().int().min(1).max(MAX_JOB_MINUTES);
/** Who does it and for how long: the same for a job and a repeating job's jobs. */
const workFields = {
  title: requiredText(200),
  employeeId: id.nullable().optional(),
  durationMinutes: durationMinutes.nullable().optional(),
};

export const jobsChannels = {
  /** The order's jobs by planned date, and its repeating jobs. */
  'jobs.list': channel<OrderJobs>()(z.object({ orderId: id }).strict()),
  'jobs.add': channel<Job>()(z.object({ orderId: id, ...workFields, plannedDate: isoDate.nullable().optional() }).strict()),
  /** A repeating job from startDate on; its jobs up to the horizon are made at once. */
  'jobs.addRepeating': channel<ScheduleMade>()(
    z.object({ orderId: id, ...workFields, startDate: isoDate, repeat: jobRepeat }).strict(),
  ),
  /** Who does a job not yet started, when, and for how long. */
  'jobs.update': channel<Job>()(
    z
      .object({
        jobId: id,
        title: requiredText(200),
        employeeId: id.nullable(),
        plannedDate: isoDate.nullable(),
        durationMinutes: durationMinutes.nullable(),
      })
      .strict(),
  ),
  /** Makes the jobs repeating jobs are due to have up to the horizon (of one order, or all). */
  'jobs.generate': channel<{ readonly made: number }>()(z.object({ orderId: id.optional() }).strict()),
  /** A repeating job makes no job after endDate; its jobs after it that are not started are removed. */
  'jobs.endSchedule': channel<{ readonly schedule: JobSchedule; readonly removed: number }>()(z.object({ scheduleId: id, endDate: isoDate }).strict()),
  /** Starting the first job sets the order to Job started; completing the last, Job completed. */
  'jobs.start': channel<OrderView>()(z.object({ jobId: id }).strict()),
  'jobs.complete': channel<OrderView>()(z.object({ jobId: id }).strict()),
};
