/**
 * An Azurite of a test's own, kept on disk in a temporary folder, that the test can stop and start
 * again on the same port: the data written before the stop is there after the restart, as it would
 * be when an Azure storage account comes back after an outage.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  azuriteConnectionString,
  findFreePort,
  startAzurite,
  type RunningAzurite,
} from '../../../src/dev/azurite';

export interface RestartableAzurite {
  connectionString: string;
  /** Stops the emulator (its port then refuses connections). */
  stop(): Promise<void>;
  /** Starts it again on the same port, over the same data. */
  start(): Promise<void>;
  /** Stops it and deletes its folder. */
  dispose(): Promise<void>;
}

/** Starts a disk-backed Azurite on a free port, under a fresh temporary folder. */
export async function startRestartableAzurite(): Promise<RestartableAzurite> {
  const location = mkdtempSync(path.join(tmpdir(), 'coc-azurite-'));
  const port = await findFreePort();
  let running: RunningAzurite | undefined = await startAzurite({ inMemory: false, location, port });
  return {
    connectionString: azuriteConnectionString(port),
    async stop() {
      await running?.stop();
      running = undefined;
    },
    async start() {
      running ??= await startAzurite({ inMemory: false, location, port });
    },
    async dispose() {
      await running?.stop();
      running = undefined;
      rmSync(location, { recursive: true, force: true });
    },
  };
}
