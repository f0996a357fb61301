/**
 * The token the Graph installer presents: the bot's own identity. A managed identity
 * (`UserAssignedMSI`) signs in as itself; an app registration with its client secret.
 */
import { ClientSecretCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import type { Config } from '../config';

/** The bot identity's credential for Graph, or undefined when the bot has none (locally). */
export function graphCredentialFor(bot: Config['bot']): TokenCredential | undefined {
  const { appId, appPassword, appType, tenantId } = bot;
  if (appId === undefined || tenantId === undefined) return undefined;
  if (appType === 'UserAssignedMSI') return new ManagedIdentityCredential({ clientId: appId });
  return appPassword === undefined ? undefined : new ClientSecretCredential(tenantId, appId, appPassword);
}
