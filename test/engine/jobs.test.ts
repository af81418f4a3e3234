// Jobs (issue 12): assigned to employees, with a planned date and a duration;
// repeating jobs make their next jobs up to the horizon on demand and when the
// program starts, never twice for a date; ending one stops it. The order still
// moves to Job started / Job completed as its jobs do.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JOB_HORIZON_DAYS, type JobRepeat } from '../../shared/channels/jobs';
import type { ChannelName, ChannelOutput } from '../../shared/catalog';
import { openEngine, type Engine } from '../../src-main/engine';
import { openDatabase } from '../../src-main/engine/db/connection';
import { migrationsFolder } from '../../src-main/engine/db/migrate';
import { addDaysIso, occurrences } from '../../src-main/engine/domain/jobSchedule';
import { jobsDue } from '../../src-main/engine/services/jobs';
import { salesWorld, type SalesWorld } from '../helpers/sales';

let w: SalesWorld;
let reopened: Engine | null = null;
/** The clock of the world: tests move it with setTime. */
let now: Date;

afterEach(() => {
  reopened?.close();
  reopened = null;
  w?.t.close();
});

async function world(at = '2025-01-06T09:00:00'): Promise<SalesWorld> {
  now = new Date(at);
  w = await salesWorld({ now });
  return w;
}

const setDay = (iso: string) => now.setTime(new Date(`${iso}T09:00:00`).getTime());

async function employees() {
  const per = await w.t.ok('employees.create', { name: 'Per Ødegård', initials: 'PØ' });
  const kari = await w.t.ok('employees.create', { name: 'Kari Nygård', initials: 'KNY' });
  const gone = await w.t.ok('employees.create', { name: 'Åse Sluttet', initials: 'ÅS' });
  await w.t.ok('employees.update', { id: gone.id, version: gone.version, name: gone.name, initials: gone.initials, active: false });
  return { per, kari, gone };
}

async function repeating(orderId: number, repeat: JobRepeat, startDate: string, extra: Record<string, unknown> = {}) {
  return w.t.ok('jobs.addRepeating', { orderId, title: 'Service', startDate, repeat, ...extra });
}

const datesOf = async (orderId: number, scheduleId?: number) =>
  (await w.t.ok('jobs.list', { orderId })).jobs.filter((j) => scheduleId === undefined || j.scheduleId === scheduleId).map((j) => j.plannedDate);

