/**
 * Entry point (`npm run serve`): configuration, then the storage readiness probe, then the server.
 *
 * Wiring only. `startApplication` is shared with `scripts/start.ts`, which adds Azurite and the
 * Agents Playground around it.
 */
import { randomBytes } from 'node:crypto';
import type { TokenCredential } from '@azure/identity';
import { boardSummaryJob } from './app/boards/board-summary';
import { approvalChaserJob } from './app/closure/chase-approvals';
import { engagementChaserJob } from './app/engagement/chase-late-answers';
import { registerFollowUps } from './app/follow-ups';
import { createAppContext, type AppContext } from './app/shared/app-context';
import { seedDemoDataIfEmpty } from './demo/seed';
import { instanceId } from './app/shared/instance';
import { createOutbox } from './app/shared/outbox';
import type { Notifier } from './app/shared/notifier';
import { rememberConversations } from './app/shared/remember-conversations';
import type { ScheduledJob } from './app/shared/scheduled-job';
import { createNotifier, registerRoutes, type ProactiveSender } from './bot';
import type { AppInstaller } from './app/shared/app-installer';
import { ConfigError, loadConfig, readEnvironment, type Config, type StorageLocation } from './config';
import { createGraphInstaller, graphCredentialFor } from './graph';
import { startScheduler, type RunningScheduler } from './scheduler';
import {
  createLogger,
  exitCleanlyOnSignal,
  fixedReadiness,
  startServer,
  type Logger,
  type ReadinessProbe,
  type RunningServer,
} from './server';
import { registerReportDownload } from './server/report-download';
import { startTelemetry } from './server/telemetry';
import { createStore, type Store, type StoreOptions } from './store';
import type { OutboundMessage } from './views/messages';

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
  /** Runs on the store once its tables exist, before the server listens (demo data). */
  prepareStore?: (store: Store) => Promise<void>;
  /** The credential for Microsoft Graph instead of the bot identity's (tests: a fake token). */
  graphCredential?: TokenCredential;
}

/** The running bot and the context its use cases share. */
export interface RunningApplication extends RunningServer {
  /** Undefined when no storage is configured (the bot then answers help only). */
  appContext: AppContext | undefined;
}

function storeReadiness(store: Store): ReadinessProbe {
  return { check: () => store.checkStorageReady() };
}

/** The jobs that run after each daily sweep, under the same lease. */
function scheduledJobs(
  config: Config,
  context: AppContext,
  notifier: Notifier<OutboundMessage>,
  logger: Logger,
): ScheduledJob[] {
  return [
    approvalChaserJob(
      context,
      notifier,
      (problem) => logger.warn(problem, 'approval chaser not delivered'),
      config.approvalChasers,
    ),
    engagementChaserJob(context, notifier, (requestId, err) =>
      logger.error({ err, requestId }, 'could not remind of a late update'),
    ),
    boardSummaryJob(context, notifier, (board, err) =>
      logger.error(
        { err, serviceCode: board.serviceCode, channel: board.key },
        'could not post a board summary',
      ),
    ),
  ];
}

/** Starts the daily run (sweep, then jobs): off when REMINDER_SWEEP_TIME is "off", and under jest unless asked. */
function startDailyRun(
  config: Config,
  context: AppContext,
  proactive: ProactiveSender,
  logger: Logger,
  enabled = process.env.NODE_ENV !== 'test',
): RunningScheduler | undefined {
  const { sweepTime, windowDays } = config.reminders;
  if (!enabled || sweepTime === undefined) {
    if (enabled) logger.info('reminder sweep is off (REMINDER_SWEEP_TIME=off)');
    return undefined;
  }
  const notifier = createNotifier(proactive);
  return startScheduler({
    context,
    notifier,
    windowDays,
    jobs: scheduledJobs(config, context, notifier, logger),
    sweepTime,
    logger,
    onJobError: (job, error) => logger.error({ err: error, job: job.name }, 'scheduled job failed'),
  });
}

/**
 * The installer that reaches people who never opened a chat with the bot, when Microsoft Graph is
 * configured (TEAMS_APP_CATALOG_ID) and the bot has an identity to call it with.
 */
function appInstallerFor(
  config: Config,
  logger: Logger,
  credential: TokenCredential | undefined,
): AppInstaller | undefined {
  if (!config.graph) return undefined;
  const token = credential ?? graphCredentialFor(config.bot);
  if (!token) {
    logger.warn(
      'TEAMS_APP_CATALOG_ID is set but the bot has no identity to call Microsoft Graph with (MicrosoftAppId and its secret or managed identity): people who never opened a chat will not be reached',
    );
    return undefined;
  }
  logger.info('Microsoft Graph configured: the bot installs itself for people it has no chat with');
  return createGraphInstaller({ graph: config.graph, credential: token, botAppId: config.bot.appId, logger });
}

