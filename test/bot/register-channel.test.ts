import { extraDemoPeople } from '../../src/demo/extra-people';
import { demoPeople } from '../../src/demo/people';
import { useAppUnderTest } from '../support/app-under-test';
import { sendInChannel, visibleText, type TestUser, type TurnResult } from '../support/bot-client';
import { findCardProblems } from '../support/card-validator';

const serviceUpdates = '19:service-updates@thread.tacv2';
const otherChannel = '19:bucks-liaison@thread.tacv2';

function replyCard(turn: TurnResult): Record<string, unknown> {
  const card = turn.cards[0];
  expect(findCardProblems(card)).toEqual([]);
  return card ?? {};
}

describe('registering a team channel as a service channel', () => {
  const app = useAppUnderTest();

  const inChannel = { conversationType: 'channel', mentionBot: true } as const;

  /** A message @mentioning the bot in another channel of the team. */
  const sendInOtherChannel = (text: string, from: TestUser): Promise<TurnResult> =>
    sendInChannel(app.client, otherChannel, 'Bucks liaison', text, from);

  it('refuses an SLL of another region, saying why, and stores nothing', async () => {
    const turn = await app.client.sendMessage('register service BUC', extraDemoPeople.sllNorth, inChannel);

    expect(visibleText(replyCard(turn))).toContain(
      "You can't register a channel for this service: you are not the Service Liaison Lead for Buckinghamshire Fire and Rescue Service.",
    );
    expect(await app.store.conversations.serviceChannel('BUC')).toBeNull();
  });

  it('refuses a Service Liaison Officer', async () => {
    const turn = await app.client.sendMessage('register service HWF', demoPeople.slo, inChannel);

    expect(visibleText(replyCard(turn))).toContain('as a Service Liaison Officer');
    expect(await app.store.conversations.serviceChannel('HWF')).toBeNull();
  });

  it('asks to be registered from the channel itself, not a personal chat', async () => {
    const turn = await app.client.sendMessage('register service BUC', demoPeople.sll);

    expect(visibleText(replyCard(turn))).toContain('Register a service channel from the channel itself');
    expect(await app.store.conversations.serviceChannel('BUC')).toBeNull();
  });

  it('says when there is no such service', async () => {
    const turn = await app.client.sendMessage('register service XYZ', demoPeople.sll, inChannel);

    expect(visibleText(replyCard(turn))).toContain('There is no service with the code “XYZ”.');
  });

  it('registers the channel for the service’s SLL, confirms it, and records who did it', async () => {
    const turn = await app.client.sendMessage('register service buc', demoPeople.sll, inChannel);

    const text = visibleText(replyCard(turn));
    expect(text).toContain('Service channel registered');
    expect(text).toContain(
      'This channel is now the service channel for Buckinghamshire Fire and Rescue Service (BUC).',
    );
    const registered = await app.store.conversations.serviceChannel('BUC');
    expect(registered).toMatchObject({
      kind: 'channel',
      key: serviceUpdates,
      serviceCode: 'BUC',
      purpose: 'service',
      reference: { conversation: { id: serviceUpdates }, serviceUrl: app.connector.serviceUrl },
    });
    const audit = await app.store.records.listAudit('BUC', 'BUC');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'service.channel-registered',
      actor: demoPeople.sll.objectId,
      subject: { kind: 'service', id: 'BUC' },
      changes: [{ field: 'serviceChannel', to: serviceUpdates }],
    });
  });

  it('keeps the registration when people go on talking in the channel', async () => {
    await app.client.sendMessage('help', demoPeople.cos, inChannel);

    expect((await app.store.conversations.serviceChannel('BUC'))?.key).toBe(serviceUpdates);
  });

  it('replaces the old channel when another is registered for the same service', async () => {
    const turn = await sendInOtherChannel('register service BUC', demoPeople.admin);

    expect(visibleText(replyCard(turn))).toContain('It replaces the channel registered before');
    expect((await app.store.conversations.serviceChannel('BUC'))?.key).toBe(otherChannel);
    const audit = await app.store.records.listAudit('BUC', 'BUC');
    expect(audit.find((event) => event.actor === demoPeople.admin.objectId)).toMatchObject({
      action: 'service.channel-registered',
      changes: [{ field: 'serviceChannel', from: serviceUpdates, to: otherChannel }],
      note: 'Bucks liaison',
    });
  });

  it('refuses to unregister for someone who does not manage the service', async () => {
    const turn = await sendInOtherChannel('unregister', extraDemoPeople.sllSouth);

    expect(visibleText(replyCard(turn))).toContain(
      'you are not the Service Liaison Lead for Buckinghamshire',
    );
    expect((await app.store.conversations.serviceChannel('BUC'))?.key).toBe(otherChannel);
  });

  it('unregisters the channel for the service’s SLL, with an audit event', async () => {
    const turn = await sendInOtherChannel('unregister', demoPeople.sll);

    expect(visibleText(replyCard(turn))).toContain(
      'This channel is no longer the service channel for Buckinghamshire Fire and Rescue Service (BUC).',
    );
    expect(await app.store.conversations.serviceChannel('BUC')).toBeNull();
    const audit = await app.store.records.listAudit('BUC', 'BUC');
    expect(audit.find((event) => event.action === 'service.channel-unregistered')).toMatchObject({
      actor: demoPeople.sll.objectId,
      changes: [{ field: 'serviceChannel', from: otherChannel }],
    });
  });

  it('says so when a channel that is not registered is unregistered', async () => {
    const turn = await app.client.sendMessage('unregister', demoPeople.sll, inChannel);

    expect(visibleText(replyCard(turn))).toContain('This channel is not registered for any service.');
  });
});
