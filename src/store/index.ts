/**
 * The storage layer of CoC Monitor over Azure Table Storage. Use cases get a {@link Store} from
 * {@link createStore}; nothing outside this folder talks to @azure/data-tables.
 * docs/table-design.md explains the tables and keys.
 */
import { createConversationsRepository, type ConversationsRepository } from './conversations-repository';
import { createDirectoryRepository, type DirectoryRepository } from './directory-repository';
import { DueIndexRepository } from './due-index-repository';
import { LeaseRepository } from './lease-repository';
import {
  createObservedRecordsRepository,
  type ObservedRecordsRepository,
} from './observed-records-repository';
import { ReminderLedgerRepository } from './reminder-ledger-repository';
import { checkStorageReady, type StorageReadiness } from './storage-ready';
import {
  createTableClients,
  ensureTables,
  type StoreTables,
  type TableClientFactoryOptions,
} from './table-client-factory';

export * from './errors';
export type { Versioned } from './entity-codec';
export {
  createTableClients,
  ensureTables,
  interactiveRetry,
  tableNameFor,
  tableNames,
  type RetrySettings,
  type StorageConnection,
  type StoreTables,
  type TableClientFactoryOptions,
  type TableName,
  type TokenSource,
} from './table-client-factory';
export {
  RecordsRepository,
  createRecordsRepository,
  maxChangesPerCommit,
  type CocWithRecommendations,
  type CommittedChange,
  type RecordChange,
  type ReservedNumber,
} from './records-repository';
export {
  Counter,
  CounterName,
  FormSubmission,
  OutboxEntry,
  externalPartition,
  type AppendOnlyEntity,
  type RecordEntity,
  type RecordType,
} from './record-entities';
export {
  DirectoryRepository,
  createDirectoryRepository,
  type PeopleSnapshot,
} from './directory-repository';
export {
  ConversationKind,
  ConversationsRepository,
  StoredConversation,
  createConversationsRepository,
  type ChannelPurpose,
  type RegisteredChannel,
} from './conversations-repository';
export { checkStorageReady, type StorageReadiness } from './storage-ready';
export {
  DueContacts,
  DueEntry,
  DueIndexRepository,
  DueKind,
  dueEntryRowKey,
  type IndexedRecord,
  type RecordIndex,
} from './due-index-repository';
export {
  LedgerEntry,
  LedgerStatus,
  ReminderLedgerRepository,
  retainedDays,
  type ChannelLedger,
  type ClaimRequest,
  type ClaimResult,
} from './reminder-ledger-repository';
export { PartitionCache, type PartitionCacheOptions } from './partition-cache';
export { LeaseRepository, type LeaseResult } from './lease-repository';
export {
  ObservedRecordsRepository,
  createObservedRecordsRepository,
  type CommitObserver,
} from './observed-records-repository';

/** `{ connectionString }` (Azurite) or `{ accountUrl }` (Azure, managed identity), plus `tablePrefix`. */
export type StoreOptions = TableClientFactoryOptions;

/** Every repository over one set of tables, plus the start-up and readiness moves. */
export interface Store {
  tables: StoreTables;
  /** Commits are observed, so derived views such as the due index follow every change. */
  records: ObservedRecordsRepository;
  directory: DirectoryRepository;
  conversations: ConversationsRepository;
  /** Unmet obligations by due date (docs/reminders.md). */
  dueIndex: DueIndexRepository;
  /** Reminder occurrences: claimed, sent or failed. */
  reminderLedger: ReminderLedgerRepository;
  /** The scheduler's lease, so one instance sweeps at a time. */
  leases: LeaseRepository;
  /** Creates the tables if missing; call once at start-up. */
  ensureTables(): Promise<void>;
  /** Cheap probe for /readyz. */
  checkStorageReady(options?: { timeoutMs?: number }): Promise<StorageReadiness>;
}

/** Builds the whole store from one options object. Sends nothing until first used. */
export function createStore(options: StoreOptions): Store {
  const tables = createTableClients(options);
  return {
    tables,
    records: createObservedRecordsRepository(tables.records),
    directory: createDirectoryRepository(tables.directory),
    conversations: createConversationsRepository(tables.conversations),
    dueIndex: new DueIndexRepository(tables.scheduler),
    reminderLedger: new ReminderLedgerRepository(tables.scheduler),
    leases: new LeaseRepository(tables.scheduler),
    ensureTables: () => ensureTables(tables),
    checkStorageReady: (probeOptions) => checkStorageReady(tables, probeOptions),
  };
}
