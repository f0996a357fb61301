/**
 * A front for the recording fake connector that stops the bot in the middle of a sweep: it passes
 * every request on, except the n-th reminder digest, which it holds without answering, so the
 * sending process is stuck mid-sweep until the test kills it. With `deliverHeld`, the held digest
 * is first passed on (Teams took it) and only the answer is held back: the worst moment to die.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeConnector } from '../../support/bot-client';

export interface GatedConnector {
  serviceUrl: string;
  /** Resolves with the conversation of the held digest once it arrives. */
  held: Promise<string>;
  close(): Promise<void>;
}

export interface GateOptions {
  /** Which digest to hold, counting from 1. */
  holdDigest: number;
  /** Pass the held digest on before holding its answer. */
  deliverHeld: boolean;
  /** What counts as a message to hold (default: a reminder digest). */
  holds?: (method: string, path: string, body: string) => boolean;
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts the gated front for `fake` on a free loopback port. */
export async function startGatedConnector(
  fake: FakeConnector,
  options: GateOptions,
): Promise<GatedConnector> {
  let digests = 0;
  let onHeld: (conversationId: string) => void = () => undefined;
  const held = new Promise<string>((resolve) => {
    onHeld = resolve;
  });
  const forward = async (method: string, path: string, body: string) =>
    fetch(new URL(path.replace(/^\//, ''), fake.serviceUrl), {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === '' ? {} : { body }),
    });

  const server = createServer((request, response) => {
    void (async () => {
      const body = await bodyOf(request);
      const path = request.url ?? '/';
      const method = request.method ?? 'GET';
      const isDigest = options.holds
        ? options.holds(method, path, body)
        : method === 'POST' && body.includes('Reminders for');
      if (isDigest && (digests += 1) === options.holdDigest) {
        if (options.deliverHeld) await forward(method, path, body);
        const conversationId = decodeURIComponent(/\/v3\/conversations\/([^/]+)/.exec(path)?.[1] ?? '');
        onHeld(conversationId);
        return; // never answered: the sender waits until it is killed
      }
      const answer = await forward(method, path, body);
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(await answer.text());
    })().catch((error: unknown) => {
      response.writeHead(502, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 'GateBroken', message: String(error) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${String(port)}/`,
    held,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