describe('jobs are assigned to employees, with a planned date and a duration', () => {
  it('a job names its employee, date and duration; jobs.list shows name and initials', async () => {
    await world();
    const { per } = await employees();
    const o = await w.order(1, 'confirmed', [[w.service, 2_000]]);
    const job = await w.t.ok('jobs.add', { orderId: o.id, title: 'Montere kjøkken', employeeId: per.id, plannedDate: '2025-01-10', durationMinutes: 90 });
    expect(job).toMatchObject({ employeeId: per.id, employeeName: 'Per Ødegård', employeeInitials: 'PØ', plannedDate: '2025-01-10', durationMinutes: 90, scheduleId: null });
    const { jobs } = await w.t.ok('jobs.list', { orderId: o.id });
    expect(jobs).toEqual([job]);
    const log = await w.t.ok('activity.list', { entity: 'order', entityId: o.id });
    expect(log[0]!.action).toBe('job_added');
  });

  it('an employee who is no longer active is refused; one already on the job may stay as other fields change', async () => {
    await world();
    const { per, kari, gone } = await employees();
    const o = await w.order(1, 'confirmed', [[w.service, 1_000]]);
    const e1 = await w.t.refused('jobs.add', { orderId: o.id, title: 'Rigg', employeeId: gone.id });
    expect({ code: e1.code, field: e1.field }).toEqual({ code: 'employee_inactive', field: 'employeeId' });
    expect(e1.message.nb).toContain('Åse Sluttet');
    const e2 = await w.t.refused('jobs.addRepeating', { orderId: o.id, title: 'Service', employeeId: gone.id, startDate: '2025-01-06', repeat: { kind: 'days', everyDays: 7 } });
    expect(e2.code).toBe('employee_inactive');

    const job = await w.t.ok('jobs.add', { orderId: o.id, title: 'Rigg', employeeId: kari.id });
    expect((await w.t.refused('jobs.update', { jobId: job.id, title: 'Rigg', employeeId: gone.id, plannedDate: null, durationMinutes: null })).code).toBe('employee_inactive');
    // Kari leaves after she was given the job: the job keeps her while its date changes.
    const k = await w.t.ok('employees.get', { id: kari.id });
    await w.t.ok('employees.update', { id: k.id, version: k.version, name: k.name, initials: k.initials, active: false });
    const moved = await w.t.ok('jobs.update', { jobId: job.id, title: 'Rigg', employeeId: kari.id, plannedDate: '2025-01-20', durationMinutes: 45 });
    expect(moved).toMatchObject({ employeeId: kari.id, plannedDate: '2025-01-20', durationMinutes: 45 });
    const toPer = await w.t.ok('jobs.update', { jobId: job.id, title: 'Rigg og rydd', employeeId: per.id, plannedDate: '2025-01-21', durationMinutes: 150 });
    expect(toPer).toMatchObject({ title: 'Rigg og rydd', employeeInitials: 'PØ', plannedDate: '2025-01-21', durationMinutes: 150 });
  });

  it('a started job is not changed any more', async () => {
    await world();
    const o = await w.order(1, 'confirmed', [[w.service, 1_000]]);
    const job = await w.t.ok('jobs.add', { orderId: o.id, title: 'Rigg', plannedDate: '2025-01-06' });
    await w.t.ok('jobs.start', { jobId: job.id });
    const e = await w.t.refused('jobs.update', { jobId: job.id, title: 'Rigg', employeeId: null, plannedDate: '2025-01-07', durationMinutes: 60 });
    expect({ code: e.code, field: e.field }).toEqual({ code: 'job_state', field: 'jobId' });
    expect((await w.t.ok('jobs.list', { orderId: o.id })).jobs[0]!.plannedDate).toBe('2025-01-06');
  });
});

