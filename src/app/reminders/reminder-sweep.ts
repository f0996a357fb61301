/**
 * The daily reminder sweep: for each registered service channel, one digest card a day of what is
 * overdue, due today or due within the window, claimed in the ledger before it is sent.
 *
 * The sweep reads the due index up to the end of the window (overdue rows included), never the
 * records themselves, so its work follows the items that can be due, not every record kept.
 * Posting goes through the {@link Notifier} port, so this file knows nothing of Teams.
 */
import { addCalendarDays } from '../../domain/clock';
import type { LocalDate } from '../../domain/records';
import type { DueEntry, LedgerEntry } from '../../store';
import type { Notifier } from '../shared/notifier';
import { todayOf, type AppContext } from '../shared/app-context';
import { catchUpDueIndex, type ReadTally } from './due-index';
import { overdueRepeatDays, selectDigestGroups, type DigestGroup } from './reminder-digest';

/** Someone a digest mentions: their name and the id Teams knows them by. */
export interface DigestPerson {
  objectId: string;
  name: string;
  /** The user's Teams id from their personal conversation, else `8:orgid:<object id>`. */
  teamsId: string;
}

/** One channel's digest for one day. */
export interface ReminderDigest {
  serviceCode: string;
  serviceName: string;
  date: LocalDate;
  windowDays: number;
  groups: (DigestGroup & { owner: DigestPerson })[];
}

/** What a service channel is sent each morning. */
export type ReminderMessage = { kind: 'reminder-digest'; digest: ReminderDigest };

/** How many times a sent digest's ledger entry is written before the sweep gives up on recording it. */
const recordAttempts = 3;

/** How a sweep behaves. */
export interface SweepOptions {
  /** Days ahead that count as "due soon" (7 by default). */
  windowDays: number;
  /** Who claims the occurrences (instance and run), for the ledger. */
  claimant: string;
  /** A claim older than this without an outcome is retried (the process died half-way). */
  staleClaimMs?: number;
}

/** What a sweep did, for logs, the admin's `sweep now` answer and the benchmark. */
export interface SweepReport {
  date: LocalDate;
  /** Table rows read: index, pending marks, channels, ledger, people and references. */
  entitiesRead: number;
  /** Index rows in the window (overdue included). */
  dueEntries: number;
  sent: { serviceCode: string; channelKey: string; items: number; activityId?: string }[];
  /** Occurrences already sent today, or being sent by another instance. */
  skipped: { serviceCode: string; why: string }[];
  failed: { serviceCode: string; channelKey: string; reason: string }[];
  /**
   * Digests Teams took whose ledger entry could not be marked sent (storage failed three times).
   * Their claim stays open, so a sweep after the stale-claim time may post them again: the one
   * duplicate path left (docs/reminders.md).
   */
  unrecorded: { serviceCode: string; channelKey: string; reason: string }[];
  /** Services with something due but no registered service channel. */
  withoutChannel: string[];
}

/** Default age after which a claim without an outcome counts as abandoned. */
export const defaultStaleClaimMs = 10 * 60 * 1000;

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function personOf(context: AppContext, objectId: string, tally: ReadTally): Promise<DigestPerson> {
  const [person, personal] = await Promise.all([
    context.store.directory.getPerson(objectId),
    context.store.conversations.get('personal', objectId),
  ]);
  tally.entitiesRead += 2;
  const user = personal?.reference.user;
  const userId =
    typeof user === 'object' && user !== null && 'id' in user && typeof user.id === 'string'
      ? user.id
      : undefined;
  return {
    objectId,
    name: person?.name ?? 'the Service Liaison Lead',
    teamsId: userId ?? `8:orgid:${objectId}`,
  };
}

/** Item keys of the digests sent to the channel in the days before `today` (overdue repeats weekly). */
async function shownRecently(
  context: AppContext,
  channelKey: string,
  today: LocalDate,
  tally: ReadTally,
): Promise<Set<string>> {
  const days = Array.from({ length: overdueRepeatDays - 1 }, (_, i) => addCalendarDays(today, -(i + 1)));
  const entries = await Promise.all(days.map((day) => context.store.reminderLedger.get(day, channelKey)));
  tally.entitiesRead += days.length;
  return new Set(entries.flatMap((entry) => (entry?.status === 'sent' ? entry.itemKeys : [])));
}

