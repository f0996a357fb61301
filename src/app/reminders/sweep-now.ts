/**
 * `sweep now`: an administrator runs the reminder sweep on demand (to check a new channel, or
 * after an outage). Anyone else is refused with the reason.
 */
import { fail, ok, type Result } from '../../domain/errors';
import type { Person } from '../../domain/records';

/** Allows the on-demand sweep to administrators only. */
export function authorizeSweepNow(actor: Person): Result<true> {
  if (actor.roles.includes('admin')) return ok(true);
  return fail(
    'not-allowed',
    'Only an administrator can run the reminder sweep on demand. It runs by itself every morning.',
  );
}
