import { demoPeople } from '../../src/demo/people';
import { useAppUnderTest } from '../support/app-under-test';
import { createBotClient, visibleText, type BotClient, type TestUser } from '../support/bot-client';
import { waitFor } from '../support/wait-for';
import { startFlakyConnector, type FlakyConnector } from './faults-support/flaky-connector';
import { channelOf, registerServiceChannel } from './faults-support/service-channels';

type Card = Record<string, unknown>;
interface CardAction {
  title: string;
  verb: string;
  data: Record<string, unknown>;
}

const personalChat = (person: TestUser): string => `a:personal-${person.objectId}`;

function action(card: Card | undefined, title: string): CardAction {
  let found: CardAction | undefined;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>;
      if (record.type === 'Action.Execute' && record.title === title)
        found ??= record as unknown as CardAction;
      Object.entries(record).forEach(([key, child]) => key !== 'refresh' && walk(child));
    }
  };
  walk(card);
  if (!found) throw new Error(`no "${title}" button on the card: ${visibleText(card)}`);
  return found;
}

describe('a Teams connector that refuses a third of what the bot sends', () => {
  const app = useAppUnderTest();
  let flaky: FlakyConnector;
  let client: BotClient;
  let serviceCodes: string[];

  /** Cards Teams accepted in a conversation (POSTs only: new messages, not edits). */
  function cardsPostedTo(conversationId: string): Card[] {
    return app.connector.calls
      .filter((call) => call.method === 'POST' && call.conversationId === conversationId)
      .flatMap((call) => (call.activity.attachments ?? []).map((a) => a.content as Card));
  }
  const cardsSaying = (conversationId: string, text: string): Card[] =>
    cardsPostedTo(conversationId).filter((card) => visibleText(card).includes(text));

  beforeAll(async () => {
    flaky = await startFlakyConnector(app.connector);
    client = createBotClient(app.server.url, { ...app.connector, serviceUrl: flaky.serviceUrl });
    for (const person of [demoPeople.sll, demoPeople.cos, demoPeople.hmi, demoPeople.admin]) {
      await client.sendMessage('help', person);
    }
    serviceCodes = [...new Set((await app.store.records.listCocs()).map((coc) => coc.value.serviceCode))];
    for (const code of serviceCodes) await registerServiceChannel(client, code);
    for (const code of serviceCodes) {
      expect((await app.store.conversations.serviceChannel(code))?.key).toBe(channelOf(code));
    }
    flaky.turnOn();
  }, 60_000);
  afterAll(async () => {
    await flaky.close();
  });

  it('delivers every reminder digest exactly once', async () => {
    const sweep = await client.sendMessage('sweep now', demoPeople.admin);

    const answer = sweep.texts.join('\n');
    expect(answer).toMatch(/Reminder sweep done: \d+ digests? posted/);
    expect(answer).not.toContain('Could not post');
    const posted = Number(/(\d+) digests? posted/.exec(answer)?.[1]);
    expect(posted).toBeGreaterThanOrEqual(2);
    const perChannel = serviceCodes.map((code) => cardsSaying(channelOf(code), 'Reminders for').length);
    expect(perChannel.filter((count) => count > 1)).toEqual([]);
    expect(perChannel.reduce((sum, count) => sum + count, 0)).toBe(posted);
    const ledger = await app.store.reminderLedger.listDay('2026-11-22');
    expect(ledger.map((entry) => entry.status)).toEqual(Array.from({ length: posted }, () => 'sent'));
    expect(flaky.refused.map((r) => r.status)).toEqual(expect.arrayContaining([429, 500]));
  });

  it('delivers every approval card of a closure walk exactly once', async () => {
    const refusedBefore = flaky.refused.length;
    const requested = await client.sendInvoke(
      'submitClosureRequest',
      {
        subjectId: 'BUC-1.1',
        link1: 'https://evidence.example.org/audit-report.pdf',
        validationNote: 'Dip-sampled 20 premises with the station manager; all were audited on time.',
      },
      demoPeople.sll,
    );
    expect(visibleText((requested.body as { value?: unknown }).value)).toContain(
      'Closure of BUC-1.1 requested',
    );

    const cosCard = await waitFor(
      'the Chief of Staff’s approval card',
      () => cardsSaying(personalChat(demoPeople.cos), 'asks you to approve')[0],
    );
    const approve = action(cosCard, 'Approve');
    await client.sendInvoke(approve.verb, approve.data, demoPeople.cos);
    const hmiCard = await waitFor(
      'the HM Inspector’s sign-off card',
      () => cardsSaying(personalChat(demoPeople.hmi), 'recommends closing')[0],
    );
    const signOff = action(hmiCard, 'Sign off');
    await client.sendInvoke(signOff.verb, signOff.data, demoPeople.hmi);
    await waitFor(
      'the SLL told of the sign-off',
      () => cardsSaying(personalChat(demoPeople.sll), 'signed off BUC-1.1')[0],
    );
    await waitFor(
      'the SLL told of the approval',
      () => cardsSaying(personalChat(demoPeople.sll), 'approved the closure of BUC-1.1')[0],
    );
    await waitFor('the channel card showing the sign-off', () =>
      app.connector.calls.find(
        (call) =>
          call.method === 'PUT' &&
          call.conversationId === channelOf('BUC') &&
          visibleText(call.activity.attachments?.[0]?.content).includes('Signed off'),
      ),
    );

    expect(cardsSaying(personalChat(demoPeople.cos), 'asks you to approve')).toHaveLength(1);
    expect(cardsSaying(personalChat(demoPeople.hmi), 'recommends closing')).toHaveLength(1);
    expect(cardsSaying(personalChat(demoPeople.sll), 'signed off BUC-1.1')).toHaveLength(1);
    expect(cardsSaying(personalChat(demoPeople.sll), 'approved the closure of BUC-1.1')).toHaveLength(1);
    expect(cardsSaying(channelOf('BUC'), 'Closure request: BUC-1.1')).toHaveLength(1);
    expect(flaky.refused.length).toBeGreaterThan(refusedBefore);
  }, 120_000);
});
