/**
 * A flaky front for the recording fake connector: once switched on, it refuses every third request
 * (alternately 429 with Retry-After and 500) without passing it on, and forwards the rest. Only
 * forwarded requests reach the fake, so the fake's `calls` are exactly the messages Teams took.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeConnector } from '../../support/bot-client';

export interface FlakyConnector {
  /** Give this to the bot instead of the fake's own. */
  serviceUrl: string;
  /** Start refusing every third request. */
  turnOn(): void;
  /** Requests refused so far, by status. */
  refused: { status: number; path: string }[];
  /** Requests forwarded so far. */
  forwarded: number;
  close(): Promise<void>;
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts the flaky front for `fake` on a free loopback port. */
export async function startFlakyConnector(fake: FakeConnector): Promise<FlakyConnector> {
  let on = false;
  let seen = 0;
  const flaky: FlakyConnector = {
    serviceUrl: '',
    refused: [],
    forwarded: 0,
    turnOn: () => {
      on = true;
    },
    close: () => Promise.resolve(),
  };
  const server = createServer((request, response) => {
    void (async () => {
      const body = await bodyOf(request);
      const path = request.url ?? '/';
      if (on) {
        seen += 1;
        if (seen % 3 === 0) {
          const tooMany = (seen / 3) % 2 === 1;
          const status = tooMany ? 429 : 500;
          flaky.refused.push({ status, path });
          response.writeHead(status, {
            'content-type': 'application/json',
            ...(tooMany ? { 'retry-after': '1' } : {}),
          });
          response.end(JSON.stringify({ error: { code: tooMany ? 'TooManyRequests' : 'InternalError' } }));
          return;
        }
      }
      const answer = await fetch(new URL(path.replace(/^\//, ''), fake.serviceUrl), {
        method: request.method ?? 'GET',
        headers: { 'content-type': request.headers['content-type'] ?? 'application/json' },
        ...(body.length > 0 ? { body } : {}),
      });
      flaky.forwarded += 1;
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(await answer.text());
    })().catch((error: unknown) => {
      response.writeHead(502, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 'FlakyFrontBroken', message: String(error) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  flaky.serviceUrl = `http://127.0.0.1:${String(port)}/`;
  flaky.close = () =>
    new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    });
  return flaky;
}
