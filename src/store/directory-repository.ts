/**
 * The bot's own directory: people (by Entra object id) and their roles, leave-cover delegations,
 * services and regions. A user's role always comes from here, never from what a card sends.
 *
 * The directory is small (hundreds of rows) and kept by administrators and the seed script, so
 * each kind is one partition of the `directory` table and writes are upserts (last write wins).
 */
import { odata, type TableClient } from '@azure/data-tables';
import type { z } from 'zod';
import { Delegation, ObjectId, Person, Region, RegionId, Service, ServiceCode } from '../domain/records';
import { fromEntity, toEntity } from './entity-codec';
import { isNotFound, translateStorageError, type EntityRef } from './errors';
import { parseInput } from './parse-input';
import { keyOf, partitionFilter } from './keys';
import { queryEntities, readEntity } from './table-access';

/** The partition of each kind of directory row; the RowKey is the row's own id. */
const directoryPartitions = {
  person: 'person',
  delegation: 'delegation',
  service: 'service',
  region: 'region',
} as const;
type DirectoryKind = keyof typeof directoryPartitions;

/** Repository of the `directory` table; build it with {@link createDirectoryRepository}. */
export class DirectoryRepository {
  constructor(private readonly client: TableClient) {}

  private async get<T>(kind: DirectoryKind, id: string, schema: z.ZodType<T>): Promise<T | null> {
    const row = await readEntity(this.client, directoryPartitions[kind], keyOf(id));
    return row ? fromEntity(this.client.tableName, row, kind, schema).value : null;
  }

  private async list<T>(
    kind: DirectoryKind,
    schema: z.ZodType<T>,
    filter = partitionFilter(directoryPartitions[kind]),
  ): Promise<T[]> {
    const rows = await queryEntities(this.client, filter);
    return rows.map((row) => fromEntity(this.client.tableName, row, kind, schema).value);
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

  /** All delegations, or those given by or to one person (`from` or `to` is `objectId`). */
  async listDelegations(objectId?: string): Promise<Delegation[]> {
    const partition = directoryPartitions.delegation;
    if (objectId === undefined) return this.list('delegation', Delegation);
    const id = parseInput(ObjectId, objectId, 'object id');
    return await this.list(
      'delegation',
      Delegation,
      odata`PartitionKey eq ${partition} and (from eq ${id} or to eq ${id})`,
    );
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
export function createDirectoryRepository(client: TableClient): DirectoryRepository {
  return new DirectoryRepository(client);
}
