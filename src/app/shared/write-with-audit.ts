/**
 * A change to a row outside the records table (a channel registration, a service's letter names)
 * with its audit event, which lives in the service's records partition: the two tables can't share
 * a transaction, so the row is written first and put back if its audit event can't be saved.
 */
import type { AuditEvent } from '../../domain/records';
import type { AppContext } from './app-context';
import { commitWithFollowUps } from './outbox';

/** Writes the change, then its audit event; undoes the change if the event can't be saved. */
export async function withAudit<T>(
  context: AppContext,
  serviceCode: string,
  change: {
    write: () => Promise<T>;
    undo: (written: T) => Promise<unknown>;
    event: (written: T) => AuditEvent;
  },
): Promise<T> {
  const written = await change.write();
  try {
    await commitWithFollowUps(context, serviceCode, [
      { kind: 'append', entity: { type: 'audit', value: change.event(written) } },
    ]);
  } catch (error) {
    await change.undo(written);
    throw error;
  }
  return written;
}
