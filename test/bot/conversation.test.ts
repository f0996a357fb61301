import { demoPeople } from '../../src/demo/people';
import { startBotUnderTest, testBot, visibleText, type BotUnderTest } from '../support/bot-client';

describe('the bot in a conversation', () => {
  let bot: BotUnderTest;

  beforeAll(async () => {
    bot = await startBotUnderTest();
  });
  afterAll(async () => {
    await bot.close();
  });

  it.each(['help', '/help', 'Hi', 'hello!', '  HELP  '])('answers "%s" with the help card', async (text) => {
    const turn = await bot.client.sendMessage(text);

    expect(turn.status).toBe(200);
    expect(turn.cards).toHaveLength(1);
    expect(turn.cards[0]).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    const shown = visibleText(turn.cards[0]);
    expect(shown).toContain('new coc');
    expect(shown).toContain('status <rec id> <rag> <note>');
    expect(shown).toContain('list overdue');
  });

  it('answers help in a channel when mentioned', async () => {
    const turn = await bot.client.sendMessage('help', demoPeople.hmi, {
      conversationType: 'channel',
      mentionBot: true,
    });

    expect(turn.cards).toHaveLength(1);
    expect(visibleText(turn.cards[0])).toContain('history <id>');
    expect(turn.messages[0]?.conversation?.id).toBe('19:service-updates@thread.tacv2');
  });

  it('does not treat a word containing "hi" as a greeting', async () => {
    const turn = await bot.client.sendMessage('this is not a command');

    expect(visibleText(turn.cards[0])).toContain("I didn't understand “this is not a command”");
  });

  it('hints at help for text it does not understand, showing the text literally', async () => {
    const turn = await bot.client.sendMessage('close [CoC-1](https://evil.example) **now** <b>');

    expect(turn.cards).toHaveLength(1);
    const textBlock = JSON.stringify(turn.cards[0]);
    expect(textBlock).not.toContain('[CoC-1](');
    expect(visibleText(turn.cards[0])).toBe(
      "I didn't understand “close [CoC-1](https://evil.example) **now** <b>”. Type help to see what I can do.",
    );
  });

  it('keeps template expressions typed by the user as plain text', async () => {
    const turn = await bot.client.sendMessage('${$root.secret} @{x}');

    expect(visibleText(turn.cards[0])).toContain('“${$root.secret} @{x}”');
  });

  it('shortens a very long unknown text in its hint', async () => {
    const turn = await bot.client.sendMessage('x'.repeat(500));

    expect(visibleText(turn.cards[0])).toContain(`“${'x'.repeat(79)}…”`);
  });

  it('greets a person once with the help card when they install the bot', async () => {
    const added = await bot.client.sendActivity(
      {
        type: 'conversationUpdate',
        membersAdded: [{ id: `29:${demoPeople.slo.objectId}`, name: '' }, testBot],
      },
      demoPeople.slo,
    );
    const installed = await bot.client.sendActivity(
      { type: 'installationUpdate', action: 'add' },
      demoPeople.slo,
    );

    expect(added.cards).toHaveLength(1);
    expect(visibleText(added.cards[0])).toContain('new afi');
    expect(installed.messages).toHaveLength(0);
  });

  it('stays quiet when someone else joins a conversation the bot is already in', async () => {
    const turn = await bot.client.sendActivity({
      type: 'conversationUpdate',
      membersAdded: [{ id: `29:${demoPeople.cos.objectId}`, name: '' }],
    });

    expect(turn.messages).toHaveLength(0);
  });

  it('answers a card button it no longer knows with a message in the invoke response', async () => {
    const turn = await bot.client.sendInvoke('retired-verb', { id: 'CoC-1' });

    expect(turn.status).toBe(200);
    expect(turn.body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'Sorry, that button no longer does anything. Type help to see what I can do.',
    });
    expect(turn.messages).toHaveLength(0);
  });
});