describe('repeating jobs', () => {
  it('make their jobs from the start date up to the horizon at once, with the schedule’s employee and duration', async () => {
    await world('2025-01-06T09:00:00');
    const { per } = await employees();
    const o = await w.order(1, 'confirmed', [[w.service, 1_000]]);
    const made = await repeating(o.id, { kind: 'weekly', weekdays: [4, 1] }, '2025-01-08', { employeeId: per.id, durationMinutes: 90 });
    expect(made.schedule).toMatchObject({ repeat: { kind: 'weekly', weekdays: [1, 4] }, startDate: '2025-01-08', endDate: null, employeeInitials: 'PØ', generatedThrough: addDaysIso('2025-01-06', JOB_HORIZON_DAYS) });
    const expected = occurrences({ repeat: { kind: 'weekly', weekdays: [1, 4] }, startDate: '2025-01-08', endDate: null }, '2025-01-06', '2025-03-07');
    expect(expected[0]).toBe('2025-01-09');
    expect(made.jobs.map((j) => j.plannedDate)).toEqual(expected);
    expect(made.jobs.every((j) => j.employeeId === per.id && j.durationMinutes === 90 && j.title === 'Service' && j.scheduleDate === j.plannedDate)).toBe(true);
    expect(await datesOf(o.id)).toEqual(expected);
  });

  it('jobs.generate makes the dates that came within the horizon, once; asking again makes none', async () => {
    await world('2025-01-06T09:00:00');
    const o = await w.order(1, 'confirmed', [[w.service, 1_000]]);
    const { schedule } = await repeating(o.id, { kind: 'days', everyDays: 14 }, '2025-01-06');
    expect(await datesOf(o.id)).toEqual(['2025-01-06', '2025-01-20', '2025-02-03', '2025-02-17', '2025-03-03']);
    expect(await w.t.ok('jobs.generate', {})).toEqual({ made: 0 });
    setDay('2025-01-25');
    // The horizon is now 26 March: the 17th comes within it.
    expect(await w.t.ok('jobs.generate', { orderId: o.id })).toEqual({ made: 1 });
    expect(await w.t.ok('jobs.generate', {})).toEqual({ made: 0 });
    expect(await datesOf(o.id)).toEqual(['2025-01-06', '2025-01-20', '2025-02-03', '2025-02-17', '2025-03-03', '2025-03-17']);
    // The clock set back a month: nothing is made twice.
    setDay('2024-12-20');
    expect(await w.t.ok('jobs.generate', {})).toEqual({ made: 0 });
    expect((await w.t.ok('jobs.list', { orderId: o.id })).schedules[0]!.generatedThrough).toBe('2025-03-26');
    const log = await w.t.ok('activity.list', { entity: 'order', entityId: o.id });
    expect(log.find((e) => e.action === 'jobs_generated')!.after).toEqual({ title: 'Service', dates: ['2025-03-17'] });
    expect(schedule.id).toBeGreaterThan(0);
  });

  it('a job moved to another day does not bring its date back', async () => {
    await world('2025-01-06T09:00:00');
    const o = await w.order(1, 'confirmed', [[w.service, 1_000]]);
    const { jobs } = await repeating(o.id, { kind: 'monthly', monthDay: 10 }, '2025-01-06');
    await w.t.ok('jobs.update', { jobId: jobs[0]!.id, title: 'Service', employeeId: null, plannedDate: '2025-01-13', durationMinutes: null });
    setDay('2025-02-01');
    await w.t.ok('jobs.generate', {});
    const list = (await w.t.ok('jobs.list', { orderId: o.id })).jobs;
    expect(list.map((j) => [j.scheduleDate, j.plannedDate])).toEqual([
      ['2025-01-10', '2025-01-13'],
      ['2025-02-10', '2025-02-10'],
      ['2025-03-10', '2025-03-10'],
    ]);
  });

  it('monthly on the 31st falls on the last day of February and April', async () => {
    await world('2025-01-06T09:00:00');
    const o = await w.order(1, 'confirmed', [[w.service, 1_000]]);
    await repeating(o.id, { kind: 'monthly', monthDay: 31 }, '2025-01-06');
    setDay('2025-03-05');
    await w.t.ok('jobs.generate', {});
    expect(await datesOf(o.id)).toEqual(['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30']);
  });

  it('make none while the order is cancelled, and catch up from today when it is open again', async () => {
    await world('2025-01-06T09:00:00');
    const o = await w.order(1, 'cancelled', [[w.service, 1_000]]);
    const made = await repeating(o.id, { kind: 'days', everyDays: 7 }, '2025-01-06');
    expect(made.jobs).toEqual([]);
    expect(await w.t.ok('jobs.generate', {})).toEqual({ made: 0 });
    setDay('2025-02-03');
    const cancelled = await w.t.ok('orders.get', { id: o.id });
    await w.move(cancelled, 'confirmed');
    await w.t.ok('jobs.generate', {});
    const dates = await datesOf(o.id);
    expect(dates[0]).toBe('2025-02-03');
    expect(dates.at(-1)).toBe('2025-03-31');
  });

  it('the program makes them as it starts; whether any are due is a read, and a start with none due changes nothing', async () => {
    await world('2025-01-06T09:00:00');
    const o = await w.order(1, 'confirmed', [[w.service, 1_000]]);
    await repeating(o.id, { kind: 'weekly', weekdays: [3] }, '2025-01-06');
    expect((await datesOf(o.id)).at(-1)).toBe('2025-03-05');
    const before = w.t.engine.fingerprint();
    w.t.engine.close();
    const file = w.t.file;
    const reopen = async (day: string) => {
      reopened?.close();
      setDay(day);
      reopened = await openEngine({ file, clock: () => now });
      return reopened;
    };
    const call = async <K extends ChannelName>(e: Engine, channel: K, input: unknown): Promise<ChannelOutput<K>> => {
      const r = await e.call(channel, input);
      if (!r.ok) throw new Error(r.error.message.en);
      return r.value;
    };

    // The question is asked on a read-only connection: it writes nothing (SQLite would refuse).
    const readOnly = new Database(file, { readonly: true });
    try {
      expect(jobsDue(readOnly, '2025-01-07')).toBe(false);
      expect(jobsDue(readOnly, '2025-01-13')).toBe(true);
    } finally {
      readOnly.close();
    }
    // The next day nothing new comes within the horizon: the start leaves every row as it was.
    expect((await reopen('2025-01-07')).fingerprint()).toEqual(before);
    // A week later there is a Wednesday more within the horizon: made as the program starts.
    const e = await reopen('2025-01-14');
    expect((await call(e, 'jobs.list', { orderId: o.id })).jobs.map((j) => j.plannedDate).at(-1)).toBe('2025-03-12');
    const log = await call(e, 'activity.list', { entity: 'order', entityId: o.id });
    expect(log[0]).toMatchObject({ action: 'jobs_generated', userId: null, after: { dates: ['2025-03-12'] } });
  });

  it('ending one removes its later jobs not started, keeps the started ones, and makes none after the end', async () => {
    await world('2025-01-06T09:00:00');
    const o = await w.order(1, 'confirmed', [[w.service, 1_000]]);
    const { schedule, jobs } = await repeating(o.id, { kind: 'days', everyDays: 7 }, '2025-01-06');
    expect(jobs).toHaveLength(9);
    // The visit of the 20th is under way early.
    await w.t.ok('jobs.start', { jobId: jobs[2]!.id });
    const ended = await w.t.ok('jobs.endSchedule', { scheduleId: schedule.id, endDate: '2025-01-15' });
    expect(ended).toMatchObject({ removed: 6, schedule: { endDate: '2025-01-15', generatedThrough: '2025-01-15' } });
    expect(await datesOf(o.id)).toEqual(['2025-01-06', '2025-01-13', '2025-01-20']);
    setDay('2025-02-10');
    expect(await w.t.ok('jobs.generate', {})).toEqual({ made: 0 });
    const log = await w.t.ok('activity.list', { entity: 'order', entityId: o.id });
    expect(log.find((e) => e.action === 'job_schedule_ended')!.after).toEqual({ title: 'Service', endDate: '2025-01-15', removed: 6 });
    // Ended later after all: it goes on from today, the dates gone by are not made afterwards.
    await w.t.ok('jobs.endSchedule', { scheduleId: schedule.id, endDate: '2025-03-03' });
    await w.t.ok('jobs.generate', {});
    expect(await datesOf(o.id)).toEqual(['2025-01-06', '2025-01-13', '2025-01-20', '2025-02-10', '2025-02-17', '2025-02-24', '2025-03-03']);
  });
});

