/**
 * The closure chain in Teams: `close <id>` and the CoC card's "Request closure" open the form; its
 * submit raises the request; the approver's Approve / Sign off / Reject decide a step; Teams'
 * automatic refresh redraws the card for whoever looks; `approvals` lists what waits for the caller.
 *
 * Card data is untrusted: zod parses it and it only names the record. Who acts comes from the
 * signed activity, and the use cases check everything again. Each invoke is answered first; the
 * notifications run afterwards (closure-notify.ts).
 */
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { pendingApproverOf } from '../../app/closure/closure-approvers';
import { decideClosure } from '../../app/closure/decide-closure';
import { prepareClosureRequest, raiseClosureRequest } from '../../app/closure/raise-closure';
import { loadClosureView, type ClosureView } from '../../app/closure/show-closure';
import type { DomainError } from '../../domain/errors';
import { isPending } from '../../domain/lifecycle';
import type { Person } from '../../domain/records';
import { type AdaptiveCardJson } from '../../views/shared/card-renderer';
import { cardAttachment } from '../card-attachment';
import { commandText, type BotApplication } from '../create-bot';
import {
  renderClosureCard,
  renderClosureForm,
  closureLinkInputId,
  type ClosureCardOptions,
} from '../../views/closure/closure-cards';
import { afterClosureDecided, afterClosureRaised, approverSentence, inBackground } from './closure-notify';
import { renderNoticeCard, type Notice } from '../../views/records/record-cards';
import type { FeatureContext } from './feature-context';
import { personOf } from './identify';
import { answerWithCard } from './invoke-response';
import { fieldMessages } from '../../views/records/recommendation-forms';

const closeCommand = /^close(?:\s+(\S+))?\s*$/i;
const approvalsCommand = /^approvals\s*$/i;
const text = z.string().max(10_000).optional();

const OpenFormData = z.object({ subjectId: z.string().min(1).max(40) });
const SubmitData = OpenFormData.extend({
  validationNote: text,
  link1: text,
  link2: text,
  link3: text,
  link4: text,
  link5: text,
});
type SubmitData = z.infer<typeof SubmitData>;
const RequestData = z.object({
  serviceCode: z.string().min(1).max(10),
  requestId: z.string().min(1).max(100),
});
const DecideData = RequestData.extend({
  step: z.enum(['cos', 'hmi']),
  decision: z.enum(['approve', 'reject']),
  reason: z.string().max(2000).optional(),
});

const unreadable = renderNoticeCard(
  "That button didn't work",
  'The card sent something I could not read. Open the record again with show <id>.',
);

function linksOf(data: SubmitData): string[] {
  return [data.link1, data.link2, data.link3, data.link4, data.link5].map((link) => link ?? '');
}

/** The form for `close <id>` or the button, or the notice saying why not. */
async function closureFormFor(
  features: FeatureContext,
  person: Person,
  subjectId: string,
): Promise<AdaptiveCardJson> {
  const prepared = await prepareClosureRequest(features.app, person, subjectId);
  if (!prepared.ok) return renderNoticeCard(`Can't request closure of ${subjectId}`, prepared.error.reason);
  return renderClosureForm({ ...prepared.value, values: { links: [], validationNote: '' } });
}

/** A failed submit: the same form with the person's values and messages, or a notice. */
async function answerSubmitFailure(
  context: TurnContext,
  features: FeatureContext,
  person: Person,
  data: SubmitData,
  error: DomainError,
): Promise<string> {
  const prepared = await prepareClosureRequest(features.app, person, data.subjectId);
  if (error.code !== 'validation' || !prepared.ok) {
    const cocId = data.subjectId.includes('.') ? data.subjectId.split('.')[0] : '';
    return answerWithCard(
      context,
      renderNoticeCard(`Can't request closure of ${data.subjectId}`, error.reason, cocId),
    );
  }
  const messages = fieldMessages(error.issues);
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(messages)) {
    const linkInput = /^link(\d+)$/.exec(field);
    errors[linkInput ? closureLinkInputId(Number(linkInput[1])) : field] = message
      .replace(/^evidenceLinks /, 'Evidence links ')
      .replace(/^validationNote /, 'How you validated the improvement ');
  }
  return answerWithCard(
    context,
    renderClosureForm({
      ...prepared.value,
      values: { links: linksOf(data), validationNote: data.validationNote ?? '' },
      errors,
      notice: `Nothing was sent. ${error.reason}`,
    }),
  );
}

