/**
 * A stand-in for the Teams connector during the benchmark: answers 200 with an id to everything,
 * records nothing, so replies and card updates cost the bot a real HTTP round trip and no more.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorSink {
  serviceUrl: string;
  /** Requests answered so far. */
  readonly requests: number;
  close(): Promise<void>;
}

/** Starts the sink on a free loopback port. */
export async function startConnectorSink(): Promise<ConnectorSink> {
  let requests = 0;
  let next = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      requests += 1;
      next += 1;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ id: `sink-${String(next)}` }));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${String(port)}/`,
    get requests() {
      return requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