describe('the order still moves with its jobs', () => {
  it('a generated job started sets Job started; completing it keeps the order there while jobs remain; ending the repeat with all done sets Job completed', async () => {
    await world('2025-01-06T09:00:00');
    const o = await w.order(1, 'confirmed', [[w.service, 1_000]]);
    const { schedule, jobs } = await repeating(o.id, { kind: 'days', everyDays: 7 }, '2025-01-06');
    expect((await w.t.ok('jobs.start', { jobId: jobs[0]!.id })).statusKind).toBe('job_started');
    expect((await w.t.ok('jobs.complete', { jobId: jobs[0]!.id })).statusKind).toBe('job_started');
    await w.t.ok('jobs.endSchedule', { scheduleId: schedule.id, endDate: '2025-01-06' });
    expect((await w.t.ok('orders.get', { id: o.id })).statusKind).toBe('job_completed');
    // The next job on the order starts it again.
    const next = await w.t.ok('jobs.add', { orderId: o.id, title: 'Etterkontroll' });
    expect((await w.t.ok('jobs.start', { jobId: next.id })).statusKind).toBe('job_started');
  });

  it('a job is still started only on an order in work (a quote’s repeating job waits)', async () => {
    await world('2025-01-06T09:00:00');
    const quote = await w.order(5, 'quote', [[w.service, 1_000]]);
    const { jobs } = await repeating(quote.id, { kind: 'days', everyDays: 7 }, '2025-01-06');
    expect(jobs.length).toBeGreaterThan(0);
    expect((await w.t.refused('jobs.start', { jobId: jobs[0]!.id })).code).toBe('job_order_not_open');
  });
});

