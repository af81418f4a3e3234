// Repeating jobs over random clocks (issue 12, "Done when" 1): random schedules;
// the program generating on demand and starting at random times, the clock
// jumping forward and back, jobs moved and started, the schedule ended (and ended
// later again) at random. After every step: never two jobs for one (schedule,
// date); every job is on one of the schedule's dates; none not started after its
// end; and after a generation or a start, every date of the schedule from today
// to the horizon has its job.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_HORIZON_DAYS, type JobRepeat, type JobSchedule, type OrderJobs } from '../../shared/channels/jobs';
import type { ChannelName, ChannelOutput } from '../../shared/catalog';
import { openEngine, type Engine } from '../../src-main/engine';
import { isoToday } from '../../src-main/engine/context';
import { addDaysIso, horizonEnd, occurrences } from '../../src-main/engine/domain/jobSchedule';
import { salesWorld, type SalesWorld } from '../helpers/sales';

const BASE = '2025-01-06';
const now = new Date(`${BASE}T09:00:00`);
let w: SalesWorld;
let engine: Engine;
let confirmed: number;

beforeAll(async () => {
  w = await salesWorld({ now });
  engine = w.t.engine;
  confirmed = w.status('confirmed');
}, 60_000);
afterAll(() => {
  engine?.close();
  w?.t.close();
});

async function ok<K extends ChannelName>(channel: K, input: unknown): Promise<ChannelOutput<K>> {
  const r = await engine.call(channel, input);
  if (!r.ok) throw new Error(`${channel} refused: ${r.error.code} ${r.error.message.en}`);
  return r.value;
}

const setDay = (iso: string) => now.setTime(new Date(`${iso}T09:00:00`).getTime());
const today = () => isoToday(now);

/** The program closed and started again (on the same file, at the clock's time). */
async function restart(): Promise<void> {
  engine.close();
  engine = await openEngine({ file: w.t.file, clock: () => now });
}

const repeatArb: fc.Arbitrary<JobRepeat> = fc.oneof(
  fc.record({ kind: fc.constant('days' as const), everyDays: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('weekly' as const), weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }) }),
  fc.record({ kind: fc.constant('monthly' as const), monthDay: fc.integer({ min: 1, max: 31 }) }),
);

const stepArb = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('clock' as const), days: fc.integer({ min: -45, max: 75 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('generate' as const) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('restart' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('end' as const), offset: fc.integer({ min: -20, max: 90 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('start' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('move' as const), pick: fc.nat(), days: fc.integer({ min: -10, max: 10 }) }) },
);
type Step = typeof stepArb extends fc.Arbitrary<infer S> ? S : never;

/** What must hold of the schedule's jobs whatever happened; `filled`: a generation just ran at today. */
function check(state: OrderJobs, schedule: JobSchedule, filled: boolean, steps: readonly Step[]): void {
  const mine = state.jobs.filter((j) => j.scheduleId === schedule.id);
  const ctx = JSON.stringify({ schedule: { ...schedule, generatedThrough: undefined }, today: today(), steps });
  const dates = mine.map((j) => j.scheduleDate!);
  expect(new Set(dates).size, `two jobs for one date: ${ctx}`).toBe(dates.length);
  for (const d of dates) expect(occurrences(schedule, d, d).length + (schedule.endDate !== null && d > schedule.endDate ? 1 : 0), `not a date of the schedule: ${d} ${ctx}`).toBe(1);
  if (schedule.endDate !== null) {
    const late = mine.filter((j) => j.scheduleDate! > schedule.endDate! && j.startedAt === null);
    expect(late.map((j) => j.scheduleDate), `not started after the end: ${ctx}`).toEqual([]);
  }
  if (filled) {
    const due = occurrences(schedule, today(), horizonEnd(schedule, today(), JOB_HORIZON_DAYS));
    const have = new Set(dates);
    expect(due.filter((d) => !have.has(d)), `a date within the horizon without its job: ${ctx}`).toEqual([]);
  }
}

describe('repeating jobs over random clocks', () => {
  it('never make two jobs for one date, make every date within the horizon, and none after the end', async () => {
    await fc.assert(
      fc.asyncProperty(
        repeatArb,
        fc.integer({ min: -40, max: 60 }),
        fc.integer({ min: -30, max: 30 }),
        fc.array(stepArb, { minLength: 1, maxLength: 12 }),
        async (repeat, startOffset, clockOffset, steps) => {
          setDay(addDaysIso(BASE, clockOffset));
          const order = await ok('orders.create', { header: { customerId: w.customer, orderType: 1, statusId: confirmed }, lines: [{ productId: w.service, quantity: 1_000 }] });
          const made = await ok('jobs.addRepeating', { orderId: order.id, title: 'Service', startDate: addDaysIso(BASE, startOffset), repeat });
          const id = made.schedule.id;
          const state = async () => {
            const s = await ok('jobs.list', { orderId: order.id });
            return { s, schedule: s.schedules.find((x) => x.id === id)! };
          };
          let { s, schedule } = await state();
          check(s, schedule, true, []);
          for (const [i, step] of steps.entries()) {
            let filled = false;
            switch (step.op) {
              case 'clock':
                setDay(addDaysIso(today(), step.days));
                break;
              case 'generate':
                await ok('jobs.generate', i % 2 === 0 ? {} : { orderId: order.id });
                filled = true;
                break;
              case 'restart':
                await restart();
                filled = true;
                break;
              case 'end': {
                const r = await ok('jobs.endSchedule', { scheduleId: id, endDate: addDaysIso(today(), step.offset) });
                expect(r.schedule.endDate).toBe(addDaysIso(today(), step.offset));
                break;
              }
              case 'start': {
                const open = s.jobs.filter((j) => j.scheduleId === id && j.startedAt === null);
                const job = open[step.pick % Math.max(open.length, 1)];
                if (job) await ok('jobs.start', { jobId: job.id });
                break;
              }
              case 'move': {
                const open = s.jobs.filter((j) => j.scheduleId === id && j.startedAt === null);
                const job = open[step.pick % Math.max(open.length, 1)];
                if (job) await ok('jobs.update', { jobId: job.id, title: job.title, employeeId: null, plannedDate: addDaysIso(job.plannedDate!, step.days), durationMinutes: 60 });
                break;
              }
            }
            ({ s, schedule } = await state());
            check(s, schedule, filled, steps.slice(0, i + 1));
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 240_000);
});
