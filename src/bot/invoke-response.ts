/**
 * Answers a card's Action.Execute with a card, the Universal Actions way.
 *
 * teams-ai can send the response itself, but once one card with `refresh` has been returned it
 * switches that verb to "replace for everyone" for good, so a later validation message would be
 * shown to everybody. Sending the response here keeps the choice per answer: the clicker's view is
 * always replaced in place; the shared message is replaced only after a saved change.
 *
 * In a personal chat the clicker is the only one who sees the message, so the message is replaced
 * with the clicker's own card. The update and the invoke response reach the client separately and
 * in either order; were they different cards, the later one would win, and the clicker could lose
 * the line saying what their click did.
 */
import { ActivityTypes, MessageFactory, type TurnContext } from 'botbuilder';
import { type AdaptiveCardJson } from '../views/shared/card-renderer';
import { cardAttachment } from './card-attachment';

/**
 * Replaces the clicked card for the person who clicked; with `forEveryone`, also replaces the
 * message everyone sees. Returns the empty string for the teams-ai handler to return.
 */
export async function answerWithCard(
  context: TurnContext,
  card: AdaptiveCardJson,
  forEveryone?: () => AdaptiveCardJson,
): Promise<string> {
  const replyToId = context.activity.replyToId;
  if (forEveryone && replyToId) {
    const update = MessageFactory.attachment(cardAttachment(isPersonalChat(context) ? card : forEveryone()));
    update.id = replyToId;
    await context.updateActivity(update);
  }
  return respond(context, 'application/vnd.microsoft.card.adaptive', card);
}

/** Answers a card's Action.Execute with a line of text, which Teams shows under the card. */
export function answerWithMessage(context: TurnContext, text: string): Promise<string> {
  return respond(context, 'application/vnd.microsoft.activity.message', text);
}

/** Sends the invoke response (a card or a message); the empty string is for the teams-ai handler to return. */
async function respond(context: TurnContext, type: string, value: unknown): Promise<string> {
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: { status: 200, body: { statusCode: 200, type, value } },
  });
  return '';
}

/** Whether Teams sent this Action.Execute by itself to refresh the card (not a click). */
export function isAutomaticRefresh(context: TurnContext): boolean {
  const value: unknown = context.activity.value;
  return typeof value === 'object' && value !== null && 'trigger' in value && value.trigger === 'automatic';
}

/** Whether the activity came from a one-to-one chat with the bot (Teams says "personal"; clients that say nothing mean one). */
function isPersonalChat(context: TurnContext): boolean {
  const { conversationType, isGroup } = context.activity.conversation;
  return conversationType === 'personal' || (conversationType === undefined && isGroup !== true);
}
