/**
 * The whole application for a test file: a fresh set of tables on the test run's Azurite (demo data
 * seeded unless asked not to), the bot server on a free port in local mode, a recording fake of the
 * Teams connector, and a client that talks the Bot Framework protocol to `/api/messages`.
 */
import { randomUUID } from 'node:crypto';
import type { TokenCredential } from '@azure/identity';
import { loadConfig, type Config, type Environment } from '../../src/config';
import { demoTenantId } from '../../src/demo/people';
import { demoToday } from '../../src/demo/records';
import { seedDemoData } from '../../src/demo/seed';
import { startApplication, storeOptionsFor, type RunningApplication } from '../../src/main';
import type { AppContext } from '../../src/app/shared/app-context';
import { createStore, type Store, type StoreOptions } from '../../src/store';
import { createLogger } from '../../src/server';
import { createBotClient, startFakeConnector, type BotClient, type FakeConnector } from './bot-client';
import { fakeGraphCredential, startFakeGraph, type FakeGraph } from './fake-graph';
import { testConnectionString, uniqueTablePrefix } from './storage';
import { useStarted } from './use-started';

export interface AppUnderTest {
  server: RunningApplication;
  appContext: AppContext;
  store: Store;
  connector: FakeConnector;
  client: BotClient;
  /** The fake Microsoft Graph the bot installs itself through, when started with `graph: {}`. */
  graph: FakeGraph | undefined;
  /** Moves the application's clock (it starts at 10:00 London time on the demo's "today"). */
  setNow(instant: Date): void;
  close(): Promise<void>;
}

export interface AppUnderTestOptions {
  /** Seed the demo data set (default true). */
  seed?: boolean;
  /** Extra environment variables for the configuration. */
  env?: Environment;
  /** Start time; default 22 November 2026 10:00 UTC (the demo data's "today"). */
  now?: Date;
  /**
   * Microsoft Graph configured, so the bot installs itself for people it has no chat with (the
   * demo tenant is the bot's). A fake Graph is started (`app.graph`) unless `baseUrl` names one;
   * the token comes from `credential`, by default a fake one.
   */
  graph?: { baseUrl?: string; catalogAppId?: string; credential?: TokenCredential };
}

/** A local-mode configuration over fresh tables on the test run's Azurite, with a store over them. */
export interface TestDeployment {
  config: Config;
  tablePrefix: string;
  store: Store;
}

/**
 * The configuration and store an application under test runs on: fresh tables, created, with the
 * demo data seeded unless `seed` is false; the store uses the production retry policy unless told.
 */
export async function aTestDeployment(
  options: { env?: Environment; seed?: boolean; retry?: StoreOptions['retry'] } = {},
): Promise<TestDeployment> {
  const tablePrefix = uniqueTablePrefix();
  const config = loadConfig({
    APP_MODE: 'local',
    LOG_LEVEL: 'silent',
    STORAGE_CONNECTION_STRING: testConnectionString(),
    TABLE_PREFIX: tablePrefix,
    ...options.env,
  });
  if (!config.storage) throw new Error('the test configuration has no storage');
  const retry = options.retry === undefined ? {} : { retry: options.retry };
  const store = createStore({ ...storeOptionsFor(config.storage, tablePrefix), ...retry });
  await store.ensureTables();
  if (options.seed !== false) await seedDemoData(store);
  return { config, tablePrefix, store };
}

/** Starts the application against fresh tables. Call `close()` in `afterAll`. */
export async function startAppUnderTest(options: AppUnderTestOptions = {}): Promise<AppUnderTest> {
  const graph = options.graph && options.graph.baseUrl === undefined ? await startFakeGraph() : undefined;
  const graphEnv: Environment = options.graph
    ? {
        TEAMS_APP_CATALOG_ID: options.graph.catalogAppId ?? graph?.catalogAppId,
        GRAPH_BASE_URL: options.graph.baseUrl ?? graph?.url,
        MicrosoftAppTenantId: demoTenantId,
      }
    : {};
  const { config, store } = await aTestDeployment({
    ...options,
    env: { ...graphEnv, ...options.env },
    retry: { maxRetries: 0 },
  });

  let now = options.now ?? new Date(`${demoToday}T10:00:00Z`);
  const connector = await startFakeConnector();
  const server = await startApplication(config, createLogger('silent'), {
    store,
    port: 0,
    now: () => new Date(now),
    newId: () => randomUUID(),
    ...(options.graph ? { graphCredential: options.graph.credential ?? fakeGraphCredential } : {}),
  });
  const appContext = server.appContext;
  if (!appContext) throw new Error('the application started without storage');
  return {
    server,
    appContext,
    store,
    connector,
    client: createBotClient(server.url, connector),
    graph,
    setNow: (instant) => {
      now = instant;
    },
    close: async () => {
      await server.close();
      await connector.close();
      await graph?.close();
    },
  };
}

/** The application for the enclosing `describe` (or file): started in `beforeAll`, closed in `afterAll`. */
export function useAppUnderTest(options: AppUnderTestOptions = {}): AppUnderTest {
  return useStarted(() => startAppUnderTest(options), 60_000);
}