/** The closure card for this person, or a notice if they may not see it. */
async function closureCardFor(
  features: FeatureContext,
  person: Person,
  serviceCode: string,
  requestId: string,
  options: ClosureCardOptions = {},
): Promise<AdaptiveCardJson> {
  const view = await loadClosureView(features.app, person, serviceCode, requestId);
  if (!view.ok) {
    const message = options.notice ? `${options.notice.text} ${view.error.reason}` : view.error.reason;
    return renderNoticeCard("Can't show this closure request", message);
  }
  return renderClosureCard(view.value, options);
}

function decidedNotice(view: ClosureView): Notice {
  const id = view.request.subject.id;
  switch (view.request.status) {
    case 'pendingHmi':
      return { text: `Approved: ${id} goes to the HM Inspector to sign off.`, tone: 'good' };
    case 'approved':
      return {
        text:
          view.request.subject.kind === 'recommendation' ? `Signed off: ${id} is closed.` : `Closed: ${id}.`,
        tone: 'good',
      };
    case 'rejected':
      return {
        text: `Rejected: ${id} goes back to the Service Liaison Lead with your reason.`,
        tone: 'good',
      };
    default:
      return { text: 'Saved.', tone: 'good' };
  }
}

/** Parses card data and identifies the caller, or answers with why not. */
async function begin<T>(
  context: TurnContext,
  features: FeatureContext,
  schema: z.ZodType<T>,
  raw: unknown,
): Promise<{ person: Person; data: T } | { answered: string }> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { answered: await answerWithCard(context, unreadable) };
  const person = await personOf(context, features);
  if (!person.ok) {
    return {
      answered: await answerWithCard(context, renderNoticeCard("You can't do that", person.error.reason)),
    };
  }
  return { person: person.value, data: parsed.data };
}

/**
 * After an SLL marks an AFI complete, raises its closure request so the Chief of Staff gets the
 * card (§30). Returns the sentence for the SLL's card; a failure is logged and says so.
 */
export async function raiseAfiClosureAfterCompletion(
  features: FeatureContext,
  person: Person,
  afiId: string,
): Promise<string> {
  try {
    const raised = await raiseClosureRequest(features.app, person, {
      subjectId: afiId,
      links: [],
      validationNote: '',
    });
    if (!raised.ok)
      return `The Chief of Staff was not asked to close it yet: ${raised.error.reason} Type close ${afiId} to ask.`;
    const approver = await pendingApproverOf(features.app, raised.value.request);
    void inBackground(features, 'AFI closure raised', () =>
      afterClosureRaised(features, raised.value.request),
    );
    return approverSentence(approver);
  } catch (error) {
    features.logger.error({ err: error, afiId }, 'could not raise the AFI closure request');
    return `The Chief of Staff was not asked to close it yet; type close ${afiId} to ask.`;
  }
}

