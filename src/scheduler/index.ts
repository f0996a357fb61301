/**
 * The daily timer: runs the scheduled work of src/app/reminders/run-scheduled.ts (the reminder
 * sweep, then the other scheduled jobs, under one lease so only one bot instance runs them) at the
 * configured London time. src/main.ts starts it. docs/reminders.md describes the design.
 */
export { dailyTimePattern, isPastTodaysRun, londonInstantOn, nextDailyRun } from './daily-time';
export { startScheduler, type RunningScheduler, type SchedulerOptions } from './scheduler';
