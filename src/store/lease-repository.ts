/**
 * Leases: one row per lease in the `scheduler` table, partition `lease`, with its owner and expiry.
 * Taking a lease is an ETag-conditional write (create when absent, update when expired), so when
 * two instances try at the same moment exactly one gets it; the other is told who holds it.
 */
import type { TableClient } from '@azure/data-tables';
import { statusOf, translateStorageError } from './errors';
import { keyOf } from './keys';
import { readEntity } from './table-access';

const leasePartition = 'lease';

/** The outcome of trying to take a lease. */
export type LeaseResult = { taken: true } | { taken: false; heldBy: string; until: string };

/** Takes, renews and releases named leases. */
export class LeaseRepository {
  constructor(private readonly client: TableClient) {}

  /**
   * Takes the lease `name` for `owner` until `now + durationMs`, if nobody else holds an unexpired
   * one. The owner that already holds it renews it.
   */
  async acquire(name: string, owner: string, now: Date, durationMs: number): Promise<LeaseResult> {
    const rowKey = keyOf(name);
    const expiresAt = new Date(now.getTime() + durationMs).toISOString();
    const row = { partitionKey: leasePartition, rowKey, owner, expiresAt, takenAt: now.toISOString() };
    const current = await readEntity(this.client, leasePartition, rowKey);
    try {
      if (!current) {
        await this.client.createEntity(row);
        return { taken: true };
      }
      const heldBy = typeof current.owner === 'string' ? current.owner : '';
      const until = typeof current.expiresAt === 'string' ? current.expiresAt : '';
      if (heldBy !== owner && Date.parse(until) > now.getTime()) return { taken: false, heldBy, until };
      await this.client.updateEntity(row, 'Replace', { etag: current.etag });
      return { taken: true };
    } catch (error) {
      const status = statusOf(error);
      if (status === 409 || status === 412) {
        const winner = await readEntity(this.client, leasePartition, rowKey);
        return {
          taken: false,
          heldBy: typeof winner?.owner === 'string' ? winner.owner : 'another instance',
          until: typeof winner?.expiresAt === 'string' ? winner.expiresAt : '',
        };
      }
      throw translateStorageError(error);
    }
  }

  /** Gives the lease back (expires it now) if `owner` still holds it; otherwise does nothing. */
  async release(name: string, owner: string, now: Date): Promise<void> {
    const rowKey = keyOf(name);
    const current = await readEntity(this.client, leasePartition, rowKey);
    if (!current || current.owner !== owner) return;
    try {
      await this.client.updateEntity(
        {
          partitionKey: leasePartition,
          rowKey,
          owner,
          expiresAt: now.toISOString(),
          takenAt: String(current.takenAt),
        },
        'Replace',
        { etag: current.etag },
      );
    } catch (error) {
      if (statusOf(error) === 412) return; // someone took it after it expired: theirs now
      throw translateStorageError(error);
    }
  }
}
