/**
 * The due index: every obligation not yet met, keyed by its due date, so the reminder sweep reads
 * only what can be due (overdue or due within the window) instead of every record ever kept.
 *
 * It lives in the `scheduler` table, partition `due` (docs/reminders.md explains the design):
 *
 * | row                              | RowKey                                            |
 * |----------------------------------|---------------------------------------------------|
 * | one unmet obligation             | `at|<due date>|<service>|<subject>|<kind>`        |
 * | what a record (CoC, AFI) indexed | `of|<service>|<record id>`: its `at|` keys, the   |
 * |                                  | dates of the last contacts, the version indexed   |
 * | the index is complete            | `state|built`                                     |
 *
 * The index is a derived view: rows are rebuilt from the records, never edited by hand, so every
 * write here is idempotent. A record's rows and its `of|` row change in one transaction (one
 * partition), guarded by the `of|` row's ETag.
 */
import { createHash } from 'node:crypto';
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import { OBLIGATION_KINDS } from '../domain/clock';
import { LocalDate, ObjectId, ServiceCode } from '../domain/records';
import { translateStorageError } from './errors';
import { keyOf } from './keys';
import { parseInput } from './parse-input';
import { queryEntities, readEntity } from './table-access';

const duePartition = 'due';

/** The kinds of index row: the clock's obligations, and the point from which engagement is expected. */
export const DueKind = z.enum([...OBLIGATION_KINDS, 'engagementExpected']);
export type DueKind = z.infer<typeof DueKind>;

/** One unmet obligation, with what a reminder needs to show it without reading the records. */
export const DueEntry = z.object({
  serviceCode: ServiceCode,
  /** The record the obligation belongs to: a CoC (`BUC-1`) or an AFI (`BUC-AFI-3`). */
  recordId: z.string().min(1).max(40),
  /** Its title (a CoC's) or text (an AFI's), as the digest names it. */
  recordTitle: z.string().min(1).max(300),
  /** The record, or the recommendation for a target date. */
  subjectId: z.string().min(1),
  kind: DueKind,
  dueDate: LocalDate,
  /** For `engagementExpected`: the date by which it must have happened. */
  until: LocalDate.optional(),
  /** Whom the reminder @mentions: the record's Service Liaison Lead. */
  ownerObjectId: ObjectId,
});
export type DueEntry = z.infer<typeof DueEntry>;

/** The dates of a record's last contacts with the service, which the recurring obligations count from. */
export const DueContacts = z.object({
  lastSloUpdate: LocalDate.optional(),
  lastContact: LocalDate.optional(),
  lastRevisitFinding: LocalDate.optional(),
});
export type DueContacts = z.infer<typeof DueContacts>;

/** What the index holds for one record: its rows' keys, its contacts, the version indexed. */
export interface IndexedRecord {
  serviceCode: string;
  recordId: string;
  keys: string[];
  contacts: DueContacts;
  /** The record's `updatedAt` when it was indexed. */
  version?: string;
  /** A digest of each row as written, by key (rows written before digests were kept have none). */
  digests?: Readonly<Record<string, string>>;
  etag: string;
}

/** The RowKey of one index row. */
export function dueEntryRowKey(entry: DueEntry): string {
  return keyOf('at', entry.dueDate, entry.serviceCode, entry.subjectId, entry.kind);
}

const ofRowKey = (serviceCode: string, recordId: string): string => keyOf('of', serviceCode, recordId);
const builtRowKey = keyOf('state', 'built');
const maxActionsPerTransaction = 100;

function entryOf(row: Record<string, unknown>): DueEntry {
  return parseInput(DueEntry, row, 'due index row');
}

function indexedOf(row: Record<string, unknown> & { etag?: string }): IndexedRecord {
  const keys = z.array(z.string()).parse(JSON.parse(typeof row.keysJson === 'string' ? row.keysJson : '[]'));
  const contacts = DueContacts.parse(
    JSON.parse(typeof row.contactsJson === 'string' ? row.contactsJson : '{}'),
  );
  const indexed: IndexedRecord = {
    serviceCode: String(row.serviceCode),
    recordId: String(row.recordId ?? row.cocId),
    keys,
    contacts,
    etag: row.etag ?? '',
  };
  if (typeof row.version === 'string') indexed.version = row.version;
  if (typeof row.digestsJson === 'string')
    indexed.digests = z.record(z.string(), z.string()).parse(JSON.parse(row.digestsJson));
  return indexed;
}

/** A digest of one index row: equal digests, equal rows. */
function digestOf(entry: DueEntry): string {
  return createHash('sha256').update(JSON.stringify(entry)).digest('base64').slice(0, 22);
}

/** What a record's index should become. */
export interface RecordIndex {
  serviceCode: string;
  recordId: string;
  entries: readonly DueEntry[];
  contacts: DueContacts;
  version?: string | undefined;
}

