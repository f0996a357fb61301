/**
 * Reads the `list` command: `list`, `list overdue`, `list due <n> days`, `list <service>`.
 * Pure, so the grammar is tested on its own; the handler in lists.ts does the rest.
 */
import type { ListQuery } from '../../app/lists/list-records';

/** What a `list ...` text asks for. */
export type ListCommand =
  | { kind: 'query'; query: ListQuery }
  | { kind: 'service'; name: string }
  | { kind: 'usage'; message: string };

/** The hint for a `list due ...` that is not `list due <n> days`. */
export const listDueUsage =
  'To see what falls due soon, type list due followed by a number of days, for example: list due 14 days';

const listPattern = /^list\b\s*(.*)$/i;
const duePattern = /^due\b\s*(.*)$/i;
const dueDaysPattern = /^(\d{1,3})\s*(?:days?)?$/i;

/** Whether the text is a `list` command at all. */
export function isListCommand(text: string): boolean {
  return listPattern.test(text);
}

/**
 * Parses a `list` command; `null` when the text is not one.
 * @example parseListCommand('list due 14 days') // { kind: 'query', query: { kind: 'due', days: 14 } }
 */
export function parseListCommand(text: string): ListCommand | null {
  const match = listPattern.exec(text.trim());
  if (!match) return null;
  const rest = (match[1] ?? '').trim();
  if (rest === '' || /^(mine|my records|my)$/i.test(rest)) return { kind: 'query', query: { kind: 'mine' } };
  if (/^overdue$/i.test(rest)) return { kind: 'query', query: { kind: 'overdue' } };
  const due = duePattern.exec(rest);
  if (due) {
    const days = dueDaysPattern.exec((due[1] ?? '').trim());
    const count = days ? Number(days[1]) : Number.NaN;
    if (!Number.isInteger(count) || count > 366) return { kind: 'usage', message: listDueUsage };
    return { kind: 'query', query: { kind: 'due', days: count } };
  }
  return { kind: 'service', name: rest };
}
