// The dates of a repeating job (domain/jobSchedule.ts): every N days from the
// start, weekdays, month days falling back to the month's end, leap years, and
// no drift across summer time (dates are whole days, never clock times).
import { describe, expect, it } from 'vitest';
import { datesToMake, isoWeekday, dayNumber, occurrences, type ScheduleDates } from '../../src-main/engine/domain/jobSchedule';

const s = (repeat: ScheduleDates['repeat'], startDate: string, endDate: string | null = null): ScheduleDates => ({ repeat, startDate, endDate });

describe('occurrences', () => {
  it('every N days counts from the start, whatever the window', () => {
    const every10 = s({ kind: 'days', everyDays: 10 }, '2025-01-03');
    expect(occurrences(every10, '2025-01-01', '2025-02-05')).toEqual(['2025-01-03', '2025-01-13', '2025-01-23', '2025-02-02']);
    expect(occurrences(every10, '2025-01-14', '2025-01-23')).toEqual(['2025-01-23']);
    expect(occurrences(every10, '2025-01-14', '2025-01-22')).toEqual([]);
  });

  it('does not drift across the summer-time changes (whole days)', () => {
    const daily = s({ kind: 'days', everyDays: 1 }, '2025-03-29');
    expect(occurrences(daily, '2025-03-29', '2025-04-01')).toEqual(['2025-03-29', '2025-03-30', '2025-03-31', '2025-04-01']);
    const weekly = s({ kind: 'days', everyDays: 7 }, '2025-10-20');
    expect(occurrences(weekly, '2025-10-20', '2025-11-03')).toEqual(['2025-10-20', '2025-10-27', '2025-11-03']);
  });

  it('weekly takes the given weekdays (1 Monday … 7 Sunday)', () => {
    expect(isoWeekday(dayNumber('2026-12-07'))).toBe(1);
    expect(isoWeekday(dayNumber('2026-12-13'))).toBe(7);
    const monThu = s({ kind: 'weekly', weekdays: [1, 4] }, '2026-12-03');
    expect(occurrences(monThu, '2026-12-01', '2026-12-17')).toEqual(['2026-12-03', '2026-12-07', '2026-12-10', '2026-12-14', '2026-12-17']);
  });

  it('monthly on the 31st falls on the last day of shorter months, 29 February in a leap year', () => {
    const last = s({ kind: 'monthly', monthDay: 31 }, '2023-12-01');
    expect(occurrences(last, '2023-12-01', '2024-05-31')).toEqual(['2023-12-31', '2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30', '2024-05-31']);
    expect(occurrences(last, '2025-02-01', '2025-03-01')).toEqual(['2025-02-28']);
    const on29 = s({ kind: 'monthly', monthDay: 29 }, '2100-01-01');
    // 2100 is not a leap year (divisible by 100, not by 400); 2000 was.
    expect(occurrences(on29, '2100-02-01', '2100-03-31')).toEqual(['2100-02-28', '2100-03-29']);
    expect(occurrences(s({ kind: 'monthly', monthDay: 29 }, '2000-01-01'), '2000-02-01', '2000-02-29')).toEqual(['2000-02-29']);
  });

  it('monthly starts with the start date, and the year turns', () => {
    const on15 = s({ kind: 'monthly', monthDay: 15 }, '2026-11-16');
    expect(occurrences(on15, '2026-11-01', '2027-02-20')).toEqual(['2026-12-15', '2027-01-15', '2027-02-15']);
  });

  it('the end date is the last date included', () => {
    const daily = s({ kind: 'days', everyDays: 1 }, '2025-01-01', '2025-01-03');
    expect(occurrences(daily, '2024-12-01', '2025-02-01')).toEqual(['2025-01-01', '2025-01-02', '2025-01-03']);
    expect(occurrences(s({ kind: 'days', everyDays: 1 }, '2025-01-05', '2025-01-03'), '2025-01-01', '2025-02-01')).toEqual([]);
  });
});

describe('datesToMake', () => {
  const weekly = s({ kind: 'days', everyDays: 7 }, '2025-01-06');
  const none = new Set<string>();

  it('makes the dates from today to the horizon that have no job yet, never a missed one', () => {
    expect(datesToMake(weekly, '2025-01-06', 14, none)).toEqual(['2025-01-06', '2025-01-13', '2025-01-20']);
    expect(datesToMake(weekly, '2025-01-06', 21, new Set(['2025-01-06', '2025-01-13', '2025-01-20']))).toEqual(['2025-01-27']);
    // The program was not opened for a month: the weeks gone by are not made afterwards.
    expect(datesToMake(weekly, '2025-02-04', 7, none)).toEqual(['2025-02-10']);
    // The clock set back: what has a job is not made again, what was skipped is.
    expect(datesToMake(weekly, '2025-01-06', 14, new Set(['2025-01-13', '2025-01-20', '2025-03-03']))).toEqual(['2025-01-06']);
  });

  it('stops at the end date', () => {
    expect(datesToMake({ ...weekly, endDate: '2025-01-19' }, '2025-01-06', 60, none)).toEqual(['2025-01-06', '2025-01-13']);
  });
});
