/** A Teams channel as the bot knows it, for tests that set one up without a turn in it. */
import { registerServiceChannel } from '../../src/app/channels/register-channel';
import { demoPeople } from '../../src/demo/people';
import type { AppUnderTest } from './app-under-test';

/** The conversation reference a turn in channel `conversationId` leaves, reached through `serviceUrl`. */
export function channelReference(serviceUrl: string, conversationId: string) {
  return {
    serviceUrl,
    channelId: 'msteams',
    conversation: { id: conversationId, isGroup: true, conversationType: 'channel', name: '' },
    bot: { id: '28:bot', name: 'CoC Monitor' },
  };
}

/** Registers channel `key` as `serviceCode`'s service channel, as the administrator, through the app layer. */
export async function registerChannelDirectly(
  app: AppUnderTest,
  serviceCode: string,
  key: string,
): Promise<void> {
  const registered = await registerServiceChannel(app.appContext, demoPeople.admin, serviceCode, {
    key,
    reference: channelReference(app.connector.serviceUrl, key),
  });
  if (!registered.ok) throw new Error(`setting up failed: ${registered.error.reason}`);
}
