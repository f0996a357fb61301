/**
 * Requests for an update (rule book §13-14): `request update <CoC id> by <date>` or the CoC card's
 * "Request update" button asks the service; the request is posted in the service channel with the
 * SLOs @mentioned; an SLO's answer (`answerEngagement`) is recorded and the SLL told in their chat.
 */
import { z } from 'zod';
import { answerEngagementRequest, type EngagementAnswered } from '../../app/engagement/answer-request';
import { postEngagementRequest, tellRequesterOfAnswer } from '../../app/engagement/notify-engagement';
import { loadEngagementContext, requestEngagementUpdate } from '../../app/engagement/request-update';
import { todayOf } from '../../app/shared/app-context';
import { addCalendarDays } from '../../domain/clock';
import type { Result } from '../../domain/errors';
import { ServiceCode, type Person } from '../../domain/records';
import {
  renderEngagementAnsweredCard,
  renderEngagementAskForm,
  renderEngagementRequestCard,
} from '../../views/engagement/engagement-cards';
import { renderNoticeCard } from '../../views/records/record-cards';
import type { BotApplication } from '../create-bot';
import { onCardAction, onCommand, onFormOpen, type RouteTools, usage, withArgs } from '../gate';

const AskData = z.object({ cocId: z.string().min(1).max(40), dueDate: z.string().max(40).optional() });
/** A service code is checked here, before it reaches a table query (the store refuses any other). */
const AnswerData = z.looseObject({ serviceCode: ServiceCode, requestId: z.string().min(1).max(64) });

/** Days ahead the "by when?" form suggests. */
const suggestedAnswerDays = 28;

/** Saves the request and posts it in the service channel; the sentence for the SLL. */
async function ask(
  tools: RouteTools,
  person: Person,
  cocId: string,
  dueDate: string,
): Promise<Result<string>> {
  const made = await requestEngagementUpdate(tools.app, person, { cocId, dueDate });
  if (!made.ok) return made;
  const onFailure = (error: unknown) =>
    tools.logger.error(
      { err: error, requestId: made.value.request.id },
      'could not post a request for an update',
    );
  return { ok: true, value: await postEngagementRequest(tools.app, tools.notifier, made.value, onFailure) };
}

/** Sends the answer to the SLL who asked; a failure is logged, the answer is already saved. */
async function tellRequester(tools: RouteTools, answered: EngagementAnswered): Promise<void> {
  const { id: requestId } = answered.request;
  try {
    const reached = await tellRequesterOfAnswer(tools.app, tools.notifier, answered);
    if (!reached) tools.logger.warn({ requestId }, 'the requester has no personal chat with the bot');
  } catch (error) {
    tools.logger.error({ err: error, requestId }, 'could not tell the requester');
  }
}

function stringValues(data: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(data).flatMap(([key, value]) => (typeof value === 'string' ? [[key, value]] : [])),
  );
}

/** Registers `request update`, the "Request update" form and the SLOs' answer. */
export function registerEngagementRoutes(app: BotApplication, tools: RouteTools): void {
  onCommand(app, tools, {
    pattern: /^request\s+update(?:\s+(\S+))?(?:\s+by\s+(.+))?$/i,
    read: ([, cocId, dueDate]) =>
      cocId === undefined || dueDate === undefined
        ? usage(
            renderNoticeCard(
              'Request an update',
              'Say which cause of concern and by when, for example: request update BUC-1 by 15 December 2026',
            ),
          )
        : withArgs({ cocId, dueDate }),
    handle: async ({ person }, { cocId, dueDate }) => {
      const result = await ask(tools, person, cocId, dueDate);
      return result.ok
        ? renderNoticeCard('Request for an update sent', result.value, cocId.toUpperCase())
        : renderNoticeCard("Can't request an update", result.error.reason, '');
    },
  });

  onFormOpen(app, {
    verb: 'openEngagementRequestForm',
    data: AskData,
    unreadable: renderNoticeCard("Can't open this", 'The card did not say which cause of concern.'),
    draw: ({ cocId }) =>
      renderEngagementAskForm(cocId, addCalendarDays(todayOf(tools.app), suggestedAnswerDays)),
  });

  onCardAction(app, tools, {
    verb: 'requestEngagement',
    data: AskData,
    unreadable: renderNoticeCard("Can't send this", 'The card did not say which cause of concern.'),
    handle: async ({ person }, { cocId, dueDate = '' }) => {
      const result = await ask(tools, person, cocId, dueDate);
      if (result.ok) return renderNoticeCard('Request for an update sent', result.value, cocId);
      if (result.error.code !== 'validation')
        return renderNoticeCard("Can't request an update", result.error.reason, cocId);
      return renderEngagementAskForm(
        cocId,
        dueDate,
        `Answer by ${result.error.issues[0]?.message ?? 'is not valid'}`,
      );
    },
  });

  onCardAction(app, tools, {
    verb: 'answerEngagement',
    data: AnswerData,
    unreadable: renderNoticeCard("Can't send this", 'The card did not say which request it answers.'),
    handle: async ({ person }, data) => {
      const { serviceCode, requestId } = data;
      const values = stringValues(data);
      const result = await answerEngagementRequest(tools.app, person, { serviceCode, requestId, values });
      if (result.ok) {
        await tellRequester(tools, result.value);
        const card = renderEngagementAnsweredCard(result.value, false);
        return { card, forEveryone: card };
      }
      const loaded = await loadEngagementContext(tools.app, serviceCode, requestId);
      if (!loaded) return renderNoticeCard("Can't send this", result.error.reason);
      const issues = result.error.code === 'validation' ? result.error.issues : [];
      return renderEngagementRequestCard(loaded.value, todayOf(tools.app), {
        values,
        issues,
        notice: result.error.reason,
      });
    },
  });
}
