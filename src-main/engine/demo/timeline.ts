// Time for the demo company and the data generator: every step of every order's
// life (entered, delivered, invoiced, paid ...) happens at a moment, and the
// steps of all orders run in the order of their moments, so that numbers from
// the one invoice series rise with invoice dates, stock leaves in the order it
// was sold, and the activity log reads forwards.
import type { HandlerContext } from '../context';
import { isoToday } from '../context';

/** A moment in whole minutes: day number (days since 1970-01-01) × 1440 + minute of the day. */
export type Moment = number;

export const MINUTES_PER_DAY = 1440;

/** Days since 1970-01-01 of an ISO date. */
export function dayNumber(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

/** The ISO date of a day number. */
export function isoOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function momentOf(isoDate: string, minuteOfDay: number): Moment {
  return dayNumber(isoDate) * MINUTES_PER_DAY + minuteOfDay;
}

export const dayOfMoment = (t: Moment): number => Math.floor(t / MINUTES_PER_DAY);

/**
 * A handler context at a moment: the same connection and actor, the clock set to
 * that moment on the workstation (local time, as the engine's own clock is read),
 * never later than `latest` (the real now: nothing is dated in the future).
 */
export function contextAt(ctx: HandlerContext, t: Moment, latest: Date = ctx.now): HandlerContext {
  const [y, m, d] = isoOfDay(dayOfMoment(t)).split('-').map(Number) as [number, number, number];
  const minute = t % MINUTES_PER_DAY;
  let now = new Date(y, m - 1, d, Math.floor(minute / 60), minute % 60);
  if (now > latest) now = latest;
  return { ...ctx, now, today: isoToday(now) };
}

interface Entry<E> {
  readonly t: Moment;
  readonly seq: number;
  readonly event: E;
}

/** Events in the order of their moments; events at the same moment in the order they were added. */
export class Timeline<E> {
  private readonly heap: Entry<E>[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  add(t: Moment, event: E): void {
    const h = this.heap;
    h.push({ t, seq: this.seq++, event });
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  /** The moment of the next event, or null. */
  peek(): Moment | null {
    return this.heap[0]?.t ?? null;
  }

  /** Takes the next event if it is due before `until` (exclusive). */
  takeBefore(until: Moment): { t: Moment; event: E } | null {
    const h = this.heap;
    const top = h[0];
    if (!top || top.t >= until) return null;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l]!, h[m]!)) m = l;
        if (r < h.length && before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return { t: top.t, event: top.event };
  }

  /** Drops every event still waiting (their moments lie after today). */
  clear(): number {
    const n = this.heap.length;
    this.heap.length = 0;
    return n;
  }
}

function before<E>(a: Entry<E>, b: Entry<E>): boolean {
  return a.t < b.t || (a.t === b.t && a.seq < b.seq);
}
