import { createProactiveSender } from '../../src/bot/proactive';
import {
  RateLimitedSender,
  teamsSenderSettings,
  type SenderSettings,
} from '../../src/bot/rate-limited-sender';
import type { ProactiveSender } from '../../src/bot/proactive';
import { startBotUnderTest, type BotUnderTest } from '../support/bot-client';
import { channelReference } from '../support/channels';

describe('the rate-limited proactive sender against a connector that enforces Teams limits', () => {
  let bot: BotUnderTest;

  beforeAll(async () => {
    bot = await startBotUnderTest();
    bot.connector.enforceLimits();
  });
  afterAll(async () => {
    await bot.close();
  });

  const referenceTo = (conversationId: string): Parameters<ProactiveSender['send']>[0] =>
    channelReference(bot.connector.serviceUrl, conversationId);

  it('the fake refuses the 8th message in a second to one conversation with 429 and Retry-After', async () => {
    const raw = createProactiveSender(bot.server.bot.adapter, undefined);
    const sends = Array.from({ length: 8 }, (_, i) =>
      raw.send(referenceTo('19:burst@thread.tacv2'), { type: 'message', text: `burst ${String(i)}` }),
    );
    await Promise.allSettled(sends);
    expect(bot.connector.refused).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ status: 429, why: 'rate-limit', retryAfterSeconds: 1 }),
      ]),
    );
  }, 20_000);

  it('paces 16 messages to one conversation so none is refused and all arrive, in order', async () => {
    const refusedBefore = bot.connector.refused.length;
    const sender = new RateLimitedSender(createProactiveSender(bot.server.bot.adapter, undefined));
    const started = Date.now();

    for (let i = 0; i < 16; i += 1) {
      await sender.send(referenceTo('19:paced@thread.tacv2'), {
        type: 'message',
        text: `paced ${String(i)}`,
      });
    }

    const texts = bot.connector.calls
      .filter((call) => call.conversationId === '19:paced@thread.tacv2')
      .map((call) => call.activity.text);
    expect(texts).toEqual(Array.from({ length: 16 }, (_, i) => `paced ${String(i)}`));
    expect(bot.connector.refused.slice(refusedBefore)).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000); // 7 a second: the 15th waits 2 seconds
  }, 20_000);
});

describe('retry timing of the rate-limited sender', () => {
  function failing(statuses: (number | { status: number; retryAfter: string })[]): ProactiveSender {
    return {
      send: () => {
        const next = statuses.shift();
        if (next === undefined) return Promise.resolve('sent-id');
        const status = typeof next === 'number' ? next : next.status;
        const headers = new Map(typeof next === 'number' ? [] : [['retry-after', next.retryAfter]]);
        return Promise.reject(
          Object.assign(new Error(`HTTP ${String(status)}`), { statusCode: status, response: { headers } }),
        );
      },
      update: () => Promise.resolve(),
    };
  }

  function settingsRecording(waits: number[]): SenderSettings {
    return { ...teamsSenderSettings, sleep: (ms) => (waits.push(ms), Promise.resolve()), random: () => 1 };
  }

  it('honours Retry-After, backs off exponentially otherwise, and gives up with the reason', async () => {
    const waits: number[] = [];
    const sender = new RateLimitedSender(
      failing([{ status: 429, retryAfter: '3' }, 500, 503, 429]),
      settingsRecording(waits),
    );

    await expect(
      sender.send({ conversation: { id: 'c', isGroup: true, conversationType: 'channel', name: '' } }, {}),
    ).resolves.toBe('sent-id');
    expect(waits).toEqual([3000, 1000, 2000, 4000]);

    const hopeless = new RateLimitedSender(failing([500, 500, 500, 500, 500, 500]), settingsRecording([]));
    await expect(
      hopeless.send({ conversation: { id: 'd', isGroup: true, conversationType: 'channel', name: '' } }, {}),
    ).rejects.toThrow('Teams did not accept the message after 6 attempts (HTTP 500)');
  });

  it('does not retry a refusal that will not pass (403: the bot was removed from the team)', async () => {
    const waits: number[] = [];
    const sender = new RateLimitedSender(failing([403]), settingsRecording(waits));
    await expect(
      sender.send({ conversation: { id: 'e', isGroup: true, conversationType: 'channel', name: '' } }, {}),
    ).rejects.toThrow('after 1 attempt (HTTP 403)');
    expect(waits).toEqual([]);
  });
});
