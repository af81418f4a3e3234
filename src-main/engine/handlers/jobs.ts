// Channels of jobs (issue 12): the rules are in services/jobs.ts; starting and
// completing a job move the order and answer it as it now is.
import { DomainError } from '../../../shared/errors';
import { jobStartRule } from '../domain/orderActions';
import { assertAllowed } from '../domain/refusal';
import { jobOrder, jobsOf, setJobTime } from '../repos/jobs';
import { addJob, addRepeatingJob, changeJob, endSchedule, generateDueJobs, jobOf, orderJobs } from '../services/jobs';
import { moveForJobs } from '../services/orderFlow';
import { reload } from '../services/processing';
import { done } from './processing';
import { reader, writer, type HandlerMap } from './types';

type JobsChannels =
  | 'jobs.list'
  | 'jobs.add'
  | 'jobs.addRepeating'
  | 'jobs.update' | 'jobs.generate' | 'jobs.endSchedule' | 'jobs.start' | 'jobs.complete';

export const jobsHandlers: HandlerMap<JobsChannels> = {
  'jobs.list': reader((input, { db }) => orderJobs(db, input.orderId)),
  'jobs.add': writer((input, ctx) =>
    addJob(ctx, input.orderId, {
      title: input.title,
      employeeId: input.employeeId ?? null,
      plannedDate: input.plannedDate ?? null,
      durationMinutes: input.durationMinutes ?? null,
    }),
  ),
  'jobs.addRepeating': writer((input, ctx) =>
    addRepeatingJob(ctx, input.orderId, {
      title: input.title,
      employeeId: input.employeeId ?? null,
      durationMinutes: input.durationMinutes ?? null,
      startDate: input.startDate,
      repeat: input.repeat,
    }),
  ),
  'jobs.update': writer((input, ctx) =>
    changeJob(ctx, input.jobId, { title: input.title, employeeId: input.employeeId, plannedDate: input.plannedDate, durationMinutes: input.durationMinutes }),
  ),
  'jobs.generate': writer((input, ctx) => {
    if (input.orderId !== undefined && !jobOrder(ctx.db, input.orderId)) throw new DomainError('not_found', 'orderId', { entity: 'ordre', id: input.orderId });
    return { made: generateDueJobs(ctx, input.orderId ?? null) };
  }),
  'jobs.endSchedule': writer((input, ctx) => endSchedule(ctx, input.scheduleId, input.endDate)),
  'jobs.start': writer((input, ctx) => {
    const job = jobOf(ctx, input.jobId);
    if (job.startedAt) throw new DomainError('job_state', 'jobId', { state: 'allerede startet', stateEn: 'already started' });
    const order = reload(ctx.db, job.orderId);
    assertAllowed(jobStartRule(order), 'jobId');
    setJobTime(ctx.db, job.id, 'started_at', ctx.now.toISOString());
    moveForJobs(ctx, order, 'job_started');
    return done(ctx, job.orderId, 'job_started', null, { job: job.title });
  }),
  'jobs.complete': writer((input, ctx) => {
    const job = jobOf(ctx, input.jobId);
    if (!job.startedAt) throw new DomainError('job_state', 'jobId', { state: 'ikke startet', stateEn: 'not started' });
    if (job.completedAt) throw new DomainError('job_state', 'jobId', { state: 'allerede fullført', stateEn: 'already completed' });
    setJobTime(ctx.db, job.id, 'completed_at', ctx.now.toISOString());
    // Every job on the order done: a repeating job's jobs still to come keep it in Job started.
    if (jobsOf(ctx.db, job.orderId).every((j) => j.completedAt !== null)) moveForJobs(ctx, reload(ctx.db, job.orderId), 'job_completed');
    return done(ctx, job.orderId, 'job_completed', null, { job: job.title });
  }),
};
