/**
 * One scheduled run: take the lease, sweep the reminders, run the other scheduled jobs, give the
 * lease back. When another instance holds the lease, nothing runs here and the holder is named.
 */
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../shared/app-context';
import { instanceId } from '../shared/instance';
import type { Notifier } from '../shared/notifier';
import type { ScheduledJob } from '../shared/scheduled-job';
import { runReminderSweep, type ReminderMessage, type SweepReport } from './reminder-sweep';

/** The lease every scheduled run takes. */
export const sweepLeaseName = 'scheduler';

/** What a run needs. */
export interface SweepRunnerOptions {
  context: AppContext;
  notifier: Notifier<ReminderMessage>;
  windowDays: number;
  /** Run after the sweep, under the same lease. */
  jobs?: readonly ScheduledJob[];
  /** How long the lease is held at most (a dead process's lease expires after this). */
  leaseMs?: number;
  staleClaimMs?: number;
  /** Told about a job that failed (the run goes on with the next job). */
  onJobError?: (job: ScheduledJob, error: unknown) => void;
}

/** The outcome of a run. */
export type RunOutcome =
  { ran: true; report: SweepReport; jobsFailed: string[] } | { ran: false; heldBy: string; until: string };

/** Runs the sweep and jobs once, under the lease; see the module comment. */
export async function runScheduledOnce(
  options: SweepRunnerOptions,
  what: { jobs: boolean } = { jobs: true },
): Promise<RunOutcome> {
  const { context } = options;
  const owner = `${instanceId}/${randomUUID()}`;
  const lease = await context.store.leases.acquire(
    sweepLeaseName,
    owner,
    context.now(),
    options.leaseMs ?? 15 * 60 * 1000,
  );
  if (!lease.taken) return { ran: false, heldBy: lease.heldBy, until: lease.until };
  try {
    const report = await runReminderSweep(context, options.notifier, {
      windowDays: options.windowDays,
      claimant: owner,
      ...(options.staleClaimMs === undefined ? {} : { staleClaimMs: options.staleClaimMs }),
    });
    const jobsFailed: string[] = [];
    if (what.jobs) {
      for (const job of options.jobs ?? []) {
        try {
          await job.run(context.now());
        } catch (error) {
          jobsFailed.push(job.name);
          options.onJobError?.(job, error);
        }
      }
    }
    return { ran: true, report, jobsFailed };
  } finally {
    await context.store.leases.release(sweepLeaseName, owner, context.now());
  }
}
