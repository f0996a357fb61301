/**
 * Where the bot keeps conversation references, so it can message a person or post in a channel
 * later (reminders, approval requests) without them writing first.
 *
 * The reference itself is opaque here (the bot's botbuilder `ConversationReference`); the store
 * only needs to know whose it is. Partitioned by kind, keyed by user object id or channel id.
 */
import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { Instant } from '../domain/records';
import { fromEntity, toEntity } from './entity-codec';
import { isNotFound, translateStorageError, type EntityRef } from './errors';
import { keyOf, partitionFilter } from './keys';
import { parseInput } from './parse-input';
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
});
export type StoredConversation = z.infer<typeof StoredConversation>;

const recordType = 'conversation';

/** Repository of the `conversations` table; build it with {@link createConversationsRepository}. */
export class ConversationsRepository {
  constructor(private readonly client: TableClient) {}

  /** Saves (or replaces) the reference for a person or channel. */
  async save(conversation: StoredConversation): Promise<void> {
    const value = parseInput(StoredConversation, conversation, 'conversation reference');
    const ref: EntityRef = {
      table: this.client.tableName,
      partitionKey: value.kind,
      rowKey: keyOf(value.key),
    };
    try {
      await this.client.upsertEntity(toEntity(ref, recordType, value), 'Replace');
    } catch (error) {
      throw translateStorageError(error, ref);
    }
  }

  /** The saved reference for a person or channel, or `null` if the bot has never talked there. */
  async get(kind: ConversationKind, key: string): Promise<StoredConversation | null> {
    const row = await readEntity(
      this.client,
      parseInput(ConversationKind, kind, 'conversation kind'),
      keyOf(key),
    );
    return row ? fromEntity(this.client.tableName, row, recordType, StoredConversation).value : null;
  }

  /** Every saved reference of one kind (for example every channel, to post a weekly summary). */
  async list(kind: ConversationKind): Promise<StoredConversation[]> {
    const rows = await queryEntities(
      this.client,
      partitionFilter(parseInput(ConversationKind, kind, 'conversation kind')),
    );
    return rows.map((row) => fromEntity(this.client.tableName, row, recordType, StoredConversation).value);
  }

  /** Forgets a reference (the bot was removed); forgetting one that is not there is not an error. */
  async remove(kind: ConversationKind, key: string): Promise<void> {
    try {
      await this.client.deleteEntity(parseInput(ConversationKind, kind, 'conversation kind'), keyOf(key));
    } catch (error) {
      if (isNotFound(error)) return; // already gone: the outcome the caller asked for
      throw translateStorageError(error);
    }
  }
}

/** Builds the conversations repository over the `conversations` table client. */
export function createConversationsRepository(client: TableClient): ConversationsRepository {
  return new ConversationsRepository(client);
}
