/** Configuration: read the environment, check it once, hand a typed `Config` to the rest. */
export { ConfigError, loadConfig } from './load-config';
export type {
  AppMode,
  BotAppType,
  Config,
  Environment,
  GraphConfig,
  LogLevel,
  StorageLocation,
} from './load-config';
export { readEnvironment } from './read-environment';
export type { ReadEnvironmentOptions } from './read-environment';
