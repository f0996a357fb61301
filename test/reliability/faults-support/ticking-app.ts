/**
 * The application on the test run's Azurite (fresh tables, demo data), like app-under-test.ts, but
 * with a clock that moves on one millisecond every time it is read: concurrent changes then get
 * distinct times, so the audit trail has one order to replay.
 */
import { randomUUID } from 'node:crypto';
import { demoToday } from '../../../src/demo/records';
import { startApplication, type RunningApplication } from '../../../src/main';
import { createLogger } from '../../../src/server';
import type { Store } from '../../../src/store';
import {
  createBotClient,
  startFakeConnector,
  type BotClient,
  type FakeConnector,
} from '../../support/bot-client';
import { aTestDeployment } from '../../support/app-under-test';

export interface TickingApp {
  server: RunningApplication;
  store: Store;
  connector: FakeConnector;
  client: BotClient;
  close(): Promise<void>;
}

/** Starts the bot with a ticking clock from 10:00 UTC on the demo's "today". */
export async function startTickingApp(): Promise<TickingApp> {
  // The production retry policy: under fifty concurrent turns Azurite now and then resets a kept-alive
  // socket (ECONNRESET), which a retry rides out; with retries off that turn would get the outage answer.
  const { config, store } = await aTestDeployment();
  let tick = Date.parse(`${demoToday}T10:00:00Z`);
  const connector = await startFakeConnector();
  const server = await startApplication(
    config,
    createLogger(process.env.FAULTS_LOG === '1' ? 'error' : 'silent'),
    {
      store,
      port: 0,
      now: () => new Date((tick += 1)),
      newId: () => randomUUID(),
      scheduler: false,
    },
  );
  return {
    server,
    store,
    connector,
    client: createBotClient(server.url, connector),
    close: async () => {
      await server.close();
      await connector.close();
    },
  };
}
