/**
 * The benchmark's baseline: a bare teams-ai `Application` on the same restify + `CloudAdapter`
 * (`TeamsAdapter`) setup as the bot, authentication off (no app id), no storage and no logging,
 * answering every Action.Execute with one fixed card. Whatever the real bot costs beyond this is
 * ours: storage, policy, card drawing.
 *
 * Run as its own process (`node --import tsx scripts/bench/bare-bot.ts`); listens on `PORT` and
 * answers `GET /readyz` 200 at once.
 */
import restify, { type Request, type Response } from 'restify';
import { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';

/** The fixed answer: a small Adaptive Card, about the size of a notice card. */
export const fixedCard = {
  type: 'AdaptiveCard' as const,
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'Saved.', wrap: true }],
};

/** Starts the bare bot on `port` (0 for a free one) and resolves with its URL. */
export async function startBareBot(port: number): Promise<{ url: string; close(): Promise<void> }> {
  const adapter = new TeamsAdapter({});
  const app = new Application<TurnState>({
    adapter,
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });
  app.adaptiveCards.actionExecute(
    () => Promise.resolve(true),
    () => Promise.resolve(fixedCard),
  );
  const server = restify.createServer({ name: 'bare-bot' });
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  server.post('/api/messages', async (request: Request, response: Response) => {
    await adapter.process(request, response, (context) => app.run(context).then(() => undefined));
  });
  server.get('/readyz', async (_request: Request, response: Response) => {
    response.send(200, { status: 'ready' });
    return Promise.resolve();
  });
  await new Promise<void>((resolve) => {
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const bound = server.address().port;
  return {
    url: `http://127.0.0.1:${String(bound)}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (require.main === module) {
  startBareBot(Number(process.env.PORT ?? 0)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
