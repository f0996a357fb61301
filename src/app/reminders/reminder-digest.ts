/**
 * What goes in one channel's reminder digest for a day, decided from the due index:
 * - due today or within the window: every day, with the days left;
 * - overdue: once a week. An overdue item is left out when a digest sent to the same channel in
 *   the 6 days before already showed it, so it comes back 7 days after it was last shown.
 * Items are grouped by cause of concern (CoC), the group with the earliest due date first.
 */
import { daysBetween, type ObligationKind } from '../../domain/clock';
import type { LocalDate } from '../../domain/records';
import type { DueEntry } from '../../store';

/** How many days an overdue item stays out of the digest after it was shown. */
export const overdueRepeatDays = 7;

/** What each kind of obligation is called on the digest. */
export const obligationLabels: Record<ObligationKind, string> = {
  notification: 'Notification letter',
  actionPlan: 'Action plan from the service',
  quarterlyUpdate: 'Quarterly update from the SLO',
  engagement: 'Engagement with the service',
  revisit: 'Revisit',
  targetDate: 'Target date',
};

/** One line of the digest. */
export interface DigestItem {
  /** Stable across days: the same obligation has the same key while its due date stands. */
  key: string;
  kind: ObligationKind;
  subjectId: string;
  dueDate: LocalDate;
  /** Negative once overdue. */
  daysUntilDue: number;
}

/** The items of one CoC, and whom to mention. */
export interface DigestGroup {
  cocId: string;
  cocTitle: string;
  ownerObjectId: string;
  items: DigestItem[];
}

/** The key the ledger keeps for an item (to repeat overdue ones weekly). */
export function digestItemKey(entry: DueEntry): string {
  return [entry.serviceCode, entry.subjectId, entry.kind, entry.dueDate].join('|');
}

/**
 * Picks the items for one channel on `today` and groups them by CoC.
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
    const key = digestItemKey(entry);
    const daysUntilDue = daysBetween(today, entry.dueDate);
    if (daysUntilDue < 0 && shownLastWeek.has(key)) continue;
    const group = groups.get(entry.cocId) ?? {
      cocId: entry.cocId,
      cocTitle: entry.cocTitle,
      ownerObjectId: entry.ownerObjectId,
      items: [],
    };
    group.items.push({
      key,
      kind: entry.kind,
      subjectId: entry.subjectId,
      dueDate: entry.dueDate,
      daysUntilDue,
    });
    groups.set(entry.cocId, group);
  }
  return [...groups.values()];
}
