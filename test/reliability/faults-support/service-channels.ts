/** Each demo service's own channel, and registering it there, for the tests that sweep many services. */
import { demoPeople } from '../../../src/demo/people';
import { testBot, type BotClient } from '../../support/bot-client';

/** The Teams channel id the tests give a service's channel. */
export const channelOf = (serviceCode: string): string =>
  `19:service-${serviceCode.toLowerCase()}@thread.tacv2`;

/** `register service <code>` typed by the administrator in that service's own channel. */
export async function registerServiceChannel(client: BotClient, serviceCode: string): Promise<void> {
  const mention = `<at>${testBot.name}</at>`;
  const conversationId = channelOf(serviceCode);
  await client.sendActivity(
    {
      type: 'message',
      text: `${mention} register service ${serviceCode}`,
      entities: [{ type: 'mention', mentioned: testBot, text: mention }],
      conversation: {
        id: conversationId,
        conversationType: 'channel',
        tenantId: demoPeople.admin.tenantId,
        isGroup: true,
        name: '',
      },
      channelData: {
        tenant: { id: demoPeople.admin.tenantId },
        team: { id: '19:general@thread.tacv2' },
        channel: { id: conversationId },
      },
    },
    demoPeople.admin,
  );
}
