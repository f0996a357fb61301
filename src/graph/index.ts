/** Microsoft Graph: installing the bot for people who have never opened a chat with it. */
export { graphCredentialFor } from './credential';
export { createGraphInstaller, retryAfterMs } from './graph-installer';
export type { GraphInstallerOptions, GraphLogger } from './graph-installer';
