/**
 * The bot's own directory: people (by Entra object id) and their roles, leave-cover delegations,
 * services and regions. A user's role always comes from here, never from what a card sends.
 *
 * The directory is small (hundreds of rows) and kept by administrators and the seed script, so
 * each kind is one partition of the `directory` table and writes are upserts (last write wins).
 *
 * Nearly every turn reads it (who is calling, their delegations, the service, the people a card
 * names), so each partition is read whole and kept for a few seconds ({@link DirectoryCacheOptions}):
 * a write through this repository is seen at once, a write from another process (an import, another
 * instance) within that time. Callers get copies, so changing one cannot change the cache.
 */
import type { TableClient, TransactionAction } from '@azure/data-tables';
import type { z } from 'zod';
import {
  AuditEvent,
  Delegation,
  ObjectId,
  Person,
  Region,
  RegionId,
  Service,
  ServiceCode,
} from '../domain/records';
import { fromEntity, toEntity } from './entity-codec';
import { isNotFound, translateStorageError, type EntityRef } from './errors';
import { parseInput } from './parse-input';
import { keyOf, partitionFilter, reverseSortableTime, rowKeyPrefixFilter } from './keys';
import { queryEntities } from './table-access';
import { PartitionCache, type PartitionCacheOptions } from './partition-cache';

/** The partition of each kind of directory row; the RowKey is the row's own id. */
const directoryPartitions = {
  person: 'person',
  delegation: 'delegation',
  service: 'service',
  region: 'region',
} as const;
type DirectoryKind = keyof typeof directoryPartitions;

/** How long a partition read is reused (see src/store/partition-cache.ts). */
export type DirectoryCacheOptions = PartitionCacheOptions;

const schemas: Record<DirectoryKind, z.ZodType> = {
  person: Person,
  delegation: Delegation,
  service: Service,
  region: Region,
};

/** RowKeys of the person partition that are not people: the version row and role-change audit. */
const bookkeepingPrefix = '~';
const versionRowKey = '~version';
const auditRowPrefix = '~audit';

/** The people as one role change reads them, with the version the change must still find. */
export interface PeopleSnapshot {
  people: Person[];
  /** The ETag of the directory's version row; null before the first role change. */
  version: string | null;
}

/** Repository of the `directory` table; build it with {@link createDirectoryRepository}. */
export class DirectoryRepository {
  private readonly cache: PartitionCache<unknown>;

  constructor(
    private readonly client: TableClient,
    cache: DirectoryCacheOptions = {},
  ) {
    this.cache = new PartitionCache(
      client,
      (row) => {
        // The person partition also holds its version row and the audit of role changes.
        if (String(row.rowKey).startsWith(bookkeepingPrefix)) return null;
        const kind = row.partitionKey as DirectoryKind;
        return fromEntity(client.tableName, row, kind, schemas[kind]).value;
      },
      cache,
    );
  }

  /** The whole partition of `kind`, from the cache while it is fresh. */
  private partition<T>(kind: DirectoryKind, _schema: z.ZodType<T>): Promise<Map<string, T>> {
    return this.cache.rows(directoryPartitions[kind]) as Promise<Map<string, T>>;
  }

  private async get<T>(kind: DirectoryKind, id: string, schema: z.ZodType<T>): Promise<T | null> {
    const value = (await this.partition(kind, schema)).get(keyOf(id));
    return value === undefined ? null : structuredClone(value);
  }

  private async list<T>(kind: DirectoryKind, schema: z.ZodType<T>): Promise<T[]> {
    return [...(await this.partition(kind, schema)).values()]
      .filter((value) => value !== null)
      .map((value) => structuredClone(value));
  }

  private async upsert(kind: DirectoryKind, id: string, value: Record<string, unknown>): Promise<void> {
    const ref: EntityRef = {
      table: this.client.tableName,
      partitionKey: directoryPartitions[kind],
      rowKey: keyOf(id),
    };
    try {
      await this.client.upsertEntity(toEntity(ref, kind, value), 'Replace');
    } catch (error) {
      throw translateStorageError(error, ref);
    } finally {
      this.cache.forget(directoryPartitions[kind]);
    }
  }

  /** A person by Entra object id, or `null` if the bot does not know them. */
  async getPerson(objectId: string): Promise<Person | null> {
    return await this.get('person', parseInput(ObjectId, objectId, 'object id'), Person);
  }

  /** Everyone in the directory. */
  async listPeople(): Promise<Person[]> {
    return await this.list('person', Person);
  }

  /** Adds or replaces a person. */
  async upsertPerson(person: Person): Promise<void> {
    const value = parseInput(Person, person, 'person');
    await this.upsert('person', value.objectId, value);
  }

