/**
 * The application on the test run's Azurite (fresh tables, demo data), like app-under-test.ts, but
 * with a clock that moves on one millisecond every time it is read: concurrent changes then get
 * distinct times, so the audit trail has one order to replay.
 */
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../../src/config';
import { demoToday } from '../../../src/demo/records';
import { seedDemoData } from '../../../src/demo/seed';
import { startApplication, storeOptionsFor, type RunningApplication } from '../../../src/main';
import { createLogger } from '../../../src/server';
import { createStore, type Store } from '../../../src/store';
import {
  createBotClient,
  startFakeConnector,
  type BotClient,
  type FakeConnector,
} from '../../support/bot-client';
import { testConnectionString, uniqueTablePrefix } from '../../support/storage';

export interface TickingApp {
  server: RunningApplication;
  store: Store;
  connector: FakeConnector;
  client: BotClient;
  close(): Promise<void>;
}

/** Starts the bot with a ticking clock from 10:00 UTC on the demo's "today". */
export async function startTickingApp(): Promise<TickingApp> {
  const tablePrefix = uniqueTablePrefix();
  const config = loadConfig({
    APP_MODE: 'local',
    LOG_LEVEL: 'silent',
    STORAGE_CONNECTION_STRING: testConnectionString(),
    TABLE_PREFIX: tablePrefix,
  });
  if (!config.storage) throw new Error('the test configuration has no storage');
  // The production retry policy: under fifty concurrent turns Azurite now and then resets a kept-alive
  // socket (ECONNRESET), which a retry rides out; with retries off that turn would get the outage answer.
  const store = createStore(storeOptionsFor(config.storage, tablePrefix));
  await store.ensureTables();
  await seedDemoData(store);
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
