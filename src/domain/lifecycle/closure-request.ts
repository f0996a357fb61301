/**
 * The closure approval chain (§24-25, §30).
 *
 * A recommendation is closed by a request the SLL raises with evidence and a note of how they
 * validated it; the Chief of Staff recommends closure, then the HM Inspector signs it off. An AFI
 * needs only the Chief of Staff. Status: `pendingCos -> pendingHmi -> approved`, or `rejected` at
 * either step, or `withdrawn` by the requester.
 *
 * Raising a request marks the recommendation evidence complete (from in progress) or the AFI
 * complete (from open): asking for closure is the SLL saying the evidence is complete. Rejection or
 * withdrawal sends it back (recommendation to in progress with the reason, AFI to open).
 *
 * Separation of duties is enforced here as well as in the policy: nobody decides a step of a
 * request they raised or decided at an earlier step, directly or through a delegation.
 */
import { err, fail, invalid, invalidFromZod, ok, type DomainError, type Result } from '../errors';
import { approvalConflict, decideChainStep, type StepRole } from './approval-chain';
import {
  ClosureRequest,
  roleNames,
  type ApprovalStep,
  type AreaForImprovement,
  type AuditEvent,
  type ClosureStatus,
  type ObjectId,
  type Recommendation,
} from '../records';
import { decideAreaForImprovement } from './area-for-improvement';
import { auditEvent, type AuditSubject, type DecisionContext } from './decision';
import {
  decideRecommendation,
  recommendationServiceCode,
  type RecommendationCommand,
} from './recommendation';

/** An approval step's role. */
export type { StepRole };

/** The record a closure request is about, with its kind. */
export type ClosureTarget =
  { kind: 'recommendation'; record: Recommendation } | { kind: 'afi'; record: AreaForImprovement };

/** What the SLL gives when asking for closure. */
export interface ClosureRequestInput {
  target: ClosureTarget;
  evidenceLinks: string[];
  validationNote: string;
}

/** The request and its subject after a decision, with the audit events of both. */
export interface ClosureDecision {
  request: ClosureRequest;
  target: ClosureTarget;
  events: AuditEvent[];
}

/** What an approver (or the requester) can do to a request. `step` is the step the card was for. */
export type ClosureCommand =
  | { type: 'approve'; step: StepRole }
  | { type: 'reject'; step: StepRole; reason: string }
  | { type: 'withdraw' };

/** The steps each kind of subject goes through, in order. */
export const closureStepRoles: Record<ClosureTarget['kind'], readonly StepRole[]> = {
  recommendation: ['cos', 'hmi'],
  afi: ['cos'],
};

/** A recommendation to an external body (§31-32): an HM Inspector agrees, then the SRO closes it. */
export const externalClosureStepRoles: readonly StepRole[] = ['hmi', 'sro'];

/** Whether a closure target is a recommendation to an external body (no CoC). */
export function isExternalTarget(target: ClosureTarget): boolean {
  return target.kind === 'recommendation' && target.record.cocId === undefined;
}

/** Whether a closure request is for a recommendation to an external body (no CoC). */
export function isExternalRequest(request: ClosureRequest): boolean {
  return request.subject.kind === 'recommendation' && request.cocId === undefined;
}

/** The steps a target's closure request goes through, in order. */
export function closureStepsOf(target: ClosureTarget): readonly StepRole[] {
  return isExternalTarget(target) ? externalClosureStepRoles : closureStepRoles[target.kind];
}

/** The status a request has while waiting at each step. */
export const pendingStatusOf: Record<StepRole, ClosureStatus> = {
  cos: 'pendingCos',
  hmi: 'pendingHmi',
  sro: 'pendingSro',
};

/** The step a request is waiting at, or null once it is approved, rejected or withdrawn. */
export function pendingStep(request: ClosureRequest): StepRole | null {
  if (request.status === 'pendingCos') return 'cos';
  if (request.status === 'pendingHmi') return 'hmi';
  if (request.status === 'pendingSro') return 'sro';
  return null;
}

/** Whether a request still waits for a decision. */
export function isPending(request: ClosureRequest): boolean {
  return pendingStep(request) !== null;
}

/**
 * The separation-of-duties refusal for someone deciding `step` of `request`, or null if they may.
 * `actorId` is who clicks; `onBehalfOf` the person they stand in for, if delegated. The rule is the
 * approval chain's (approval-chain.ts), shared with revisits.
 */
