/**
 * Readiness: can this process serve a turn right now? It can when Table Storage answers.
 *
 * `/readyz` asks a `ReadinessProbe`; the real one lists one page of tables, the cheapest call that
 * proves the endpoint is up and the credentials work. The store can offer its own probe later.
 */
import { TableServiceClient } from '@azure/data-tables';
import { DefaultAzureCredential } from '@azure/identity';
import type { StorageLocation } from '../config';

/** The answer of a readiness check; `reason` says why not, in words, without secrets. */
export interface Readiness {
  ready: boolean;
  reason?: string;
}

/** Anything that can say whether a dependency is ready. */
export interface ReadinessProbe {
  check(): Promise<Readiness>;
}

/** A probe that always says the same thing (no storage configured, tests). */
export function fixedReadiness(readiness: Readiness): ReadinessProbe {
  return { check: () => Promise.resolve(readiness) };
}

function isLoopbackHttp(url: string): boolean {
  return /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/i.test(url);
}

function tableServiceClientFor(storage: StorageLocation): TableServiceClient {
  // Answer quickly: a readiness check that retries for a minute is worse than one that says "not yet".
  const options = { retryOptions: { maxRetries: 0 } };
  if (storage.kind === 'connectionString') {
    const insecure =
      /TableEndpoint=http:\/\//i.test(storage.connectionString) ||
      /UseDevelopmentStorage=true/i.test(storage.connectionString);
    return TableServiceClient.fromConnectionString(storage.connectionString, {
      ...options,
      allowInsecureConnection: insecure,
    });
  }
  return new TableServiceClient(storage.accountUrl, new DefaultAzureCredential(), {
    ...options,
    allowInsecureConnection: isLoopbackHttp(storage.accountUrl),
  });
}

/** Turns a storage failure into a short reason a person can act on (never the connection string). */
export function describeStorageFailure(error: unknown): string {
  if (error instanceof Error && error.name === 'AbortError') return 'Table Storage did not answer in time';
  const details = error as { code?: unknown; statusCode?: unknown };
  const code = typeof details.code === 'string' ? details.code : undefined;
  const status = typeof details.statusCode === 'number' ? details.statusCode : undefined;
  if (status !== undefined) return `Table Storage answered ${status}${code ? ` (${code})` : ''}`;
  if (code !== undefined) return `Table Storage could not be reached (${code})`;
  return 'Table Storage could not be reached';
}

/** Checks Table Storage by listing the first page of tables, giving up after `timeoutMs`. */
export function tableStorageReadiness(storage: StorageLocation, timeoutMs = 3_000): ReadinessProbe {
  const client = tableServiceClientFor(storage);
  return {
    async check() {
      try {
        await client
          .listTables({ abortSignal: AbortSignal.timeout(timeoutMs) })
          .byPage({ maxPageSize: 1 })
          .next();
        return { ready: true };
      } catch (error) {
        return { ready: false, reason: describeStorageFailure(error) };
      }
    },
  };
}
