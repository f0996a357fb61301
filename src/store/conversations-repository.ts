/**
 * Where the bot keeps conversation references, so it can message a person or post in a channel
 * later (reminders, approval requests) without them writing first.
 *
 * The reference itself is opaque here (the bot's botbuilder `ConversationReference`); the store
 * only needs to know whose it is. Partitioned by kind, keyed by user object id or channel id.
 *
 * A channel registered for a service (`register service BUC`) is kept in a row of its own,
 * partition `registered-service`, keyed by the service code: one service channel per service, so
 * registering another replaces it, and the per-turn refresh of the `channel` row (a full replace)
 * can never wipe the registration. Board channels (`register board BUC`) are many per service:
 * partition `registered-board`, keyed by service code and channel id (`registerBoardChannel`).
 */
import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { Instant, ServiceCode } from '../domain/records';
import { fromEntity, toEntity } from './entity-codec';
import { InvalidStoreInputError, isNotFound, translateStorageError, type EntityRef } from './errors';
import { odata } from '@azure/data-tables';
import { keyOf, partitionFilter } from './keys';
import { parseInput } from './parse-input';
import { PartitionCache, type PartitionCacheOptions } from './partition-cache';
import { queryEntities, readEntity } from './table-access';

/** A one-to-one chat with a person, or a channel of a team. */
export const ConversationKind = z.enum(['personal', 'channel']);
export type ConversationKind = z.infer<typeof ConversationKind>;

/** A saved conversation reference and whose it is. */
export const StoredConversation = z.object({
  kind: ConversationKind,
  /** The user's Entra object id (personal) or the Teams channel id (channel). */
  key: z.string().min(1).max(256),
  /** The bot's conversation reference, stored as JSON and handed back as it was given. */
  reference: z.record(z.string(), z.unknown()),
  tenantId: z.string().min(1).optional(),
  updatedAt: Instant,
  /** A registered channel: the service it belongs to. */
  serviceCode: ServiceCode.optional(),
  /** A registered channel: the service's own channel, or its improvement board's. */
  purpose: z.enum(['service', 'board']).optional(),
  /** A board channel: how often its summary is posted (monthly when not set). */
  summarySchedule: z.enum(['monthly', 'weekly', 'off']).optional(),
  /** A board channel: when its last summary was posted (or it was registered). */
  lastSummaryAt: Instant.optional(),
});
export type StoredConversation = z.infer<typeof StoredConversation>;

/** What a registered channel is for. */
export type ChannelPurpose = NonNullable<StoredConversation['purpose']>;

/** A channel registered for a service: `serviceCode` and `purpose` are set. */
export type RegisteredChannel = StoredConversation & { serviceCode: ServiceCode; purpose: ChannelPurpose };

const registrationPartitions: Record<ChannelPurpose, string> = {
  service: 'registered-service',
  board: 'registered-board',
};

function isRegistered(conversation: StoredConversation): conversation is RegisteredChannel {
  return conversation.serviceCode !== undefined && conversation.purpose !== undefined;
}

const recordType = 'conversation';
/** Keys per `getMany` query: Table Storage allows 15 comparisons in a filter, one is the partition. */
const keysPerQuery = 14;
const registrationType = 'channelRegistration';

/** Repository of the `conversations` table; build it with {@link createConversationsRepository}. */
export class ConversationsRepository {
  /** People's chats and channel registrations, read whole and kept a few seconds (src/store/partition-cache.ts). */
  private readonly cache: PartitionCache<StoredConversation>;

  constructor(
    private readonly client: TableClient,
    cache: PartitionCacheOptions = {},
  ) {
    this.cache = new PartitionCache(
      client,
      (row) => fromEntity(client.tableName, row, String(row.recordType), StoredConversation).value,
      cache,
    );
  }

  /** The cached rows of a partition, copied so callers cannot change the cache. */
  private async cached(partition: string): Promise<StoredConversation[]> {
    return [...(await this.cache.rows(partition)).values()].map((value) => structuredClone(value));
  }

  /** Saves (or replaces) the reference for a person or channel. */
  async save(conversation: StoredConversation): Promise<void> {
    const value = parseInput(StoredConversation, conversation, 'conversation reference');
    await this.replaceRow(value.kind, keyOf(value.key), recordType, value);
  }

