/**
 * Messages the bot sends without being asked: a card posted to a service channel, an approval card
 * in a person's chat, and later edits of those messages.
 *
 * It works from a conversation reference the store kept (see `BotHooks.onConversationReference`).
 * The rate-limited sender (rate-limited-sender.ts) wraps this; here each call is one request to the
 * Teams connector.
 */
import type { Activity, ConversationReference, TurnContext } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';

/** Sends and edits messages in conversations the bot has been in. */
export interface ProactiveSender {
  /** Posts `activity` to the conversation; resolves with the new message's id. */
  send(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<string | undefined>;
  /** Replaces the message `activityId` in that conversation (an updated status card). */
  update(
    reference: Partial<ConversationReference>,
    activityId: string,
    activity: Partial<Activity>,
  ): Promise<void>;
}

/**
 * Runs `logic` in the conversation and rethrows its failure. The adapter would otherwise hand the
 * error to its turn-error handler (teams-ai's `app.error`), which swallows it and posts an apology
 * into that conversation: the caller could not tell that nothing was delivered.
 */
async function continueAndRethrow(
  adapter: TeamsAdapter,
  appId: string,
  reference: Partial<ConversationReference>,
  logic: (context: TurnContext) => Promise<void>,
): Promise<void> {
  let failure: { error: unknown } | undefined;
  await adapter.continueConversationAsync(appId, reference, async (context) => {
    try {
      await logic(context);
    } catch (error) {
      failure = { error };
    }
  });
  if (failure) throw failure.error;
}

/** A sender over the bot's adapter; `botAppId` is empty locally (no authentication). */
export function createProactiveSender(adapter: TeamsAdapter, botAppId: string | undefined): ProactiveSender {
  const appId = botAppId ?? '';
  return {
    async send(reference, activity) {
      let id: string | undefined;
      await continueAndRethrow(adapter, appId, reference, async (context) => {
        const response = await context.sendActivity(activity);
        id = response?.id;
      });
      return id;
    },
    async update(reference, activityId, activity) {
      await continueAndRethrow(adapter, appId, reference, async (context) => {
        await context.updateActivity({ ...activity, id: activityId });
      });
    },
  };
}
