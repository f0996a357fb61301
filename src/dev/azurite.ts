/**
 * Starts the Azurite Table Storage emulator from the project's own dependency.
 *
 * Used by `npm start` (data kept on disk under `.data/azurite`) and by the tests (in memory, on a
 * free port). Azurite does not report the port it bound when asked for port 0, so we pick a free
 * loopback port ourselves and retry if another process takes it first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { stopChild } from './stop-child';

/** The well-known Azurite development account (public, documented by Microsoft). */
export const azuriteAccount = {
  name: 'devstoreaccount1',
  key: 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
};

/** Where `npm start` keeps the local data, and the table port it tries first (Azurite's usual one). */
export const localAzurite = {
  location: path.resolve(__dirname, '..', '..', '.data', 'azurite'),
  preferredPort: 10002,
} as const;

export interface RunningAzurite {
  port: number;
  connectionString: string;
  /** The emulator's process id (the benchmark reads its CPU time). */
  pid: number | undefined;
  stop(): Promise<void>;
}

export interface AzuriteOptions {
  /** Keep data in memory only (tests). Otherwise data lives in `location`. */
  inMemory: boolean;
  /** Folder for persisted data; created if missing. */
  location?: string;
  /** A fixed port; by default a free one is chosen. */
  port?: number;
  /** How long to wait for Azurite to say it has started. */
  timeoutMs?: number;
}

/** Builds the connection string for an Azurite table endpoint on loopback. */
export function azuriteConnectionString(port: number): string {
  return (
    `DefaultEndpointsProtocol=http;AccountName=${azuriteAccount.name};AccountKey=${azuriteAccount.key};` +
    `TableEndpoint=http://127.0.0.1:${port}/${azuriteAccount.name};`
  );
}

/** Asks the operating system for a free loopback port. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function azuriteBinary(): string {
  const packageJson = require.resolve('azurite/package.json');
  return path.join(path.dirname(packageJson), 'dist', 'src', 'table', 'main.js');
}

async function startOnce(options: AzuriteOptions, port: number): Promise<RunningAzurite> {
  const args = [azuriteBinary(), '--tableHost', '127.0.0.1', '--tablePort', String(port)];
  args.push('--skipApiVersionCheck', '--disableTelemetry', '--silent');
  if (options.inMemory) {
    args.push('--inMemoryPersistence');
  } else {
    const location = options.location ?? path.resolve('.data/azurite');
    mkdirSync(location, { recursive: true });
    args.push('--location', location);
  }
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const timeoutMs = options.timeoutMs ?? 20_000;

  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Azurite did not start within ${timeoutMs} ms: ${output.trim()}`));
    }, timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('successfully started') || output.includes('successfully listening')) {
        clearTimeout(timer);
        resolve();
      } else if (/EADDRINUSE|Exit due to unhandled error/.test(output)) {
        clearTimeout(timer);
        child.kill('SIGKILL');
        reject(new Error(`Azurite could not start on port ${port}: ${output.trim()}`));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited with code ${String(code)}: ${output.trim()}`));
    });
  });

  return {
    port,
    connectionString: azuriteConnectionString(port),
    pid: child.pid,
    // Azurite closes gracefully on SIGINT only, saving what its 5-second autosave has not yet
    // written; SIGTERM would lose the last writes of a disk-backed instance.
    stop: () => stopChild(child, 'SIGINT'),
  };
}

/** Starts Azurite's table service and resolves once it accepts requests. */
export async function startAzurite(options: AzuriteOptions): Promise<RunningAzurite> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const port = options.port ?? (await findFreePort());
    try {
      return await startOnce(options, port);
    } catch (error) {
      lastError = error;
      if (options.port !== undefined) break;
    }
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}
