/**
 * Approval chasers: a closure request that waits too long reminds its approver, and after a
 * second limit it is flagged to the next level (the CoS step to the region's HM Inspector, the HM
 * Inspector step to the deputy portfolio director). Waiting is counted in working days from the
 * day the step began: the request for the CoS step, the CoS decision for the HM Inspector step.
 *
 * Pure: the scheduled job (src/app/closure/chase-approvals.ts) gives the pending requests, today
 * and the limits, sends what this returns, and stores each chaser on its request so a second run
 * on the same day sends nothing.
 */
import { toLondonDate, workingDaysBetween, type HolidayOptions } from '../clock';
import type { ClosureRequest, Instant, LocalDate, ObjectId } from '../records';
import { pendingStep, type StepRole } from './closure-request';

/** How long a step may wait, in working days, before its approver is reminded and then escalated. */
export interface ApprovalChaserLimits {
  reminderWorkingDays: number;
  escalationWorkingDays: number;
}

/** The limits used when configuration gives none (APPROVAL_REMINDER_WORKING_DAYS and APPROVAL_ESCALATION_WORKING_DAYS). */
export const defaultApprovalChaserLimits: ApprovalChaserLimits = {
  reminderWorkingDays: 5,
  escalationWorkingDays: 10,
};

/** A pending request with the people it concerns, as the directory says today. */
export interface PendingApproval {
  request: ClosureRequest;
  /** Who should decide the waiting step (the named approver, or their stand-in today). */
  approver: ObjectId;
  /** Who the waiting step is flagged to once the escalation limit has passed. */
  escalateTo: readonly ObjectId[];
}

/** One message to send: a reminder to the approver, or an escalation to the next level. */
export interface ApprovalChaser {
  kind: 'reminder' | 'escalation';
  request: ClosureRequest;
  step: StepRole;
  /** Who gets the message. */
  to: readonly ObjectId[];
  /** The approver the request waits for (named in an escalation). */
  approver: ObjectId;
  waitingWorkingDays: number;
}

/** When the waiting step began, or undefined if the request no longer waits. */
export function stepWaitingSince(request: ClosureRequest): Instant | undefined {
  const step = pendingStep(request);
  if (step === null) return undefined;
  const index = request.steps.findIndex((s) => s.role === step);
  return (index > 0 ? request.steps[index - 1]?.at : undefined) ?? request.requestedAt;
}

function alreadySent(request: ClosureRequest, step: StepRole, kind: ApprovalChaser['kind']): boolean {
  return (request.chasers ?? []).some((c) => c.role === step && c.kind === kind);
}

/**
 * The reminders and escalations due today. A step is chased once per kind: the reminder after
 * `reminderWorkingDays`, the escalation after `escalationWorkingDays` (which replaces a reminder
 * not yet sent). Requests no longer waiting are skipped.
 *
 * @example
 * // requested on Friday 13 November 2026, today Friday 20 November: 5 working days waiting
 * approvalChasers([{ request, approver: 'morgan', escalateTo: ['alex'] }], '2026-11-20', defaultApprovalChaserLimits)
 * //=> [{ kind: 'reminder', step: 'cos', to: ['morgan'], waitingWorkingDays: 5, ... }]
 */
export function approvalChasers(
  pending: readonly PendingApproval[],
  today: LocalDate,
  limits: ApprovalChaserLimits = defaultApprovalChaserLimits,
  options: HolidayOptions = {},
): ApprovalChaser[] {
  const chasers: ApprovalChaser[] = [];
  for (const { request, approver, escalateTo } of pending) {
    const step = pendingStep(request);
    const since = stepWaitingSince(request);
    if (step === null || since === undefined) continue;
    const waitingWorkingDays = workingDaysBetween(toLondonDate(since), today, options);
    const base = { request, step, approver, waitingWorkingDays };
    if (waitingWorkingDays >= limits.escalationWorkingDays && escalateTo.length > 0) {
      if (!alreadySent(request, step, 'escalation'))
        chasers.push({ ...base, kind: 'escalation', to: escalateTo });
    } else if (waitingWorkingDays >= limits.reminderWorkingDays && !alreadySent(request, step, 'reminder')) {
      chasers.push({ ...base, kind: 'reminder', to: [approver] });
    }
  }
  return chasers;
}

/** The request with a chaser recorded as sent today (store it so reruns send nothing twice). */
export function recordChaser(
  request: ClosureRequest,
  chaser: ApprovalChaser,
  today: LocalDate,
): ClosureRequest {
  return {
    ...request,
    chasers: [...(request.chasers ?? []), { role: chaser.step, kind: chaser.kind, on: today }],
  };
}
