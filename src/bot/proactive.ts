/**
 * Messages the bot sends without being asked: a card posted to a service channel, an approval card
 * in a person's chat, and later edits of those messages.
 *
 * It works from a conversation reference the store kept (see `BotHooks.onConversationReference`).
 * Issue 5's rate-limited sender wraps this; here each call is one request to the Teams connector.
 */
import type { Activity, ConversationReference } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';

/** Sends and edits messages in conversations the bot has been in. */
export interface ProactiveSender {
  /** Posts `activity` to the conversation; resolves with the new message's id. */
  send(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<string | undefined>;
  /** Replaces the message `activityId` in that conversation (an updated status card). */
  update(reference: Partial<ConversationReference>, activityId: string, activity: Partial<Activity>): Promise<void>;
}

/** A sender over the bot's adapter; `botAppId` is empty locally (no authentication). */
export function createProactiveSender(adapter: TeamsAdapter, botAppId: string | undefined): ProactiveSender {
  const appId = botAppId ?? '';
  return {
    async send(reference, activity) {
      let id: string | undefined;
      await adapter.continueConversationAsync(appId, reference, async (context) => {
        const response = await context.sendActivity(activity);
        id = response?.id;
      });
      return id;
    },
    async update(reference, activityId, activity) {
      await adapter.continueConversationAsync(appId, reference, async (context) => {
        await context.updateActivity({ ...activity, id: activityId });
      });
    },
  };
}
