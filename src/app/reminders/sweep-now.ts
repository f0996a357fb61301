/**
 * `sweep now`: an administrator runs the reminder sweep on demand (to check a new channel, or
 * after an outage), under the same lease as the daily run. Anyone else is refused with the reason.
 */
import { fail, ok, type Result } from '../../domain/errors';
import type { Person } from '../../domain/records';
import type { AppContext } from '../shared/app-context';
import type { Notifier } from '../shared/notifier';
import { checkDueIndex, type IndexCheck } from './due-index';
import type { ReminderMessage } from './reminder-sweep';
import { runScheduledOnce, type RunOutcome } from './run-scheduled';

/** What `sweep now` did: the due index checked against the records (and mended), then the sweep. */
export interface SweepNowOutcome {
  check: IndexCheck;
  run: RunOutcome;
}

/**
 * Checks the due index against the records and mends it, then runs the sweep (not the other
 * scheduled jobs), for an administrator.
 */
export async function sweepNow(
  context: AppContext,
  actor: Person,
  notifier: Notifier<ReminderMessage>,
  windowDays: number,
): Promise<Result<SweepNowOutcome>> {
  if (!actor.roles.includes('admin')) {
    return fail(
      'not-allowed',
      'Only an administrator can run the reminder sweep on demand. It runs by itself every morning.',
    );
  }
  const check = await checkDueIndex(context, { repair: true });
  return ok({ check, run: await runScheduledOnce({ context, notifier, windowDays }, { jobs: false }) });
}
