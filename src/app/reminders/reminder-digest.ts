/**
 * What goes in one channel's reminder digest for a day, decided from the due index:
 * - due today or within the window: every day, with the days left;
 * - overdue: once a week. An overdue item is left out when a digest sent to the same channel in
 *   the 6 days before already showed it, so it comes back 7 days after it was last shown;
 * - the point from which engagement is expected (3 months, §14): only until it passes; the
 *   6-month deadline is an item of its own.
 * Items are grouped by record (a cause of concern, or an area for improvement), the group with the
 * earliest due date first.
 */
import { daysBetween } from '../../domain/clock';
import type { LocalDate } from '../../domain/records';
import type { DueEntry, DueKind } from '../../store';

/** How many days an overdue item stays out of the digest after it was shown. */
export const overdueRepeatDays = 7;

/** What each kind of obligation is called on the digest. */
export const obligationLabels: Record<DueKind, string> = {
  notification: 'Notification letter',
  actionPlan: 'Action plan from the service',
  quarterlyUpdate: 'Quarterly update from the SLO',
  engagementExpected: 'Engagement with the service expected',
  engagement: 'Engagement with the service',
  revisit: 'Revisit',
  targetDate: 'Target date',
};

/** One line of the digest. */
export interface DigestItem {
  /** Stable across days: the same obligation has the same key while its due date stands. */
  key: string;
  kind: DueKind;
  subjectId: string;
  dueDate: LocalDate;
  /** For an expected engagement: the date by which it must have happened. */
  until?: LocalDate;
  /** Negative once overdue. */
  daysUntilDue: number;
}

/** The items of one record, and whom to mention. */
export interface DigestGroup {
  recordId: string;
  recordTitle: string;
  ownerObjectId: string;
  items: DigestItem[];
}

/** The key the ledger keeps for an item (to repeat overdue ones weekly). */
export function digestItemKey(entry: DueEntry): string {
  return [entry.serviceCode, entry.subjectId, entry.kind, entry.dueDate].join('|');
}

/** Whether an index row belongs in today's digest. Pure. */
function isShown(entry: DueEntry, daysUntilDue: number, shownLastWeek: ReadonlySet<string>): boolean {
  if (daysUntilDue >= 0) return true;
  if (entry.kind === 'engagementExpected') return false;
  return !shownLastWeek.has(digestItemKey(entry));
}

/**
 * Picks the items for one channel on `today` and groups them by record.
 * @param shownLastWeek item keys of the digests sent to the channel in the 6 days before today.
 */
export function selectDigestGroups(
  entries: readonly DueEntry[],
  today: LocalDate,
  shownLastWeek: ReadonlySet<string>,
): DigestGroup[] {
  const groups = new Map<string, DigestGroup>();
  const sorted = [...entries].sort(
    (a, b) => a.dueDate.localeCompare(b.dueDate) || a.subjectId.localeCompare(b.subjectId),
  );
  for (const entry of sorted) {
    const daysUntilDue = daysBetween(today, entry.dueDate);
    if (!isShown(entry, daysUntilDue, shownLastWeek)) continue;
    const group = groups.get(entry.recordId) ?? {
      recordId: entry.recordId,
      recordTitle: entry.recordTitle,
      ownerObjectId: entry.ownerObjectId,
      items: [],
    };
    const item: DigestItem = {
      key: digestItemKey(entry),
      kind: entry.kind,
      subjectId: entry.subjectId,
      dueDate: entry.dueDate,
      daysUntilDue,
    };
    if (entry.until) item.until = entry.until;
    group.items.push(item);
    groups.set(entry.recordId, group);
  }
  return [...groups.values()];
}
