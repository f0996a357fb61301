/**
 * Whole partitions of a small table kept in memory for a few seconds. Nearly every turn reads the
 * directory and the conversation references (who is calling, whose chat to refresh a card for,
 * where a service's channel is), and they are small and rarely written, so each partition is read
 * whole and reused: a write through the same repository is seen at once (it drops the partition),
 * a write from another process (an import, another instance) within `maxAgeMs`.
 */
import type { TableClient } from '@azure/data-tables';
import { partitionFilter } from './keys';
import { queryEntities, type RawEntity } from './table-access';

/** How long a partition read is reused. */
export interface PartitionCacheOptions {
  /** Milliseconds; 0 reads storage every time. Default 5,000. */
  maxAgeMs?: number;
  /** The clock, for tests. */
  now?: () => number;
  /** The filter that reads a partition's rows (default: the whole partition). */
  filterOf?: (partition: string) => string;
}

interface Snapshot<T> {
  readAt: number;
  /** RowKey → parsed value, in the order storage returned them. */
  rows: Promise<Map<string, T>>;
}

/** A cache of whole partitions of one table, each parsed into values of type `T`. */
export class PartitionCache<T> {
  private readonly snapshots = new Map<string, Snapshot<T>>();
  private readonly maxAgeMs: number;
  private readonly now: () => number;
  private readonly filterOf: (partition: string) => string;

  constructor(
    private readonly client: TableClient,
    private readonly parse: (row: RawEntity) => T,
    options: PartitionCacheOptions = {},
  ) {
    this.maxAgeMs = options.maxAgeMs ?? 5_000;
    this.now = options.now ?? Date.now;
    this.filterOf = options.filterOf ?? partitionFilter;
  }

  /** The whole partition, from the cache while it is fresh. A failed read is not kept. */
  rows(partition: string): Promise<Map<string, T>> {
    const cached = this.snapshots.get(partition);
    if (cached && this.maxAgeMs > 0 && this.now() - cached.readAt < this.maxAgeMs) return cached.rows;
    const rows = queryEntities(this.client, this.filterOf(partition)).then(
      (entities) => new Map(entities.map((row) => [String(row.rowKey), this.parse(row)])),
    );
    const snapshot: Snapshot<T> = { readAt: this.now(), rows };
    this.snapshots.set(partition, snapshot);
    rows.catch(() => {
      if (this.snapshots.get(partition) === snapshot) this.snapshots.delete(partition);
    });
    return rows;
  }

  /** Forgets a partition after a write to it, so the next read sees the write. */
  forget(partition: string): void {
    this.snapshots.delete(partition);
  }
}
