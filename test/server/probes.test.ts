import { createServer } from 'node:net';
import { loadConfig } from '../../src/config';
import { startServer, tableStorageReadiness, type RunningServer } from '../../src/server';
import { testConnectionString } from '../support/storage';

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function serverWithStorage(connectionString: string): Promise<RunningServer> {
  const config = loadConfig({ LOG_LEVEL: 'silent', STORAGE_CONNECTION_STRING: connectionString });
  if (!config.storage) throw new Error('storage expected');
  return startServer({ config, port: 0, readiness: tableStorageReadiness(config.storage, 2_000) });
}

describe('health and readiness probes', () => {
  it('says the process is alive', async () => {
    const server = await serverWithStorage(testConnectionString());
    try {
      const response = await fetch(`${server.url}/healthz`);

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
    } finally {
      await server.close();
    }
  });

  it('is ready when Table Storage answers', async () => {
    const server = await serverWithStorage(testConnectionString());
    try {
      const response = await fetch(`${server.url}/readyz`);

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ready' });
    } finally {
      await server.close();
    }
  });

  it('is not ready, and says why, when Table Storage does not answer', async () => {
    const port = await closedPort();
    const unreachable = testConnectionString().replace(
      /TableEndpoint=http:\/\/127\.0\.0\.1:\d+/,
      `TableEndpoint=http://127.0.0.1:${port}`,
    );
    const server = await serverWithStorage(unreachable);
    try {
      const response = await fetch(`${server.url}/readyz`);

      expect(response.status).toBe(503);
      const body = (await response.json()) as { status: string; reason: string };
      expect(body).toEqual({
        status: 'not ready',
        reason: 'Table Storage could not be reached (ECONNREFUSED)',
      });
      expect(body.reason).not.toContain('AccountKey');
    } finally {
      await server.close();
    }
  });
});
