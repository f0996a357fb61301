/**
 * Moving between instants (UTC) and what a clock in London shows, and writing dates the way
 * letters do ("28 April 2023").
 *
 * `TZDate` from `@date-fns/tz` reads the IANA zone rules, so the switch between GMT and BST
 * (last Sunday of March and of October, at 01:00 UTC) is handled for any year.
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { LocalDate } from '../records';
import { ClockError } from './clock-error';
import { formatLocalDate, parseLocalDate } from './local-date';

/** The time zone every date in CoC Monitor is read in. */
export const LONDON_TIME_ZONE = 'Europe/London';

/**
 * The date in London at an instant: what "today" is for a person in the inspectorate.
 *
 * @example
 * toLondonDate('2023-10-28T23:30:00Z') //=> '2023-10-29' (00:30 BST)
 * toLondonDate('2023-10-29T23:30:00Z') //=> '2023-10-29' (23:30 GMT)
 */
export function toLondonDate(instant: string | Date): LocalDate {
  const london = toLondonTime(instant);
  return formatLocalDate({ year: london.getFullYear(), month: london.getMonth() + 1, day: london.getDate() });
}

/**
 * A date as letters write it: day without a leading zero, month in full, four-digit year.
 *
 * @example
 * formatLongDate('2023-05-01') //=> '1 May 2023'
 */
export function formatLongDate(date: LocalDate): string {
  const { year, month, day } = parseLocalDate(date);
  return format(new TZDate(year, month - 1, day, LONDON_TIME_ZONE), 'd MMMM yyyy');
}

/**
 * An instant as a person in London would read it, on the 24-hour clock.
 *
 * @example
 * formatLondonDateTime('2023-04-28T13:05:00Z') //=> '28 April 2023 at 14:05' (BST)
 */
export function formatLondonDateTime(instant: string | Date): string {
  return format(toLondonTime(instant), "d MMMM yyyy 'at' HH:mm");
}

function toLondonTime(instant: string | Date): TZDate {
  const time = typeof instant === 'string' ? new Date(instant).getTime() : instant.getTime();
  if (Number.isNaN(time)) {
    throw new ClockError('invalidInstant', `"${String(instant)}" is not a moment in time.`);
  }
  return new TZDate(time, LONDON_TIME_ZONE);
}

/**
 * A moment as people say it in a sentence, London time.
 *
 * @example
 * formatChangeTime('2026-11-22T14:05:00Z') //=> '14:05 on 22 November 2026'
 */
export function formatChangeTime(instant: string | Date): string {
  return format(toLondonTime(instant), "HH:mm 'on' d MMMM yyyy");
}