  /**
   * Everyone, read from storage (not the cache), with the version a role change must commit
   * against: two changes made at the same moment can't both pass their checks.
   */
  async readPeopleForChange(): Promise<PeopleSnapshot> {
    const rows = await queryEntities(this.client, partitionFilter(directoryPartitions.person));
    let version: string | null = null;
    const people: Person[] = [];
    for (const row of rows) {
      const rowKey = String(row.rowKey);
      if (rowKey === versionRowKey) version = row.etag;
      if (rowKey.startsWith(bookkeepingPrefix)) continue;
      people.push(fromEntity(this.client.tableName, row, 'person', Person).value);
    }
    return { people, version };
  }

  /**
   * Saves a role change in one transaction: the people it changes, their audit events and the
   * directory's new version. Raises {@link ConflictError} when another change came first.
   */
  async commitPeopleChange(snapshot: PeopleSnapshot, people: Person[], events: AuditEvent[]): Promise<void> {
    const partitionKey = directoryPartitions.person;
    const ref = (rowKey: string): EntityRef => ({ table: this.client.tableName, partitionKey, rowKey });
    const versionRow = toEntity(ref(versionRowKey), 'version', { changedAt: events[0]?.at ?? '' });
    const actions: TransactionAction[] = [
      snapshot.version === null
        ? ['create', versionRow]
        : ['update', versionRow, 'Replace', { etag: snapshot.version }],
      ...people.map((person): TransactionAction => {
        const value = parseInput(Person, person, 'person');
        return ['upsert', toEntity(ref(keyOf(value.objectId)), 'person', value), 'Replace'];
      }),
      ...events.map((event): TransactionAction => {
        const value = parseInput(AuditEvent, event, 'audit event');
        const rowKey = `${auditRowPrefix}|${reverseSortableTime(value.at)}|${keyOf(value.id)}`;
        return ['create', toEntity(ref(rowKey), 'audit', value)];
      }),
    ];
    try {
      await this.client.submitTransaction(actions);
    } catch (error) {
      throw translateStorageError(error, ref(versionRowKey));
    } finally {
      this.cache.forget(partitionKey);
    }
  }

  /** The latest role changes, newest first. */
  async listPeopleChanges(limit: number): Promise<AuditEvent[]> {
    const filter = rowKeyPrefixFilter(directoryPartitions.person, auditRowPrefix);
    const rows = await queryEntities(this.client, filter, limit);
    return rows.slice(0, limit).map((row) => fromEntity(this.client.tableName, row, 'audit', AuditEvent).value);
  }

  /** All delegations, or those given by or to one person (`from` or `to` is `objectId`). */
  async listDelegations(objectId?: string): Promise<Delegation[]> {
    const all = await this.list('delegation', Delegation);
    if (objectId === undefined) return all;
    const id = parseInput(ObjectId, objectId, 'object id');
    return all.filter((delegation) => delegation.from === id || delegation.to === id);
  }

  /** Adds or replaces a delegation (keyed by its id). */
  async putDelegation(delegation: Delegation): Promise<void> {
    const value = parseInput(Delegation, delegation, 'delegation');
    await this.upsert('delegation', value.id, value);
  }

  /** Removes a delegation; removing one that is not there is not an error. */
  async removeDelegation(id: string): Promise<void> {
    try {
      await this.client.deleteEntity(directoryPartitions.delegation, keyOf(id));
    } catch (error) {
      if (isNotFound(error)) return; // already gone: the outcome the caller asked for
      throw translateStorageError(error);
    } finally {
      this.cache.forget(directoryPartitions.delegation);
    }
  }

  /** A service by its code, or `null`. */
  async getService(code: string): Promise<Service | null> {
    return await this.get('service', parseInput(ServiceCode, code, 'service code'), Service);
  }

  /** Every service. */
  async listServices(): Promise<Service[]> {
    return await this.list('service', Service);
  }

  /** Adds or replaces a service. */
  async upsertService(service: Service): Promise<void> {
    const value = parseInput(Service, service, 'service');
    await this.upsert('service', value.code, value);
  }

  /** A region by id, or `null`. */
  async getRegion(id: string): Promise<Region | null> {
    return await this.get('region', parseInput(RegionId, id, 'region id'), Region);
  }

  /** Every region. */
  async listRegions(): Promise<Region[]> {
    return await this.list('region', Region);
  }

  /** Adds or replaces a region. */
  async upsertRegion(region: Region): Promise<void> {
    const value = parseInput(Region, region, 'region');
    await this.upsert('region', value.id, value);
  }
}

/** Builds the directory repository over the `directory` table client. */
export function createDirectoryRepository(
  client: TableClient,
  cache?: DirectoryCacheOptions,
): DirectoryRepository {
  return new DirectoryRepository(client, cache);
}
