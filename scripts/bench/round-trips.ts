/**
 * Counts the HTTP requests the store sends to Table Storage (its round trips), per table, by
 * adding a policy to each TableClient's pipeline. Retries pass through the policy too, so a
 * retried request counts each time it goes out: that is the cost a user waits for.
 */
import type { PipelineRequest, PipelineResponse, SendRequest } from '@azure/core-rest-pipeline';
import type { StoreTables, TableName } from '../../src/store';

/** Requests sent since the last reset, in total and per logical table. */
export interface RoundTripCounter {
  readonly total: number;
  readonly byTable: Readonly<Record<TableName, number>>;
  /** Starts counting from zero again. */
  reset(): void;
}

const policyName = 'bench-count-round-trips';

/** Starts counting every request the given TableClients send. Safe to call once per set of clients. */
export function countRoundTrips(tables: StoreTables): RoundTripCounter {
  const byTable: Record<TableName, number> = { records: 0, directory: 0, conversations: 0, scheduler: 0 };
  for (const [table, client] of Object.entries(tables) as [TableName, StoreTables[TableName]][]) {
    client.pipeline.addPolicy({
      name: policyName,
      sendRequest(request: PipelineRequest, next: SendRequest): Promise<PipelineResponse> {
        byTable[table] += 1;
        if (process.env.BENCH_TRACE_REQUESTS)
          console.error(
            `[${table}] ${request.method} ${decodeURIComponent(request.url.replace(/^[^?]*\/(?=[^/]*$)/, ''))}`,
          );
        return next(request);
      },
    });
  }
  return {
    get total() {
      return Object.values(byTable).reduce((sum, count) => sum + count, 0);
    },
    byTable,
    reset() {
      for (const table of Object.keys(byTable) as TableName[]) byTable[table] = 0;
    },
  };
}
