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
import { pendingApproverOf, type StepApprover } from './closure-approvers';
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

/** A request with its subject, and the viewer's scope (null for a channel's card). */
interface LoadedForViewer {
  request: ClosureRequest;
  subject: LoadedClosureSubject;
  scope: ServiceScope | null;
}

/** The request with its subject, and who may see it: the viewer's scope, refused with the policy's reason. */
async function loadForViewer(
  context: AppContext,
  viewer: Person | null,
  serviceCode: string,
  requestId: string,
): Promise<Result<LoadedForViewer>> {
  const code = ServiceCode.safeParse(serviceCode);
  const found = code.success ? await context.store.records.getClosureRequest(code.data, requestId) : null;
  if (!code.success || !found) return fail('not-found', 'There is no such closure request.');
  const request = found.value;
  const subject = await loadClosureSubject(context, request.subject.id);
  if (!subject.ok) return subject;
  const facts = { owners: subject.value.owners, closureRequest: request };
  const scope = viewer ? await scopeOf(context, viewer, request.serviceCode, facts) : null;
  const allowed = viewer && scope ? authorizeIn(viewer, 'view', scope) : ok({});
  return allowed.ok ? ok({ request, subject: subject.value, scope }) : allowed;
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

/** What the closure card shows of a loaded request, to `viewer` (null: a channel's read-only card). */
async function closureCardViewOf(
  context: AppContext,
  viewer: Person | null,
  loaded: LoadedForViewer,
): Promise<ClosureCardView> {
  const { request, subject, scope } = loaded;
  const step = pendingStep(request);
  const people = await peopleById(context);
  const approver = await pendingApproverOf(context, request, subject.owners);
  const serviceName =
    scope?.serviceName ?? (await context.store.directory.getService(request.serviceCode))?.name;
  return {
    request,
    target: subject.target,
    serviceName: serviceName ?? request.serviceCode,
    requestedByName: people.get(request.requestedBy)?.name ?? 'someone no longer in the directory',
    steps: stepViewsOf(request, people),
    canDecide:
      viewer !== null && scope !== null && step !== null && mayIn(viewer, stepDecisionActions[step], scope),
    refreshUserIds: approver ? [await teamsUserIdOf(context, approver.person.objectId)] : [],
    ...(approver ? { approver } : {}),
    ...(subject.coc ? { cocTitle: subject.coc.value.title } : {}),
  };
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
  const loaded = await loadForViewer(context, viewer, serviceCode, requestId);
  return loaded.ok ? ok(await closureCardViewOf(context, viewer, loaded.value)) : loaded;
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
