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
  const time = timeOf(instant);
  // London's offset from UTC only ever changes on the hour (01:00 UTC), so it is read once an hour.
  const london = new Date(time + londonOffsetMs(time));
  return formatLocalDate({
    year: london.getUTCFullYear(),
    month: london.getUTCMonth() + 1,
    day: london.getUTCDate(),
  });
}

const hourMs = 60 * 60 * 1000;
const offsetsByHour = new Map<number, number>();

/** How far London's clock is ahead of UTC at an instant, in milliseconds (0 in GMT, an hour in BST). */
function londonOffsetMs(time: number): number {
  const hour = Math.floor(time / hourMs);
  let offset = offsetsByHour.get(hour);
  if (offset === undefined) {
    offset = -new TZDate(hour * hourMs, LONDON_TIME_ZONE).getTimezoneOffset() * 60 * 1000;
    if (offsetsByHour.size >= cacheLimit) offsetsByHour.clear();
    offsetsByHour.set(hour, offset);
  }
  return offset;
}

/** How many answers each of the memos below keeps before it starts again. */
const cacheLimit = 10_000;
const longDates = new Map<LocalDate, string>();

/**
 * A date as letters write it: day without a leading zero, month in full, four-digit year.
 *
 * @example
 * formatLongDate('2023-05-01') //=> '1 May 2023'
 */
export function formatLongDate(date: LocalDate): string {
  // Cards write the same few dates again and again: each is worked out once.
  let written = longDates.get(date);
  if (written === undefined) {
    const { year, month, day } = parseLocalDate(date);
    written = format(new TZDate(year, month - 1, day, LONDON_TIME_ZONE), 'd MMMM yyyy');
    if (longDates.size >= cacheLimit) longDates.clear();
    longDates.set(date, written);
  }
  return written;
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
  return new TZDate(timeOf(instant), LONDON_TIME_ZONE);
}

function timeOf(instant: string | Date): number {
  const time = typeof instant === 'string' ? new Date(instant).getTime() : instant.getTime();
  if (Number.isNaN(time)) {
    throw new ClockError('invalidInstant', `"${String(instant)}" is not a moment in time.`);
  }
  return time;
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
