/**
 * What every lifecycle decision is given and gives back.
 *
 * Decisions are pure: the clock (`now`) and new ids (`newId`) come in through the context, and the
 * result is the new state plus the audit events that explain it. Nothing is saved here.
 */
import type { AuditEvent, FieldChange, Instant, ObjectId, Person, ServiceCode } from '../records';

/** Who is acting, when, and how to mint ids. `onBehalfOf` is set when a delegate acts for someone. */
export interface DecisionContext {
  actor: Person;
  now: Instant;
  newId: () => string;
  onBehalfOf?: ObjectId;
}

/** The actor id of changes CoC Monitor makes by itself (chasers, posted cards); history names it "CoC Monitor". */
export const systemActorId = 'coc-monitor';

/** A new state and the audit events that record how it came about. */
export interface Decision<S> {
  state: S;
  events: AuditEvent[];
}

/** The record an audit event is about. */
export interface AuditSubject {
  kind:
    | 'coc'
    | 'recommendation'
    | 'afi'
    | 'closureRequest'
    | 'engagementRequest'
    | 'service'
    | 'delegation'
    | 'revisit'
    | 'monitoring';
  id: string;
  /** For a closure request: the record it asks to close. */
  about?: string | undefined;
  serviceCode?: ServiceCode | undefined;
  cocId?: string | undefined;
}

/** Builds one audit event from the context (actor, time, delegation, fresh id). */
export function auditEvent(
  context: DecisionContext,
  action: string,
  subject: AuditSubject,
  changes: FieldChange[],
  note?: string,
): AuditEvent {
  const event: AuditEvent = {
    id: context.newId(),
    at: context.now,
    actor: context.actor.objectId,
    action,
    subject: {
      kind: subject.kind,
      id: subject.id,
      ...(subject.about === undefined ? {} : { about: subject.about }),
    },
    changes,
  };
  if (context.onBehalfOf !== undefined) event.onBehalfOf = context.onBehalfOf;
  if (subject.serviceCode !== undefined) event.serviceCode = subject.serviceCode;
  if (subject.cocId !== undefined) event.cocId = subject.cocId;
  if (note !== undefined) event.note = note;
  return event;
}

/** The fields whose values differ between two versions of a record, as audit changes. */
export function changedFields<T extends object>(
  before: T,
  after: T,
  fields: readonly (keyof T)[],
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const from = before[field];
    const to = after[field];
    if (JSON.stringify(from) !== JSON.stringify(to)) changes.push({ field: String(field), from, to });
  }
  return changes;
}

/** Stamps who last changed a record and when. */
export function touched<T extends { updatedAt: Instant; updatedBy: ObjectId }>(
  record: T,
  context: DecisionContext,
): T {
  return { ...record, updatedAt: context.now, updatedBy: context.actor.objectId };
}
