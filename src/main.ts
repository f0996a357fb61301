/**
 * Entry point (`npm run serve`): configuration, then the storage readiness probe, then the server.
 *
 * Wiring only. `startApplication` is shared with `scripts/start.ts`, which adds Azurite and the
 * Agents Playground around it.
 */
import { ConfigError, loadConfig, readEnvironment, type Config } from './config';
import {
  createLogger,
  exitCleanlyOnSignal,
  fixedReadiness,
  startServer,
  tableStorageReadiness,
  type Logger,
  type RunningServer,
} from './server';

/** Starts the bot server for `config` on `config.port`. */
export async function startApplication(
  config: Config,
  logger: Logger = createLogger(config.logLevel),
): Promise<RunningServer> {
  const readiness = config.storage
    ? tableStorageReadiness(config.storage)
    : fixedReadiness({
        ready: false,
        reason: 'no storage configured: set STORAGE_CONNECTION_STRING or STORAGE_ACCOUNT_URL',
      });
  if (!config.storage)
    logger.warn('no storage configured: /readyz will answer 503 (npm start runs Azurite for you)');
  // The lead wires the store, the use cases and the commands here (registerRoutes, hooks).
  return startServer({ config, port: config.port, readiness, logger });
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
  const server = await startApplication(config, logger);
  exitCleanlyOnSignal(
    () => server.close(),
    (error) => logger.error({ err: error }, 'shutdown failed'),
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
