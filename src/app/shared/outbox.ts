/**
 * The durable outbox: what must follow a change but need not hold up the answer (re-indexing the
 * due dates, posting the channel's status card, the approver's card, the requester's news).
 *
 * {@link commitWithFollowUps} writes the change and ONE outbox entry in the same entity-group
 * transaction: the entry lists an `index` job for every dated record the change touched, and the
 * notification jobs the use case asked for. Either both are saved or neither. The process that
 * wrote the entry does its jobs right after the answer, one service at a time in the order written,
 * then deletes it. An entry left behind (the process stopped first, or a job failed) is found by
 * {@link Outbox.recover}, claimed with its ETag so only one process takes it, done and deleted: at
 * start-up, before every reminder sweep, and every minute.
 *
 * Jobs are JSON, so what a job needs travels in it (ids, or a snapshot of what the answer drew).
 * Handlers are registered by kind at start-up (src/app/follow-ups.ts); a job of a kind nobody here
 * handles stays in the outbox for a process that does.
 */
import { randomUUID } from 'node:crypto';
import type { CommittedChange, OutboxEntry, RecordChange, Store, Versioned } from '../../store';
import { indexJobsOf } from './index-jobs';

/** One piece of follow-up work: its kind names the handler, the rest is the handler's data. */
export type OutboxJob = { kind: string } & Record<string, unknown>;

/** Does one job; throws when it could not (the entry is then kept and tried again later). */
export type OutboxHandler = (job: OutboxJob) => Promise<void>;

/** What the outbox does with follow-up work. */
export interface Outbox {
  /** Registers what jobs of `kind` do. */
  handle(kind: string, handler: OutboxHandler): void;
  /** Takes an entry this process just committed, to do once the answer is sent (or shortly after). */
  enqueue(entry: OutboxEntry): void;
  /** Starts what was taken: the gate calls this once the answer has gone. */
  flush(): void;
  /** Resolves once everything taken so far is done (tests, scripts, shutdown). */
  idle(): Promise<void>;
  /** Finds entries a process left behind, claims and does them; how many were done. */
  recover(): Promise<number>;
}

/** How an outbox behaves. */
export interface OutboxOptions {
  store: Store;
  now: () => Date;
  /** Names this process in claims. */
  claimant: string;
  /**
   * An unclaimed entry younger than this belongs to the process that wrote it (it is doing it
   * now); older ones count as left behind. Default 5 minutes: longer than the slowest job (a
   * Teams post retried for a minute).
   */
  graceMs?: number;
  /** A claim older than this counts as abandoned (its process stopped). Default 10 minutes. */
  claimTimeoutMs?: number;
  /**
   * How long an entry taken with `enqueue` waits for `flush` (the answer being sent) before it is
   * started anyway: writers with no answer to wait for (a scheduled job, a script). Default 250 ms.
   */
  deferMs?: number;
  /** Told about a job that failed (the entry stays for a later attempt). */
  onError?: (error: unknown, entry: OutboxEntry) => void;
}