describe('migration 019 (jobs from before)', () => {
  it('matches a free-text employee by name or initials, keeps other text; a job that repeated every N days becomes a schedule', async () => {
    await world('2025-01-06T09:00:00');
    const { per, kari } = await employees();
    const o = await w.order(1, 'confirmed', [[w.service, 1_000]]);
    const db = openDatabase(w.t.file);
    try {
      // The job table as migration 002 made it, with jobs as they were entered before.
      db.exec(`DROP TABLE job; DROP TABLE job_schedule;
        CREATE TABLE job (id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL REFERENCES order_header (id) ON DELETE CASCADE,
          title TEXT NOT NULL, employee TEXT, planned_date TEXT, repeat_interval_days INTEGER, started_at TEXT, completed_at TEXT) STRICT;
        CREATE INDEX job_order ON job (order_id);`);
      const at = '2025-01-01T08:00:00.000Z';
      const job = db.prepare('INSERT INTO job (order_id, title, employee, planned_date, repeat_interval_days, started_at, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
      job.run(o.id, 'Montering', 'PER ØDEGÅRD ', '2025-01-03', null, at, null);
      job.run(o.id, 'Befaring', 'kny', null, null, null, null);
      job.run(o.id, 'Rydding', 'Ola (innleid)', null, null, null, null);
      // A job repeating every 7 days, completed twice: a chain of three (the last one open).
      job.run(o.id, 'Vask', 'Per Ødegård', '2025-01-06', 7, at, at);
      job.run(o.id, 'Vask', 'Per Ødegård', '2025-01-13', 7, at, at);
      job.run(o.id, 'Vask', 'Per Ødegård', '2025-01-20', 7, null, null);
      const sql = readFileSync(join(migrationsFolder(), '019_jobs.sql'), 'utf8');
      db.transaction(() => db.exec(sql))();

      const jobs = db.prepare('SELECT title, employee_id, employee_text, planned_date, schedule_id, schedule_date FROM job ORDER BY id').all();
      expect(jobs).toEqual([
        { title: 'Montering', employee_id: per.id, employee_text: null, planned_date: '2025-01-03', schedule_id: null, schedule_date: null },
        { title: 'Befaring', employee_id: kari.id, employee_text: null, planned_date: null, schedule_id: null, schedule_date: null },
        { title: 'Rydding', employee_id: null, employee_text: 'Ola (innleid)', planned_date: null, schedule_id: null, schedule_date: null },
        { title: 'Vask', employee_id: per.id, employee_text: null, planned_date: '2025-01-06', schedule_id: 1, schedule_date: '2025-01-06' },
        { title: 'Vask', employee_id: per.id, employee_text: null, planned_date: '2025-01-13', schedule_id: 1, schedule_date: '2025-01-13' },
        { title: 'Vask', employee_id: per.id, employee_text: null, planned_date: '2025-01-20', schedule_id: 1, schedule_date: '2025-01-20' },
      ]);
      expect(db.prepare('SELECT order_id, title, employee_id, kind, every_days, start_date, end_date, generated_through FROM job_schedule').all()).toEqual([
        { order_id: o.id, title: 'Vask', employee_id: per.id, kind: 'days', every_days: 7, start_date: '2025-01-06', end_date: null, generated_through: '2025-01-20' },
      ]);
      expect(db.prepare("SELECT name FROM pragma_table_info('job') WHERE name IN ('employee', 'repeat_interval_days')").all()).toEqual([]);
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
    // The engine carries the schedule on from there: the next dates within the horizon, never the 20th again.
    await w.t.ok('jobs.generate', {});
    const { jobs, schedules } = await w.t.ok('jobs.list', { orderId: o.id });
    expect(jobs.filter((j) => j.title === 'Vask').map((j) => j.plannedDate)).toEqual(
      ['2025-01-06', '2025-01-13', '2025-01-20', ...occurrences({ ...schedules[0]!, startDate: '2025-01-27' }, '2025-01-27', '2025-03-07')],
    );
    expect(jobs.find((j) => j.title === 'Rydding')!.employeeText).toBe('Ola (innleid)');
  });
});

describe('the assignee lookup', () => {
  it('finds an employee by initials with Norwegian letters, in any case, and by part of the name folded', async () => {
    await world();
    await employees();
    const names = async (search: string) => (await w.t.ok('employees.list', { search })).map((e) => e.name);
    expect(await names('pø')).toEqual(['Per Ødegård']);
    expect(await names('PØ')).toEqual(['Per Ødegård']);
    expect(await names('ØDE')).toEqual(['Per Ødegård']);
    expect(await names('kny')).toEqual(['Kari Nygård']);
  });
});
