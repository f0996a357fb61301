/**
 * The reminder ledger: what each channel was sent, one occurrence per channel and day (a digest),
 * kept in ONE row per channel in the `scheduler` table, partition `ledger`, RowKey the channel key.
 * The row holds the occurrences of the last {@link retainedDays} days; older ones drop off whenever
 * the row is written, so the ledger never grows and a sweep on day 365 reads what it read on day 1.
 *
 * A sender claims the occurrence before sending by writing it into the channel's row, guarded by
 * the row's ETag (or by creating the row): exactly one of two racing instances succeeds. It then
 * marks the occurrence sent with the activity id, or failed with the reason. A failed occurrence, or
 * a claim older than the stale limit (the process died between claim and send), is taken over by
 * the next sweep the same way, so again only one instance wins it.
 */
import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { Instant, LocalDate } from '../domain/records';
import { statusOf, translateStorageError } from './errors';
import { keyOf } from './keys';
import { parseInput } from './parse-input';
import { queryEntities, readEntity, type RawEntity } from './table-access';

const ledgerPartition = 'ledger';

/** Days of occurrences a channel's row keeps: the weekly repeat of overdue items looks back 6. */
export const retainedDays = 8;

/** Keys per query: Table Storage allows 15 comparisons in a filter, one is the partition. */
const keysPerQuery = 14;

/** Where an occurrence stands. */
export const LedgerStatus = z.enum(['claimed', 'sent', 'failed']);
export type LedgerStatus = z.infer<typeof LedgerStatus>;

