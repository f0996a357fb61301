import { demoPeople } from '../../src/demo/people';
import { countRoundTrips } from '../../scripts/bench/round-trips';
import { useAppUnderTest } from '../support/app-under-test';
import { createBotClient, useFakeConnector } from '../support/bot-client';

/** The reference Teams sends is the same every turn; it is written only when it changes. */
describe('storing conversation references', () => {
  const app = useAppUnderTest();
  const otherConnector = useFakeConnector();

  it('does not write an unchanged reference again, and writes one whose service URL moved', async () => {
    const counter = countRoundTrips(app.store.tables);
    await app.client.sendMessage('help', demoPeople.hmi);
    expect(counter.byTable.conversations).toBe(1);

    counter.reset();
    await app.client.sendMessage('help', demoPeople.hmi);
    expect(counter.byTable.conversations).toBe(0);

    await createBotClient(app.server.url, otherConnector).sendMessage('help', demoPeople.hmi);
    const stored = await app.store.conversations.get('personal', demoPeople.hmi.objectId);
    expect(stored?.reference.serviceUrl).toBe(otherConnector.serviceUrl);
  });
});
