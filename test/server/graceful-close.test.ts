import { startBotUnderTest } from '../support/bot-client';

describe('closing the server', () => {
  it('finishes a turn already running, then stops accepting requests', async () => {
    let releaseTurn: () => void = () => undefined;
    const turnMayFinish = new Promise<void>((resolve) => {
      releaseTurn = resolve;
    });
    let turnStarted: () => void = () => undefined;
    const started = new Promise<void>((resolve) => {
      turnStarted = resolve;
    });
    const bot = await startBotUnderTest(
      {},
      {
        registerRoutes: (app) => {
          app.message('slow', async (context) => {
            turnStarted();
            await turnMayFinish;
            await context.sendActivity('done at last');
          });
        },
      },
    );

    const slowTurn = bot.client.sendMessage('slow');
    await started;
    const closing = bot.server.close();
    releaseTurn();

    const turn = await slowTurn;
    await closing;
    expect(turn.status).toBe(200);
    expect(turn.texts).toEqual(['done at last']);
    await expect(fetch(`${bot.server.url}/healthz`)).rejects.toThrow();
    await bot.connector.close();
  });
});
