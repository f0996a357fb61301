/**
 * Where the use cases' messages go: a person's personal chat with the bot, or a service's
 * registered channel. A person the bot has never talked to can't be reached (`false`), unless the
 * bot can install itself for them (`context.installer`, Microsoft Graph): then the chat that
 * installing opens is kept as theirs, as if they had written first, and the message goes there.
 */
import type { AppContext } from './app-context';
import type { Address, Notifier } from './notifier';
import { personalChatOf } from './people';
import { saveConversation } from './remember-conversations';

/** Where the bot's connector is when no stored conversation says: the global Teams endpoint. */
export const defaultServiceUrl = 'https://smba.trafficmanager.net/teams/';

/**
 * The connector address of the bot's latest stored conversation (Teams gives each tenant its own
 * regional one), or the global endpoint when the bot has none yet.
 */
export async function knownServiceUrl(context: AppContext): Promise<string> {
  const { conversations } = context.store;
  for (const kind of ['personal', 'channel'] as const) {
    const latest = (await conversations.list(kind))
      .filter(
        (stored) => typeof stored.reference.serviceUrl === 'string' && stored.reference.serviceUrl !== '',
      )
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
    if (latest) return String(latest.reference.serviceUrl);
  }
  return defaultServiceUrl;
}

/**
 * The bot's personal chat with someone: the one stored, or else (when an installer is configured)
 * the one opened by installing the bot for them, which is then stored. Null when neither.
 */
export async function reachPerson(context: AppContext, objectId: string): Promise<Address | null> {
  const chat = await personalChatOf(context, objectId);
  if (chat || !context.installer) return chat;
  const person = await context.store.directory.getPerson(objectId);
  if (!person) return null;
  const opened = await context.installer.installFor(person, await knownServiceUrl(context));
  if (!opened) return null;
  await saveConversation(context, opened, 'personal', objectId);
  return opened;
}

/**
 * Sends `message` to a person's personal chat (installing the bot for them when it can); false
 * when the bot has no chat with them and could not open one.
 */
export async function notifyPerson<M>(
  context: AppContext,
  notifier: Notifier<M>,
  objectId: string,
  message: M,
): Promise<boolean> {
  const chat = await reachPerson(context, objectId);
  if (!chat) return false;
  await notifier.post(chat, message);
  return true;
}

/** The service's registered channel, where its records are announced and reminded; null if none. */
export async function serviceChannelAddress(
  context: AppContext,
  serviceCode: string,
): Promise<Address | null> {
  return (await context.store.conversations.serviceChannel(serviceCode))?.reference ?? null;
}
