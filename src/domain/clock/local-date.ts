/**
 * Calendar arithmetic on `LocalDate` strings (`YYYY-MM-DD`, a date in Europe/London).
 *
 * A local date has no time and no zone, so arithmetic is done on whole "epoch days" in UTC,
 * where every day is 24 hours long; clock changes cannot shift a date by one.
 */
import type { LocalDate } from '../records';
import { ClockError } from './clock-error';

const MS_PER_DAY = 86_400_000;
const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The parts of a local date; `month` runs 1 to 12. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/**
 * Splits a `LocalDate` into its parts, rejecting anything that is not a real date.
 *
 * @example
 * parseLocalDate('2023-04-28') //=> { year: 2023, month: 4, day: 28 }
 */
export function parseLocalDate(date: LocalDate): DateParts {
  const match = LOCAL_DATE_PATTERN.exec(date);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) {
      return { year, month, day };
    }
  }
  throw new ClockError('invalidLocalDate', `"${date}" is not a date written YYYY-MM-DD.`);
}

/** Writes parts back as `YYYY-MM-DD`. */
export function formatLocalDate({ year, month, day }: DateParts): LocalDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1 January 1970: the integer that all day arithmetic is done on. */
export function toEpochDay(date: LocalDate): number {
  const { year, month, day } = parseLocalDate(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** The local date of an epoch day. */
export function fromEpochDay(epochDay: number): LocalDate {
  const utc = new Date(epochDay * MS_PER_DAY);
  return formatLocalDate({ year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() });
}

/**
 * Day of the week, 0 for Sunday to 6 for Saturday (as `Date#getDay`).
 *
 * @example
 * dayOfWeek('2023-05-08') //=> 1 (Monday)
 */
export function dayOfWeek(date: LocalDate): number {
  // 1 January 1970 was a Thursday (4).
  return (((toEpochDay(date) + 4) % 7) + 7) % 7;
}

/**
 * Adds (or, when negative, subtracts) calendar days.
 *
 * @example
 * addCalendarDays('2023-10-19', 28) //=> '2023-11-16'
 */
export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/**
 * Adds calendar months; when the day does not exist in the target month, takes that month's
 * last day (as date-fns `addMonths` does), so a quarter after 30 November is 28 or 29 February.
 *
 * @example
 * addCalendarMonths('2023-04-28', 3) //=> '2023-07-28'
 * addCalendarMonths('2023-11-30', 3) //=> '2024-02-29'
 */
export function addCalendarMonths(date: LocalDate, months: number): LocalDate {
  const { year, month, day } = parseLocalDate(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return formatLocalDate({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}

/**
 * Signed whole days from `today` to `due`: positive when `due` is still ahead, 0 on the day,
 * negative when it has passed.
 *
 * @example
 * daysBetween('2023-11-14', '2023-11-16') //=> 2
 * daysBetween('2023-11-20', '2023-11-16') //=> -4
 */
export function daysBetween(today: LocalDate, due: LocalDate): number {
  return toEpochDay(due) - toEpochDay(today);
}

/** Orders local dates; `YYYY-MM-DD` strings sort as dates, so this is a string compare. */
export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
