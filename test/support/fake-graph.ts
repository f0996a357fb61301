/**
 * A recording fake of the part of Microsoft Graph the bot uses to install itself for someone
 * (src/graph/graph-installer.ts), on a real HTTP server on a free loopback port:
 *
 * - `POST /v1.0/users/{id}/teamwork/installedApps`: 201, or 409 when the app is already installed
 *   for them; 401 without a bearer token; 400 when the body does not bind the catalogue app;
 * - `GET /v1.0/users/{id}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '{app}'`:
 *   the installation, or an empty list;
 * - `GET /v1.0/users/{id}/teamwork/installedApps/{installation}/chat`: the chat's id.
 *
 * It can refuse someone for good (`refuse`, e.g. 403 when the permission was not granted) or answer
 * the next requests with a failure (`failNext`, e.g. 429 with Retry-After).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AccessToken, TokenCredential } from '@azure/identity';

/** One request the bot made to Graph. */
export interface GraphCall {
  method: string;
  /** The path without the query. */
  path: string;
  query: Record<string, string>;
  authorization: string | undefined;
  body: unknown;
  /** When it arrived (Date.now()). */
  at: number;
  /** What the fake answered. */
  status: number;
}

/** A failure the fake answers with instead of its usual answer. */
export interface GraphFailure {
  status: number;
  retryAfterSeconds?: number;
}

export interface FakeGraph {
  /** The base URL to configure (GRAPH_BASE_URL). */
  url: string;
  catalogAppId: string;
  calls: GraphCall[];
  /** The chat the fake opens between the bot and a person. */
  chatIdOf(objectId: string): string;
  /** Marks the app as installed for someone already (the next install answers 409). */
  markInstalled(objectId: string): void;
  isInstalled(objectId: string): boolean;
  /** Answers every request about `objectId` with `status` (403: the permission is not granted). */
  refuse(objectId: string, status: number): void;
  /** Answers the next `times` requests with `failure`. */
  failNext(times: number, failure: GraphFailure): void;
  /** Forgets installations, refusals, failures and calls. */
  reset(): void;
  close(): Promise<void>;
}

/** A credential that hands out a fixed token, for the bot under test to call the fake with. */
export const fakeGraphCredential: TokenCredential = {
  getToken: (): Promise<AccessToken> =>
    Promise.resolve({ token: 'fake-graph-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
};

const installedAppsPath = /^\/v1\.0\/users\/([^/]+)\/teamwork\/installedApps\/?$/;
const chatPath = /^\/v1\.0\/users\/([^/]+)\/teamwork\/installedApps\/([^/]+)\/chat\/?$/;

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function answer(
  response: ServerResponse,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(body === undefined ? '' : JSON.stringify(body));
}

function graphError(code: string, message: string) {
  return { error: { code, message } };
}

/** Starts the fake on a free loopback port for the catalogue app `catalogAppId`. */
export async function startFakeGraph(
  catalogAppId = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
): Promise<FakeGraph> {
  const calls: GraphCall[] = [];
  const installed = new Set<string>();
  const refused = new Map<string, number>();
  const failures: GraphFailure[] = [];
  let url = '';

  const installationIdOf = (objectId: string) => `installation-${objectId}`;
  const chatIdOf = (objectId: string) => `19:${objectId}_bot@unq.gbl.spaces`;

  const handle = (response: ServerResponse, call: GraphCall): void => {
    const reply = (status: number, body?: unknown, headers?: Record<string, string>) => {
      call.status = status;
      answer(response, status, body, headers);
    };
    if (!/^Bearer \S+/.test(call.authorization ?? ''))
      return reply(401, graphError('InvalidAuthenticationToken', 'Access token is empty.'));
    const failure = failures.shift();
    if (failure) {
      const headers: Record<string, string> =
        failure.retryAfterSeconds === undefined ? {} : { 'retry-after': String(failure.retryAfterSeconds) };
      return reply(failure.status, graphError('Failure', 'fake failure'), headers);
    }
    const install = installedAppsPath.exec(call.path);
    const chat = chatPath.exec(call.path);
    const user = decodeURIComponent((install ?? chat)?.[1] ?? '');
    const refusal = refused.get(user);
    if (refusal !== undefined) return reply(refusal, graphError('Forbidden', 'Missing role permissions.'));
    if (install && call.method === 'POST') {
      const body = call.body as Record<string, unknown> | undefined;
      const bound = `${url}/v1.0/appCatalogs/teamsApps/${catalogAppId}`;
      if (body?.['teamsApp@odata.bind'] !== bound)
        return reply(400, graphError('BadRequest', `expected teamsApp@odata.bind ${bound}`));
      if (installed.has(user)) return reply(409, graphError('Conflict', 'App is already installed.'));
      installed.add(user);
      return reply(201);
    }
    if (install && call.method === 'GET') {
      const filter = call.query.$filter ?? '';
      const matches = installed.has(user) && filter === `teamsApp/id eq '${catalogAppId}'`;
      const value = matches
        ? [{ id: installationIdOf(user), teamsApp: { id: catalogAppId, displayName: 'CoC Monitor' } }]
        : [];
      return reply(200, { value });
    }
    if (chat && call.method === 'GET') {
      if (!installed.has(user) || decodeURIComponent(chat[2] ?? '') !== installationIdOf(user))
        return reply(404, graphError('NotFound', 'No such installation.'));
      return reply(200, { id: chatIdOf(user), chatType: 'oneOnOne' });
    }
    return reply(404, graphError('NotFound', `${call.method} ${call.path}`));
  };

  const server = createServer((request, response) => {
    void (async () => {
      const parsed = new URL(request.url ?? '/', 'http://localhost');
      const call: GraphCall = {
        method: request.method ?? 'GET',
        path: parsed.pathname,
        query: Object.fromEntries(parsed.searchParams),
        authorization: request.headers.authorization,
        body: await readBody(request),
        at: Date.now(),
        status: 0,
      };
      calls.push(call);
      handle(response, call);
    })().catch((error: unknown) => answer(response, 500, graphError('FakeBroken', String(error))));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    catalogAppId,
    calls,
    chatIdOf,
    markInstalled: (objectId) => void installed.add(objectId),
    isInstalled: (objectId) => installed.has(objectId),
    refuse: (objectId, status) => void refused.set(objectId, status),
    failNext(times, failure) {
      for (let i = 0; i < times; i += 1) failures.push(failure);
    },
    reset() {
      installed.clear();
      refused.clear();
      failures.length = 0;
      calls.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