export function separationOfDutiesConflict(
  request: ClosureRequest,
  step: StepRole,
  actorId: ObjectId,
  onBehalfOf?: ObjectId,
  verb = 'decide',
): DomainError | null {
  return approvalConflict(request, step, actorId, onBehalfOf, verb, 'requested the closure');
}

function targetSubject(request: ClosureRequest): AuditSubject {
  return {
    kind: 'closureRequest',
    id: request.id,
    about: request.subject.id,
    serviceCode: request.serviceCode,
    cocId: request.cocId,
  };
}

function applyToTarget(
  target: ClosureTarget,
  recommendationCommand: RecommendationCommand | null,
  afiCommand: Parameters<typeof decideAreaForImprovement>[1] | null,
  context: DecisionContext,
): Result<{ target: ClosureTarget; events: AuditEvent[] }> {
  if (target.kind === 'recommendation') {
    if (recommendationCommand === null) return ok({ target, events: [] });
    const decided = decideRecommendation(target.record, recommendationCommand, context);
    if (!decided.ok) return decided;
    return ok({
      target: { kind: 'recommendation', record: decided.value.state },
      events: decided.value.events,
    });
  }
  if (afiCommand === null) return ok({ target, events: [] });
  const decided = decideAreaForImprovement(target.record, afiCommand, context);
  if (!decided.ok) return decided;
  return ok({ target: { kind: 'afi', record: decided.value.state }, events: decided.value.events });
}

/**
 * Raises a closure request. Recommendations need at least one https evidence link and a note of
 * how the SLL validated the improvement (§24); for AFIs both are optional.
 */
export function requestClosure(
  input: ClosureRequestInput,
  context: DecisionContext,
): Result<ClosureDecision> {
  const { target } = input;
  const validationNote = input.validationNote.trim();
  if (target.kind === 'recommendation') {
    const issues = [];
    if (input.evidenceLinks.length === 0)
      issues.push({ field: 'evidenceLinks', message: 'must have at least one link' });
    if (validationNote === '') issues.push({ field: 'validationNote', message: 'is required' });
    if (issues.length > 0) {
      return invalid(issues, 'Add at least one evidence link and say how you validated the improvement.');
    }
  }
  const status = target.record.status;
  if (target.kind === 'recommendation' && status !== 'inProgress' && status !== 'evidenceComplete') {
    const why =
      status === 'open'
        ? 'it is still open; mark it in progress and record the evidence first'
        : status === 'closed'
          ? 'it is already signed off (closed)'
          : 'it is already waiting for the HM Inspector to sign it off';
    return fail('invalid-transition', `You can't request closure of ${target.record.id}: ${why}.`);
  }
  if (target.kind === 'afi' && status === 'closed') {
    return fail(
      'invalid-transition',
      `You can't request closure of ${target.record.id}: it is already closed.`,
    );
  }

  const serviceCode =
    target.kind === 'recommendation' ? recommendationServiceCode(target.record) : target.record.serviceCode;
  const steps = closureStepsOf(target);
  const parsed = ClosureRequest.safeParse({
    id: context.newId(),
    subject: { kind: target.kind, id: target.record.id },
    serviceCode,
    cocId: target.kind === 'recommendation' ? target.record.cocId : undefined,
    requestedBy: context.actor.objectId,
    requestedAt: context.now,
    evidenceLinks: input.evidenceLinks,
    validationNote,
    steps: steps.map((role) => ({ role })),
    status: pendingStatusOf[steps[0] ?? 'cos'],
  });
  if (!parsed.success) return invalidFromZod(parsed.error);
  const request = parsed.data;

  const moved = applyToTarget(
    target,
    { type: 'closureRequested' },
    target.record.status === 'open' ? { type: 'markComplete' } : null,
    context,
  );
  if (!moved.ok) return moved;
  const requested = auditEvent(
    context,
    'closure.requested',
    targetSubject(request),
    [{ field: 'status', to: request.status }],
    validationNote || undefined,
  );
  return ok({ request, target: moved.value.target, events: [requested, ...moved.value.events] });
}

function lastDecidedStep(request: ClosureRequest): ApprovalStep | undefined {
  return [...request.steps].reverse().find((s) => s.decision !== undefined);
}