/** How often the outbox is searched for follow-up work a stopped process left behind. */
const followUpRecoveryMs = 60_000;

/** Starts the bot server for `config` on `config.port`: storage, tables, routes, probes, the daily run. */
export async function startApplication(
  config: Config,
  logger: Logger = createLogger(config.logLevel),
  overrides: ApplicationOverrides & { port?: number } = {},
): Promise<RunningApplication> {
  const store =
    overrides.store ??
    (config.storage
      ? createStore({
          ...storeOptionsFor(config.storage, config.tablePrefix),
          // Spans with nowhere to go cost CPU on every request: only with telemetry on.
          tracing: config.applicationInsightsConnectionString !== undefined,
        })
      : undefined);
  if (!store) {
    logger.warn('no storage configured: /readyz will answer 503 (npm start runs Azurite for you)');
    const reason = 'no storage configured: set STORAGE_CONNECTION_STRING or STORAGE_ACCOUNT_URL';
    const readiness = fixedReadiness({ ready: false, reason });
    const server = await startServer({ config, port: overrides.port ?? config.port, logger, readiness });
    return { ...server, appContext: undefined };
  }
  await store.ensureTables();
  await overrides.prepareStore?.(store);
  const now = overrides.now ?? (() => new Date());
  const outbox = createOutbox({
    store,
    now: () => now(),
    claimant: instanceId,
    onError: (error, entry) =>
      logger.warn(
        { err: error, entry: entry.id, jobs: entry.jobs.map((job) => job.kind) },
        'follow-up work failed; it stays in the outbox and is tried again within a minute',
      ),
  });
  const installer = appInstallerFor(config, logger, overrides.graphCredential);
  const appContext = createAppContext(store, {
    outbox,
    now,
    bootstrapAdminObjectIds: config.bootstrapAdminObjectIds,
    allowedTenantIds: config.allowedTenantIds,
    extraHolidays: config.extraBankHolidays,
    ...(overrides.newId ? { newId: overrides.newId } : {}),
    ...(installer ? { installer } : {}),
  });
  // Locally, download links work without setup: a secret made for this run (links die with the process).
  const reportLinkSecret =
    config.reportLinkSecret ?? (config.mode === 'local' ? randomBytes(32).toString('hex') : undefined);
  let serverUrl = `http://localhost:${String(config.port)}`;
  const reportLinks =
    reportLinkSecret === undefined
      ? {}
      : { reportLinks: { secret: reportLinkSecret, baseUrl: () => config.reportBaseUrl ?? serverUrl } };
  const server = await startServer({
    config,
    port: overrides.port ?? config.port,
    logger,
    readiness: storeReadiness(store),
    hooks: {
      onConversationReference: rememberConversations(appContext),
      // What a change left in the outbox starts once its answer has gone.
      afterTurn: () => outbox.flush(),
    },
    registerRoutes: (app, tools) => {
      const notifier = createNotifier(tools.proactive);
      registerFollowUps(appContext, notifier, logger);
      return registerRoutes(app, {
        app: appContext,
        notifier,
        logger,
        reminderWindowDays: config.reminders.windowDays,
        ...reportLinks,
      });
    },
    ...(reportLinkSecret === undefined
      ? {}
      : {
          registerHttpRoutes: (http) =>
            registerReportDownload(http, { secret: reportLinkSecret, context: appContext, logger }),
        }),
  });
  serverUrl = server.url;
  const scheduler = startDailyRun(config, appContext, server.bot.proactive, logger, overrides.scheduler);
  const recoverFollowUps = (): void =>
    void outbox.recover().catch((error: unknown) => logger.warn({ err: error }, 'could not read the outbox'));
  recoverFollowUps(); // what a stopped process left undone
  const recovery = setInterval(recoverFollowUps, followUpRecoveryMs);
  recovery.unref();
  const close = async (): Promise<void> => {
    clearInterval(recovery);
    await scheduler?.stop();
    await server.close();
    await outbox.idle();
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
  const server = await startApplication(config, logger, {
    // DEMO_DATA=true: an empty store gets the demo data before the first request is answered.
    prepareStore: async (store) => {
      if (!config.demoData) return;
      const { seeded } = await seedDemoDataIfEmpty(store);
      if (seeded) logger.info('demo data written into the empty store (DEMO_DATA=true)');
    },
  });
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