async function sweepService(
  context: AppContext,
  notifier: Notifier<ReminderMessage>,
  options: SweepOptions,
  serviceCode: string,
  entries: DueEntry[],
  report: SweepReport,
  tally: ReadTally,
): Promise<void> {
  const today = report.date;
  const channel = await context.store.conversations.serviceChannel(serviceCode);
  tally.entitiesRead += 1;
  if (!channel) {
    report.withoutChannel.push(serviceCode);
    return;
  }
  const groups = selectDigestGroups(entries, today, await shownRecently(context, channel.key, today, tally));
  if (groups.length === 0) return;

  const itemKeys = groups.flatMap((group) => group.items.map((item) => item.key));
  const claim = await context.store.reminderLedger.claim({
    date: today,
    channelKey: channel.key,
    serviceCode,
    claimant: options.claimant,
    now: context.now(),
    itemKeys,
    staleAfterMs: options.staleClaimMs ?? defaultStaleClaimMs,
  });
  tally.entitiesRead += 1;
  if (!claim.claimed) {
    report.skipped.push({ serviceCode, why: claim.why });
    return;
  }

  try {
    const service = await context.store.directory.getService(serviceCode);
    tally.entitiesRead += 1;
    const owners = new Map<string, DigestPerson>();
    for (const group of groups) {
      if (!owners.has(group.ownerObjectId)) {
        owners.set(group.ownerObjectId, await personOf(context, group.ownerObjectId, tally));
      }
    }
    const digest: ReminderDigest = {
      serviceCode,
      serviceName: service?.name ?? serviceCode,
      date: today,
      windowDays: options.windowDays,
      groups: groups.map((group) => ({
        ...group,
        owner: owners.get(group.ownerObjectId) ?? {
          objectId: group.ownerObjectId,
          name: 'the Service Liaison Lead',
          teamsId: `8:orgid:${group.ownerObjectId}`,
        },
      })),
    };
    const activityId = await notifier.post(channel.reference, { kind: 'reminder-digest', digest });
    const item = { serviceCode, channelKey: channel.key };
    const recorded = await recordSent(context, claim.entry, claim.etag, activityId);
    if (recorded !== true) report.unrecorded.push({ ...item, reason: recorded });
    report.sent.push({ ...item, items: itemKeys.length, ...(activityId ? { activityId } : {}) });
  } catch (error) {
    const reason = reasonOf(error);
    await context.store.reminderLedger.markFailed(claim.entry, claim.etag, reason, context.now());
    report.failed.push({ serviceCode, channelKey: channel.key, reason });
  }
}

/**
 * Marks a posted digest sent, trying again when storage fails: a digest Teams took must never be
 * marked failed (the next sweep would post it again). Returns true, or why it could not be recorded.
 */
async function recordSent(
  context: AppContext,
  entry: LedgerEntry,
  etag: string,
  activityId: string | undefined,
): Promise<true | string> {
  let reason = '';
  for (let attempt = 1; attempt <= recordAttempts; attempt += 1) {
    try {
      await context.store.reminderLedger.markSent(entry, etag, activityId, context.now());
      return true;
    } catch (error) {
      reason = reasonOf(error);
    }
  }
  return reason;
}

/**
 * Sweeps once for the context's today (Europe/London). Safe to run twice: an occurrence already
 * sent is skipped, a failed or abandoned one is retried. Run it under the scheduler's lease.
 */
export async function runReminderSweep(
  context: AppContext,
  notifier: Notifier<ReminderMessage>,
  options: SweepOptions,
): Promise<SweepReport> {
  const today = todayOf(context);
  const tally: ReadTally = { entitiesRead: 0 };
  await catchUpDueIndex(context, tally);
  const entries = await context.store.dueIndex.listDueUpTo(addCalendarDays(today, options.windowDays));
  tally.entitiesRead += entries.length;

  const byService = new Map<string, DueEntry[]>();
  for (const entry of entries) {
    byService.set(entry.serviceCode, [...(byService.get(entry.serviceCode) ?? []), entry]);
  }
  const report: SweepReport = {
    date: today,
    entitiesRead: 0,
    dueEntries: entries.length,
    sent: [],
    skipped: [],
    failed: [],
    unrecorded: [],
    withoutChannel: [],
  };
  // One service at a time: the sender paces the messages anyway, and storage stays calm.
  for (const [serviceCode, serviceEntries] of [...byService].sort(([a], [b]) => a.localeCompare(b))) {
    await sweepService(context, notifier, options, serviceCode, serviceEntries, report, tally);
  }
  report.entitiesRead = tally.entitiesRead;
  return report;
}
