import { extraDemoPeople } from '../../src/demo/extra-people';
import { demoPeople } from '../../src/demo/people';
import { useAppUnderTest } from '../support/app-under-test';
import { createBotClient, useFakeConnector } from '../support/bot-client';

const serviceChannel = '19:service-updates@thread.tacv2';
const inChannel = { conversationType: 'channel', mentionBot: true } as const;

/**
 * Teams may move a conversation to another service URL (and each Agents Playground is its own
 * service URL). A registered channel must follow the newest reference, or posts go nowhere.
 */
describe('a registered service channel seen through another service URL', () => {
  const app = useAppUnderTest();
  const otherConnector = useFakeConnector();

  it('posts the next request to where the channel was last seen', async () => {
    await app.client.sendMessage('register service BUC', demoPeople.sll, inChannel);
    const elsewhere = createBotClient(app.server.url, otherConnector);
    await elsewhere.sendMessage('help', extraDemoPeople.sloBuckinghamshire, inChannel);
    const postsBefore = app.connector.calls.length;
    const otherBefore = otherConnector.calls.length;

    await app.client.sendMessage('request update BUC-1 by 15 December 2026', demoPeople.sll);

    const posted = otherConnector.calls
      .slice(otherBefore)
      .filter((call) => call.conversationId === serviceChannel && call.method === 'POST');
    expect(posted.map((call) => call.activity.attachments?.length)).toEqual([1]);
    expect(
      app.connector.calls
        .slice(postsBefore)
        .filter((call) => call.conversationId === serviceChannel && call.method === 'POST'),
    ).toEqual([]);
    const registration = await app.store.conversations.serviceChannel('BUC');
    expect(registration?.reference.serviceUrl).toBe(otherConnector.serviceUrl);
  });
});
