/**
 * Entry point (`npm run serve`): configuration, then the storage readiness probe, then the server.
 *
 * Wiring only. `startApplication` is shared with `scripts/start.ts`, which adds Azurite and the
 * Agents Playground around it.
 */
import { randomBytes } from 'node:crypto';
import type { ConversationReference } from 'botbuilder';
import { createAppContext, type AppContext } from './app/shared/app-context';
import {
  approvalChaserJob,
  boardSummaryJob,
  engagementChaserJob,
  registerFeatures,
  type BotHooks,
  type FeatureContext,
} from './bot';
import { ConfigError, loadConfig, readEnvironment, type Config, type StorageLocation } from './config';
import {
  createLogger,
  exitCleanlyOnSignal,
  fixedReadiness,
  startServer,
  type Logger,
  type ReadinessProbe,
  type RunningServer,
} from './server';
import { startTelemetry } from './server/telemetry';
import { registerReportDownload } from './server/report-download';
import { startReminderScheduler } from './scheduler/start-reminder-scheduler';
import { createStore, type Store, type StoreOptions } from './store';

/** Store options for a configured storage location. */
export function storeOptionsFor(storage: StorageLocation, tablePrefix: string): StoreOptions {
  return storage.kind === 'connectionString'
    ? { connectionString: storage.connectionString, tablePrefix }
    : { accountUrl: storage.accountUrl, tablePrefix };
}

/** Overrides for tests: a fixed clock, predictable ids, a store already made. */
export interface ApplicationOverrides {
  store?: Store;
  now?: AppContext['now'];
  newId?: AppContext['newId'];
  /** Start the daily reminder scheduler (default: on, except under jest). */
  scheduler?: boolean;
}

/** The running bot and the context its use cases share. */
export interface RunningApplication extends RunningServer {
  /** Undefined when no storage is configured (the bot then answers help only). */
  appContext: AppContext | undefined;
}

function storeReadiness(store: Store): ReadinessProbe {
  return { check: () => store.checkStorageReady() };
}

/** How many conversations the reference memory keeps; beyond it the oldest is forgotten (and saved again when seen). */
const rememberedReferences = 10_000;

/**
 * A reference as compared from one turn to the next: everything but `activityId`, which names the
 * message just received and so changes every turn. It only says which message a later proactive
 * post would reply to, which nothing relies on (registrations drop it, personal chats have no threads).
 */
export function referenceFingerprint(reference: Partial<ConversationReference>): string {
  const { activityId: _activityId, ...rest } = reference;
  return JSON.stringify(rest);
}

/**
 * The hook that keeps conversation references, so reminders and approvals can be sent later.
 *
 * Teams sends the same reference with every activity, so writing it each turn would cost a round
 * trip (and for channels two more, for the registrations) for nothing. The hook remembers what it
 * last saved for each conversation in this process and writes only when that changes (a new
 * service URL, another speaker in a channel) or after a restart. Another instance's writes are not
 * seen, but they come from the same Teams and so carry the same reference.
 */
function conversationHook(appContext: AppContext): BotHooks['onConversationReference'] {
  const saved = new Map<string, string>();
  return async (reference, kind) => {
    const key = kind === 'personal' ? reference.user?.aadObjectId : reference.conversation?.id;
    if (!key || kind === 'groupChat') return;
    const memoryKey = `${kind}|${key}`;
    const fingerprint = referenceFingerprint(reference);
    if (saved.get(memoryKey) === fingerprint) return;
    await appContext.store.conversations.save({
      kind,
      key,
      reference: reference,
      tenantId: reference.conversation?.tenantId,
      updatedAt: appContext.now().toISOString(),
    });
    if (kind === 'channel') {
      await appContext.store.conversations.refreshRegistrations(
        key,
        reference,
        appContext.now().toISOString(),
      );
    }
    // Remembered only once saved, so a failed write is tried again on the next turn.
    saved.delete(memoryKey);
    saved.set(memoryKey, fingerprint);
    const oldest = saved.size > rememberedReferences ? saved.keys().next().value : undefined;
    if (oldest !== undefined) saved.delete(oldest);
  };
}

/** Starts the bot server for `config` on `config.port`: storage, tables, routes, probes. */
export async function startApplication(
  config: Config,
  logger: Logger = createLogger(config.logLevel),
  overrides: ApplicationOverrides & { port?: number } = {},
): Promise<RunningApplication> {
  const store =
    overrides.store ??
    (config.storage ? createStore(storeOptionsFor(config.storage, config.tablePrefix)) : undefined);
  if (!store) {
    logger.warn('no storage configured: /readyz will answer 503 (npm start runs Azurite for you)');
    const server = await startServer({
      config,
      port: overrides.port ?? config.port,
      logger,
      readiness: fixedReadiness({
        ready: false,
        reason: 'no storage configured: set STORAGE_CONNECTION_STRING or STORAGE_ACCOUNT_URL',
      }),
    });
    return { ...server, appContext: undefined };
  }
  await store.ensureTables();
  const appContext = createAppContext(store, {
    bootstrapAdminObjectIds: config.bootstrapAdminObjectIds,
    allowedTenantIds: config.allowedTenantIds,
    ...(overrides.now ? { now: overrides.now } : {}),
    ...(overrides.newId ? { newId: overrides.newId } : {}),
  });
  // Locally, download links work without setup: a secret made for this run (links die with the process).
  const reportLinkSecret =
    config.reportLinkSecret ?? (config.mode === 'local' ? randomBytes(32).toString('hex') : undefined);
  let features: FeatureContext | undefined;
  let serverUrl = `http://localhost:${String(config.port)}`;
  const server = await startServer({
    config,
    port: overrides.port ?? config.port,
    logger,
    readiness: storeReadiness(store),
    hooks: { onConversationReference: conversationHook(appContext) },
    registerRoutes: (app, tools) => {
      features = {
        app: appContext,
        logger,
        proactive: tools.proactive,
        reminders: { windowDays: config.reminders.windowDays },
        ...(reportLinkSecret === undefined
          ? {}
          : { reportLinks: { secret: reportLinkSecret, baseUrl: () => config.reportBaseUrl ?? serverUrl } }),
      };
      registerFeatures(app, features);
    },
    ...(reportLinkSecret === undefined
      ? {}
      : {
          registerHttpRoutes: (http) =>
            registerReportDownload(http, { secret: reportLinkSecret, context: appContext, logger }),
        }),
  });
  serverUrl = server.url;
  const scheduler = startReminderScheduler({
    config,
    appContext,
    bot: server.bot,
    logger,
    jobs: features
      ? [
          approvalChaserJob(features, config.approvalChasers),
          engagementChaserJob(features),
          boardSummaryJob(features),
        ]
      : [],
    ...(overrides.scheduler === undefined ? {} : { enabled: overrides.scheduler }),
  });
  const close = async (): Promise<void> => {
    await scheduler?.stop();
    await server.close();
  };
  return { ...server, close, appContext };
}

/** Reads the configuration, or prints the one-line reason and exits 1. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig(readEnvironment());
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  const telemetry = startTelemetry(config.applicationInsightsConnectionString);
  if (telemetry) logger.info('telemetry: exporting to Application Insights');
  const server = await startApplication(config, logger);
  exitCleanlyOnSignal(
    async () => {
      await server.close();
      await telemetry?.shutdown();
    },
    (error) => logger.error({ err: error }, 'shutdown failed'),
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