/** Transactions a full rebuild sends at once. */
const rebuildConcurrency = 6;

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

  /** What the index holds for one record, or null when it holds nothing for it. */
  async readRecord(serviceCode: string, recordId: string): Promise<IndexedRecord | null> {
    const row = await readEntity(this.client, duePartition, ofRowKey(serviceCode, recordId));
    return row ? indexedOf(row) : null;
  }

  /** What the index holds for every record (for a full rebuild or a consistency check). */
  async listRecords(): Promise<IndexedRecord[]> {
    const from = `${keyOf('of')}|`;
    const to = `${keyOf('of')}}`;
    const rows = await queryEntities(
      this.client,
      odata`PartitionKey eq ${duePartition} and RowKey ge ${from} and RowKey lt ${to}`,
    );
    return rows.map(indexedOf);
  }

  /**
   * Replaces the index rows of one record with `next.entries`, guarded by the ETag of what was read
   * (`current`, or none when the index held nothing for it).
   * @throws ConflictError when another writer re-indexed the record meanwhile: re-read and retry.
   */
  async replaceRecord(next: RecordIndex, current: IndexedRecord | null): Promise<void> {
    const { actions, guard, ofRow } = this.actionsFor(next, current, { onlyChanged: true });
    if (actions.length === 0 && current) {
      // Most changes move no date (an approval, a RAG): the record's own row is written, under its
      // ETag as ever, and nothing else.
      await this.updateOfRow(ofRow, current.etag);
      return;
    }
    // The guard goes in the first batch, so a lost race fails before anything is written. A record
    // with more than 99 changes is written in several batches; each is idempotent, so a failure
    // half-way is mended by the next refresh.
    const batches: TransactionAction[][] = [];
    for (let i = 0; i < actions.length || batches.length === 0; i += maxActionsPerTransaction - 1) {
      batches.push(actions.slice(i, i + maxActionsPerTransaction - 1));
    }
    batches[0]?.unshift(guard);
    for (const batch of batches) await this.submit(batch, ofRowKey(next.serviceCode, next.recordId));
  }

  /**
   * Replaces the whole index with `records` (a full rebuild): rows of records no longer indexed are
   * removed; writes go in transactions of up to 100 rows, not guarded (run it under the scheduler's
   * lease, or with nothing else writing).
   */
  async replaceAll(records: readonly RecordIndex[], current: readonly IndexedRecord[]): Promise<void> {
    const before = new Map(
      current.map((indexed) => [ofRowKey(indexed.serviceCode, indexed.recordId), indexed]),
    );
    const actions: TransactionAction[] = [];
    for (const next of records) {
      const ofKey = ofRowKey(next.serviceCode, next.recordId);
      const built = this.actionsFor(next, before.get(ofKey) ?? null);
      actions.push(...built.actions, ['upsert', built.ofRow, 'Replace']);
      before.delete(ofKey);
    }
    for (const [ofKey, gone] of before) {
      for (const key of gone.keys) actions.push(['delete', { partitionKey: duePartition, rowKey: key }]);
      actions.push(['delete', { partitionKey: duePartition, rowKey: ofKey }]);
    }
    const batches: TransactionAction[][] = [];
    for (let i = 0; i < actions.length; i += maxActionsPerTransaction) {
      batches.push(actions.slice(i, i + maxActionsPerTransaction));
    }
    // Unguarded and each idempotent, so several go at once: a rebuild of 9,000 records is some
    // 150 transactions, and one after another they take most of its time.
    const next = (): TransactionAction[] | undefined => batches.shift();
    const worker = async (): Promise<void> => {
      for (let batch = next(); batch; batch = next()) await this.submit(batch, builtRowKey);
    };
    await Promise.all(Array.from({ length: rebuildConcurrency }, worker));
  }

  /**
   * The writes that take a record's rows from `current` to `next`. With `onlyChanged`, rows whose
   * digest says they are already as wanted are left alone (a full rebuild writes every row, to mend
   * rows changed behind the index's back).
   */
  private actionsFor(
    next: RecordIndex,
    current: IndexedRecord | null,
    options: { onlyChanged?: boolean } = {},
  ) {
    const parsed = next.entries.map((entry) => parseInput(DueEntry, entry, 'due index entry'));
    const wanted = new Map(parsed.map((entry) => [dueEntryRowKey(entry), entry]));
    const digests = Object.fromEntries([...wanted].map(([rowKey, entry]) => [rowKey, digestOf(entry)]));
    const actions: TransactionAction[] = [];
    for (const key of current?.keys ?? []) {
      if (!wanted.has(key)) actions.push(['delete', { partitionKey: duePartition, rowKey: key }]);
    }
    for (const [rowKey, entry] of wanted) {
      const asWritten = options.onlyChanged && current?.digests?.[rowKey] === digests[rowKey];
      if (!asWritten) actions.push(['upsert', { partitionKey: duePartition, rowKey, ...entry }, 'Replace']);
    }
    const ofRow = {
      partitionKey: duePartition,
      rowKey: ofRowKey(next.serviceCode, next.recordId),
      serviceCode: next.serviceCode,
      recordId: next.recordId,
      keysJson: JSON.stringify([...wanted.keys()]),
      contactsJson: JSON.stringify(DueContacts.parse(next.contacts)),
      digestsJson: JSON.stringify(digests),
      ...(next.version === undefined ? {} : { version: next.version }),
    };
    const guard: TransactionAction = current
      ? ['update', ofRow, 'Replace', { etag: current.etag }]
      : ['create', ofRow];
    return { actions, guard, ofRow };
  }

  /** Rewrites a record's own row alone, if it is still as read. */
  private async updateOfRow(ofRow: { partitionKey: string; rowKey: string }, etag: string): Promise<void> {
    try {
      await this.client.updateEntity(ofRow, 'Replace', { etag });
    } catch (error) {
      throw translateStorageError(error, {
        table: this.client.tableName,
        partitionKey: duePartition,
        rowKey: ofRow.rowKey,
      });
    }
  }

  private async submit(batch: TransactionAction[], rowKey: string): Promise<void> {
    try {
      await this.client.submitTransaction(batch);
    } catch (error) {
      throw translateStorageError(error, {
        table: this.client.tableName,
        partitionKey: duePartition,
        rowKey,
      });
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
