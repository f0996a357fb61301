/** The HTTP server: Bot Framework endpoint, health and readiness probes, logging. */
export { startServer } from './start-server';
export type { RunningServer, StartServerOptions } from './start-server';
export { createLogger } from './logger';
export type { Logger } from './logger';
export { exitCleanlyOnSignal } from './shutdown-signals';
export { describeStorageFailure, fixedReadiness, tableStorageReadiness } from './readiness';
export type { Readiness, ReadinessProbe } from './readiness';