  /** Writes one row (replacing what was there) and forgets the cached copy of its partition. */
  private async replaceRow(
    partitionKey: string,
    rowKey: string,
    type: string,
    value: Record<string, unknown>,
  ): Promise<void> {
    const ref: EntityRef = { table: this.client.tableName, partitionKey, rowKey };
    try {
      await this.client.upsertEntity(toEntity(ref, type, value), 'Replace');
    } catch (error) {
      throw translateStorageError(error, ref);
    } finally {
      this.cache.forget(partitionKey);
    }
  }

  /** The saved reference for a person or channel, or `null` if the bot has never talked there. */
  async get(kind: ConversationKind, key: string): Promise<StoredConversation | null> {
    const partition = parseInput(ConversationKind, kind, 'conversation kind');
    if (partition === 'personal') {
      const found = (await this.cache.rows(partition)).get(keyOf(key));
      return found ? structuredClone(found) : null;
    }
    const row = await readEntity(this.client, partition, keyOf(key));
    return row ? fromEntity(this.client.tableName, row, recordType, StoredConversation).value : null;
  }

  /**
   * The saved references of several people or channels of one kind, by key; keys the bot has never
   * talked to are missing from the map. One query per 14 keys instead of one read per key (Table
   * Storage allows 15 comparisons in a filter: the partition and 14 keys).
   */
  async getMany(kind: ConversationKind, keys: readonly string[]): Promise<Map<string, StoredConversation>> {
    const partition = parseInput(ConversationKind, kind, 'conversation kind');
    if (partition === 'personal') {
      const rows = await this.cache.rows(partition);
      const found = new Map<string, StoredConversation>();
      for (const key of keys) {
        const value = rows.get(keyOf(key));
        if (value) found.set(key, structuredClone(value));
      }
      return found;
    }
    const unique = [...new Set(keys)];
    const chunks: string[][] = [];
    for (let i = 0; i < unique.length; i += keysPerQuery) chunks.push(unique.slice(i, i + keysPerQuery));
    const pages = await Promise.all(
      chunks.map((chunk) => {
        const anyKey = chunk.map((key) => odata`RowKey eq ${keyOf(key)}`).join(' or ');
        return queryEntities(this.client, `${odata`PartitionKey eq ${partition}`} and (${anyKey})`);
      }),
    );
    const found = new Map<string, StoredConversation>();
    for (const row of pages.flat()) {
      const value = fromEntity(this.client.tableName, row, recordType, StoredConversation).value;
      found.set(value.key, value);
    }
    return found;
  }

  /** Every saved reference of one kind (for example every channel, to post a weekly summary). */
  async list(kind: ConversationKind): Promise<StoredConversation[]> {
    const rows = await queryEntities(
      this.client,
      partitionFilter(parseInput(ConversationKind, kind, 'conversation kind')),
    );
    return rows.map((row) => fromEntity(this.client.tableName, row, recordType, StoredConversation).value);
  }

  /**
   * Registers a channel for a service and purpose, replacing the channel registered before (one per
   * service and purpose). Returns the registration it replaced, or `null`.
   */
  async registerChannel(channel: RegisteredChannel): Promise<RegisteredChannel | null> {
    const value = parseInput(StoredConversation, channel, 'channel registration');
    if (!isRegistered(value) || value.kind !== 'channel') {
      throw new InvalidStoreInputError(
        'A registered channel needs kind "channel", a service code and a purpose.',
      );
    }
    const previous = await this.registeredChannel(value.serviceCode, value.purpose);
    await this.replaceRow(
      registrationPartitions[value.purpose],
      keyOf(value.serviceCode),
      registrationType,
      value,
    );
    return previous;
  }

  /** The channel registered for a service and purpose, or `null`. */
  async registeredChannel(serviceCode: string, purpose: ChannelPurpose): Promise<RegisteredChannel | null> {
    const code = parseInput(ServiceCode, serviceCode, 'service code');
    const value = (await this.cache.rows(registrationPartitions[purpose])).get(keyOf(code));
    return value && isRegistered(value) ? structuredClone(value) : null;
  }

  /** Every service's own channel, in one read. */
  async serviceChannels(): Promise<RegisteredChannel[]> {
    return (await this.cached(registrationPartitions.service)).filter(isRegistered);
  }

  /** The service's own channel (where issued records are announced), or `null`. */
  async serviceChannel(serviceCode: string): Promise<RegisteredChannel | null> {
    return this.registeredChannel(serviceCode, 'service');
  }

