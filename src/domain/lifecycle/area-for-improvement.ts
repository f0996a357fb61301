/**
 * The area-for-improvement lifecycle (§28-30): `open -> complete (SLL) -> closed (CoS)`.
 * A complete AFI can go back to open (the SLL changes their mind, or the CoS is not satisfied).
 */
import { fail, invalid, invalidFromZod, ok, type Result } from '../errors';
import { AreaForImprovement, type AfiStatus } from '../records';
import { auditEvent, changedFields, touched } from './decision';
import type { AuditSubject, Decision, DecisionContext } from './decision';

/** How an AFI move is made. */
export type AfiMoveKind = 'markComplete' | 'reopen' | 'close';

/** Every allowed AFI status move. */
export const afiTransitions: readonly { from: AfiStatus; to: AfiStatus; via: AfiMoveKind }[] = [
  { from: 'open', to: 'complete', via: 'markComplete' },
  { from: 'complete', to: 'open', via: 'reopen' },
  { from: 'complete', to: 'closed', via: 'close' },
];

const afiStatusNames: Record<AfiStatus, string> = { open: 'open', complete: 'complete', closed: 'closed' };

/** The fields of an AFI that can be edited after it is issued. */
export const editableAfiFields = ['questionRef', 'text', 'finding', 'targetDate', 'sll', 'cos'] as const;
type EditableAfiField = (typeof editableAfiFields)[number];

/** What is needed to issue an AFI; the id comes from `afiId(serviceCode, n)`. */
export type NewAreaForImprovement = Pick<
  AreaForImprovement,
  'id' | 'serviceCode' | 'questionRef' | 'text' | 'sll' | 'cos'
> &
  Partial<Pick<AreaForImprovement, 'finding' | 'targetDate'>>;

/** What can be done to an AFI. `note` on reopen/close is kept in the audit event. */
export type AfiCommand =
  | { type: 'edit'; changes: { [K in EditableAfiField]?: AreaForImprovement[K] | null } }
  | { type: 'markComplete' }
  | { type: 'reopen'; note?: string }
  | { type: 'close'; note?: string };

function subjectOf(afi: AreaForImprovement): AuditSubject {
  return { kind: 'afi', id: afi.id, serviceCode: afi.serviceCode };
}

/** Issues a new AFI, open. */
export function createAreaForImprovement(
  input: NewAreaForImprovement,
  context: DecisionContext,
): Result<Decision<AreaForImprovement>> {
  const parsed = AreaForImprovement.safeParse({
    ...input,
    status: 'open',
    createdAt: context.now,
    createdBy: context.actor.objectId,
    updatedAt: context.now,
    updatedBy: context.actor.objectId,
  });
  if (!parsed.success) return invalidFromZod(parsed.error);
  if (!parsed.data.id.startsWith(`${parsed.data.serviceCode}-AFI-`)) {
    return invalid([{ field: 'id', message: `must start with ${parsed.data.serviceCode}-AFI-` }]);
  }
  const afi = parsed.data;
  const changes = [{ field: 'status', from: undefined, to: 'open' }];
  return ok({ state: afi, events: [auditEvent(context, 'afi.issued', subjectOf(afi), changes, afi.text)] });
}

function move(
  afi: AreaForImprovement,
  via: AfiMoveKind,
  context: DecisionContext,
  note?: string,
): Result<Decision<AreaForImprovement>> {
  const transition = afiTransitions.find((t) => t.from === afi.status && t.via === via);
  if (transition === undefined) {
    const verb = { markComplete: 'marked complete', reopen: 'reopened', close: 'closed' }[via];
    const hint =
      via === 'close' && afi.status === 'open'
        ? ' The Service Liaison Lead must mark it complete first.'
        : '';
    return fail(
      'invalid-transition',
      `Area for improvement ${afi.id} is ${afiStatusNames[afi.status]}, so it can't be ${verb}.${hint}`,
    );
  }
  const by = context.actor.objectId;
  const stamps: Partial<AreaForImprovement> =
    via === 'markComplete'
      ? { completedAt: context.now, completedBy: by }
      : via === 'close'
        ? { closedAt: context.now, closedBy: by }
        : { completedAt: undefined, completedBy: undefined };
  const state = touched({ ...afi, ...stamps, status: transition.to }, context);
  const changes = [{ field: 'status', from: afi.status, to: transition.to }];
  return ok({ state, events: [auditEvent(context, 'afi.status-changed', subjectOf(afi), changes, note)] });
}

/** Decides a command on an AFI. A closed AFI can't be edited. */
export function decideAreaForImprovement(
  afi: AreaForImprovement,
  command: AfiCommand,
  context: DecisionContext,
): Result<Decision<AreaForImprovement>> {
  switch (command.type) {
    case 'markComplete':
      return move(afi, 'markComplete', context);
    case 'reopen':
      return move(afi, 'reopen', context, command.note);
    case 'close':
      return move(afi, 'close', context, command.note);
    case 'edit': {
      if (afi.status === 'closed')
        return fail('invalid-transition', `Area for improvement ${afi.id} is closed, so it can't be edited.`);
      const merged: Record<string, unknown> = { ...afi };
      for (const [field, value] of Object.entries(command.changes)) merged[field] = value ?? undefined;
      const parsed = AreaForImprovement.safeParse(merged);
      if (!parsed.success) return invalidFromZod(parsed.error);
      const changes = changedFields(afi, parsed.data, editableAfiFields);
      if (changes.length === 0) return ok({ state: afi, events: [] });
      const state = touched(parsed.data, context);
      return ok({ state, events: [auditEvent(context, 'afi.edited', subjectOf(afi), changes)] });
    }
  }
}
