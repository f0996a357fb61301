/**
 * The app installer over Microsoft Graph (src/app/shared/app-installer.ts): installs the bot for a
 * person in their personal scope, finds the chat that opens between them and the bot, and returns
 * it as a conversation reference the notifier can send to. As Microsoft documents for proactive
 * installation:
 *
 * 1. `POST /v1.0/users/{id}/teamwork/installedApps` with the app from the organisation's catalogue
 *    (201 installed; 409 already installed, which is as good);
 * 2. `GET /v1.0/users/{id}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '{app}'`
 *    for the installation's id;
 * 3. `GET /v1.0/users/{id}/teamwork/installedApps/{installation}/chat` for the chat's id.
 *
 * Needs the application permission TeamsAppInstallation.ReadWriteSelfForUser.All with admin
 * consent. 429 and 503 are waited out as their Retry-After says, a few times; anything else that is
 * not a success (401, 403 and 404 above all) means the person can't be reached this way, which is
 * logged and answered with null.
 */
import type { TokenCredential } from '@azure/identity';
import type { AppInstaller } from '../app/shared/app-installer';
import type { Address } from '../app/shared/notifier';
import type { GraphConfig } from '../config';
import type { Person } from '../domain/records';

/** Where the installer says why someone could not be reached (pino's `warn` fits). */
export interface GraphLogger {
  warn(details: Record<string, unknown>, message: string): void;
}

export interface GraphInstallerOptions {
  graph: GraphConfig;
  credential: TokenCredential;
  /** The bot's Entra app id, for the `bot` of the reference (`28:<id>`); unset locally. */
  botAppId: string | undefined;
  logger: GraphLogger;
  /** Tries per request while Graph answers 429 or 503 (default 4). */
  maxTries?: number;
  /** The longest wait between tries, whatever Retry-After says (default 60 s). */
  maxWaitMs?: number;
  /** Waits; tests may shorten it. */
  sleep?: (ms: number) => Promise<void>;
}

/** Waited when a 429 or 503 carries no Retry-After. */
const defaultWaitMs = 2_000;

/** Graph said no (or never answered properly) at one step. */
class GraphRefused extends Error {
  constructor(
    readonly step: string,
    readonly status: number | undefined,
    detail: string,
  ) {
    super(`${step}: ${detail}`);
    this.name = 'GraphRefused';
  }
}

/** Milliseconds a Retry-After header asks for: seconds, or an HTTP date. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** An installer over Graph for the configured catalogue app. */
export function createGraphInstaller(options: GraphInstallerOptions): AppInstaller {
  const { graph, credential, botAppId, logger } = options;
  const maxTries = options.maxTries ?? 4;
  const maxWaitMs = options.maxWaitMs ?? 60_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const scope = `${new URL(graph.baseUrl).origin}/.default`;

  /** One Graph request, waiting out throttling; resolves with the final response. */
  const request = async (step: string, method: 'GET' | 'POST', path: string, body?: unknown) => {
    for (let attempt = 1; ; attempt += 1) {
      const token = await credential.getToken(scope);
      if (!token) throw new GraphRefused(step, undefined, 'no Graph token');
      const response = await fetch(`${graph.baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token.token}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const throttled = response.status === 429 || response.status === 503;
      if (!throttled || attempt >= maxTries) return response;
      await response.body?.cancel();
      await sleep(Math.min(maxWaitMs, retryAfterMs(response.headers.get('retry-after')) ?? defaultWaitMs));
    }
  };

  /** The JSON of a successful response, or a refusal naming the step and status. */
  const jsonOf = async (step: string, response: Response): Promise<unknown> => {
    const text = await response.text();
    if (!response.ok) throw new GraphRefused(step, response.status, text.slice(0, 300));
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new GraphRefused(step, response.status, 'the answer was not JSON');
    }
  };

  const install = async (user: string): Promise<void> => {
    const response = await request('install', 'POST', `/v1.0/users/${user}/teamwork/installedApps`, {
      'teamsApp@odata.bind': `${graph.baseUrl}/v1.0/appCatalogs/teamsApps/${graph.catalogAppId}`,
    });
    // 409 Conflict: already installed for them, which is all we need.
    if (response.ok || response.status === 409) {
      await response.body?.cancel();
      return;
    }
    await jsonOf('install', response);
  };

  const installationId = async (user: string): Promise<string> => {
    const filter = encodeURIComponent(`teamsApp/id eq '${graph.catalogAppId}'`);
    const path = `/v1.0/users/${user}/teamwork/installedApps?$expand=teamsApp&$filter=${filter}`;
    const found = await jsonOf('find the installation', await request('find', 'GET', path));
    const first = isObject(found) && Array.isArray(found.value) ? (found.value[0] as unknown) : undefined;
    if (!isObject(first) || typeof first.id !== 'string' || first.id === '')
      throw new GraphRefused('find the installation', 200, 'the app is not installed for them');
    return first.id;
  };

  const chatId = async (user: string, installation: string): Promise<string> => {
    const path = `/v1.0/users/${user}/teamwork/installedApps/${encodeURIComponent(installation)}/chat`;
    const chat = await jsonOf('find the chat', await request('chat', 'GET', path));
    if (!isObject(chat) || typeof chat.id !== 'string' || chat.id === '')
      throw new GraphRefused('find the chat', 200, 'no chat id in the answer');
    return chat.id;
  };

  return {
    async installFor(person: Person, serviceUrl: string): Promise<Address | null> {
      if (person.tenantId.toLowerCase() !== graph.tenantId.toLowerCase()) {
        // Graph here is the bot's own tenant; a guest's home-tenant id is not a user of it.
        logger.warn(
          { objectId: person.objectId },
          'cannot install CoC Monitor for someone of another organisation; they must open a chat with it',
        );
        return null;
      }
      const user = encodeURIComponent(person.objectId);
      try {
        await install(user);
        const chat = await chatId(user, await installationId(user));
        return {
          channelId: 'msteams',
          serviceUrl,
          conversation: { id: chat, conversationType: 'personal', isGroup: false, tenantId: person.tenantId },
          user: { id: `8:orgid:${person.objectId}`, aadObjectId: person.objectId, name: person.name },
          ...(botAppId ? { bot: { id: `28:${botAppId}`, name: '' } } : {}),
        };
      } catch (error) {
        const details =
          error instanceof GraphRefused
            ? { step: error.step, status: error.status, detail: error.message }
            : { err: error };
        logger.warn(
          { objectId: person.objectId, ...details },
          'could not install CoC Monitor for someone through Microsoft Graph, so they cannot be sent cards',
        );
        return null;
      }
    },
  };
}
