/**
 * Work on a timetable: the daily reminder sweep and the scheduled jobs, under one lease so only
 * one bot instance runs them. docs/reminders.md describes the design.
 */
export { dailyTimePattern, isPastTodaysRun, londonInstantOn, nextDailyRun } from './daily-time';
export { startScheduler, type RunningScheduler, type SchedulerOptions } from './scheduler';
export {
  instanceId,
  runScheduledOnce,
  sweepLeaseName,
  type RunOutcome,
  type SweepRunnerOptions,
} from './sweep-runner';