  /** Every registration of one channel (a channel may serve several services). */
  async registrationsOf(channelKey: string): Promise<RegisteredChannel[]> {
    const all = await Promise.all(
      Object.values(registrationPartitions).map((partition) => this.cached(partition)),
    );
    return all
      .flat()
      .filter((value): value is RegisteredChannel => isRegistered(value) && value.key === channelKey);
  }

  /**
   * Keeps every registration of a channel on the newest reference the bot has for it. Teams can move
   * a conversation to another service URL; without this, posts would keep going to the old one.
   * Only registrations whose service URL differs are rewritten. Returns how many were.
   */
  async refreshRegistrations(
    channelKey: string,
    reference: StoredConversation['reference'],
    updatedAt: string,
  ): Promise<number> {
    const stale = (await this.registrationsOf(channelKey)).filter(
      (registration) => registration.reference.serviceUrl !== reference.serviceUrl,
    );
    for (const registration of stale) {
      const refreshed = { ...registration, reference, updatedAt };
      if (registration.purpose === 'board') await this.registerBoardChannel(refreshed);
      else await this.registerChannel(refreshed);
    }
    return stale.length;
  }

  /** Removes the registration of a service and purpose; removing one that is not there is not an error. */
  async unregisterChannel(serviceCode: string, purpose: ChannelPurpose): Promise<void> {
    const code = parseInput(ServiceCode, serviceCode, 'service code');
    try {
      await this.client.deleteEntity(registrationPartitions[purpose], keyOf(code));
    } catch (error) {
      if (isNotFound(error)) return; // already gone: the outcome the caller asked for
      throw translateStorageError(error);
    } finally {
      this.cache.forget(registrationPartitions[purpose]);
    }
  }

  /**
   * Registers (or refreshes) one board channel of a service. A service may have any number of
   * board channels, so these rows are keyed by service code and channel id. Returns the row it
   * replaced (the same channel registered before), or `null`.
   */
  async registerBoardChannel(channel: RegisteredChannel): Promise<RegisteredChannel | null> {
    const value = parseInput(StoredConversation, channel, 'board channel registration');
    if (!isRegistered(value) || value.kind !== 'channel' || value.purpose !== 'board') {
      throw new InvalidStoreInputError(
        'A board channel needs kind "channel", a service code and purpose "board".',
      );
    }
    const previous = (await this.boardChannels(value.serviceCode)).find((c) => c.key === value.key) ?? null;
    await this.replaceRow(
      registrationPartitions.board,
      keyOf(value.serviceCode, value.key),
      registrationType,
      value,
    );
    return previous;
  }

  /** Every board channel of one service, or of every service when no code is given. */
  async boardChannels(serviceCode?: string): Promise<RegisteredChannel[]> {
    const code = serviceCode === undefined ? undefined : parseInput(ServiceCode, serviceCode, 'service code');
    return (await this.cached(registrationPartitions.board)).filter(
      (value): value is RegisteredChannel =>
        isRegistered(value) &&
        value.purpose === 'board' &&
        (code === undefined || value.serviceCode === code),
    );
  }

  /** Removes one board channel of a service; removing one that is not there is not an error. */
  async unregisterBoardChannel(serviceCode: string, channelKey: string): Promise<void> {
    const code = parseInput(ServiceCode, serviceCode, 'service code');
    try {
      await this.client.deleteEntity(registrationPartitions.board, keyOf(code, channelKey));
    } catch (error) {
      if (isNotFound(error)) return; // already gone: the outcome the caller asked for
      throw translateStorageError(error);
    } finally {
      this.cache.forget(registrationPartitions.board);
    }
  }

  /** Forgets a reference (the bot was removed); forgetting one that is not there is not an error. */
  async remove(kind: ConversationKind, key: string): Promise<void> {
    try {
      await this.client.deleteEntity(parseInput(ConversationKind, kind, 'conversation kind'), keyOf(key));
    } catch (error) {
      if (isNotFound(error)) return; // already gone: the outcome the caller asked for
      throw translateStorageError(error);
    } finally {
      this.cache.forget(kind);
    }
  }
}

/** Builds the conversations repository over the `conversations` table client. */
export function createConversationsRepository(
  client: TableClient,
  cache?: PartitionCacheOptions,
): ConversationsRepository {
  return new ConversationsRepository(client, cache);
}
