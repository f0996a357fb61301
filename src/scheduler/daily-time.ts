/**
 * When the daily sweep runs next: a wall-clock time in Europe/London (`07:30`), whatever the
 * season. On the days the clocks change, a time that does not exist (01:30 on the last Sunday
 * of March) runs at the next valid minute, and one that happens twice runs once.
 */
import { TZDate } from '@date-fns/tz';
import { LONDON_TIME_ZONE, addCalendarDays, parseLocalDate, toLondonDate } from '../domain/clock';

/** `HH:MM` on the 24-hour clock. */
export const dailyTimePattern = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The instant at which London clocks show `time` on the London date of `day`. */
export function londonInstantOn(day: string, time: string): Date {
  const match = dailyTimePattern.exec(time);
  if (!match) throw new Error(`"${time}" is not a time like 07:30`);
  const { year, month, day: dayOfMonth } = parseLocalDate(day);
  const instant = new TZDate(
    year,
    month - 1,
    dayOfMonth,
    Number(match[1]),
    Number(match[2]),
    LONDON_TIME_ZONE,
  );
  return new Date(instant.getTime());
}

/** The first instant after `now` at which London clocks show `time`. */
export function nextDailyRun(now: Date, time: string): Date {
  const today = toLondonDate(now);
  const todayRun = londonInstantOn(today, time);
  return todayRun.getTime() > now.getTime() ? todayRun : londonInstantOn(addCalendarDays(today, 1), time);
}

/** True when today's run time in London has already passed at `now` (a late start catches up). */
export function isPastTodaysRun(now: Date, time: string): boolean {
  return londonInstantOn(toLondonDate(now), time).getTime() <= now.getTime();
}
