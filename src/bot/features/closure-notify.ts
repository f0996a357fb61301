/**
 * What the bot sends around a closure request once the person who acted has had their answer: the
 * approval card to the next approver's personal chat, the read-only status card in the service
 * channel (posted once, then updated in place at every step), the outcome to the SLL, and the
 * drafted closure letter when the last recommendation of a CoC is signed off.
 *
 * This work runs after the invoke is answered (Teams wants an answer within seconds). A failure is
 * logged, never thrown: the decision is already saved.
 */
import { serviceChannelOf } from '../../app/channels/register-channel';
import { pendingApproverOf, type StepApprover } from '../../app/closure/closure-approvers';
import { draftAndSaveClosureLetter } from '../../app/closure/draft-closure-letter';
import type { ClosureDecided } from '../../app/closure/decide-closure';
import { loadClosureView } from '../../app/closure/show-closure';
import { roleNames, type ClosureRequest, type Person } from '../../domain/records';
import { ConflictError } from '../../store';
import { type AdaptiveCardJson } from '../../views/shared/card-renderer';
import { cardAttachment } from '../card-attachment';
import { conversationReferenceOf } from './announce-to-service-channel';
import { renderClosureCard, renderClosureLetterCard } from '../../views/closure/closure-cards';
import type { FeatureContext } from './feature-context';

/**
 * Runs `work` without holding up the turn, logging any failure. Returns the promise so tests and
 * the scheduler may wait for it; handlers deliberately do not.
 */
export function inBackground(
  features: FeatureContext,
  what: string,
  work: () => Promise<void>,
): Promise<void> {
  return work().catch((error: unknown) => {
    features.logger.error({ err: error }, `closure follow-up failed: ${what}`);
  });
}

/** Sends a card to a person's personal chat; false when the bot has no chat with them yet. */
export async function sendToPerson(
  features: FeatureContext,
  objectId: string,
  card: AdaptiveCardJson,
): Promise<boolean> {
  const stored = await features.app.store.conversations.get('personal', objectId);
  const reference = stored ? conversationReferenceOf(stored.reference) : null;
  if (!reference) return false;
  await features.proactive.send(reference, { attachments: [cardAttachment(card)] });
  return true;
}

/**
 * The sentence for the SLL when an approver can't be reached.
 * @example unreachableSentence('Morgan Hughes') // "Morgan Hughes hasn't opened a chat with CoC Monitor yet, ..."
 */
export function unreachableSentence(name: string): string {
  return `${name} hasn't opened a chat with CoC Monitor yet, so I couldn't send the approval card; ask them to message the bot (for example, type approvals) and the request will be waiting for them. It stays pending until then.`;
}

/** What the SLL reads about who was asked. */
export function approverSentence(approver: StepApprover | null): string {
  if (!approver)
    return 'Nobody is named to decide it: ask an administrator to check the owners of this record.';
  if (!approver.reachable) return unreachableSentence(approver.person.name);
  const standIn = approver.standingInFor ? ` (standing in for ${approver.standingInFor.name})` : '';
  return `I've sent it to ${approver.person.name}${standIn}, ${roleNames[approver.step]}, to decide.`;
}

/** Sends the waiting step's approver their actionable card. Returns who it was and whether it went. */
export async function sendApprovalCard(
  features: FeatureContext,
  request: ClosureRequest,
  intro?: string,
): Promise<StepApprover | null> {
  const approver = await pendingApproverOf(features.app, request);
  if (!approver?.reachable) return approver;
  const view = await loadClosureView(features.app, approver.person, request.serviceCode, request.id);
  if (!view.ok) throw new Error(`could not draw the approval card: ${view.error.reason}`);
  const text =
    intro ??
    `${view.value.requestedByName} asks you to ${approver.step === 'hmi' ? 'sign off' : 'approve'} the closure of ${request.subject.id}.`;
  const delivered = await sendToPerson(
    features,
    approver.person.objectId,
    renderClosureCard(view.value, { notice: { text, tone: 'good' } }),
  );
  return { ...approver, reachable: delivered };
}

/** The read-only card everyone in the service channel sees. */
async function channelCard(features: FeatureContext, request: ClosureRequest): Promise<AdaptiveCardJson> {
  const view = await loadClosureView(features.app, null, request.serviceCode, request.id);
  if (!view.ok) throw new Error(`could not draw the channel card: ${view.error.reason}`);
  return renderClosureCard(view.value, { actionable: false, withoutRefresh: true });
}

