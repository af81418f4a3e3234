// The dates of a repeating job (issue 12). Pure: ISO dates in, ISO dates out,
// counted in whole UTC days, so no time zone or summer-time change moves a date.
import type { JobRepeat } from '../../../shared/channels/jobs';

export interface ScheduleDates {
  readonly repeat: JobRepeat;
  readonly startDate: string;
  /** The last date included; null: no end. */
  readonly endDate: string | null;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date. */
export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDaysIso(iso: string, days: number): string {
  return isoOfDay(dayNumber(iso) + days);
}

/** ISO weekday: 1 Monday … 7 Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The schedule's dates from `from` through `to` (both included), within its start
 * and end. Every N days counts from the start date; weekly takes the given
 * weekdays; monthly takes the day, or the month's last day when it has fewer
 * (31 → 30 April, 28 or 29 February).
 */
export function occurrences(schedule: ScheduleDates, from: string, to: string): string[] {
  const first = Math.max(dayNumber(from), dayNumber(schedule.startDate));
  const last = Math.min(dayNumber(to), schedule.endDate === null ? Infinity : dayNumber(schedule.endDate));
  if (last < first) return [];
  const out: string[] = [];
  const r = schedule.repeat;
  switch (r.kind) {
    case 'days': {
      const start = dayNumber(schedule.startDate);
      for (let d = start + Math.ceil((first - start) / r.everyDays) * r.everyDays; d <= last; d += r.everyDays) out.push(isoOfDay(d));
      return out;
    }
    case 'weekly': {
      const days = new Set(r.weekdays);
      for (let d = first; d <= last; d++) if (days.has(isoWeekday(d))) out.push(isoOfDay(d));
      return out;
    }
    case 'monthly': {
      const start = new Date(first * DAY_MS);
      let year = start.getUTCFullYear();
      let month = start.getUTCMonth() + 1;
      for (;;) {
        const day = Date.UTC(year, month - 1, Math.min(r.monthDay, daysInMonth(year, month))) / DAY_MS;
        if (day > last) return out;
        if (day >= first) out.push(isoOfDay(day));
        month++;
        if (month > 12) {
          month = 1;
          year++;
        }
      }
    }
  }
}

/** The last date a schedule's jobs should be made through today: the horizon, or its end if that comes first. */
export function horizonEnd(schedule: Pick<ScheduleDates, 'endDate'>, today: string, horizonDays: number): string {
  const h = addDaysIso(today, horizonDays);
  return schedule.endDate !== null && schedule.endDate < h ? schedule.endDate : h;
}

/**
 * The dates a generation run makes jobs for: the schedule's dates from today up to
 * the horizon that have no job yet (`made`: its dates that have one). Never a
 * date before today (a missed date is not made afterwards); after a clock set
 * back, the dates from the true today on that were skipped are made then.
 */
export function datesToMake(schedule: ScheduleDates, today: string, horizonDays: number, made: ReadonlySet<string>): string[] {
  return occurrences(schedule, today, horizonEnd(schedule, today, horizonDays)).filter((d) => !made.has(d));
}
