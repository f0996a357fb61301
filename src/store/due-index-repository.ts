/**
 * The due index: every obligation not yet met, keyed by its due date, so the reminder sweep reads
 * only what can be due (overdue or due within the window) instead of every record ever kept.
 *
 * It lives in the `scheduler` table, partition `due` (docs/reminders.md explains the design):
 *
 * | row                     | RowKey                                       |
 * |-------------------------|----------------------------------------------|
 * | one unmet obligation    | `at|<due date>|<service>|<subject>|<kind>`   |
 * | what a CoC has indexed  | `of|<service>|<CoC id>` (the `at|` keys)     |
 * | a CoC changed, not yet re-indexed | `pending|<service>|<CoC id>`       |
 * | the index is complete   | `state|built`                                |
 *
 * The index is a derived view: rows are rebuilt from the records, never edited by hand, so every
 * write here is idempotent. A CoC's rows and its `of|` row change in one transaction (one
 * partition), guarded by the `of|` row's ETag.
 */
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import { OBLIGATION_KINDS } from '../domain/clock';
import { CocId, LocalDate, ObjectId, ServiceCode } from '../domain/records';
import { statusOf, translateStorageError } from './errors';
import { keyOf } from './keys';
import { parseInput } from './parse-input';
import { queryEntities, readEntity } from './table-access';

const duePartition = 'due';

/** One unmet obligation, with what a reminder needs to show it without reading the records. */
export const DueEntry = z.object({
  serviceCode: ServiceCode,
  cocId: CocId,
  cocTitle: z.string().min(1).max(200),
  /** The CoC id, or the recommendation id for a target date. */
  subjectId: z.string().min(1),
  kind: z.enum(OBLIGATION_KINDS),
  dueDate: LocalDate,
  /** Whom the reminder @mentions: the CoC's Service Liaison Lead. */
  ownerObjectId: ObjectId,
});
export type DueEntry = z.infer<typeof DueEntry>;

/** A CoC whose records changed and whose index rows may not have caught up yet. */
export interface PendingCoc {
  serviceCode: string;
  cocId: string;
}

/** The RowKey of one index row. */
export function dueEntryRowKey(entry: DueEntry): string {
  return keyOf('at', entry.dueDate, entry.serviceCode, entry.subjectId, entry.kind);
}

const ofRowKey = (serviceCode: string, cocId: string): string => keyOf('of', serviceCode, cocId);
const pendingRowKey = (serviceCode: string, cocId: string): string => keyOf('pending', serviceCode, cocId);
const builtRowKey = keyOf('state', 'built');
const maxActionsPerTransaction = 100;

function entryOf(row: Record<string, unknown>): DueEntry {
  return parseInput(DueEntry, row, 'due index row');
}

function keysOf(row: Record<string, unknown> | null): string[] {
  if (!row || typeof row.keysJson !== 'string') return [];
  return z.array(z.string()).parse(JSON.parse(row.keysJson));
}

/** Reads and writes the due index. */
export class DueIndexRepository {
  constructor(private readonly client: TableClient) {}

  /** Every unmet obligation due on or before `lastDate` (overdue ones included), earliest first. */
  async listDueUpTo(lastDate: LocalDate): Promise<DueEntry[]> {
    const from = `${keyOf('at')}|`;
    const to = `${keyOf('at', parseInput(LocalDate, lastDate, 'last date'))}}`;
    const rows = await queryEntities(
      this.client,
      odata`PartitionKey eq ${duePartition} and RowKey ge ${from} and RowKey lt ${to}`,
    );
    return rows.map(entryOf);
  }

