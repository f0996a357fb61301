/**
 * With APPLICATIONINSIGHTS_CONNECTION_STRING set, each turn reaches Application Insights as a span
 * carrying the turn's correlation id, and nothing a person typed or their name. The ingestion
 * endpoint here is a local HTTPS server standing in for Azure Monitor's (the exporter insists on
 * https), with a self-signed certificate made for the test.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { startTelemetry } from '../../src/server/telemetry';

const run = promisify(execFile);

interface Ingestion {
  url: string;
  bodies: string[];
  close(): Promise<void>;
}

async function startIngestion(): Promise<Ingestion> {
  const bodies: string[] = [];
  const tls = {
    key: readFileSync(path.join(__dirname, 'fixtures', 'ingestion-test.key')),
    cert: readFileSync(path.join(__dirname, 'fixtures', 'ingestion-test.crt')),
  };
  const server: Server = createServer(tls, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks);
      const gzipped = request.headers['content-encoding'] === 'gzip';
      bodies.push((gzipped ? gunzipSync(raw) : raw).toString('utf8'));
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ itemsReceived: 1, itemsAccepted: 1, errors: [] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${String(port)}/`,
    bodies,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const tsx = path.join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');

describe('telemetry to Application Insights', () => {
  let ingestion: Ingestion;

  beforeAll(async () => {
    ingestion = await startIngestion();
  });
  afterAll(() => ingestion.close());

  it('is off without a connection string', () => {
    expect(startTelemetry(undefined)).toBeUndefined();
  });

  it('exports a span per turn with its correlation id and keeps names and text out', async () => {
    const { stdout } = await run(tsx, [path.join(__dirname, 'fixtures', 'telemetry-probe.ts')], {
      env: {
        ...process.env,
        INGESTION_URL: ingestion.url,
        PROBE_NAME: 'Priya Unusualname',
        PROBE_TEXT: 'help me with Secretword Zebra',
        APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
        // The stand-in ingestion endpoint's certificate is self-signed (test/server/fixtures).
        NODE_EXTRA_CA_CERTS: path.join(__dirname, 'fixtures', 'ingestion-test.crt'),
      },
      timeout: 60_000,
    });
    expect(JSON.parse(stdout.trim().split('\n').pop() ?? '{}')).toEqual({ status: 200 });

    const all = ingestion.bodies.join('\n');
    expect(all).toContain('turn message');
    expect(all).toMatch(/"coc\.correlation_id":"[0-9A-F]{8}"/);
    expect(all).not.toContain('Unusualname');
    expect(all).not.toContain('Secretword');
  });
});
