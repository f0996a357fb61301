/**
 * Changes CoC Monitor makes by itself rather than for a person in this turn: remembering the id of
 * a card it posted, noting that a chaser went. They carry an audit event like every change, by the
 * system actor (history names it "CoC Monitor"), and re-read on a lost race instead of failing.
 */
import { systemActorId } from '../../domain/lifecycle';
import type { AuditEvent, FieldChange } from '../../domain/records';
import { ConflictError } from '../../store';
import { nowOf, type AppContext } from './app-context';
import { commitWithFollowUps } from './outbox';
import type { RecordKind, RecordPlace } from './record-kinds';

/** How many times a system write re-reads and tries again after losing a race. */
const attempts = 3;

/** An audit event by CoC Monitor itself. */
export function systemEvent(
  context: AppContext,
  action: string,
  subject: AuditEvent['subject'] & { serviceCode?: string | undefined; cocId?: string | undefined },
  changes: FieldChange[],
  note?: string,
): AuditEvent {
  const { serviceCode, cocId, kind, id } = subject;
  return {
    id: context.newId(),
    at: nowOf(context),
    actor: systemActorId,
    action,
    subject: { kind, id },
    changes,
    ...(serviceCode === undefined ? {} : { serviceCode }),
    ...(cocId === undefined ? {} : { cocId }),
    ...(note === undefined ? {} : { note }),
  };
}

/**
 * Reads a record, asks `change` for its new state and audit event, and commits both guarded by the
 * ETag, re-reading after a lost race. `change` returns null when there is nothing (more) to do.
 * Resolves with the saved state, or null when the record is gone or nothing needed doing.
 */
export async function updateBySystem<R>(
  context: AppContext,
  kind: RecordKind<R>,
  place: RecordPlace,
  change: (record: R) => { state: R; event: AuditEvent } | null,
): Promise<R | null> {
  for (let attempt = 1; ; attempt += 1) {
    const fresh = await kind.read(context.store, place);
    const next = fresh ? change(fresh.value) : null;
    if (!fresh || !next) return null;
    try {
      await commitWithFollowUps(context, place.partition, [
        { kind: 'update', entity: kind.entityOf(next.state), etag: fresh.etag },
        { kind: 'append', entity: { type: 'audit', value: next.event } },
      ]);
      return next.state;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= attempts) throw error;
    }
  }
}
