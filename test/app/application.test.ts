import { demoPeople } from '../../src/demo/people';
import { useAppUnderTest } from '../support/app-under-test';

describe('the application wired to Table Storage', () => {
  const app = useAppUnderTest();

  it('reports ready once its tables answer', async () => {
    const response = await fetch(`${app.server.url}/readyz`);
    expect(response.status).toBe(200);
  });

  it('keeps the personal conversation of whoever writes to it, for later reminders', async () => {
    expect(await app.store.conversations.get('personal', demoPeople.cos.objectId)).toBeNull();

    const turn = await app.client.sendMessage('help', demoPeople.cos);

    expect(turn.status).toBe(200);
    const saved = await app.store.conversations.get('personal', demoPeople.cos.objectId);
    expect(saved?.reference).toMatchObject({
      conversation: { id: `a:personal-${demoPeople.cos.objectId}` },
      serviceUrl: app.connector.serviceUrl,
    });
  });

  it('keeps the channel it is @mentioned in', async () => {
    await app.client.sendMessage('help', demoPeople.sll, { conversationType: 'channel', mentionBot: true });

    const saved = await app.store.conversations.get('channel', '19:service-updates@thread.tacv2');
    expect(saved?.reference).toMatchObject({ conversation: { conversationType: 'channel' } });
  });
});
