/**
 * Where the use cases' messages go: a person's personal chat with the bot, or a service's
 * registered channel. A person the bot has never talked to can't be reached yet (`false`).
 */
import type { AppContext } from './app-context';
import type { Address, Notifier } from './notifier';
import { personalChatOf } from './people';

/** Sends `message` to a person's personal chat; false when the bot has no chat with them yet. */
export async function notifyPerson<M>(
  context: AppContext,
  notifier: Notifier<M>,
  objectId: string,
  message: M,
): Promise<boolean> {
  const chat = await personalChatOf(context, objectId);
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
