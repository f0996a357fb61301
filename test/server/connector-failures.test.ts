import { startBotUnderTest, visibleText, type BotUnderTest } from '../support/bot-client';

describe('when the Teams connector refuses a reply', () => {
  let bot: BotUnderTest;

  beforeAll(async () => {
    bot = await startBotUnderTest();
  });
  afterAll(async () => {
    await bot.close();
  });

  it('waits as long as Retry-After asks after a 429, then delivers the reply', async () => {
    bot.connector.failNext(1, { status: 429, retryAfterSeconds: 1 });
    const started = Date.now();

    const turn = await bot.client.sendMessage('help');

    expect(turn.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(turn.cards).toHaveLength(1);
    expect(visibleText(turn.cards[0])).toContain('new coc');
  });

  it('delivers the reply after a passing 500 from the connector', async () => {
    bot.connector.failNext(1, { status: 500 });

    const turn = await bot.client.sendMessage('help');

    expect(turn.status).toBe(200);
    expect(turn.cards).toHaveLength(1);
  });
});
