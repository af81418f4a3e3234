// How a job's repeat and duration read, in the job panel and the activity log.
import type { TFunction } from 'i18next';
import type { JobRepeat } from '../../../shared/channels/jobs';
import { formatDuration } from '../../../shared/format';

type T = TFunction | ((key: string, options?: Record<string, unknown>) => string);

const say = (t: T, key: string, options?: Record<string, unknown>) => String((t as (k: string, o?: Record<string, unknown>) => string)(key, options));

/** "hver 14. dag", "hver uke: man, tor", "hver måned den 31. (eller siste dag)". */
export function describeRepeat(repeat: JobRepeat, t: T): string {
  switch (repeat.kind) {
    case 'days':
      return repeat.everyDays === 1
        ? say(t, 'jobs2.everyDay')
        : repeat.everyDays === 2
          ? say(t, 'jobs2.everyOtherDay')
          : say(t, 'jobs2.everyNthDay', { n: repeat.everyDays });
    case 'weekly':
      return say(t, 'jobs2.weeklyOn', { days: repeat.weekdays.map((d) => say(t, `jobs2.weekdayList.${d}`)).join(', ') });
    case 'monthly':
      return say(t, repeat.monthDay > 28 ? 'jobs2.monthlyOnLast' : 'jobs2.monthlyOn', { day: repeat.monthDay });
  }
}

export const durationText = (minutes: number | null, lang: 'nb' | 'en'): string | null => (minutes === null ? null : formatDuration(minutes, lang));