const defaultGraceMs = 5 * 60 * 1000;
const defaultClaimTimeoutMs = 10 * 60 * 1000;
const defaultDeferMs = 250;

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Builds the outbox of one process over the store. */
export function createOutbox(options: OutboxOptions): Outbox {
  const { store } = options;
  const handlers = new Map<string, OutboxHandler>();
  /** One chain per service partition, so a service's entries are done in the order written. */
  const chains = new Map<string, Promise<void>>();
  const inFlight = new Set<string>();
  /** Entries taken, waiting for the answer to go. */
  let waiting: OutboxEntry[] = [];
  let timer: NodeJS.Timeout | undefined;

  /** Does an entry's jobs in order and deletes it; on a failure keeps what is left, with the reason. */
  const work = async (entry: OutboxEntry): Promise<boolean> => {
    const remaining = [...entry.jobs] as OutboxJob[];
    while (remaining.length > 0) {
      const job = remaining[0] as OutboxJob;
      const handler = handlers.get(job.kind);
      try {
        if (!handler) throw new Error(`no handler for "${job.kind}" jobs in this process`);
        await handler(job);
      } catch (error) {
        const left = { ...entry, jobs: remaining };
        await store.records.noteOutboxFailure(left, reasonOf(error));
        options.onError?.(error, left);
        return false;
      }
      remaining.shift();
    }
    await store.records.deleteOutbox(entry);
    return true;
  };

  const schedule = (entry: OutboxEntry, run: () => Promise<unknown>): Promise<void> => {
    inFlight.add(entry.id);
    const previous = chains.get(entry.serviceCode) ?? Promise.resolve();
    const next = previous
      .then(async () => {
        await run();
      })
      .catch((error: unknown) => options.onError?.(error, entry))
      .finally(() => inFlight.delete(entry.id));
    chains.set(entry.serviceCode, next);
    return next;
  };

  /** Whether an entry read from storage is left behind, and free to take. */
  const isLeftBehind = (entry: OutboxEntry, now: number): boolean => {
    if (inFlight.has(entry.id)) return false;
    const claimedAt = entry.claimedAt === undefined ? undefined : Date.parse(entry.claimedAt);
    if (claimedAt !== undefined) return now - claimedAt > (options.claimTimeoutMs ?? defaultClaimTimeoutMs);
    return now - Date.parse(entry.createdAt) >= (options.graceMs ?? defaultGraceMs);
  };

  const take = async (found: Versioned<OutboxEntry>): Promise<boolean> => {
    try {
      await store.records.claimOutbox(found, options.claimant, options.now().toISOString());
    } catch {
      return false; // another process claimed it first, or it is done and gone
    }
    return work(found.value);
  };

  const flush = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const taken = waiting;
    waiting = [];
    for (const entry of taken) void schedule(entry, () => work(entry));
  };

  return {
    handle: (kind, handler) => void handlers.set(kind, handler),
    enqueue: (entry) => {
      waiting.push(entry);
      timer ??= setTimeout(flush, options.deferMs ?? defaultDeferMs);
    },
    flush,
    idle: async () => {
      flush();
      let settled = -1;
      while (settled !== chains.size || inFlight.size > 0) {
        settled = chains.size;
        await Promise.all([...chains.values()]);
      }
    },
    recover: async () => {
      const now = options.now().getTime();
      const leftBehind = (await store.records.listOutbox()).filter((found) => isLeftBehind(found.value, now));
      const done = await Promise.all(
        leftBehind.map((found) => schedule(found.value, () => take(found)).then(() => found)),
      );
      return done.length;
    },
  };
}

/** A change's follow-up work, before it is written: notification jobs the use case asks for. */
export interface FollowUps {
  jobs?: readonly OutboxJob[];
}

/**
 * Commits `changes` in one transaction together with the outbox entry of their follow-up work: an
 * `index` job per dated record touched, and `followUps.jobs`. After the commit the entry is handed
 * to this process's outbox, which does it once the answer is on its way.
 */
export async function commitWithFollowUps(
  context: { store: Store; outbox: Pick<Outbox, 'enqueue'>; now: () => Date },
  partition: string,
  changes: readonly RecordChange[],
  followUps: FollowUps = {},
): Promise<CommittedChange[]> {
  const indexJobs = indexJobsOf(partition, changes).map((job): OutboxJob => ({ kind: 'index', ...job }));
  // People first: the notifications are what someone waits for; the index only for the next sweep.
  const jobs = [...(followUps.jobs ?? []), ...indexJobs];
  if (jobs.length === 0) return context.store.records.commit(partition, changes);
  const entry: OutboxEntry = {
    id: randomUUID(),
    serviceCode: partition,
    createdAt: context.now().toISOString(),
    jobs,
    attempts: 0,
  };
  const committed = await context.store.records.commit(partition, [
    ...changes,
    { kind: 'create', entity: { type: 'outbox', value: entry } },
  ]);
  context.outbox.enqueue(entry);
  return committed;
}

/** For writers with no outbox of their own (a script): entries wait for the bot's recovery. */
export const leftForRecovery: Pick<Outbox, 'enqueue'> = { enqueue: () => undefined };
