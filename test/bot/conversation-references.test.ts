import type { ConversationReference } from 'botbuilder';
import type { ConversationKind } from '../../src/bot';
import { demoPeople } from '../../src/demo/people';
import { startBotUnderTest, testBot, type BotUnderTest } from '../support/bot-client';

describe('conversation references for proactive messages', () => {
  const seen: { reference: Partial<ConversationReference>; kind: ConversationKind }[] = [];
  let bot: BotUnderTest;

  beforeAll(async () => {
    bot = await startBotUnderTest(
      {},
      {
        hooks: {
          onConversationReference: (reference, kind) => {
            seen.push({ reference, kind });
            return Promise.resolve();
          },
        },
      },
    );
  });
  afterAll(async () => {
    await bot.close();
  });
  beforeEach(() => {
    seen.length = 0;
  });

  it('hands over the personal conversation when the bot is installed', async () => {
    await bot.client.sendActivity({ type: 'installationUpdate', action: 'add' }, demoPeople.sll);

    expect(seen).toHaveLength(1);
    expect(seen[0]?.kind).toBe('personal');
    expect(seen[0]?.reference).toMatchObject({
      conversation: { id: `a:personal-${demoPeople.sll.objectId}` },
      serviceUrl: bot.connector.serviceUrl,
      bot: { id: testBot.id },
    });
  });

  it('hands over a channel conversation when mentioned there', async () => {
    await bot.client.sendMessage('help', demoPeople.hmi, { conversationType: 'channel', mentionBot: true });

    expect(seen.map((entry) => entry.kind)).toEqual(['channel']);
  });

  it('still answers when storing the reference fails', async () => {
    const failing = await startBotUnderTest(
      {},
      {
        hooks: { onConversationReference: () => Promise.reject(new Error('table missing')) },
      },
    );
    try {
      const turn = await failing.client.sendMessage('help');
      expect(turn.cards).toHaveLength(1);
    } finally {
      await failing.close();
    }
  });
});
