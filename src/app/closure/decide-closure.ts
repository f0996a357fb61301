/**
 * Use case: a Chief of Staff or HM Inspector (or their stand-in) approves or rejects the step of a
 * closure request that waits for them. Everything is checked again on the server, whatever the
 * card said: the caller's role and region from the directory, delegations, separation of duties,
 * and the request's current state. The request, its subject, the CoC (closed when its last
 * recommendation is signed off) and the audit events are saved in one transaction guarded by the
 * ETags they were read with, so double clicks and two approvers at once end in one decision.
 */
import { formatChangeTime } from '../../domain/clock';
import { err, fail, ok, type DomainError, type Result } from '../../domain/errors';
import {
  afterRecommendationsChanged,
  decideClosureRequest,
  pendingStep,
  type ClosureCommand,
  type ClosureTarget,
  type DecisionContext,
  type StepRole,
} from '../../domain/lifecycle';
import { stepDecisionActions } from '../../domain/policy';
import {
  roleNames,
  type AuditEvent,
  type CauseOfConcern,
  type ClosureRequest,
  type Person,
} from '../../domain/records';
import type { RecordChange, Versioned } from '../../store';
import type { AppContext } from '../shared/app-context';
import { changeRecord, loadById, type Decided, type Loaded } from '../shared/change-record';
import { nameOf } from '../shared/people';
import { closureRequests, requestKey } from '../shared/record-kinds';
import { closureSubjects, loadClosureSubject, type LoadedClosureSubject } from './closure-subject';
import { closureDecidedJob } from './notify-closure';
import { closureFactsOf, type ClosureFacts } from './show-closure';

/** What the approver's click asks for. The ids only name the request; nothing else is trusted. */
export interface DecideClosureInput {
  serviceCode: string;
  requestId: string;
  step: StepRole;
  decision: 'approve' | 'reject';
  reason?: string | undefined;
}

/** A saved decision: the request and its subject after it, and the CoC if this closed it. */
export interface ClosureDecided {
  request: ClosureRequest;
  target: ClosureTarget;
  closedCoc?: CauseOfConcern;
  events: AuditEvent[];
  /** What the request's cards are drawn from, as the decision left them. */
  facts: ClosureFacts;
}

/** The request with its subject, for the policy (owners, separation of duties) and the decision. */
type LoadedDecision = Loaded<ClosureRequest> & { subject: LoadedClosureSubject };

async function loadDecision(context: AppContext, input: DecideClosureInput): Promise<Result<LoadedDecision>> {
  const loaded = await loadById(context, closureRequests, requestKey(input.serviceCode, input.requestId));
  if (!loaded.ok) return loaded;
  const request = loaded.value.record.value;
  const subject = await loadClosureSubject(context, request.subject.id);
  if (!subject.ok) return subject;
  return ok({
    ...loaded.value,
    owners: subject.value.owners,
    closureRequest: request,
    subject: subject.value,
  });
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
    reason: `Already ${error.decision} by ${await nameOf(context, error.by, 'someone')}${behalf}${when}.`,
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

/** The step's decision with the subject's and, when its last recommendation is signed off, the CoC's. */
async function decideStep(
  context: AppContext,
  { record, subject }: LoadedDecision,
  input: DecideClosureInput,
  decision: DecisionContext,
): Promise<Result<Decided<ClosureRequest, ClosureDecided>>> {
  const command: ClosureCommand =
    input.decision === 'approve'
      ? { type: 'approve', step: input.step }
      : { type: 'reject', step: input.step, reason: input.reason ?? '' };
  const decided = decideClosureRequest(record.value, subject.target, command, decision);
  if (!decided.ok) {
    // The request and its subject are two reads: a decision saved between them leaves the request
    // looking pending while its subject has moved on. Then it is a lost race, said as one.
    if (decided.error.code !== 'already-decided' && (await movedOn(context, record)))
      return lostRace(context, input);
    return err(await alreadyDecidedReason(context, decided.error));
  }
  const { request, target } = decided.value;
  const also: RecordChange[] = [
    { kind: 'update', entity: closureSubjects.entityOf(target.record), etag: subject.record.etag },
  ];
  let events = decided.value.events;
  let closedCoc: CauseOfConcern | undefined;
  if (target.kind === 'recommendation' && subject.coc && subject.siblings) {
    const siblings = subject.siblings.map((r) => (r.id === target.record.id ? target.record : r));
    const after = afterRecommendationsChanged(subject.coc.value, siblings, decision);
    if (after.events.length > 0) {
      also.push({ kind: 'update', entity: { type: 'coc', value: after.state }, etag: subject.coc.etag });
      events = [...events, ...after.events];
      if (after.state.status === 'closed') closedCoc = after.state;
    }
  }
  events = await withDelegationNote(context, decision.actor, events);
  const facts = closureFactsOf(request, subject, target);
  const outcome: ClosureDecided = { request, target, events, facts, ...(closedCoc ? { closedCoc } : {}) };
  const jobs = [closureDecidedJob(decision.actor, facts, closedCoc?.id)];
  return ok({ state: request, events, also, outcome, jobs });
}

/** Whether the request was saved again since it was read. */
async function movedOn(context: AppContext, read: Versioned<ClosureRequest>): Promise<boolean> {
  const fresh = await context.store.records.getClosureRequest(read.value.serviceCode, read.value.id);
  return fresh?.etag !== read.etag;
}

/** Someone else saved first: say who decided and when, or ask to try again. */
async function lostRace(context: AppContext, input: DecideClosureInput): Promise<Result<never>> {
  const fresh = await context.store.records.getClosureRequest(input.serviceCode, input.requestId);
  if (!fresh) return fail('not-found', 'This closure request no longer exists.');
  const step = fresh.value.steps.find((s) => s.role === input.step);
  if (pendingStep(fresh.value) !== input.step && step?.decision !== undefined) {
    const error: DomainError = {
      code: 'already-decided',
      decision: step.decision,
      reason: `This has already been ${step.decision} at the ${roleNames[input.step]} step.`,
      ...(step.by === undefined ? {} : { by: step.by }),
      ...(step.onBehalfOf === undefined ? {} : { onBehalfOf: step.onBehalfOf }),
      ...(step.at === undefined ? {} : { at: step.at }),
    };
    return err(await alreadyDecidedReason(context, error));
  }
  return fail(
    'conflict',
    'The record changed while you were deciding. Nothing was saved: open the card again and decide once more.',
  );
}

/** Decides one step of a closure request through the change pipeline. */
export async function decideClosure(
  context: AppContext,
  actor: Person,
  input: DecideClosureInput,
): Promise<Result<ClosureDecided>> {
  const result = await changeRecord(context, actor, {
    action: stepDecisionActions[input.step],
    load: () => loadDecision(context, input),
    fields: ok(input),
    decide: (loaded, _input, decision) => decideStep(context, loaded, input, decision),
    whenConflict: () => lostRace(context, input),
  });
  if (!result.ok) return result;
  return result.value.outcome ? ok(result.value.outcome) : fail('invalid-transition', 'Nothing was decided.');
}
