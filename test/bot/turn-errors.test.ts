import { Writable } from 'node:stream';
import { demoPeople } from '../../src/demo/people';
import { createLogger } from '../../src/server';
import { startBotUnderTest, type BotUnderTest } from '../support/bot-client';

/** Collects the JSON log lines the server writes. */
function recordingLog(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const lines = (): Record<string, unknown>[] =>
    chunks
      .join('')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { stream, lines };
}

describe('a turn that fails', () => {
  const log = recordingLog();
  let bot: BotUnderTest;

  beforeAll(async () => {
    bot = await startBotUnderTest(
      {},
      {
        logger: createLogger('info', log.stream),
        registerRoutes: (app) => {
          app.message('explode', () => Promise.reject(new Error('store unavailable')));
          app.adaptiveCards.actionExecute('explode', () => Promise.reject(new Error('store unavailable')));
        },
      },
    );
  });
  afterAll(async () => {
    await bot.close();
  });

  it('apologises with a reference the logs also carry', async () => {
    const turn = await bot.client.sendMessage('explode please', demoPeople.cos);

    expect(turn.status).toBe(200);
    expect(turn.texts).toHaveLength(1);
    const reference = /quote reference ([0-9A-F]{8})\.$/.exec(turn.texts[0] ?? '')?.[1];
    expect(turn.texts[0]).toMatch(
      /^Sorry, something went wrong on our side\. Please try again; if it keeps happening, quote reference/,
    );
    const failure = log.lines().find((line) => line.msg === 'turn failed');
    expect(failure).toMatchObject({ correlationId: reference, level: 50 });
    expect(JSON.stringify(failure)).toContain('store unavailable');
  });

  it('apologises inside the invoke response when a card button fails', async () => {
    const turn = await bot.client.sendInvoke('explode', { id: 'CoC-7' });

    expect(turn.status).toBe(200);
    expect(turn.body).toMatchObject({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: expect.stringMatching(/^Sorry, something went wrong on our side\./) as unknown,
    });
  });

  it('keeps names and message text out of the logs', async () => {
    await bot.client.sendMessage('explode the record for Watford', demoPeople.hmi);

    const everything = log
      .lines()
      .map((line) => JSON.stringify(line))
      .join('\n');
    expect(everything).not.toContain(demoPeople.hmi.name);
    expect(everything).not.toContain(demoPeople.cos.name);
    expect(everything).not.toContain('Watford');
    expect(
      log
        .lines()
        .filter((line) => line.msg === 'turn handled')
        .every((line) => typeof line.correlationId === 'string'),
    ).toBe(true);
  });
});
