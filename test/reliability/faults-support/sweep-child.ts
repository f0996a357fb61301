/**
 * The bot as a process of its own, for the kill test: `node --import tsx sweep-child.ts`.
 *
 * Runs `startApplication` against the storage in `STORAGE_CONNECTION_STRING` / `TABLE_PREFIX`,
 * with the clock starting at `CLOCK_START` and moving with real time (a restart can start later,
 * after the dead process's lease has run out). Prints `listening <url>` once it serves requests.
 * The daily timer is off: the test starts sweeps with `sweep now`.
 */
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../../src/config';
import { startApplication } from '../../../src/main';
import { createLogger } from '../../../src/server';

async function main(): Promise<void> {
  const clockStart = Date.parse(process.env.CLOCK_START ?? '');
  if (Number.isNaN(clockStart)) throw new Error('CLOCK_START must be an ISO instant');
  const startedAt = Date.now();
  const config = loadConfig({
    APP_MODE: 'local',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    STORAGE_CONNECTION_STRING: process.env.STORAGE_CONNECTION_STRING,
    TABLE_PREFIX: process.env.TABLE_PREFIX,
  });
  const server = await startApplication(config, createLogger(config.logLevel), {
    port: 0,
    now: () => new Date(clockStart + (Date.now() - startedAt)),
    newId: () => randomUUID(),
    scheduler: false,
  });
  process.stdout.write(`listening ${server.url}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
