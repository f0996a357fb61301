/**
 * The reminder ledger: one row per reminder occurrence (a digest for one channel on one day), in
 * the `scheduler` table, partition `ledger`, RowKey `<London date>|<channel key>`.
 *
 * A sender claims the occurrence before sending by creating the row (create-if-absent: exactly
 * one of two racing instances succeeds), then marks it sent with the activity id, or failed with
 * the reason. A failed occurrence, or a claim older than the stale limit (the process died between
 * claim and send), is taken over by the next sweep with an ETag-conditional update, so again only
 * one instance wins it.
 */
import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { Instant, LocalDate } from '../domain/records';
import { statusOf, translateStorageError } from './errors';
import { keyOf } from './keys';
import { parseInput } from './parse-input';
import { queryEntities, readEntity } from './table-access';

const ledgerPartition = 'ledger';

/** Where an occurrence stands. */
export const LedgerStatus = z.enum(['claimed', 'sent', 'failed']);
export type LedgerStatus = z.infer<typeof LedgerStatus>;

/** One reminder occurrence as stored. */
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

/** The outcome of a claim: `claimed` (you send it) or why not. */
export type ClaimResult =
  | { claimed: true; entry: LedgerEntry; etag: string }
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
}

const rowKeyOf = (date: string, channelKey: string): string => keyOf(date, channelKey);

type LedgerRow = Record<string, string | number> & { partitionKey: string; rowKey: string };

function toRow(entry: LedgerEntry): LedgerRow {
  const { itemKeys, ...rest } = entry;
  const row: LedgerRow = {
    partitionKey: ledgerPartition,
    rowKey: rowKeyOf(entry.date, entry.channelKey),
    itemKeysJson: JSON.stringify(itemKeys),
  };
  for (const [name, value] of Object.entries(rest)) {
    if (value !== undefined) row[name] = value;
  }
  return row;
}

function fromRow(row: Record<string, unknown>): LedgerEntry {
  const itemKeys: unknown = typeof row.itemKeysJson === 'string' ? JSON.parse(row.itemKeysJson) : [];
  return parseInput(LedgerEntry, { ...row, itemKeys }, 'reminder ledger row');
}

/** Claims and settles reminder occurrences. */
export class ReminderLedgerRepository {
  constructor(private readonly client: TableClient) {}

  /** Reads one occurrence, or `null`. */
  async get(date: LocalDate, channelKey: string): Promise<LedgerEntry | null> {
    const row = await readEntity(this.client, ledgerPartition, rowKeyOf(date, channelKey));
    return row ? fromRow(row) : null;
  }

  /** Every occurrence of one day, for reports and tests. */
  async listDay(date: LocalDate): Promise<LedgerEntry[]> {
    const from = `${keyOf(date)}|`;
    const to = `${keyOf(date)}}`;
    const rows = await queryEntities(
      this.client,
      odata`PartitionKey eq ${ledgerPartition} and RowKey ge ${from} and RowKey lt ${to}`,
    );
    return rows.map(fromRow);
  }

  /** Claims an occurrence before sending it; see the module comment for who wins. */
  async claim(request: ClaimRequest): Promise<ClaimResult> {
    const fresh: LedgerEntry = {
      date: request.date,
      channelKey: request.channelKey,
      serviceCode: request.serviceCode,
      status: 'claimed',
      claimedBy: request.claimant,
      claimedAt: request.now.toISOString(),
      attempts: 1,
      itemKeys: [...request.itemKeys],
    };
    try {
      const created = await this.client.createEntity(toRow(fresh));
      return { claimed: true, entry: fresh, etag: created.etag ?? '' };
    } catch (error) {
      if (statusOf(error) !== 409) throw translateStorageError(error);
    }
    const row = await readEntity(this.client, ledgerPartition, rowKeyOf(request.date, request.channelKey));
    if (!row) return this.claim(request); // removed between our create and read: try again
    const existing = fromRow(row);
    if (existing.status === 'sent') return { claimed: false, why: 'already-sent', entry: existing };
    const age = request.now.getTime() - Date.parse(existing.claimedAt);
    if (existing.status === 'claimed' && age < request.staleAfterMs) {
      return { claimed: false, why: 'claimed-by-another', entry: existing };
    }
    const retry: LedgerEntry = {
      ...fresh,
      attempts: existing.attempts + 1,
      ...(existing.reason ? { reason: `earlier attempt: ${existing.reason}` } : {}),
    };
    try {
      const updated = await this.client.updateEntity(toRow(retry), 'Replace', { etag: row.etag });
      return { claimed: true, entry: retry, etag: updated.etag ?? '' };
    } catch (error) {
      if (statusOf(error) === 412) return { claimed: false, why: 'claimed-by-another', entry: existing };
      throw translateStorageError(error);
    }
  }

  /** Marks a claimed occurrence sent. Returns the new ETag. */
  async markSent(
    entry: LedgerEntry,
    etag: string,
    activityId: string | undefined,
    at: Date,
  ): Promise<string> {
    const sent: LedgerEntry = { ...entry, status: 'sent', sentAt: at.toISOString() };
    if (activityId) sent.activityId = activityId;
    delete sent.reason;
    return this.settle(sent, etag);
  }

  /** Marks a claimed occurrence failed with the reason; the next sweep retries it. */
  async markFailed(entry: LedgerEntry, etag: string, reason: string, at: Date): Promise<string> {
    return this.settle(
      { ...entry, status: 'failed', failedAt: at.toISOString(), reason: reason.slice(0, 2000) },
      etag,
    );
  }

  private async settle(entry: LedgerEntry, etag: string): Promise<string> {
    const row = toRow(entry);
    try {
      const result = await this.client.updateEntity(row, 'Replace', { etag });
      return result.etag ?? '';
    } catch (error) {
      throw translateStorageError(error, {
        table: this.client.tableName,
        partitionKey: ledgerPartition,
        rowKey: row.rowKey,
      });
    }
  }
}
