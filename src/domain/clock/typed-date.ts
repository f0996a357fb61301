/**
 * Dates as people type them in chat: `2026-12-15` or `15 December 2026` (the month may be cut
 * short to three letters or more: `15 Dec 2026`).
 */
import { LocalDate } from '../records';

const monthNames = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * Reads a typed date; `null` when it is not a real date.
 *
 * @example
 * parseTypedDate('15 December 2026') //=> '2026-12-15'
 * parseTypedDate('31 February 2026') //=> null
 */
export function parseTypedDate(text: string): LocalDate | null {
  const trimmed = text.trim();
  const words = /^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$/.exec(trimmed);
  let iso = trimmed;
  if (words) {
    const month = monthNames.findIndex((name) => name.startsWith((words[2] ?? '').toLowerCase()));
    if (month < 0 || (words[2] ?? '').length < 3) return null;
    iso = `${words[3] ?? ''}-${String(month + 1).padStart(2, '0')}-${(words[1] ?? '').padStart(2, '0')}`;
  }
  const parsed = LocalDate.safeParse(iso);
  return parsed.success ? parsed.data : null;
}
