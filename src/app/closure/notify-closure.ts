/**
 * What goes out around a closure request once the person who acted has had their answer: the
 * approval card to the next approver's personal chat, the read-only status card in the service
 * channel (posted once, then replaced in place at every step), the outcome to the SLL, and the
 * drafted closure letter when the last recommendation of a CoC is signed off.
 */
import type { CauseOfConcern, ClosureRequest, Person } from '../../domain/records';
import type { AppContext } from '../shared/app-context';
import { notifyPerson, serviceChannelAddress } from '../shared/deliver';
import { closureRequests } from '../shared/record-kinds';
import type { Notice, Notifier } from '../shared/notifier';
import { systemEvent, updateBySystem } from '../shared/system-writes';
import { approverSentence, pendingApproverOf, type StepApprover } from './closure-approvers';
import type { ClosureDecided } from './decide-closure';
import { draftAndSaveClosureLetter } from './draft-closure-letter';
import { loadClosureView, type ClosureCardView } from './show-closure';

/** The messages of the closure chain. */
export type ClosureMessage =
  | {
      kind: 'closure-card';
      view: ClosureCardView;
      notice?: Notice;
      actionable?: boolean;
      withoutRefresh?: boolean;
    }
  | { kind: 'closure-letter'; coc: CauseOfConcern; letter: string; serviceName: string };

type ClosureNotifier = Notifier<ClosureMessage>;

/** Sends the waiting step's approver their actionable card. Returns who it was and whether it went. */
export async function sendApprovalCard(
  context: AppContext,
  notifier: ClosureNotifier,
  request: ClosureRequest,
  intro?: string,
): Promise<StepApprover | null> {
  const approver = await pendingApproverOf(context, request);
  if (!approver?.reachable) return approver;
  const view = await loadClosureView(context, approver.person, request.serviceCode, request.id);
  if (!view.ok) throw new Error(`could not draw the approval card: ${view.error.reason}`);
  const verb = approver.step === 'hmi' ? 'sign off' : 'approve';
  const text =
    intro ?? `${view.value.requestedByName} asks you to ${verb} the closure of ${request.subject.id}.`;
  const message: ClosureMessage = { kind: 'closure-card', view: view.value, notice: { text, tone: 'good' } };
  const delivered = await notifyPerson(context, notifier, approver.person.objectId, message);
  return { ...approver, reachable: delivered };
}

/** Keeps the channel message's id on the request (with its audit event), so later steps replace it. */
async function rememberChannelMessage(
  context: AppContext,
  request: ClosureRequest,
  activityId: string,
): Promise<void> {
  await updateBySystem(
    context,
    closureRequests,
    { partition: request.serviceCode, id: request.id },
    (fresh) => ({
      state: { ...fresh, channelActivityId: activityId },
      event: systemEvent(
        context,
        'closure.channel-card-posted',
        { kind: 'closureRequest', id: fresh.id, serviceCode: fresh.serviceCode, cocId: fresh.cocId },
        [{ field: 'channelActivityId', to: activityId }],
        'The status card was posted in the service channel.',
      ),
    }),
  );
}

/** Posts the status card to the service channel (first step) or replaces the one posted before. */
export async function showInServiceChannel(
  context: AppContext,
  notifier: ClosureNotifier,
  request: ClosureRequest,
): Promise<void> {
  const channel = await serviceChannelAddress(context, request.serviceCode);
  if (!channel) return;
  const fresh = await context.store.records.getClosureRequest(request.serviceCode, request.id);
  const current = fresh?.value ?? request;
  const view = await loadClosureView(context, null, current.serviceCode, current.id);
  if (!view.ok) throw new Error(`could not draw the channel card: ${view.error.reason}`);
  const message: ClosureMessage = {
    kind: 'closure-card',
    view: view.value,
    actionable: false,
    withoutRefresh: true,
  };
  if (current.channelActivityId) return notifier.replace(channel, current.channelActivityId, message);
  const activityId = await notifier.post(channel, message);
  if (activityId) await rememberChannelMessage(context, current, activityId);
}

