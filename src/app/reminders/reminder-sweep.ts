/**
 * The daily reminder sweep: for each registered service channel, one digest card a day of what is
 * overdue, due today or due within the window, claimed in the ledger before it is sent; the target
 * dates of recommendations to external bodies go to the deputy portfolio director's chat.
 *
 * The sweep reads the due index up to the end of the window (overdue rows included) in one range
 * query, the service channels from the conversation cache, and the ledger rows of the channels with
 * something due in one query per 14 channels: never the records themselves, and nothing that grows
 * with time (a channel's ledger row keeps 8 days), so a sweep on day 365 costs what it did on day 1.
 * Posting goes through the {@link Notifier} port, so this file knows nothing of Teams.
 */
import { addCalendarDays } from '../../domain/clock';
import type { LocalDate } from '../../domain/records';
import {
  externalPartition,
  type ChannelLedger,
  type DueEntry,
  type LedgerEntry,
  type RegisteredChannel,
} from '../../store';
import { todayOf, type AppContext } from '../shared/app-context';
import type { Notifier } from '../shared/notifier';
import { teamsUserIdFrom } from '../shared/people';
import { rebuildDueIndex, type ReadTally } from './due-index';
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
  /** Table rows the sweep itself read: index rows and ledger rows (the caches' reads not counted). */
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

/** The people a digest mentions, named from the directory and the chats the bot keeps (both cached). */
async function ownersOf(
  context: AppContext,
  groups: readonly DigestGroup[],
): Promise<Map<string, DigestPerson>> {
  const ids = [...new Set(groups.map((group) => group.ownerObjectId))];
  const chats = await context.store.conversations.getMany('personal', ids);
  const people = await Promise.all(ids.map((id) => context.store.directory.getPerson(id)));
  return new Map(
    ids.map((objectId, index) => [
      objectId,
      {
        objectId,
        name: people[index]?.name ?? 'the Service Liaison Lead',
        teamsId: teamsUserIdFrom(chats.get(objectId), objectId),
      },
    ]),
  );
}

/** Item keys of the digests sent to the channel in the days before `today` (overdue repeats weekly). */
function shownRecently(ledger: ChannelLedger | undefined, today: LocalDate): Set<string> {
  const since = addCalendarDays(today, -(overdueRepeatDays - 1));
  const recent = (ledger?.occurrences ?? []).filter(
    (o) => o.date >= since && o.date < today && o.status === 'sent',
  );
  return new Set(recent.flatMap((entry) => entry.itemKeys));
}

/** Marks a posted digest sent, trying again when storage fails: a digest Teams took is never marked failed. */
async function recordSent(
  context: AppContext,
  claim: { entry: LedgerEntry; etag: string; ledger: ChannelLedger },
  activityId: string | undefined,
): Promise<true | string> {
  let reason = '';
  for (let attempt = 1; attempt <= recordAttempts; attempt += 1) {
    try {
      await context.store.reminderLedger.markSent(
        claim.entry,
        claim.etag,
        activityId,
        context.now(),
        claim.ledger,
      );
      return true;
    } catch (error) {
      reason = reasonOf(error);
    }
  }
  return reason;
}

