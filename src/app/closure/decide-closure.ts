/**
 * Use case: a Chief of Staff or HM Inspector (or their stand-in) approves or rejects the step of a
 * closure request that waits for them. Everything is checked again on the server, whatever the
 * card said: the caller's role and region from the directory, delegations, separation of duties,
 * and the request's current state. The request, its subject, the CoC (closed when its last
 * recommendation is signed off) and the audit events are saved in one transaction guarded by the
 * ETags they were read with, so double clicks and two approvers at once end in one decision.
 */
import { err, fail, ok, type DomainError, type Result } from '../../domain/errors';
import {
  afterRecommendationsChanged,
  decideClosureRequest,
  pendingStep,
  type ClosureTarget,
  type StepRole,
} from '../../domain/lifecycle';
import { authorize } from '../../domain/policy';
import {
  ServiceCode,
  roleNames,
  type AuditEvent,
  type CauseOfConcern,
  type ClosureRequest,
  type Person,
} from '../../domain/records';
import type { RecordChange } from '../../store';
import type { AppContext } from '../shared/app-context';
import { loadClosureSubject } from './raise-closure';
import { commitOrDetectConflict, decisionContextOf, formatChangeTime, scopeOf } from '../shared/record-scope';

/** What the approver's click asks for. The ids only name the request; nothing else is trusted. */
export interface DecideClosureInput {
  serviceCode: string;
  requestId: string;
  step: StepRole;
  decision: 'approve' | 'reject';
  reason?: string;
}

/** A saved decision: the request and its subject after it, and the CoC if this closed it. */
export interface ClosureDecided {
  request: ClosureRequest;
  target: ClosureTarget;
  closedCoc?: CauseOfConcern;
  events: AuditEvent[];
}

async function nameOf(context: AppContext, objectId: string | undefined): Promise<string> {
  if (objectId === undefined) return 'someone';
  return (await context.store.directory.getPerson(objectId))?.name ?? 'someone no longer in the directory';
}

/** "Already approved by Morgan Hughes at 10:05 on 22 November 2026." from the domain's refusal. */
async function alreadyDecidedReason(context: AppContext, error: DomainError): Promise<DomainError> {
  if (error.code !== 'already-decided') return error;
  if (error.decision === 'withdrawn') return { ...error, reason: 'This closure request was withdrawn.' };
  const behalf =
    error.onBehalfOf === undefined ? '' : ` on behalf of ${await nameOf(context, error.onBehalfOf)}`;
  const when = error.at === undefined ? '' : ` at ${formatChangeTime(error.at)}`;
  return {
    ...error,
    reason: `Already ${error.decision} by ${await nameOf(context, error.by)}${behalf}${when}.`,
  };
}

/** The decision's audit events, saying who the delegate acted for. */
async function withDelegationNote(
  context: AppContext,
  actor: Person,
  events: AuditEvent[],
): Promise<AuditEvent[]> {
  const onBehalfOf = events.find((e) => e.onBehalfOf !== undefined)?.onBehalfOf;
  if (onBehalfOf === undefined) return events;
  const sentence = `${actor.name} decided on behalf of ${await nameOf(context, onBehalfOf)} (delegation).`;
  return events.map((event) =>
    event.action.startsWith('closure.')
      ? { ...event, note: event.note ? `${event.note} ${sentence}` : sentence }
      : event,
  );
}

/** Loads, authorizes, decides and saves one step of a closure request. */
export async function decideClosure(
  context: AppContext,
  actor: Person,
  input: DecideClosureInput,
): Promise<Result<ClosureDecided>> {
  const serviceCode = ServiceCode.safeParse(input.serviceCode);
  const found = serviceCode.success
    ? await context.store.records.getClosureRequest(serviceCode.data, input.requestId)
    : null;
  if (!serviceCode.success || !found) return fail('not-found', 'There is no such closure request.');
  const subject = await loadClosureSubject(context, found.value.subject.id);
  if (!subject.ok) return subject;
  const { target, etag, owners, coc, siblings } = subject.value;

  const scope = await scopeOf(context, actor, serviceCode.data, owners);
  scope.target.closureRequest = found.value;
  const action = input.step === 'cos' ? 'decideClosureAsCos' : 'decideClosureAsHmi';
  const permission = authorize(actor, action, scope.target, scope.policy);
  if (!permission.ok) return permission;

  const decisionContext = decisionContextOf(context, actor, permission.value);
  const command =
    input.decision === 'approve'
      ? { type: 'approve' as const, step: input.step }
      : { type: 'reject' as const, step: input.step, reason: input.reason ?? '' };
  const decided = decideClosureRequest(found.value, target, command, decisionContext);
  if (!decided.ok) return err(await alreadyDecidedReason(context, decided.error));

  const changes: RecordChange[] = [
    { kind: 'update', entity: { type: 'closure', value: decided.value.request }, etag: found.etag },
    decided.value.target.kind === 'recommendation'
      ? { kind: 'update', entity: { type: 'recommendation', value: decided.value.target.record }, etag }
      : { kind: 'update', entity: { type: 'afi', value: decided.value.target.record }, etag },
  ];
  let events = decided.value.events;
  let closedCoc: CauseOfConcern | undefined;
  if (decided.value.target.kind === 'recommendation' && coc && siblings) {
    const updated = decided.value.target.record;
    const after = afterRecommendationsChanged(
      coc.value,
      siblings.map((r) => (r.id === updated.id ? updated : r)),
      decisionContext,
    );
    if (after.events.length > 0) {
      changes.push({ kind: 'update', entity: { type: 'coc', value: after.state }, etag: coc.etag });
      events = [...events, ...after.events];
      if (after.state.status === 'closed') closedCoc = after.state;
    }
  }
  events = await withDelegationNote(context, actor, events);
  for (const event of events) changes.push({ kind: 'append', entity: { type: 'audit', value: event } });

  if ((await commitOrDetectConflict(context, serviceCode.data, changes)) === 'conflict') {
    return lostRace(context, serviceCode.data, input);
  }
  const result: ClosureDecided = { request: decided.value.request, target: decided.value.target, events };
  if (closedCoc) result.closedCoc = closedCoc;
  return ok(result);
}

/** Someone else saved first: say who decided and when, or ask to try again. */
async function lostRace(
  context: AppContext,
  serviceCode: string,
  input: DecideClosureInput,
): Promise<Result<never>> {
  const fresh = await context.store.records.getClosureRequest(serviceCode, input.requestId);
  if (!fresh) return fail('not-found', 'This closure request no longer exists.');
  const step = fresh.value.steps.find((s) => s.role === input.step);
  if (pendingStep(fresh.value) !== input.step && step?.decision !== undefined) {
    const error: DomainError = {
      code: 'already-decided',
      decision: step.decision,
      reason: `This has already been ${step.decision} at the ${roleNames[input.step]} step.`,
    };
    if (step.by !== undefined) error.by = step.by;
    if (step.onBehalfOf !== undefined) error.onBehalfOf = step.onBehalfOf;
    if (step.at !== undefined) error.at = step.at;
    return err(await alreadyDecidedReason(context, error));
  }
  return fail(
    'conflict',
    'The record changed while you were deciding. Nothing was saved: open the card again and decide once more.',
  );
}
