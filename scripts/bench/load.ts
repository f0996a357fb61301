/**
 * One cell of the load table: autocannon posting card actions to `/api/messages` over keep-alive
 * connections, each request built fresh (its own activity id, and the next note or closure).
 */
import autocannon from 'autocannon';

/** What one cell measured. */
export interface LoadResult {
  connections: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers that showed the change saved (or the fixed card, for the bare app). */
  saved: number;
  /** Non-2xx answers, connection errors and timeouts. */
  failed: number;
  /** The cell stopped early because it had no fresh request left (closure pool used up). */
  ranOut: boolean;
  /** CPU the server process used per answered request, in ms, when known. */
  cpuMsPerRequest?: number;
  /** CPU Azurite used per answered request, in ms, when known (the bot's cells only). */
  storageCpuMsPerRequest?: number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  /** The body of the n-th request (0-based). */
  activity: (n: number) => Record<string, unknown>;
  /** Whether an answer's body shows the change saved. */
  isSaved: (body: string) => boolean;
  /** At most this many requests (the closure pool), else unlimited. */
  maxRequests?: number;
  /** Reads the server process's CPU time so far, in ms. */
  cpuMs?: () => number | undefined;
  /** Reads Azurite's CPU time so far, in ms. */
  storageCpuMs?: () => number | undefined;
}

/** Runs one cell and summarises it. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  let next = 0;
  let saved = 0;
  const cpuBefore = options.cpuMs?.();
  const storageBefore = options.storageCpuMs?.();
  const started = process.hrtime.bigint();
  const result = await autocannon({
    url: `${options.url}/api/messages`,
    connections: options.connections,
    duration: options.durationSeconds,
    timeout: 30,
    ...(options.maxRequests === undefined ? {} : { maxOverallRequests: options.maxRequests }),
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => {
          const body = JSON.stringify(options.activity(next));
          next += 1;
          return { ...request, body };
        },
        onResponse: (status, body) => {
          if (status === 200 && options.isSaved(body)) saved += 1;
        },
      },
    ],
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const requests = result['2xx'] + result.non2xx;
  const perRequest = (before: number | undefined, after: number | undefined) =>
    before === undefined || after === undefined || requests === 0 ? undefined : (after - before) / requests;
  const cpu = perRequest(cpuBefore, options.cpuMs?.());
  const storageCpu = perRequest(storageBefore, options.storageCpuMs?.());
  return {
    ...(cpu === undefined ? {} : { cpuMsPerRequest: cpu }),
    ...(storageCpu === undefined ? {} : { storageCpuMsPerRequest: storageCpu }),
    connections: options.connections,
    requests,
    requestsPerSecond: requests / seconds,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    saved,
    failed: result.non2xx + result.errors + result.timeouts,
    ranOut: options.maxRequests !== undefined && requests >= options.maxRequests,
  };
}