/** One channel's digest: what it shows today, claimed, posted, and recorded. */
async function sweepChannel(
  context: AppContext,
  notifier: Notifier<ReminderMessage>,
  options: SweepOptions,
  sweep: { channel: RegisteredChannel; entries: DueEntry[]; ledger: ChannelLedger | undefined },
  report: SweepReport,
): Promise<void> {
  const { channel, entries } = sweep;
  const today = report.date;
  const groups = selectDigestGroups(entries, today, shownRecently(sweep.ledger, today));
  if (groups.length === 0) return;
  const itemKeys = groups.flatMap((group) => group.items.map((item) => item.key));
  const claim = await context.store.reminderLedger.claim({
    date: today,
    channelKey: channel.key,
    serviceCode: channel.serviceCode,
    claimant: options.claimant,
    now: context.now(),
    itemKeys,
    staleAfterMs: options.staleClaimMs ?? defaultStaleClaimMs,
    ...(sweep.ledger ? { ledger: sweep.ledger } : { ledger: { channelKey: channel.key, occurrences: [] } }),
  });
  if (!claim.claimed) {
    report.skipped.push({ serviceCode: channel.serviceCode, why: claim.why });
    return;
  }
  const item = { serviceCode: channel.serviceCode, channelKey: channel.key };
  try {
    const [service, owners] = await Promise.all([
      context.store.directory.getService(channel.serviceCode),
      ownersOf(context, groups),
    ]);
    const digest: ReminderDigest = {
      ...{
        serviceCode: channel.serviceCode,
        serviceName:
          service?.name ??
          (channel.serviceCode === externalPartition
            ? 'recommendations to external bodies'
            : channel.serviceCode),
        date: today,
        windowDays: options.windowDays,
      },
      groups: groups.map((group) => ({ ...group, owner: owners.get(group.ownerObjectId) as DigestPerson })),
    };
    const activityId = await notifier.post(channel.reference, { kind: 'reminder-digest', digest });
    const recorded = await recordSent(context, claim, activityId);
    if (recorded !== true) report.unrecorded.push({ ...item, reason: recorded });
    report.sent.push({ ...item, items: itemKeys.length, ...(activityId ? { activityId } : {}) });
  } catch (error) {
    const reason = reasonOf(error);
    await context.store.reminderLedger.markFailed(
      claim.entry,
      claim.etag,
      reason,
      context.now(),
      claim.ledger,
    );
    report.failed.push({ ...item, reason });
  }
}

/**
 * Where the target dates of recommendations to external bodies (§31) are reminded: the personal chat
 * of the deputy portfolio director who owns them (the first, by name, who has talked to the bot), as
 * if it were a channel of its own, with its own ledger row. Null when none has a chat with the bot.
 */
async function externalChat(context: AppContext): Promise<RegisteredChannel | null> {
  const directors = (await context.store.directory.listPeople())
    .filter((person) => person.roles.includes('deputyPortfolioDirector'))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  for (const director of directors) {
    const chat = await context.store.conversations.get('personal', director.objectId);
    if (chat) return { ...chat, serviceCode: externalPartition, purpose: 'service' };
  }
  return null;
}

/** The index rows of each service that has a channel, and the services with none. */
async function byChannel(context: AppContext, entries: readonly DueEntry[]) {
  const channels = new Map(
    (await context.store.conversations.serviceChannels()).map((c) => [c.serviceCode, c]),
  );
  if (entries.some((entry) => entry.serviceCode === externalPartition)) {
    const chat = await externalChat(context);
    if (chat) channels.set(externalPartition, chat);
  }
  const due = new Map<string, { channel: RegisteredChannel; entries: DueEntry[] }>();
  const withoutChannel = new Set<string>();
  for (const entry of entries) {
    const channel = channels.get(entry.serviceCode);
    if (!channel) withoutChannel.add(entry.serviceCode);
    else
      due.set(channel.serviceCode, {
        channel,
        entries: [...(due.get(channel.serviceCode)?.entries ?? []), entry],
      });
  }
  return {
    due: [...due.values()].sort((a, b) => a.channel.serviceCode.localeCompare(b.channel.serviceCode)),
    withoutChannel,
  };
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
  if (!(await context.store.dueIndex.isBuilt())) await rebuildDueIndex(context);
  await context.outbox.recover();
  const entries = await context.store.dueIndex.listDueUpTo(addCalendarDays(today, options.windowDays));
  const { due, withoutChannel } = await byChannel(context, entries);
  const ledgers = await context.store.reminderLedger.channels(due.map(({ channel }) => channel.key));
  tally.entitiesRead += entries.length + ledgers.size;
  const report: SweepReport = {
    date: today,
    entitiesRead: 0,
    dueEntries: entries.length,
    sent: [],
    skipped: [],
    failed: [],
    unrecorded: [],
    withoutChannel: [...withoutChannel].sort(),
  };
  // One channel at a time: the sender paces the messages anyway, and storage stays calm.
  for (const sweep of due) {
    await sweepChannel(
      context,
      notifier,
      options,
      { ...sweep, ledger: ledgers.get(sweep.channel.key) },
      report,
    );
  }
  report.entitiesRead = tally.entitiesRead;
  return report;
}
