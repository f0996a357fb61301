/**
 * Bank holidays of England and Wales.
 *
 * Why `date-holidays`: it computes the regular holidays (Easter, the May and August Mondays,
 * substitute days when Christmas or New Year fall at a weekend) for any year without I/O, and
 * its `GB`/`ENG` data also carries the one-off holidays that matter to live CoCs: the Platinum
 * Jubilee (3 June 2022), the Queen's funeral (19 September 2022) and the coronation
 * (8 May 2023). The alternative, the GOV.UK bank-holidays JSON feed, needs a network call, so
 * it cannot live in the pure domain. Its data only knows what was announced when the package
 * was released, so callers may pass `extraHolidays` (EXTRA_BANK_HOLIDAYS in the configuration) for holidays announced
 * later, or to mend a gap.
 *
 * We take only holidays of type `public`: for GB/ENG the package returns `public` (every bank
 * holiday, substitute days included) and `observance` (Mother's Day, Easter Sunday, Father's
 * Day), which are not days off.
 */
import Holidays from 'date-holidays';
import type { LocalDate } from '../records';
import { parseLocalDate } from './local-date';

/** Holidays to add to the published ones, e.g. a newly announced one-off bank holiday. */
export interface HolidayOptions {
  extraHolidays?: readonly LocalDate[];
}

let englandAndWales: Holidays | undefined;
const holidaysByYear = new Map<number, ReadonlySet<LocalDate>>();

/**
 * The bank holidays of England and Wales in a year (substitute days included), from
 * `date-holidays`. Computed once per year, then cached.
 *
 * @example
 * bankHolidaysInYear(2023).has('2023-05-08') //=> true (coronation of King Charles III)
 */
export function bankHolidaysInYear(year: number): ReadonlySet<LocalDate> {
  const cached = holidaysByYear.get(year);
  if (cached) return cached;
  englandAndWales ??= new Holidays('GB', 'ENG');
  const dates = new Set(
    englandAndWales
      .getHolidays(year)
      .filter((holiday) => holiday.type === 'public')
      // `date` reads "2023-05-08 00:00:00": the local date comes first.
      .map((holiday) => holiday.date.slice(0, 10)),
  );
  holidaysByYear.set(year, dates);
  return dates;
}

/**
 * Whether a date is a bank holiday in England and Wales, or one of `extraHolidays`.
 *
 * @example
 * isBankHoliday('2022-09-19') //=> true (state funeral of Queen Elizabeth II)
 * isBankHoliday('2023-05-09') //=> false
 */
export function isBankHoliday(date: LocalDate, options: HolidayOptions = {}): boolean {
  const { year } = parseLocalDate(date);
  return bankHolidaysInYear(year).has(date) || (options.extraHolidays?.includes(date) ?? false);
}
