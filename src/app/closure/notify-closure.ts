/**
 * What goes out around a closure request once the person who acted has had their answer: the
 * approval card to the next approver's personal chat, the read-only status card in the service
 * channel (posted once, then replaced in place at every step), the outcome to the SLL, and the
 * drafted closure letter when the last recommendation of a CoC is signed off.
 *
 * These are outbox jobs (src/app/shared/outbox.ts): the raise or decision writes them in its own
 * transaction with the facts its cards are drawn from, and they are done after the answer.
 */
import { z } from 'zod';
import { isExternalRequest } from '../../domain/lifecycle';
import {
  ClosureRequest,
  Recommendation,
  AreaForImprovement,
  ObjectId,
  type CauseOfConcern,
  type Person,
} from '../../domain/records';
import type { AppContext } from '../shared/app-context';
import { notifyPerson, serviceChannelAddress } from '../shared/deliver';
import type { Notice, Notifier } from '../shared/notifier';
import type { OutboxJob } from '../shared/outbox';
import { closureRequests } from '../shared/record-kinds';
import { systemEvent, updateBySystem } from '../shared/system-writes';
import {
  approverSentence,
  pendingApproverOf,
  unreachableSentence,
  type StepApprover,
} from './closure-approvers';
import { draftAndSaveClosureLetter } from './draft-closure-letter';
import { closureViewFor, type ClosureCardView, type ClosureFacts } from './show-closure';

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

/** The facts as an outbox job carries them. */
const ClosureFactsJson = z.object({
  request: ClosureRequest,
  target: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('recommendation'), record: Recommendation }),
    z.object({ kind: z.literal('afi'), record: AreaForImprovement }),
  ]),
  owners: z.object({
    sll: ObjectId.optional(),
    cos: ObjectId.optional(),
    hmi: ObjectId.optional(),
    sro: ObjectId.optional(),
  }),
  cocTitle: z.string().optional(),
});

/** The outbox job that sends a new request's cards. */
export const ClosureRaisedJob = z.object({ kind: z.literal('closure-raised'), facts: ClosureFactsJson });

/** The outbox job that sends a decided step's cards (and a closed CoC's letter). */
export const ClosureDecidedJob = z.object({
  kind: z.literal('closure-decided'),
  actorId: ObjectId,
  facts: ClosureFactsJson,
  closedCocId: z.string().optional(),
});

/** The job of a raised request. */
export function closureRaisedJob(facts: ClosureFacts): OutboxJob {
  return { kind: 'closure-raised', facts };
}

/** The job of a decided step. */
export function closureDecidedJob(actor: Person, facts: ClosureFacts, closedCocId?: string): OutboxJob {
  return { kind: 'closure-decided', actorId: actor.objectId, facts, ...(closedCocId ? { closedCocId } : {}) };
}

/** Sends the waiting step's approver their actionable card. Returns who it was and whether it went. */
export async function sendApprovalCard(
  context: AppContext,
  notifier: ClosureNotifier,
  facts: ClosureFacts,
  intro?: string,
): Promise<StepApprover | null> {
  const approver = await pendingApproverOf(context, facts.request, facts.owners);
  return approver ? deliverApprovalCard(context, notifier, facts, approver, intro) : null;
}

/** Sends `approver` their card when the bot expects to reach them; says whether it went. */
async function deliverApprovalCard(
  context: AppContext,
  notifier: ClosureNotifier,
  facts: ClosureFacts,
  approver: StepApprover,
  intro?: string,
): Promise<StepApprover> {
  if (!approver.reachable) return approver;
  const view = await closureViewFor(context, approver.person, facts);
  if (!view.ok) throw new Error(`could not draw the approval card: ${view.error.reason}`);
  const verb = isExternalRequest(facts.request)
    ? approver.step === 'sro'
      ? 'close'
      : 'agree to'
    : approver.step === 'hmi'
      ? 'sign off'
      : 'approve';
  const text =
    intro ?? `${view.value.requestedByName} asks you to ${verb} the closure of ${facts.request.subject.id}.`;
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
        {
          kind: 'closureRequest',
          id: fresh.id,
          about: fresh.subject.id,
          serviceCode: fresh.serviceCode,
          cocId: fresh.cocId,
        },
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
  facts: ClosureFacts,
): Promise<void> {
  const channel = await serviceChannelAddress(context, facts.request.serviceCode);
  if (!channel) return;
  const view = await closureViewFor(context, null, facts);
  if (!view.ok) throw new Error(`could not draw the channel card: ${view.error.reason}`);
  const message: ClosureMessage = {
    kind: 'closure-card',
    view: view.value,
    actionable: false,
    withoutRefresh: true,
  };
  const posted = facts.request.channelActivityId ?? (await channelMessageOf(context, facts.request));
  if (posted) return notifier.replace(channel, posted, message);
  const activityId = await notifier.post(channel, message);
  if (activityId) await rememberChannelMessage(context, facts.request, activityId);
}

