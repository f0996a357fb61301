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
import { authorizeIn, mayIn, scopeOf, type ServiceScope } from '../shared/record-scope';
import { pendingApproverOf, type ClosureOwners, type StepApprover } from './closure-approvers';
import { loadClosureSubject, type LoadedClosureSubject } from './closure-subject';

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
 * What a closure card is drawn from: the request, the record it is about and that record's owners,
 * as read, or as a decision just left them. Plain data, so a notification in the outbox carries it
 * and draws its cards without reading the records again.
 */
export interface ClosureFacts {
  request: ClosureRequest;
  target: ClosureTarget;
  owners: ClosureOwners;
  /** The CoC's title, for a recommendation's request. */
  cocTitle?: string;
}

/** The facts of a request as stored: the request (one read) and its subject with its CoC (one range query). */
export async function loadClosureFacts(
  context: AppContext,
  serviceCode: string,
  requestId: string,
): Promise<Result<ClosureFacts>> {
  const code = ServiceCode.safeParse(serviceCode);
  const found = code.success ? await context.store.records.getClosureRequest(code.data, requestId) : null;
  if (!code.success || !found) return fail('not-found', 'There is no such closure request.');
  const subject = await loadClosureSubject(context, found.value.subject.id);
  if (!subject.ok) return subject;
  return ok(closureFactsOf(found.value, subject.value));
}

/** The facts of a request whose subject is loaded. */
export function closureFactsOf(
  request: ClosureRequest,
  subject: LoadedClosureSubject,
  target = subject.target,
): ClosureFacts {
  return {
    request,
    target,
    owners: subject.owners,
    ...(subject.coc ? { cocTitle: subject.coc.value.title } : {}),
  };
}

/** Each step with the names of who decided it, and on whose behalf. */
function stepViewsOf(request: ClosureRequest, people: Map<string, Person>): ClosureStepView[] {
  const name = (id: string) => people.get(id)?.name ?? 'someone no longer in the directory';
  return request.steps.map((step) => ({
    step,
    ...(step.by === undefined ? {} : { byName: name(step.by) }),
    ...(step.onBehalfOf === undefined ? {} : { onBehalfOfName: name(step.onBehalfOf) }),
  }));
}

/** Who may see the request: the viewer's scope (null for a channel's card), or the policy's refusal. */
async function scopeForViewer(
  context: AppContext,
  viewer: Person | null,
  facts: ClosureFacts,
): Promise<Result<ServiceScope | null>> {
  if (!viewer) return ok(null);
  const scope = await scopeOf(context, viewer, facts.request.serviceCode, {
    owners: facts.owners,
    closureRequest: facts.request,
  });
  const allowed = authorizeIn(viewer, 'view', scope);
  return allowed.ok ? ok(scope) : allowed;
}

/**
 * The closure card of `facts` for `viewer` (refusing anyone who may not see the record), or for a
 * channel or proactive card when `viewer` is null (nobody can decide on that card). Reads only the
 * directory and the bot's chats, both cached.
 */
export async function closureViewFor(
  context: AppContext,
  viewer: Person | null,
  facts: ClosureFacts,
): Promise<Result<ClosureCardView>> {
  const scope = await scopeForViewer(context, viewer, facts);
  if (!scope.ok) return scope;
  const { request, target } = facts;
  const step = pendingStep(request);
  const people = await peopleById(context);
  const approver = await pendingApproverOf(context, request, facts.owners);
  const serviceName =
    scope.value?.serviceName ?? (await context.store.directory.getService(request.serviceCode))?.name;
  const canDecide =
    viewer !== null &&
    scope.value !== null &&
    step !== null &&
    mayIn(viewer, stepDecisionActions[step], scope.value);
  return ok({
    request,
    target,
    serviceName: serviceName ?? request.serviceCode,
    requestedByName: people.get(request.requestedBy)?.name ?? 'someone no longer in the directory',
    steps: stepViewsOf(request, people),
    canDecide,
    refreshUserIds: approver ? [await teamsUserIdOf(context, approver.person.objectId)] : [],
    ...(approver ? { approver } : {}),
    ...(facts.cocTitle === undefined ? {} : { cocTitle: facts.cocTitle }),
  });
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
): Promise<Result<ClosureCardView>> {
  const facts = await loadClosureFacts(context, serviceCode, requestId);
  return facts.ok ? closureViewFor(context, viewer, facts.value) : facts;
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
