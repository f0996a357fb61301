/**
 * A cheap probe for /readyz: can we reach the account, are we allowed in, do our tables exist?
 *
 * Each table gets one query for a partition that never holds rows (an index lookup, no scan),
 * bounded by a timeout so a hung network makes the probe fail rather than hang.
 */
import { odata, type TableClient } from '@azure/data-tables';
import { statusOf, translateStorageError } from './errors';
import type { StoreTables } from './table-client-factory';

/** What /readyz reports about storage. */
export interface StorageReadiness {
  ready: boolean;
  /** Why not, in words an operator can act on. */
  reason?: string;
}

const probePartition = 'readiness-probe';

async function probe(client: TableClient, timeoutMs: number): Promise<void> {
  const pages = client
    .listEntities({
      queryOptions: { filter: odata`PartitionKey eq ${probePartition}` },
      abortSignal: AbortSignal.timeout(timeoutMs),
    })
    .byPage({ maxPageSize: 1 });
  await pages.next();
}

function reasonFor(table: string, error: unknown): string {
  if (statusOf(error) === 404) return `table ${table} does not exist (has ensureTables run?)`;
  if (error instanceof Error && error.name === 'AbortError') return `table ${table} did not answer in time`;
  return `table ${table}: ${translateStorageError(error).message}`;
}

/** Probes every table; `ready: false` with a reason instead of throwing. */
export async function checkStorageReady(
  tables: StoreTables,
  options: { timeoutMs?: number } = {},
): Promise<StorageReadiness> {
  const timeoutMs = options.timeoutMs ?? 2000;
  const results = await Promise.allSettled(Object.values(tables).map((client) => probe(client, timeoutMs)));
  const reasons = results.flatMap((result, index) => {
    if (result.status === 'fulfilled') return [];
    const table = Object.values(tables)[index]?.tableName ?? 'unknown';
    return [reasonFor(table, result.reason)];
  });
  return reasons.length === 0 ? { ready: true } : { ready: false, reason: reasons.join('; ') };
}