/** Keeps the channel message's id on the request, re-reading on a lost race. */
async function rememberChannelMessage(
  features: FeatureContext,
  request: ClosureRequest,
  activityId: string,
): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const fresh = await features.app.store.records.getClosureRequest(request.serviceCode, request.id);
    if (!fresh) return;
    try {
      await features.app.store.records.commit(request.serviceCode, [
        {
          kind: 'update',
          entity: { type: 'closure', value: { ...fresh.value, channelActivityId: activityId } },
          etag: fresh.etag,
        },
      ]);
      return;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
}

/** Posts the status card to the service channel (first step) or updates the one posted before. */
export async function showInServiceChannel(features: FeatureContext, request: ClosureRequest): Promise<void> {
  const channel = await serviceChannelOf(features.app, request.serviceCode);
  const reference = channel ? conversationReferenceOf(channel.reference) : null;
  if (!reference) return;
  const fresh = await features.app.store.records.getClosureRequest(request.serviceCode, request.id);
  const current = fresh?.value ?? request;
  const activity = { attachments: [cardAttachment(await channelCard(features, current))] };
  if (current.channelActivityId) {
    await features.proactive.update(reference, current.channelActivityId, activity);
    return;
  }
  const activityId = await features.proactive.send(reference, activity);
  if (activityId) await rememberChannelMessage(features, current, activityId);
}

/** After a request is raised: the channel's status card first (its id is kept), then the approver's card. */
export async function afterClosureRaised(features: FeatureContext, request: ClosureRequest): Promise<void> {
  await showInServiceChannel(features, request);
  await sendApprovalCard(features, request);
}

/** Tells the SLL in their personal chat how their request went. */
async function tellRequester(
  features: FeatureContext,
  request: ClosureRequest,
  text: string,
  tone: 'good' | 'attention',
): Promise<void> {
  const requester = await features.app.store.directory.getPerson(request.requestedBy);
  if (!requester) return;
  const view = await loadClosureView(features.app, requester, request.serviceCode, request.id);
  if (!view.ok) return;
  const sent = await sendToPerson(
    features,
    requester.objectId,
    renderClosureCard(view.value, { notice: { text, tone } }),
  );
  if (!sent)
    features.logger.warn({ requestId: request.id }, 'the requester has no personal chat with the bot');
}

/** After a decision: update the channel, then ask the next approver, or tell the SLL, and draft the letter. */
export async function afterClosureDecided(
  features: FeatureContext,
  actor: Person,
  decided: ClosureDecided,
): Promise<void> {
  const { request } = decided;
  await showInServiceChannel(features, request);
  const subject = request.subject.id;
  const decision = request.steps.find((s) => s.by === actor.objectId && s.decision !== undefined);
  if (request.status === 'rejected') {
    await tellRequester(
      features,
      request,
      `${actor.name} rejected the closure of ${subject}: ${(decision?.reason ?? 'no reason given').replace(/[.!?]+$/, '')}. It is back ${request.subject.kind === 'recommendation' ? 'in progress' : 'open'}.`,
      'attention',
    );
    return;
  }
  if (request.status === 'pendingHmi') {
    const approver = await sendApprovalCard(
      features,
      request,
      `${actor.name} (Chief of Staff) recommends closing ${subject}. Please sign it off or reject it.`,
    );
    const next = approver?.reachable
      ? `It has gone to ${approver.person.name} to sign off.`
      : approverSentence(approver);
    await tellRequester(
      features,
      request,
      `${actor.name} approved the closure of ${subject}. ${next}`,
      'good',
    );
    return;
  }
  if (request.status === 'approved') {
    const what = request.subject.kind === 'recommendation' ? 'signed off' : 'closed';
    await tellRequester(features, request, `${actor.name} ${what} ${subject}.`, 'good');
    if (decided.closedCoc)
      await sendClosureLetter(features, actor, decided.closedCoc.id, request.requestedBy);
  }
}

/** Drafts and saves the closure letter of a closed CoC and sends it to the SLL to check and send. */
export async function sendClosureLetter(
  features: FeatureContext,
  actor: Person,
  cocId: string,
  sllId: string,
): Promise<void> {
  const drafted = await draftAndSaveClosureLetter(features.app, actor, cocId);
  if (!drafted.ok) throw new Error(drafted.error.reason);
  const service = await features.app.store.directory.getService(drafted.value.coc.serviceCode);
  const card = renderClosureLetterCard(
    drafted.value.coc,
    drafted.value.letter,
    service?.name ?? drafted.value.coc.serviceCode,
  );
  const sent = await sendToPerson(features, drafted.value.coc.owners.sll, card);
  if (!sent && sllId !== drafted.value.coc.owners.sll) await sendToPerson(features, sllId, card);
}
