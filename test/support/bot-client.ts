/**
 * Talks to the bot over the real Bot Framework HTTP protocol, the way Teams does.
 *
 * - `startFakeConnector()` is a recording fake of the Teams connector service: the bot's replies
 *   (`POST /v3/conversations/:id/activities[/:activityId]`) and updates (`PUT .../:activityId`)
 *   land here. It can be told to answer 429 (with Retry-After) or 500 for the next requests.
 * - `createBotClient()` posts activities to `/api/messages` with `serviceUrl` pointing at the fake,
 *   and returns what the user would see: the messages sent to the connector during the turn and,
 *   for invokes, the body of the HTTP response.
 * - `startBotUnderTest()` starts both, plus the server on a free port, in local mode (no app id,
 *   so botbuilder skips authentication).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity, Attachment } from 'botbuilder';
import { demoPeople } from '../../src/demo/people';
import { loadConfig, type Environment } from '../../src/config';
import {
  fixedReadiness,
  startServer,
  type ReadinessProbe,
  type RunningServer,
  type StartServerOptions,
} from '../../src/server';
import { useStarted } from './use-started';

/** One request the bot made to the connector. */
export interface ConnectorCall {
  method: 'POST' | 'PUT';
  conversationId: string;
  /** The activity replied to (POST) or updated (PUT). */
  activityId?: string;
  activity: Partial<Activity>;
}

/** A failure the fake answers with instead of 200. */
export interface ConnectorFailure {
  status: number;
  retryAfterSeconds?: number;
}

/** A Teams rate limit the fake can enforce: at most `count` requests in any `windowMs`. */
export interface ConnectorLimit {
  count: number;
  windowMs: number;
}

/** Teams' limits for bots: per conversation 7/s and 60 per 30 s; per app and tenant 30/s. */
export const teamsLimits = {
  perConversation: [
    { count: 7, windowMs: 1_000 },
    { count: 60, windowMs: 30_000 },
  ],
  perApp: [{ count: 30, windowMs: 1_000 }],
};

/** A request the fake refused (scripted failure or a limit exceeded). */
export interface RefusedCall {
  conversationId: string;
  status: number;
  retryAfterSeconds?: number;
  why: 'scripted' | 'rate-limit';
}

/** The recording fake of the Teams connector. */
export interface FakeConnector {
  serviceUrl: string;
  calls: ConnectorCall[];
  /** Every request answered with an error, in order. */
  refused: RefusedCall[];
  /** Answer the next `times` requests with `failure`. */
  failNext(times: number, failure: ConnectorFailure): void;
  /** Forgets scripted failures not yet used. */
  clearFailures(): void;
  /** From now on, answer 429 with Retry-After when a request would exceed Teams' limits. */
  enforceLimits(limits?: { perConversation: ConnectorLimit[]; perApp: ConnectorLimit[] }): void;
  /**
   * A member the connector knows, as `GET /v3/conversations/{id}/members/{userId}` answers it for
   * their Teams user id (`29:<object id>`) or their object id.
   */
  addMember(member: TestUser): void;
  /** The member lookups the bot made, by Teams user id. */
  memberLookups: string[];
  close(): Promise<void>;
}

const membersPath = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)\/?$/;

const activitiesPath = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  return body === '' ? {} : JSON.parse(body);
}

