/**
 * The approval steps a closure request (§24-25, §30) and a revisit (§20) share: the Chief of Staff's
 * step, then (where there is one) the HM Inspector's, each approved or rejected by one click, with
 * the same separation of duties: nobody decides a step of something they asked for, or a step after
 * one they decided, directly or through a delegation.
 *
 * Pure: a chain is the requester and the steps; what a decision means for the record the chain is
 * about (a recommendation closed, a revisit approved) is the caller's business.
 */
import { err, invalid, ok, type DomainError, type Result } from '../errors';
import { roleNames, type ApprovalStep, type ObjectId } from '../records';
import type { DecisionContext } from './decision';

/** An approval step's role. */
export type StepRole = ApprovalStep['role'];

/** Who asked, and the steps in order. */
export interface ApprovalChain {
  requestedBy: ObjectId;
  steps: readonly ApprovalStep[];
}

/** How a chain's refusals name it. */
export interface ChainWords {
  /** What the requester did, after "you": "requested the closure", "proposed the revisit". */
  requested: string;
  /** The sentence when a rejection has no reason. */
  reasonMissing: string;
}

/**
 * The separation-of-duties refusal for someone deciding `step` of `chain`, or null if they may.
 * `actorId` is who clicks; `onBehalfOf` the person they stand in for, if delegated.
 *
 * @example
 * approvalConflict({ requestedBy: 'sam', steps }, 'cos', 'sam', undefined, 'approve', 'proposed the revisit')
 * //=> { code: 'separation-of-duties', reason: "You can't approve this: you proposed the revisit yourself." }
 */
export function approvalConflict(
  chain: ApprovalChain,
  step: StepRole,
  actorId: ObjectId,
  onBehalfOf: ObjectId | undefined,
  verb: string,
  requested: string,
): DomainError | null {
  const refuse = (why: string): DomainError => ({
    code: 'separation-of-duties',
    reason: `You can't ${verb} this: ${why}.`,
  });
  if (actorId === chain.requestedBy) return refuse(`you ${requested} yourself`);
  if (onBehalfOf === chain.requestedBy) return refuse(`the person you are acting for ${requested}`);
  const index = chain.steps.findIndex((s) => s.role === step);
  const earlier = index < 0 ? chain.steps : chain.steps.slice(0, index);
  for (const previous of earlier) {
    const deciders = [previous.by, previous.onBehalfOf].filter((id): id is ObjectId => id !== undefined);
    const stepName = `the ${roleNames[previous.role]} step`;
    if (deciders.includes(actorId)) return refuse(`you already decided ${stepName} of this request`);
    if (onBehalfOf !== undefined && deciders.includes(onBehalfOf)) {
      return refuse(`the person you are acting for already decided ${stepName} of this request`);
    }
  }
  return null;
}

/** The step a chain waits at: the first undecided one, unless a step was rejected. Null when done. */
export function waitingStepOf(steps: readonly ApprovalStep[]): StepRole | null {
  if (steps.some((s) => s.decision === 'rejected')) return null;
  return steps.find((s) => s.decision === undefined)?.role ?? null;
}

/** One step's decision as the chain records it. */
export function decidedStep(
  role: StepRole,
  decision: 'approved' | 'rejected',
  context: DecisionContext,
  reason?: string,
): ApprovalStep {
  const step: ApprovalStep = { role, decision, by: context.actor.objectId, at: context.now };
  if (context.onBehalfOf !== undefined) step.onBehalfOf = context.onBehalfOf;
  if (reason !== undefined) step.reason = reason;
  return step;
}

/** The chain after one step's decision, and the step that waits next (null when none). */
export interface ChainDecided {
  steps: ApprovalStep[];
  index: number;
  next: StepRole | null;
  reason?: string;
}

/**
 * Decides `step` of a chain that waits at it: separation of duties first, then a rejection's
 * reason (required), then the step is recorded. Checking that the chain waits at `step` is the
 * caller's, since what to say when it does not depends on the record.
 */
export function decideChainStep(
  chain: ApprovalChain,
  step: StepRole,
  command: { decision: 'approved' | 'rejected'; reason?: string | undefined; verb: string },
  context: DecisionContext,
  words: ChainWords,
): Result<ChainDecided> {
  const conflict = approvalConflict(
    chain,
    step,
    context.actor.objectId,
    context.onBehalfOf,
    command.verb,
    words.requested,
  );
  if (conflict !== null) return err(conflict);
  const reason = command.decision === 'rejected' ? (command.reason ?? '').trim() : undefined;
  if (command.decision === 'rejected' && !reason) {
    return invalid([{ field: 'reason', message: 'is required' }], words.reasonMissing);
  }
  const index = chain.steps.findIndex((s) => s.role === step);
  const steps = chain.steps.map((s, i) =>
    i === index ? decidedStep(step, command.decision, context, reason) : s,
  );
  const following = chain.steps[index + 1];
  const next = command.decision === 'approved' && following ? following.role : null;
  return ok({ steps, index, next, ...(reason === undefined ? {} : { reason }) });
}