/** After a request is raised: the channel's status card first (its id is kept), then the approver's card. */
export async function notifyClosureRaised(
  context: AppContext,
  notifier: ClosureNotifier,
  request: ClosureRequest,
): Promise<void> {
  await showInServiceChannel(context, notifier, request);
  await sendApprovalCard(context, notifier, request);
}

/** Tells the SLL in their personal chat how their request went; false when they have no chat. */
async function tellRequester(
  context: AppContext,
  notifier: ClosureNotifier,
  request: ClosureRequest,
  notice: Notice,
): Promise<boolean> {
  const requester = await context.store.directory.getPerson(request.requestedBy);
  const view = requester ? await loadClosureView(context, requester, request.serviceCode, request.id) : null;
  if (!requester || !view?.ok) return true;
  return notifyPerson(context, notifier, requester.objectId, {
    kind: 'closure-card',
    view: view.value,
    notice,
  });
}

/** The SLL's news after a decision, and for a CoS approval the HM Inspector's card. */
async function outcomeNotice(
  context: AppContext,
  notifier: ClosureNotifier,
  actor: Person,
  request: ClosureRequest,
): Promise<Notice | null> {
  const subject = request.subject.id;
  if (request.status === 'rejected') {
    const reason =
      request.steps.find((s) => s.by === actor.objectId && s.decision !== undefined)?.reason ??
      'no reason given';
    const back = request.subject.kind === 'recommendation' ? 'in progress' : 'open';
    return {
      text: `${actor.name} rejected the closure of ${subject}: ${reason.replace(/[.!?]+$/, '')}. It is back ${back}.`,
      tone: 'attention',
    };
  }
  if (request.status === 'pendingHmi') {
    const intro = `${actor.name} (Chief of Staff) recommends closing ${subject}. Please sign it off or reject it.`;
    const approver = await sendApprovalCard(context, notifier, request, intro);
    const next = approver?.reachable
      ? `It has gone to ${approver.person.name} to sign off.`
      : approverSentence(approver);
    return { text: `${actor.name} approved the closure of ${subject}. ${next}`, tone: 'good' };
  }
  if (request.status !== 'approved') return null;
  return {
    text: `${actor.name} ${request.subject.kind === 'recommendation' ? 'signed off' : 'closed'} ${subject}.`,
    tone: 'good',
  };
}

/** After a decision: update the channel, ask the next approver or tell the SLL, and draft the letter. */
export async function notifyClosureDecided(
  context: AppContext,
  notifier: ClosureNotifier,
  actor: Person,
  decided: ClosureDecided,
): Promise<{ requesterReached: boolean }> {
  const { request } = decided;
  await showInServiceChannel(context, notifier, request);
  const notice = await outcomeNotice(context, notifier, actor, request);
  const requesterReached = notice ? await tellRequester(context, notifier, request, notice) : true;
  if (decided.closedCoc)
    await sendClosureLetter(context, notifier, actor, decided.closedCoc.id, request.requestedBy);
  return { requesterReached };
}

/** Drafts and saves the closure letter of a closed CoC and sends it to the SLL to check and send. */
export async function sendClosureLetter(
  context: AppContext,
  notifier: ClosureNotifier,
  actor: Person,
  cocId: string,
  sllId: string,
): Promise<void> {
  const drafted = await draftAndSaveClosureLetter(context, actor, cocId);
  if (!drafted.ok) throw new Error(drafted.error.reason);
  const { coc, letter } = drafted.value;
  const serviceName = (await context.store.directory.getService(coc.serviceCode))?.name ?? coc.serviceCode;
  const message: ClosureMessage = { kind: 'closure-letter', coc, letter, serviceName };
  const sent = await notifyPerson(context, notifier, coc.owners.sll, message);
  if (!sent && sllId !== coc.owners.sll) await notifyPerson(context, notifier, sllId, message);
}