/** Registers `close`, `approvals` and the closure card verbs. */
export function registerClosureActions(app: BotApplication, features: FeatureContext): void {
  app.message(
    (context) =>
      Promise.resolve(context.activity.type === 'message' && closeCommand.test(commandText(context))),
    async (context) => {
      const id = closeCommand.exec(commandText(context))?.[1];
      const person = await personOf(context, features);
      const card = !person.ok
        ? renderNoticeCard("You can't do that", person.error.reason)
        : id
          ? await closureFormFor(features, person.value, id)
          : renderNoticeCard(
              'Which record?',
              'Type close and an id, for example: close BUC-1.2 or close HWF-AFI-2.',
            );
      await context.sendActivity({ attachments: [cardAttachment(card)] });
    },
  );

  app.message(
    (context) =>
      Promise.resolve(context.activity.type === 'message' && approvalsCommand.test(commandText(context))),
    async (context) => {
      const person = await personOf(context, features);
      if (!person.ok) {
        await context.sendActivity({
          attachments: [cardAttachment(renderNoticeCard("You can't do that", person.error.reason))],
        });
        return;
      }
      const pending = (await features.app.store.records.listClosureRequests()).filter((r) =>
        isPending(r.value),
      );
      const cards: AdaptiveCardJson[] = [];
      for (const { value: request } of pending) {
        const approver = await pendingApproverOf(features.app, request);
        if (approver?.person.objectId !== person.value.objectId) continue;
        cards.push(await closureCardFor(features, person.value, request.serviceCode, request.id));
      }
      if (cards.length === 0) {
        await context.sendActivity({
          attachments: [
            cardAttachment(
              renderNoticeCard('Nothing waiting', 'No closure request is waiting for your decision.'),
            ),
          ],
        });
        return;
      }
      for (const card of cards.slice(0, 10))
        await context.sendActivity({ attachments: [cardAttachment(card)] });
    },
  );

  app.adaptiveCards.actionExecute('openClosureForm', async (context, _state, raw: unknown) => {
    const started = await begin(context, features, OpenFormData, raw);
    if ('answered' in started) return started.answered;
    return answerWithCard(context, await closureFormFor(features, started.person, started.data.subjectId));
  });

  app.adaptiveCards.actionExecute('submitClosureRequest', async (context, _state, raw: unknown) => {
    const started = await begin(context, features, SubmitData, raw);
    if ('answered' in started) return started.answered;
    const { person, data } = started;
    const raised = await raiseClosureRequest(features.app, person, {
      subjectId: data.subjectId,
      links: linksOf(data),
      validationNote: data.validationNote ?? '',
    });
    if (!raised.ok) return answerSubmitFailure(context, features, person, data, raised.error);
    const { request } = raised.value;
    const approver = await pendingApproverOf(features.app, request);
    const notice: Notice = {
      text: `Closure of ${request.subject.id} requested. ${approverSentence(approver)}`,
      tone: approver?.reachable ? 'good' : 'attention',
    };
    const answered = await answerWithCard(
      context,
      await closureCardFor(features, person, request.serviceCode, request.id, { notice }),
    );
    void inBackground(features, 'closure raised', () => afterClosureRaised(features, request));
    return answered;
  });

  app.adaptiveCards.actionExecute('decideClosure', async (context, _state, raw: unknown) => {
    const started = await begin(context, features, DecideData, raw);
    if ('answered' in started) return started.answered;
    const { person, data } = started;
    const typedReason = data.reason;
    const decided = await decideClosure(features.app, person, {
      serviceCode: data.serviceCode,
      requestId: data.requestId,
      step: data.step,
      decision: data.decision,
      ...(typedReason === undefined ? {} : { reason: typedReason }),
    });
    if (!decided.ok) {
      const { error } = decided;
      const options: ClosureCardOptions =
        error.code === 'validation'
          ? {
              notice: { text: 'Nothing was saved. Give a reason to reject the closure.', tone: 'attention' },
              reason: typedReason ?? '',
              reasonError: 'Reason is required to reject.',
            }
          : { notice: { text: error.reason, tone: 'attention' } };
      return answerWithCard(
        context,
        await closureCardFor(features, person, data.serviceCode, data.requestId, options),
      );
    }
    // Read once: the card everyone sees differs from the decider's only by the notice, and neither
    // offers buttons any more (the step is decided), so no second read is needed.
    const mine = await loadClosureView(features.app, person, data.serviceCode, data.requestId);
    const answered = mine.ok
      ? await answerWithCard(
          context,
          renderClosureCard(mine.value, { notice: decidedNotice(mine.value), actionable: false }),
          renderClosureCard({ ...mine.value, canDecide: false }, { actionable: false }),
        )
      : await answerWithCard(context, renderNoticeCard('Saved', 'Your decision is saved.'));
    void inBackground(features, 'closure decided', () =>
      afterClosureDecided(features, person, decided.value),
    );
    return answered;
  });

  app.adaptiveCards.actionExecute('refreshClosure', async (context, _state, raw: unknown) => {
    const started = await begin(context, features, RequestData, raw);
    if ('answered' in started) return started.answered;
    return answerWithCard(
      context,
      await closureCardFor(features, started.person, started.data.serviceCode, started.data.requestId),
    );
  });
}