function alreadyDecided(request: ClosureRequest, step: StepRole | null): DomainError | null {
  if (request.status === 'withdrawn') {
    return {
      code: 'already-decided',
      decision: 'withdrawn',
      reason: 'This closure request has been withdrawn.',
    };
  }
  const named = request.steps.find((s) => s.role === step);
  const decided =
    named?.decision !== undefined ? named : isPending(request) ? undefined : lastDecidedStep(request);
  if (decided?.decision === undefined) return null;
  const error: DomainError = {
    code: 'already-decided',
    decision: decided.decision,
    reason: `This has already been ${decided.decision} at the ${roleNames[decided.role]} step.`,
  };
  if (decided.by !== undefined) error.by = decided.by;
  if (decided.onBehalfOf !== undefined) error.onBehalfOf = decided.onBehalfOf;
  if (decided.at !== undefined) error.at = decided.at;
  return error;
}

function withdraw(
  request: ClosureRequest,
  target: ClosureTarget,
  context: DecisionContext,
): Result<ClosureDecision> {
  const decided = alreadyDecided(request, null);
  if (decided !== null) return err(decided);
  const state: ClosureRequest = { ...request, status: 'withdrawn' };
  const moved = applyToTarget(
    target,
    { type: 'withdrawClosure' },
    { type: 'reopen', note: 'Closure request withdrawn.' },
    context,
  );
  if (!moved.ok) return moved;
  const event = auditEvent(context, 'closure.withdrawn', targetSubject(request), [
    { field: 'status', from: request.status, to: 'withdrawn' },
  ]);
  return ok({ request: state, target: moved.value.target, events: [event, ...moved.value.events] });
}

/**
 * What approving a step does to a recommendation: the CoS recommends closure and the HMI signs it
 * off; for a recommendation to an external body the HMI's agreement leaves it waiting and the
 * SRO's approval closes it.
 */
function approvalMove(target: ClosureTarget, step: StepRole): RecommendationCommand | null {
  if (isExternalTarget(target)) return step === 'sro' ? { type: 'closeExternal' } : null;
  return step === 'cos' ? { type: 'recommendClosure' } : { type: 'signOff' };
}

/**
 * Decides a step of a closure request, or withdraws it, and moves the subject along: CoS approval
 * marks a recommendation "closure recommended" (or closes an AFI), HMI approval closes the
 * recommendation, and a rejection sends the subject back with the reason. A decision on a step that
 * is no longer waiting returns `already-decided` with who decided and when.
 */
export function decideClosureRequest(
  request: ClosureRequest,
  target: ClosureTarget,
  command: ClosureCommand,
  context: DecisionContext,
): Result<ClosureDecision> {
  if (request.subject.id !== target.record.id || request.subject.kind !== target.kind) {
    return fail(
      'conflict',
      `Closure request ${request.id} is about ${request.subject.id}, not ${target.record.id}.`,
    );
  }
  if (command.type === 'withdraw') return withdraw(request, target, context);

  const waiting = pendingStep(request);
  if (waiting !== command.step) {
    const decided = alreadyDecided(request, command.step);
    if (decided !== null) return err(decided);
    return fail(
      'invalid-transition',
      `This closure request is waiting for the ${roleNames[waiting ?? 'cos']}, not the ${roleNames[command.step]}.`,
    );
  }
  const verb = command.type === 'approve' ? 'approve' : 'reject';
  const decision = command.type === 'approve' ? 'approved' : 'rejected';
  const chained = decideChainStep(
    request,
    command.step,
    { decision, reason: command.type === 'reject' ? command.reason : undefined, verb },
    context,
    { requested: 'requested the closure', reasonMissing: 'Give a reason for rejecting the closure.' },
  );
  if (!chained.ok) return chained;
  const { index, steps, next, reason } = chained.value;
  const status: ClosureStatus =
    decision === 'rejected' ? 'rejected' : next ? pendingStatusOf[next] : 'approved';
  const state: ClosureRequest = { ...request, steps, status };

  const final = status === 'approved';
  const moved =
    decision === 'rejected'
      ? applyToTarget(
          target,
          { type: 'rejectClosure', reason: reason ?? '' },
          { type: 'reopen', note: reason },
          context,
        )
      : applyToTarget(target, approvalMove(target, command.step), final ? { type: 'close' } : null, context);
  if (!moved.ok) return moved;
  const event = auditEvent(
    context,
    `closure.${decision}`,
    targetSubject(request),
    [
      { field: `steps.${index}.decision`, to: decision },
      { field: 'status', from: request.status, to: status },
    ],
    reason,
  );
  return ok({ request: state, target: moved.value.target, events: [event, ...moved.value.events] });
}
