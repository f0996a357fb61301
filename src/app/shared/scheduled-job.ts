/**
 * Work that runs on a timetable rather than in answer to a person: the daily reminder sweep,
 * the board summaries, the approval chasers. The scheduler (src/scheduler) runs every job in
 * `ScheduledJobs` under one lease, so only one bot instance does it at a time.
 */

/** One job the scheduler runs; `run` is given the scheduler's clock reading. */
export interface ScheduledJob {
  /** Short kebab-case name, used in logs and in the lease ledger. */
  name: string;
  /** Does the job's work for `now`; must be safe to run twice for the same day (idempotent). */
  run(now: Date): Promise<void>;
}