function answer(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/** Starts the fake connector on a free loopback port. */
export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  const refused: RefusedCall[] = [];
  const failures: ConnectorFailure[] = [];
  let limits: { perConversation: ConnectorLimit[]; perApp: ConnectorLimit[] } | undefined;
  const accepted = new Map<string, number[]>();
  const members = new Map<string, TestUser>();
  const memberLookups: string[] = [];

  /** Seconds to wait before a request to `conversationId` fits every limit, or 0 when it fits now. */
  const overLimitBy = (conversationId: string, now: number): number => {
    if (!limits) return 0;
    let waitMs = 0;
    const check = (key: string, windows: ConnectorLimit[]): void => {
      const times = accepted.get(key) ?? [];
      for (const limit of windows) {
        const inWindow = times.filter((time) => time > now - limit.windowMs);
        if (inWindow.length >= limit.count) {
          const oldest = inWindow[inWindow.length - limit.count] ?? now;
          waitMs = Math.max(waitMs, oldest + limit.windowMs - now);
        }
      }
    };
    check(`conversation:${conversationId}`, limits.perConversation);
    check('app', limits.perApp);
    return waitMs === 0 ? 0 : Math.max(1, Math.ceil(waitMs / 1000));
  };

  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const method = request.method;
      const member = membersPath.exec(url.pathname);
      if (member && method === 'GET') {
        // Like Teams: the member's ids, name and home tenant, or 404 for someone not in the conversation.
        const userId = decodeURIComponent(member[2] ?? '');
        memberLookups.push(userId);
        const known = members.get(userId);
        if (!known)
          answer(response, 404, { error: { code: 'MemberNotFoundInConversation', message: userId } });
        else
          answer(response, 200, {
            id: `29:${known.objectId}`,
            name: known.name,
            aadObjectId: known.objectId,
            tenantId: known.tenantId,
            userRole: 'user',
          });
        return;
      }
      const match = activitiesPath.exec(url.pathname);
      if (!match || (method !== 'POST' && method !== 'PUT')) {
        answer(response, 404, { error: { code: 'NotFound', message: `${String(method)} ${url.pathname}` } });
        return;
      }
      const activity = (await readJson(request)) as Partial<Activity>;
      const conversationId = decodeURIComponent(match[1] ?? '');
      const failure = failures.shift();
      if (failure) {
        const headers: Record<string, string> =
          failure.retryAfterSeconds === undefined ? {} : { 'retry-after': String(failure.retryAfterSeconds) };
        refused.push({ conversationId, ...failure, why: 'scripted' });
        answer(response, failure.status, { error: { code: 'Failure', message: 'fake failure' } }, headers);
        return;
      }
      const now = Date.now();
      const retryAfter = overLimitBy(conversationId, now);
      if (retryAfter > 0) {
        refused.push({ conversationId, status: 429, retryAfterSeconds: retryAfter, why: 'rate-limit' });
        answer(
          response,
          429,
          { error: { code: 'TooManyRequests', message: 'rate limit exceeded' } },
          { 'retry-after': String(retryAfter) },
        );
        return;
      }
      if (limits) {
        for (const key of [`conversation:${conversationId}`, 'app']) {
          accepted.set(key, [...(accepted.get(key) ?? []).filter((time) => time > now - 30_000), now]);
        }
      }
      const activityId = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
      calls.push({ method, conversationId, activityId, activity });
      answer(response, 200, { id: method === 'PUT' && activityId ? activityId : `reply-${randomUUID()}` });
    })().catch((error: unknown) => {
      answer(response, 500, { error: { code: 'FakeBroken', message: String(error) } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    calls,
    refused,
    failNext(times, failure) {
      for (let i = 0; i < times; i += 1) failures.push(failure);
    },
    clearFailures() {
      failures.length = 0;
    },
    enforceLimits(given = teamsLimits) {
      limits = given;
    },
    addMember(person) {
      // Teams looks a member up by their Teams user id or by their Entra object id.
      members.set(`29:${person.objectId}`, person);
      members.set(person.objectId, person);
    },
    memberLookups,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A fake connector for the enclosing `describe`: started in `beforeAll`, closed in `afterAll`. */
export function useFakeConnector(): FakeConnector {
  return useStarted(startFakeConnector);
}

/** Someone writing to the bot. */
export interface TestUser {
  objectId: string;
  tenantId: string;
  name: string;
}

/** Where the activity is sent from. */
export interface ConversationOptions {
  conversationType?: 'personal' | 'channel';
  /** In a channel, prefix the text with an @mention of the bot, as Teams does. */
  mentionBot?: boolean;
  /**
   * The tenant the conversation belongs to, when it is not the sender's own: a shared channel of
   * the inspectorate that someone from another organisation writes in.
   */
  hostTenantId?: string;
}

/** What the user would see after one turn. */
export interface TurnResult {
  /** HTTP status of `POST /api/messages`. */
  status: number;
  /** Parsed response body (the invoke response for invokes). */
  body: unknown;
  /** Messages the bot sent to the conversation during the turn (typing indicators left out). */
  messages: Partial<Activity>[];
  /** Plain texts of those messages. */
  texts: string[];
  /** Adaptive Cards in those messages. */
  cards: Record<string, unknown>[];
}

export const testBot = { id: '28:00000000-0000-0000-0000-0000000000b0', name: 'CoC Monitor' };

/** Every string a person would read on a card, with Markdown escapes resolved as Teams renders them. */
export function visibleText(card: unknown): string {
  const strings: string[] = [];
  const walk = (node: unknown, key?: string): void => {
    if (typeof node === 'string') {
      if (key === 'text' || key === 'title' || key === 'value') strings.push(node);
    } else if (Array.isArray(node)) {
      node.forEach((item) => walk(item));
    } else if (typeof node === 'object' && node !== null) {
      Object.entries(node).forEach(([childKey, child]) => walk(child, childKey));
    }
  };
  walk(card);
  return strings.join('\n').replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

function cardsOf(attachments: Attachment[] | undefined): Record<string, unknown>[] {
  return (attachments ?? [])
    .filter((attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive')
    .map((attachment) => attachment.content as Record<string, unknown>);
}

/** Posts activities to the bot as a given user. */
export interface BotClient {
  sendMessage(text: string, from?: TestUser, options?: ConversationOptions): Promise<TurnResult>;
  sendInvoke(
    verb: string,
    data: Record<string, unknown>,
    from?: TestUser,
    options?: ConversationOptions,
  ): Promise<TurnResult>;
  /** Sends any activity; the envelope (ids, serviceUrl, conversation) is filled in. */
  sendActivity(
    activity: Partial<Activity>,
    from?: TestUser,
    options?: ConversationOptions,
  ): Promise<TurnResult>;
}

/** Creates a client for the bot at `botUrl` whose replies go to `connector`. */
export function createBotClient(botUrl: string, connector: FakeConnector): BotClient {
  const envelope = (from: TestUser, options: ConversationOptions): Partial<Activity> => {
    const inChannel = options.conversationType === 'channel';
    return {
      id: `activity-${randomUUID()}`,
      timestamp: new Date(),
      channelId: 'msteams',
      serviceUrl: connector.serviceUrl,
      locale: 'en-GB',
      from: { id: `29:${from.objectId}`, name: from.name, aadObjectId: from.objectId },
      recipient: testBot,
      conversation: inChannel
        ? {
            id: '19:service-updates@thread.tacv2',
            conversationType: 'channel',
            tenantId: options.hostTenantId ?? from.tenantId,
            isGroup: true,
            name: '',
          }
        : {
            id: `a:personal-${from.objectId}`,
            conversationType: 'personal',
            tenantId: from.tenantId,
            isGroup: false,
            name: '',
          },
      channelData: inChannel
        ? {
            tenant: { id: options.hostTenantId ?? from.tenantId },
            team: { id: '19:general@thread.tacv2' },
            channel: { id: '19:service-updates@thread.tacv2' },
          }
        : { tenant: { id: from.tenantId } },
    };
  };

  const post = async (activity: Partial<Activity>): Promise<TurnResult> => {
    const before = connector.calls.length;
    const response = await fetch(`${botUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const raw = await response.text();
    const body: unknown = raw === '' ? undefined : JSON.parse(raw);
    const messages = connector.calls
      .slice(before)
      .map((call) => call.activity)
      .filter((sent) => sent.type === 'message');
    return {
      status: response.status,
      body,
      messages,
      texts: messages.map((message) => message.text ?? '').filter((text) => text !== ''),
      cards: messages.flatMap((message) => cardsOf(message.attachments)),
    };
  };

  const client: BotClient = {
    sendMessage(text, from = demoPeople.sll, options = {}) {
      const mention = `<at>${testBot.name}</at>`;
      const mentioned = options.mentionBot === true;
      return post({
        ...envelope(from, options),
        type: 'message',
        text: mentioned ? `${mention} ${text}` : text,
        textFormat: 'plain',
        entities: mentioned ? [{ type: 'mention', mentioned: testBot, text: mention }] : [],
      });
    },
    sendInvoke(verb, data, from = demoPeople.sll, options = {}) {
      return post({
        ...envelope(from, options),
        type: 'invoke',
        name: 'adaptiveCard/action',
        replyToId: `card-${randomUUID()}`,
        value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      });
    },
    sendActivity(activity, from = demoPeople.sll, options = {}) {
      return post({ ...envelope(from, options), ...activity });
    },
  };
  return client;
}

/** A bot started for one test file, with its fake connector and client. */
export interface BotUnderTest {
  server: RunningServer;
  connector: FakeConnector;
  client: BotClient;
  close(): Promise<void>;
}

/** Starts the server on a free port in local mode; `env` adds variables, `options` overrides. */
export async function startBotUnderTest(
  env: Environment = {},
  options: Partial<Omit<StartServerOptions, 'config' | 'port'>> & { readiness?: ReadinessProbe } = {},
): Promise<BotUnderTest> {
  const config = loadConfig({ APP_MODE: 'local', LOG_LEVEL: 'silent', ...env });
  const connector = await startFakeConnector();
  let server: RunningServer;
  try {
    server = await startServer({ readiness: fixedReadiness({ ready: true }), ...options, config, port: 0 });
  } catch (error) {
    await connector.close();
    throw error;
  }
  return {
    server,
    connector,
    client: createBotClient(server.url, connector),
    close: async () => {
      await server.close();
      await connector.close();
    },
  };
}

/**
 * A message @mentioning the bot in the team channel `channelId` (named `channelName`), as Teams
 * sends it: the channel is both the conversation and the channel of the channel data.
 */
export function sendInChannel(
  client: BotClient,
  channelId: string,
  channelName: string,
  text: string,
  from: TestUser,
): Promise<TurnResult> {
  const mention = `<at>${testBot.name}</at>`;
  return client.sendActivity(
    {
      type: 'message',
      text: `${mention} ${text}`,
      entities: [{ type: 'mention', mentioned: testBot, text: mention }],
      conversation: {
        id: channelId,
        conversationType: 'channel',
        tenantId: from.tenantId,
        isGroup: true,
        name: '',
      },
      channelData: {
        tenant: { id: from.tenantId },
        team: { id: '19:general@thread.tacv2' },
        channel: { id: channelId, name: channelName },
      },
    },
    from,
    { conversationType: 'channel' },
  );
}
