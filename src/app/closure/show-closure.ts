/**
 * What a closure card shows: the record, the evidence and validation note, each step with who
 * decided and when, who decides next, whether this viewer may decide now, and whose Teams client
 * should refresh the card (the next approver only; nobody once the request is decided).
 */
import { fail, ok, type Result } from '../../domain/errors';
import { pendingStep, type ClosureTarget, type StepRole } from '../../domain/lifecycle';
import { authorize } from '../../domain/policy';
import { ServiceCode, type ApprovalStep, type ClosureRequest, type Person } from '../../domain/records';
import type { AppContext } from '../shared/app-context';
import { pendingApproverOf, type StepApprover } from './closure-approvers';
import { teamsUserIdOf } from '../records/show-record';
import { loadClosureSubject } from './raise-closure';
import { scopeOf } from '../shared/record-scope';

/** One step as the card shows it, with names instead of ids. */
export interface ClosureStepView {
  step: ApprovalStep;
  byName?: string;
  onBehalfOfName?: string;
}

/** A closure request as one person (or, with no viewer, a channel) sees it. */
export interface ClosureView {
  request: ClosureRequest;
  /** The request's ETag when read: the card sends it back, so the server can tell a stale card. */
  etag: string;
  target: ClosureTarget;
  serviceName: string;
  cocTitle?: string;
  requestedByName: string;
  steps: ClosureStepView[];
  /** Who decides the waiting step, if any. */
  approver?: StepApprover;
  /** Whether this viewer may decide the waiting step now (policy and separation of duties). */
  canDecide: boolean;
  /** Teams user ids whose client refreshes the card: the next approver only. */
  refreshUserIds: string[];
}

async function namer(context: AppContext): Promise<(id: string | undefined) => string | undefined> {
  const people = new Map((await context.store.directory.listPeople()).map((p) => [p.objectId, p.name]));
  return (id) => (id === undefined ? undefined : (people.get(id) ?? 'someone no longer in the directory'));
}

/** The policy action for deciding a step. */
export function decideActionOf(step: StepRole): 'decideClosureAsCos' | 'decideClosureAsHmi' {
  return step === 'cos' ? 'decideClosureAsCos' : 'decideClosureAsHmi';
}

/**
 * Loads a closure request for `viewer` (refusing anyone who may not see the record), or for a
 * channel or proactive card when `viewer` is null (nobody can decide on that card).
 */
export async function loadClosureView(
  context: AppContext,
  viewer: Person | null,
  serviceCode: string,
  requestId: string,
): Promise<Result<ClosureView>> {
  const code = ServiceCode.safeParse(serviceCode);
  const found = code.success ? await context.store.records.getClosureRequest(code.data, requestId) : null;
  if (!code.success || !found) return fail('not-found', 'There is no such closure request.');
  const request = found.value;
  const subject = await loadClosureSubject(context, request.subject.id);
  if (!subject.ok) return subject;
  const scope = viewer ? await scopeOf(context, viewer, request.serviceCode, subject.value.owners) : null;
  if (viewer && scope) {
    const allowed = authorize(viewer, 'view', scope.target, scope.policy);
    if (!allowed.ok) return allowed;
  }
  const serviceName =
    scope?.serviceName ??
    (await context.store.directory.getService(request.serviceCode))?.name ??
    request.serviceCode;
  const name = await namer(context);
  const approver = await pendingApproverOf(context, request, subject.value.owners);
  const step = pendingStep(request);
  let canDecide = false;
  if (viewer && scope && step !== null) {
    scope.target.closureRequest = request;
    canDecide = authorize(viewer, decideActionOf(step), scope.target, scope.policy).ok;
  }

  const view: ClosureView = {
    request,
    etag: found.etag,
    target: subject.value.target,
    serviceName,
    requestedByName: name(request.requestedBy) ?? 'someone',
    steps: request.steps.map((s) => {
      const stepView: ClosureStepView = { step: s };
      const by = name(s.by);
      const onBehalfOf = name(s.onBehalfOf);
      if (by !== undefined) stepView.byName = by;
      if (onBehalfOf !== undefined) stepView.onBehalfOfName = onBehalfOf;
      return stepView;
    }),
    canDecide,
    refreshUserIds: approver ? [await teamsUserIdOf(context, approver.person.objectId)] : [],
  };
  if (approver) view.approver = approver;
  if (subject.value.coc) view.cocTitle = subject.value.coc.value.title;
  return ok(view);
}
