/**
 * The daily timer: runs {@link runScheduledOnce} at the configured London time every day, and once
 * soon after start-up when today's time has already passed (a restart or a deploy after 07:30
 * must not skip a day; a run that finds today's digests already sent sends nothing).
 */
import type { Logger } from 'pino';
import { isPastTodaysRun, nextDailyRun } from './daily-time';
import { runScheduledOnce, type RunOutcome, type SweepRunnerOptions } from '../app/reminders/run-scheduled';

/** The longest single wait: timers are re-armed at least hourly, so clock jumps are noticed. */
const maxTimerMs = 60 * 60 * 1000;

/** Slack after another holder's lease ends before trying again (clocks of two instances differ a little). */
const leaseGraceMs = 5_000;

/** A running scheduler. */
export interface RunningScheduler {
  /** When the next run is due. */
  nextRunAt(): Date;
  /** Stops the timer and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

/** What the scheduler needs. */
export interface SchedulerOptions extends SweepRunnerOptions {
  /** `HH:MM` in Europe/London. */
  sweepTime: string;
  logger: Logger;
  /** Delay before the catch-up run after start-up (default 30 seconds). */
  catchUpDelayMs?: number;
}

function describe(outcome: RunOutcome): Record<string, unknown> {
  if (!outcome.ran) return { ran: false, heldBy: outcome.heldBy };
  const { report } = outcome;
  return {
    ran: true,
    date: report.date,
    entitiesRead: report.entitiesRead,
    sent: report.sent.length,
    failed: report.failed,
    withoutChannel: report.withoutChannel,
    jobsFailed: outcome.jobsFailed,
  };
}

/** Starts the daily timer. */
export function startScheduler(options: SchedulerOptions): RunningScheduler {
  const { context, logger, sweepTime } = options;
  let next = nextDailyRun(context.now(), sweepTime);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  let afterLease: NodeJS.Timeout | undefined;

  /**
   * Another holder has the lease: most often a live instance sweeping, but after a crash it is the
   * dead process's, and nobody would finish today's sweep until tomorrow. So try once more when
   * that lease runs out (if before the next daily run); a sweep that finds everything sent sends nothing.
   */
  const retryWhenLeaseEnds = (until: string): void => {
    const endsAt = Date.parse(until);
    if (stopped || Number.isNaN(endsAt) || endsAt >= next.getTime()) return;
    if (afterLease) clearTimeout(afterLease);
    afterLease = setTimeout(runNow, Math.max(0, endsAt - context.now().getTime()) + leaseGraceMs);
    afterLease.unref();
  };

  function runNow(): void {
    running = running.then(async () => {
      try {
        const outcome = await runScheduledOnce(options);
        logger.info(describe(outcome), 'scheduled run finished');
        if (!outcome.ran) retryWhenLeaseEnds(outcome.until);
      } catch (error) {
        logger.error({ err: error }, 'scheduled run failed; the next run retries what was not sent');
      }
    });
  }

  const arm = (delayMs: number): void => {
    if (stopped) return;
    timer = setTimeout(tick, Math.max(0, Math.min(delayMs, maxTimerMs)));
    timer.unref();
  };

  function tick(): void {
    const now = context.now();
    if (now.getTime() >= next.getTime()) {
      runNow();
      next = nextDailyRun(now, sweepTime);
    }
    arm(next.getTime() - context.now().getTime());
  }

  let catchUp: NodeJS.Timeout | undefined;
  if (isPastTodaysRun(context.now(), sweepTime)) {
    catchUp = setTimeout(runNow, options.catchUpDelayMs ?? 30_000);
    catchUp.unref();
  }
  arm(next.getTime() - context.now().getTime());
  logger.info({ nextRunAt: next.toISOString(), sweepTime }, 'reminder scheduler started');

  return {
    nextRunAt: () => next,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (catchUp) clearTimeout(catchUp);
      if (afterLease) clearTimeout(afterLease);
      await running;
    },
  };
}
