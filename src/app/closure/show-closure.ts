/**
 * What a closure card shows: the record, the evidence and validation note, each step with who
 * decided and when, who decides next, whether this viewer may decide now, and whose Teams client
 * should refresh the card (the next approver only; nobody once the request is decided). Also the
 * requests waiting for one person (`approvals`).
 */
import { fail, ok, type Result } from '../../domain/errors';
import { isPending, pendingStep, type ClosureTarget } from '../../domain/lifecycle';
import { stepDecisionActions } from '../../domain/policy';
import { ServiceCode, type ApprovalStep, type ClosureRequest, type Person } from '../../domain/records';
import type { AppContext } from '../shared/app-context';
import { peopleById, teamsUserIdOf } from '../shared/people';
import { authorizeIn, mayIn, scopeOf } from '../shared/record-scope';
import { pendingApproverOf, type StepApprover } from './closure-approvers';
import { loadClosureSubject } from './closure-subject';

/** One step as the card shows it, with names instead of ids. */
export interface ClosureStepView {
  step: ApprovalStep;
  byName?: string;
  onBehalfOfName?: string;
}

/** A closure request as `cards/closure-card.json` shows it to one person (or, with no viewer, a channel). */
export interface ClosureCardView {
  request: ClosureRequest;
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

/** How many waiting requests `approvals` shows at once. */
export const maxApprovalsShown = 10;

/**
 * Loads a closure request for `viewer` (refusing anyone who may not see the record), or for a
 * channel or proactive card when `viewer` is null (nobody can decide on that card).
 */
export async function loadClosureView(
  context: AppContext,
  viewer: Person | null,
  serviceCode: string,
  requestId: string,
): Promise<Result<ClosureCardView>> {
  const code = ServiceCode.safeParse(serviceCode);
  const found = code.success ? await context.store.records.getClosureRequest(code.data, requestId) : null;
  if (!code.success || !found) return fail('not-found', 'There is no such closure request.');
  const request = found.value;
  const subject = await loadClosureSubject(context, request.subject.id);
  if (!subject.ok) return subject;
  const facts = { owners: subject.value.owners, closureRequest: request };
  const scope = viewer ? await scopeOf(context, viewer, request.serviceCode, facts) : null;
  if (viewer && scope) {
    const allowed = authorizeIn(viewer, 'view', scope);
    if (!allowed.ok) return allowed;
  }
  const serviceName =
    scope?.serviceName ??
    (await context.store.directory.getService(request.serviceCode))?.name ??
    request.serviceCode;
  const step = pendingStep(request);
  const people = await peopleById(context);
  const name = (id: string | undefined) =>
    id === undefined ? undefined : (people.get(id)?.name ?? 'someone no longer in the directory');
  const approver = await pendingApproverOf(context, request, subject.value.owners);
  const view: ClosureCardView = {
    request,
    target: subject.value.target,
    serviceName,
    requestedByName: name(request.requestedBy) ?? 'someone',
    steps: request.steps.map((s) => ({
      step: s,
      ...(s.by === undefined ? {} : { byName: name(s.by) }),
      ...(s.onBehalfOf === undefined ? {} : { onBehalfOfName: name(s.onBehalfOf) }),
    })),
    canDecide:
      viewer !== null && scope !== null && step !== null && mayIn(viewer, stepDecisionActions[step], scope),
    refreshUserIds: approver ? [await teamsUserIdOf(context, approver.person.objectId)] : [],
  };
  if (approver) view.approver = approver;
  if (subject.value.coc) view.cocTitle = subject.value.coc.value.title;
  return ok(view);
}

/** The closure requests waiting for `person`'s decision, drawn for them (at most {@link maxApprovalsShown}). */
export async function listApprovalsFor(context: AppContext, person: Person): Promise<ClosureCardView[]> {
  const pending = (await context.store.records.listClosureRequests()).filter((r) => isPending(r.value));
  const views: ClosureCardView[] = [];
  for (const { value: request } of pending) {
    const approver = await pendingApproverOf(context, request);
    if (approver?.person.objectId !== person.objectId) continue;
    const view = await loadClosureView(context, person, request.serviceCode, request.id);
    if (view.ok) views.push(view.value);
    if (views.length >= maxApprovalsShown) break;
  }
  return views;
}
