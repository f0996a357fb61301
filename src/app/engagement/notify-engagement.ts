/**
 * What goes out around a request for an update: the request posted in the service channel with its
 * SLOs @mentioned (the SLL is told how that went), the answer sent to the SLL's personal chat, and
 * the weekly reminder in the channel while an answer is late.
 */
import { formatLongDate } from '../../domain/clock';
import { todayOf, type AppContext } from '../shared/app-context';
import { notifyPerson } from '../shared/deliver';
import type { Notifier } from '../shared/notifier';
import type { EngagementAnswered } from './answer-request';
import type { EngagementContext, EngagementRequestMade } from './request-update';

/** The messages of requests for an update. */
export type EngagementMessage =
  | { kind: 'engagement-request'; engagement: EngagementContext; today: string }
  | { kind: 'engagement-answered'; answered: EngagementAnswered; forRequester: boolean }
  | { kind: 'engagement-reminder'; engagement: EngagementContext; today: string };

/**
 * Posts a saved request in the service channel and says what happened, for the SLL. A post Teams
 * refuses is reported in the sentence (the request stays saved); `onFailure` hears the error.
 */
export async function postEngagementRequest(
  context: AppContext,
  notifier: Notifier<EngagementMessage>,
  made: EngagementRequestMade,
  onFailure: (error: unknown) => void,
): Promise<string> {
  const due = formatLongDate(made.request.dueDate);
  try {
    await notifier.post(made.channel.reference, {
      kind: 'engagement-request',
      engagement: made,
      today: todayOf(context),
    });
  } catch (error) {
    onFailure(error);
    return `I saved the request for an update on ${made.coc.id} by ${due}, but could not post it in the service channel of ${made.serviceName}: Teams did not accept the message. Try again later, or tell the service yourself.`;
  }
  const who =
    made.slos.length > 0
      ? `mentioning ${made.slos.map((slo) => slo.person.name).join(', ')}`
      : 'but there is no Service Liaison Officer for the service in my directory to mention';
  return `I asked ${made.serviceName} for an update on ${made.coc.id} by ${due}, in its service channel, ${who}. I will tell you here when they answer.`;
}

/** Sends the answer to the SLL who asked; false when they have no personal chat with the bot. */
export async function tellRequesterOfAnswer(
  context: AppContext,
  notifier: Notifier<EngagementMessage>,
  answered: EngagementAnswered,
): Promise<boolean> {
  return notifyPerson(context, notifier, answered.request.requestedBy, {
    kind: 'engagement-answered',
    answered,
    forRequester: true,
  });
}
