/**
 * Starts the daily reminder run for the application (called by src/main.ts after the server is up):
 * off when REMINDER_SWEEP_TIME is "off", and off in tests unless a test asks for it.
 */
import type { Logger } from 'pino';
import type { AppContext } from '../app/shared/app-context';
import type { ScheduledJob } from '../app/shared/scheduled-job';
import type { Bot } from '../bot/create-bot';
import { digestDeliveryOver } from '../bot/features/reminder-delivery';
import type { Config } from '../config';
import { startScheduler, type RunningScheduler } from './scheduler';

/** What the reminder scheduler is started with. */
export interface ReminderSchedulerSetup {
  config: Config;
  appContext: AppContext;
  bot: Bot;
  logger: Logger;
  /** Jobs to run after each daily sweep, under the same lease. */
  jobs?: readonly ScheduledJob[];
  /** Force on or off; by default on, except under jest (NODE_ENV=test). */
  enabled?: boolean;
}

/** Starts the scheduler, or returns undefined when it is off. */
export function startReminderScheduler(setup: ReminderSchedulerSetup): RunningScheduler | undefined {
  const { config, logger } = setup;
  const enabled = setup.enabled ?? process.env.NODE_ENV !== 'test';
  const sweepTime = config.reminders.sweepTime;
  if (!enabled || sweepTime === undefined) {
    if (enabled) logger.info('reminder sweep is off (REMINDER_SWEEP_TIME=off)');
    return undefined;
  }
  return startScheduler({
    context: setup.appContext,
    delivery: digestDeliveryOver(setup.bot.proactive),
    windowDays: config.reminders.windowDays,
    jobs: setup.jobs ?? [],
    sweepTime,
    logger,
    onJobError: (job, error) => logger.error({ err: error, job: job.name }, 'scheduled job failed'),
  });
}
