/**
 * Working days: Monday to Friday, less the bank holidays of England and Wales (§13 gives the
 * service 28 working days for its action plan).
 */
import type { LocalDate } from '../records';
import { ClockError } from './clock-error';
import { isBankHoliday, type HolidayOptions } from './bank-holidays';
import { addCalendarDays, dayOfWeek, toEpochDay, fromEpochDay } from './local-date';

/**
 * Whether offices are open: not a Saturday, Sunday or bank holiday.
 *
 * @example
 * isWorkingDay('2023-05-08') //=> false (coronation bank holiday)
 * isWorkingDay('2023-05-09') //=> true
 */
export function isWorkingDay(date: LocalDate, options: HolidayOptions = {}): boolean {
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6 && !isBankHoliday(date, options);
}

/**
 * The date `n` working days after `date` (before it when `n` is negative). The start date
 * itself is not counted, so 1 working day after a Friday is the Monday; `n = 0` returns
 * `date` unchanged.
 *
 * @example
 * addWorkingDays('2023-10-19', 28) //=> '2023-11-28'
 */
export function addWorkingDays(date: LocalDate, n: number, options: HolidayOptions = {}): LocalDate {
  if (!Number.isInteger(n))
    throw new ClockError('invalidDayCount', `A number of working days must be whole, not ${n}.`);
  // Every card and index refresh counts the same "28 working days from the letter" again: each
  // answer is worked out once.
  const key = `${date}|${String(n)}|${options.extraHolidays?.join(',') ?? ''}`;
  const known = workingDaySums.get(key);
  if (known !== undefined) return known;
  const sum = walkWorkingDays(date, n, options);
  if (workingDaySums.size >= workingDaySumsKept) workingDaySums.clear();
  workingDaySums.set(key, sum);
  return sum;
}

const workingDaySums = new Map<string, LocalDate>();
const workingDaySumsKept = 10_000;

function walkWorkingDays(date: LocalDate, n: number, options: HolidayOptions): LocalDate {
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let current = date;
  while (remaining > 0) {
    current = addCalendarDays(current, step);
    if (isWorkingDay(current, options)) remaining -= 1;
  }
  return current;
}

/**
 * The signed number of working days stepped onto when walking from `from` to `to`, `from`
 * itself not counted; negative when `to` is earlier. It undoes `addWorkingDays`: when `to` is a
 * working day, `addWorkingDays(from, workingDaysBetween(from, to))` is `to`.
 *
 * @example
 * workingDaysBetween('2023-10-19', '2023-11-28') //=> 28
 * workingDaysBetween('2023-11-28', '2023-10-19') //=> -28
 */
export function workingDaysBetween(from: LocalDate, to: LocalDate, options: HolidayOptions = {}): number {
  const start = toEpochDay(from);
  const end = toEpochDay(to);
  // Forwards: the days after `from` up to `to`; backwards: the days before `from` down to `to`.
  const [first, last, sign] = start <= end ? [start + 1, end, 1] : [end, start - 1, -1];
  let count = 0;
  for (let day = first; day <= last; day += 1) {
    if (isWorkingDay(fromEpochDay(day), options)) count += 1;
  }
  return sign * count;
}
