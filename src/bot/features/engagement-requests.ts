/**
 * Requests for an update (rule book §13-14): `request update <CoC id> by <date>` or the CoC card's
 * "Request update" button asks the service; the request is posted in the service channel with the
 * SLOs @mentioned; an SLO's answer (`answerEngagement`) is recorded and the SLL told in their chat.
 */
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { addCalendarDays } from '../../domain/clock';
import { todayOf } from '../../app/shared/app-context';
import { answerEngagementRequest, type EngagementAnswered } from '../../app/engagement/answer-request';
import {
  loadEngagementContext,
  personalChatOf,
  requestEngagementUpdate,
  type EngagementRequestMade,
} from '../../app/engagement/request-update';
import type { Result } from '../../domain/errors';
import { ServiceCode } from '../../domain/records';
import { formatLongDate } from '../../domain/clock';
import { type AdaptiveCardJson } from '../../views/shared/card-renderer';
import { cardAttachment } from '../card-attachment';
import { commandText, type BotApplication } from '../create-bot';
import { renderNoticeCard } from '../../views/records/record-cards';
import {
  renderEngagementAnsweredCard,
  renderEngagementAskForm,
  renderEngagementRequestCard,
} from '../../views/engagement/engagement-cards';
import type { FeatureContext } from './feature-context';
import { personOf } from './identify';
import { answerWithCard } from './invoke-response';

const requestCommand = /^request\s+update(?:\s+(\S+))?(?:\s+by\s+(.+))?$/i;
const AskData = z.object({ cocId: z.string().min(1).max(40), dueDate: z.string().max(40).optional() });
/** A service code is checked here, before it reaches a table query (the store refuses any other). */
const AnswerData = z.looseObject({
  serviceCode: ServiceCode,
  requestId: z.string().min(1).max(64),
});

/** Days ahead the "by when?" form suggests. */
const suggestedAnswerDays = 28;

/** Posts a saved request in the service channel and says what happened, for the SLL. */
async function postRequest(features: FeatureContext, made: EngagementRequestMade): Promise<string> {
  const card = renderEngagementRequestCard(made, todayOf(features.app));
  const due = formatLongDate(made.request.dueDate);
  try {
    await features.proactive.send(made.channel.reference, { attachments: [cardAttachment(card)] });
  } catch (error) {
    features.logger.error(
      { err: error, requestId: made.request.id },
      'could not post a request for an update',
    );
    return `I saved the request for an update on ${made.coc.id} by ${due}, but could not post it in the service channel of ${made.serviceName}: Teams did not accept the message. Try again later, or tell the service yourself.`;
  }
  const who =
    made.slos.length > 0
      ? `mentioning ${made.slos.map((slo) => slo.person.name).join(', ')}`
      : 'but there is no Service Liaison Officer for the service in my directory to mention';
  return `I asked ${made.serviceName} for an update on ${made.coc.id} by ${due}, in its service channel, ${who}. I will tell you here when they answer.`;
}

async function ask(
  context: TurnContext,
  features: FeatureContext,
  cocId: string,
  dueDate: string,
): Promise<Result<string>> {
  const person = await personOf(context, features);
  if (!person.ok) return person;
  const made = await requestEngagementUpdate(features.app, person.value, { cocId, dueDate });
  if (!made.ok) return made;
  return { ok: true, value: await postRequest(features, made.value) };
}

async function tellRequester(features: FeatureContext, answered: EngagementAnswered): Promise<void> {
  const reference = await personalChatOf(features.app, answered.request.requestedBy);
  if (!reference) {
    features.logger.warn(
      { requestId: answered.request.id },
      'the requester has no personal chat with the bot',
    );
    return;
  }
  try {
    await features.proactive.send(reference, {
      attachments: [cardAttachment(renderEngagementAnsweredCard(answered, true))],
    });
  } catch (error) {
    features.logger.error({ err: error, requestId: answered.request.id }, 'could not tell the requester');
  }
}

function stringValues(data: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(data).flatMap(([key, value]) => (typeof value === 'string' ? [[key, value]] : [])),
  );
}

async function answer(context: TurnContext, features: FeatureContext, raw: unknown): Promise<string> {
  const data = AnswerData.safeParse(raw);
  if (!data.success)
    return answerWithCard(
      context,
      renderNoticeCard("Can't send this", 'The card did not say which request it answers.'),
    );
  const { serviceCode, requestId } = data.data;
  const values = stringValues(data.data);
  const person = await personOf(context, features);
  const result = person.ok
    ? await answerEngagementRequest(features.app, person.value, { serviceCode, requestId, values })
    : person;
  if (result.ok) {
    await tellRequester(features, result.value);
    const card = renderEngagementAnsweredCard(result.value, false);
    return answerWithCard(context, card, card);
  }
  const loaded = await loadEngagementContext(features.app, serviceCode, requestId);
  if (!loaded) return answerWithCard(context, renderNoticeCard("Can't send this", result.error.reason));
  const issues = result.error.code === 'validation' ? result.error.issues : [];
  return answerWithCard(
    context,
    renderEngagementRequestCard(loaded.value, todayOf(features.app), {
      values,
      issues,
      notice: result.error.reason,
    }),
  );
}

/** Registers `request update`, the "Request update" form and the SLOs' answer. */
export function registerEngagementRequests(app: BotApplication, features: FeatureContext): void {
  app.message(
    (context) =>
      Promise.resolve(context.activity.type === 'message' && requestCommand.test(commandText(context))),
    async (context) => {
      const [, cocId, dueDate] = requestCommand.exec(commandText(context)) ?? [];
      let card: AdaptiveCardJson;
      if (cocId === undefined || dueDate === undefined) {
        card = renderNoticeCard(
          'Request an update',
          'Say which cause of concern and by when, for example: request update BUC-1 by 15 December 2026',
        );
      } else {
        const result = await ask(context, features, cocId, dueDate);
        card = result.ok
          ? renderNoticeCard('Request for an update sent', result.value, cocId.toUpperCase())
          : renderNoticeCard("Can't request an update", result.error.reason, '');
      }
      await context.sendActivity({ attachments: [cardAttachment(card)] });
    },
  );

  app.adaptiveCards.actionExecute('openEngagementRequestForm', async (context, _state, raw: unknown) => {
    const data = AskData.safeParse(raw);
    if (!data.success)
      return answerWithCard(
        context,
        renderNoticeCard("Can't open this", 'The card did not say which cause of concern.'),
      );
    const due = addCalendarDays(todayOf(features.app), suggestedAnswerDays);
    return answerWithCard(context, renderEngagementAskForm(data.data.cocId, due));
  });

  app.adaptiveCards.actionExecute('requestEngagement', async (context, _state, raw: unknown) => {
    const data = AskData.safeParse(raw);
    if (!data.success)
      return answerWithCard(
        context,
        renderNoticeCard("Can't send this", 'The card did not say which cause of concern.'),
      );
    const { cocId, dueDate = '' } = data.data;
    const result = await ask(context, features, cocId, dueDate);
    if (result.ok)
      return answerWithCard(context, renderNoticeCard('Request for an update sent', result.value, cocId));
    if (result.error.code === 'validation') {
      const issue = result.error.issues[0];
      return answerWithCard(
        context,
        renderEngagementAskForm(cocId, dueDate, `Answer by ${issue?.message ?? 'is not valid'}`),
      );
    }
    return answerWithCard(context, renderNoticeCard("Can't request an update", result.error.reason, cocId));
  });

  app.adaptiveCards.actionExecute('answerEngagement', async (context, _state, raw: unknown) =>
    answer(context, features, raw),
  );
}