/** One reminder occurrence: a digest for one channel on one day. */
export const LedgerEntry = z.object({
  date: LocalDate,
  channelKey: z.string().min(1),
  serviceCode: z.string().min(1),
  status: LedgerStatus,
  claimedBy: z.string().min(1),
  claimedAt: Instant,
  /** How many times it has been claimed (1 on the first try). */
  attempts: z.number().int().positive(),
  /** The keys of the items the digest holds (to repeat overdue items weekly, not daily). */
  itemKeys: z.array(z.string()).default([]),
  activityId: z.string().optional(),
  sentAt: Instant.optional(),
  failedAt: Instant.optional(),
  reason: z.string().max(2000).optional(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

/** A channel's row: its recent occurrences, newest last, and the ETag it was read with. */
export interface ChannelLedger {
  channelKey: string;
  occurrences: LedgerEntry[];
  /** Undefined when the channel has no row yet. */
  etag?: string;
}

/** The outcome of a claim: `claimed` (you send it) or why not. */
export type ClaimResult =
  | { claimed: true; entry: LedgerEntry; etag: string; ledger: ChannelLedger }
  | { claimed: false; why: 'already-sent' | 'claimed-by-another'; entry: LedgerEntry | null };

/** What a claim needs. */
export interface ClaimRequest {
  date: LocalDate;
  channelKey: string;
  serviceCode: string;
  claimant: string;
  now: Date;
  itemKeys: readonly string[];
  /** A claim older than this without an outcome is taken to be from a process that died. */
  staleAfterMs: number;
  /** The channel's row as the caller read it (saves a read); read here when not given. */
  ledger?: ChannelLedger;
}

function ledgerOf(row: RawEntity): ChannelLedger {
  const occurrences = z
    .array(z.unknown())
    .parse(JSON.parse(typeof row.occurrencesJson === 'string' ? row.occurrencesJson : '[]'));
  const ledger: ChannelLedger = {
    channelKey: String(row.channelKey),
    occurrences: occurrences.map((value) => parseInput(LedgerEntry, value, 'reminder ledger occurrence')),
  };
  if (row.etag) ledger.etag = row.etag;
  return ledger;
}

/** The day `days` before `date` (LocalDates sort as text). */
function daysBefore(date: LocalDate, days: number): LocalDate {
  const time = Date.parse(`${date}T12:00:00Z`) - days * 24 * 60 * 60 * 1000;
  return new Date(time).toISOString().slice(0, 10);
}

/** Claims and settles reminder occurrences. */
export class ReminderLedgerRepository {
  constructor(private readonly client: TableClient) {}

  /** The rows of these channels (those without one are left out), in one query per 14 channels. */
  async channels(channelKeys: readonly string[]): Promise<Map<string, ChannelLedger>> {
    const unique = [...new Set(channelKeys)];
    const found = new Map<string, ChannelLedger>();
    for (let i = 0; i < unique.length; i += keysPerQuery) {
      const anyKey = unique
        .slice(i, i + keysPerQuery)
        .map((key) => odata`RowKey eq ${keyOf(key)}`)
        .join(' or ');
      const rows = await queryEntities(
        this.client,
        `${odata`PartitionKey eq ${ledgerPartition}`} and (${anyKey})`,
      );
      for (const row of rows) found.set(String(row.channelKey), ledgerOf(row));
    }
    return found;
  }

  private async channel(channelKey: string): Promise<ChannelLedger> {
    const row = await readEntity(this.client, ledgerPartition, keyOf(channelKey));
    return row ? ledgerOf(row) : { channelKey, occurrences: [] };
  }

  /** Reads one occurrence, or `null`. */
  async get(date: LocalDate, channelKey: string): Promise<LedgerEntry | null> {
    return (await this.channel(channelKey)).occurrences.find((entry) => entry.date === date) ?? null;
  }

  /** Every occurrence of one day, for reports and tests. */
  async listDay(date: LocalDate): Promise<LedgerEntry[]> {
    const rows = await queryEntities(this.client, odata`PartitionKey eq ${ledgerPartition}`);
    return rows.flatMap((row) => ledgerOf(row).occurrences.filter((entry) => entry.date === date));
  }

  /**
   * Writes the channel's row with `entry` in place of that day's occurrence, dropping those older
   * than {@link retainedDays}; guarded by the row's ETag. Returns the new ETag, or null when
   * another writer changed the row first.
   */
  private async write(ledger: ChannelLedger, entry: LedgerEntry): Promise<string | null> {
    const oldest = daysBefore(entry.date, retainedDays - 1);
    const occurrences = [
      ...ledger.occurrences.filter((o) => o.date !== entry.date && o.date >= oldest),
      entry,
    ].sort((a, b) => a.date.localeCompare(b.date));
    const row = {
      partitionKey: ledgerPartition,
      rowKey: keyOf(entry.channelKey),
      channelKey: entry.channelKey,
      serviceCode: entry.serviceCode,
      occurrencesJson: JSON.stringify(occurrences),
    };
    try {
      const result = ledger.etag
        ? await this.client.updateEntity(row, 'Replace', { etag: ledger.etag })
        : await this.client.createEntity(row);
      ledger.occurrences = occurrences;
      ledger.etag = result.etag ?? '';
      return ledger.etag;
    } catch (error) {
      const status = statusOf(error);
      if (status === 409 || status === 412) return null;
      throw translateStorageError(error, {
        table: this.client.tableName,
        partitionKey: ledgerPartition,
        rowKey: row.rowKey,
      });
    }
  }

  /** Claims an occurrence before sending it; see the module comment for who wins. */
  async claim(request: ClaimRequest): Promise<ClaimResult> {
    const ledger = request.ledger ?? (await this.channel(request.channelKey));
    const existing = ledger.occurrences.find((entry) => entry.date === request.date);
    if (existing?.status === 'sent') return { claimed: false, why: 'already-sent', entry: existing };
    const age = existing ? request.now.getTime() - Date.parse(existing.claimedAt) : Infinity;
    if (existing?.status === 'claimed' && age < request.staleAfterMs) {
      return { claimed: false, why: 'claimed-by-another', entry: existing };
    }
    const entry: LedgerEntry = {
      date: request.date,
      channelKey: request.channelKey,
      serviceCode: request.serviceCode,
      status: 'claimed',
      claimedBy: request.claimant,
      claimedAt: request.now.toISOString(),
      attempts: (existing?.attempts ?? 0) + 1,
      itemKeys: [...request.itemKeys],
      ...(existing?.reason ? { reason: `earlier attempt: ${existing.reason}` } : {}),
    };
    const etag = await this.write(ledger, entry);
    if (etag !== null) return { claimed: true, entry, etag, ledger };
    // Another instance wrote the row first: see what it did.
    const fresh =
      (await this.channel(request.channelKey)).occurrences.find((o) => o.date === request.date) ?? null;
    return {
      claimed: false,
      why: fresh?.status === 'sent' ? 'already-sent' : 'claimed-by-another',
      entry: fresh,
    };
  }

  /** Marks a claimed occurrence sent. Returns the new ETag. */
  async markSent(
    entry: LedgerEntry,
    etag: string,
    activityId: string | undefined,
    at: Date,
    ledger?: ChannelLedger,
  ): Promise<string> {
    const sent: LedgerEntry = { ...entry, status: 'sent', sentAt: at.toISOString() };
    if (activityId) sent.activityId = activityId;
    delete sent.reason;
    return this.settle(sent, etag, ledger);
  }

  /** Marks a claimed occurrence failed with the reason; the next sweep retries it. */
  async markFailed(
    entry: LedgerEntry,
    etag: string,
    reason: string,
    at: Date,
    ledger?: ChannelLedger,
  ): Promise<string> {
    return this.settle(
      { ...entry, status: 'failed', failedAt: at.toISOString(), reason: reason.slice(0, 2000) },
      etag,
      ledger,
    );
  }

  private async settle(entry: LedgerEntry, etag: string, ledger?: ChannelLedger): Promise<string> {
    const target = ledger ?? (await this.channel(entry.channelKey));
    target.etag = etag;
    const written = await this.write(target, entry);
    if (written === null) {
      throw translateStorageError(
        Object.assign(new Error('the ledger row changed since it was claimed'), { statusCode: 412 }),
        {
          table: this.client.tableName,
          partitionKey: ledgerPartition,
          rowKey: keyOf(entry.channelKey),
        },
      );
    }
    return written;
  }
}