/** The channel message a request's card was posted as, when the facts were taken before it was. */
async function channelMessageOf(context: AppContext, request: ClosureRequest): Promise<string | undefined> {
  if (request.status === 'pendingCos' && request.steps.every((step) => step.decision === undefined))
    return undefined;
  return (await context.store.records.getClosureRequest(request.serviceCode, request.id))?.value
    .channelActivityId;
}

/**
 * After a request is raised: the channel's status card first (its id is kept), then the approver's
 * card. The SLL's answer said the card was sent when the bot expected to reach the approver (a
 * chat, or the app to install for them); when it then could not (Graph refused), the SLL is told.
 */
export async function notifyClosureRaised(
  context: AppContext,
  notifier: ClosureNotifier,
  facts: ClosureFacts,
): Promise<void> {
  await showInServiceChannel(context, notifier, facts);
  const expected = await pendingApproverOf(context, facts.request, facts.owners);
  if (!expected?.reachable) return; // the SLL's answer already said so
  const approver = await deliverApprovalCard(context, notifier, facts, expected);
  if (approver.reachable) return;
  await tellRequester(context, notifier, facts, {
    text: `Closure of ${facts.request.subject.id}: ${unreachableSentence(approver.person.name)}`,
    tone: 'attention',
  });
}

/** Tells the SLL in their personal chat how their request went; false when they have no chat. */
async function tellRequester(
  context: AppContext,
  notifier: ClosureNotifier,
  facts: ClosureFacts,
  notice: Notice,
): Promise<boolean> {
  const requester = await context.store.directory.getPerson(facts.request.requestedBy);
  const view = requester ? await closureViewFor(context, requester, facts) : null;
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
  facts: ClosureFacts,
): Promise<Notice | null> {
  const { request } = facts;
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
    const approver = await sendApprovalCard(context, notifier, facts, intro);
    const next = approver?.reachable
      ? `It has gone to ${approver.person.name} to sign off.`
      : approverSentence(approver);
    return { text: `${actor.name} approved the closure of ${subject}. ${next}`, tone: 'good' };
  }
  if (request.status === 'pendingSro') {
    const intro = `${actor.name} (HM Inspector) agrees to close ${subject}, the recommendation to an external body. Please close it or reject it.`;
    const approver = await sendApprovalCard(context, notifier, facts, intro);
    const next = approver?.reachable
      ? `It has gone to ${approver.person.name}, the Senior Responsible Officer, to close.`
      : approverSentence(approver);
    return { text: `${actor.name} agreed to close ${subject}. ${next}`, tone: 'good' };
  }
  if (request.status !== 'approved') return null;
  if (isExternalRequest(request)) return { text: `${actor.name} closed ${subject}.`, tone: 'good' };
  return {
    text: `${actor.name} ${request.subject.kind === 'recommendation' ? 'signed off' : 'closed'} ${subject}.`,
    tone: 'good',
  };
}

/** After a decision: update the channel, ask the next approver or tell the SLL, and draft the letter. */
export async function notifyClosureDecided(
  context: AppContext,
  notifier: ClosureNotifier,
  job: z.infer<typeof ClosureDecidedJob>,
): Promise<{ requesterReached: boolean }> {
  const { facts } = job;
  const actor = await context.store.directory.getPerson(job.actorId);
  if (!actor) throw new Error('the person who decided is no longer in the directory');
  await showInServiceChannel(context, notifier, facts);
  const notice = await outcomeNotice(context, notifier, actor, facts);
  const requesterReached = notice ? await tellRequester(context, notifier, facts, notice) : true;
  if (job.closedCocId)
    await sendClosureLetter(context, notifier, actor, job.closedCocId, facts.request.requestedBy);
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