  /**
   * Replaces the index rows of one CoC with `entries` (its unmet obligations) in one transaction.
   * @throws ConflictError when another writer re-indexed the CoC meanwhile: re-read and retry.
   */
  async replaceCoc(serviceCode: string, cocId: string, entries: readonly DueEntry[]): Promise<void> {
    const parsed = entries.map((entry) => parseInput(DueEntry, entry, 'due index entry'));
    const ofKey = ofRowKey(serviceCode, cocId);
    const current = await readEntity(this.client, duePartition, ofKey);
    const wanted = new Map(parsed.map((entry) => [dueEntryRowKey(entry), entry]));
    const actions: TransactionAction[] = [];
    for (const key of keysOf(current)) {
      if (!wanted.has(key)) actions.push(['delete', { partitionKey: duePartition, rowKey: key }]);
    }
    for (const [rowKey, entry] of wanted) {
      actions.push(['upsert', { partitionKey: duePartition, rowKey, ...entry }, 'Replace']);
    }
    const ofRow = {
      partitionKey: duePartition,
      rowKey: ofKey,
      serviceCode,
      cocId,
      keysJson: JSON.stringify([...wanted.keys()]),
    };
    const guard: TransactionAction = current
      ? ['update', ofRow, 'Replace', { etag: current.etag }]
      : ['create', ofRow];
    // The guard goes in the first batch, so a lost race fails before anything is written. A CoC
    // with more than 99 changes (never seen: a CoC has a handful) is written in several batches;
    // every batch is idempotent, so a failure half-way is mended by the next refresh.
    const batches: TransactionAction[][] = [];
    for (let i = 0; i < actions.length || batches.length === 0; i += maxActionsPerTransaction - 1) {
      batches.push(actions.slice(i, i + maxActionsPerTransaction - 1));
    }
    batches[0]?.unshift(guard);
    for (const batch of batches) {
      try {
        await this.client.submitTransaction(batch);
      } catch (error) {
        throw translateStorageError(error, {
          table: this.client.tableName,
          partitionKey: duePartition,
          rowKey: ofKey,
        });
      }
    }
  }

  /** Notes that these CoCs are about to change; returns each marker's ETag for {@link clearPending}. */
  async markPending(
    serviceCode: string,
    cocIds: readonly string[],
    at: string,
  ): Promise<Map<string, string>> {
    const etags = new Map<string, string>();
    await Promise.all(
      cocIds.map(async (cocId) => {
        try {
          const result = await this.client.upsertEntity(
            { partitionKey: duePartition, rowKey: pendingRowKey(serviceCode, cocId), serviceCode, cocId, at },
            'Replace',
          );
          if (result.etag) etags.set(cocId, result.etag);
        } catch (error) {
          throw translateStorageError(error);
        }
      }),
    );
    return etags;
  }

  /** The CoCs marked pending and not cleared: a process stopped between a commit and its re-index. */
  async listPending(): Promise<PendingCoc[]> {
    const from = `${keyOf('pending')}|`;
    const to = `${keyOf('pending')}}`;
    const rows = await queryEntities(
      this.client,
      odata`PartitionKey eq ${duePartition} and RowKey ge ${from} and RowKey lt ${to}`,
    );
    return rows.map((row) => ({ serviceCode: String(row.serviceCode), cocId: String(row.cocId) }));
  }

  /**
   * Removes a pending marker once the CoC is re-indexed. With `etag`, only if nobody marked it
   * again since (that later change then keeps its marker until its own re-index).
   */
  async clearPending(serviceCode: string, cocId: string, etag?: string): Promise<void> {
    try {
      await this.client.deleteEntity(duePartition, pendingRowKey(serviceCode, cocId), etag ? { etag } : {});
    } catch (error) {
      const status = statusOf(error);
      if (status === 404 || status === 412) return; // already cleared, or marked again since
      throw translateStorageError(error);
    }
  }

  /** True once a full build has filled the index (data written before it existed is then in). */
  async isBuilt(): Promise<boolean> {
    return (await readEntity(this.client, duePartition, builtRowKey)) !== null;
  }

  /** Records that a full build finished at `at`. */
  async markBuilt(at: string): Promise<void> {
    try {
      await this.client.upsertEntity({ partitionKey: duePartition, rowKey: builtRowKey, at }, 'Replace');
    } catch (error) {
      throw translateStorageError(error);
    }
  }
}
