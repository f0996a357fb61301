/**
 * Requests for an update (rule book §13-14): `request update <CoC id> by <date>` or the CoC card's
 * "Request update" button asks the service; the request is posted in the service channel with the
 * SLOs @mentioned; an SLO's answer (`answerEngagement`) is recorded and the SLL told in their chat.
 * What each answers is src/app/engagement/engagement-answers.ts.
 */
import { z } from 'zod';
import {
  answerUpdateRequest,
  formUpdateRequest,
  typedUpdateRequest,
  type EngagementTelling,
} from '../../app/engagement/engagement-answers';
import { todayOf } from '../../app/shared/app-context';
import { addCalendarDays } from '../../domain/clock';
import { ServiceCode } from '../../domain/records';
import { renderEngagementAnswer, renderEngagementAskForm } from '../../views/engagement/engagement-cards';
import { renderNoticeAnswer, renderNoticeCard } from '../../views/records/record-cards';
import type { BotApplication } from '../create-bot';
import { onCardAction, onCommand, onFormOpen, type RouteTools, usage, withArgs } from '../gate';

const AskData = z.object({ cocId: z.string().min(1).max(40), dueDate: z.string().max(40).optional() });
/** A service code is checked here, before it reaches a table query (the store refuses any other). */
const AnswerData = z.looseObject({ serviceCode: ServiceCode, requestId: z.string().min(1).max(64) });

/** Days ahead the "by when?" form suggests. */
const suggestedAnswerDays = 28;

function stringValues(data: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(data).flatMap(([key, value]) => (typeof value === 'string' ? [[key, value]] : [])),
  );
}

/** Registers `request update`, the "Request update" form and the SLOs' answer. */
export function registerEngagementRoutes(app: BotApplication, tools: RouteTools): void {
  const telling: EngagementTelling = {
    notifier: tools.notifier,
    report: ({ level, requestId, message, error }) =>
      tools.logger[level]({ ...(error === undefined ? {} : { err: error }), requestId }, message),
  };

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
    handle: async ({ person }, asked) =>
      renderNoticeAnswer(await typedUpdateRequest(tools.app, person, asked, telling)),
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
    handle: async ({ person }, { cocId, dueDate = '' }) =>
      renderEngagementAnswer(await formUpdateRequest(tools.app, person, { cocId, dueDate }, telling)),
  });

  onCardAction(app, tools, {
    verb: 'answerEngagement',
    data: AnswerData,
    unreadable: renderNoticeCard("Can't send this", 'The card did not say which request it answers.'),
    handle: async ({ person }, data) => {
      const sent = { serviceCode: data.serviceCode, requestId: data.requestId, values: stringValues(data) };
      return renderEngagementAnswer(await answerUpdateRequest(tools.app, person, sent, telling));
    },
  });
}
