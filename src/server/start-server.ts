/**
 * The HTTP front door: the Bot Framework endpoint and the two probes Azure asks.
 *
 * - `POST /api/messages`: one turn, through the adapter (authentication) and the bot's routes. A body
 *   that is not an activity the adapter can run gets 400 before it reaches the adapter.
 * - `GET /healthz`: 200 while the process is up (liveness).
 * - `GET /readyz`: 200 when storage answers, 503 with a reason otherwise (readiness).
 *
 * Closing stops accepting connections first, then waits for turns already running.
 */
import { inTurnSpan } from './telemetry';
import restify, { type Request, type Response } from 'restify';
import {
  createBot,
  newCorrelationId,
  type Bot,
  type BotApplication,
  type BotHooks,
  type BotTools,
  type RegisteredRoutes,
} from '../bot';
import type { Config } from '../config';
import { createLogger, type Logger } from './logger';
import type { ReadinessProbe } from './readiness';

/** What `startServer` needs; only `config`, `port` and `readiness` are required. */
export interface StartServerOptions {
  config: Config;
  /** 0 picks a free port (tests). */
  port: number;
  /** Defaults to 127.0.0.1 in local mode and all interfaces in production. */
  host?: string;
  readiness: ReadinessProbe;
  logger?: Logger;
  hooks?: BotHooks;
  /** Registers the commands on the bot (see `createBot`). */
  registerRoutes?: (app: BotApplication, tools: BotTools) => RegisteredRoutes | void;
  /** Adds HTTP routes besides the bot's (the signed report download). */
  registerHttpRoutes?: (server: restify.Server) => void;
  /** How long `close()` waits for running turns before cutting connections. */
  closeTimeoutMs?: number;
}

/** A running server. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:3978`. */
  url: string;
  port: number;
  bot: Bot;
  /** Stops accepting, lets running turns finish, then resolves. Safe to call twice. */
  close(): Promise<void>;
}

interface ActivitySummary {
  activityId?: string;
  activityType?: string;
  invokeName?: string;
  channelId?: string;
  conversationType?: string;
}

/** The non-personal facts of an incoming activity, for the log line. */
function summarise(body: unknown): ActivitySummary {
  if (typeof body !== 'object' || body === null) return {};
  const activity = body as Record<string, unknown>;
  const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  const conversation = activity.conversation as Record<string, unknown> | undefined;
  return {
    activityId: text(activity.id),
    activityType: text(activity.type),
    invokeName: text(activity.name),
    channelId: text(activity.channelId),
    conversationType: text(conversation?.conversationType),
  };
}

type Fields = Record<string, unknown>;

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function isHttpUrl(value: unknown): boolean {
  if (!isText(value)) return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Why a request body is not an activity the adapter can run, or null when it is one. botbuilder
 * itself throws on most of these (a 500 that looks like our fault) or fails later when it replies;
 * the sender made the mistake, so they get a 400 that says which field is wrong.
 *
 * @example activityEnvelopeProblem({ type: 'message' }) // 'from.id is missing or not text'
 */
export function activityEnvelopeProblem(body: unknown): string | null {
  if (!isFields(body)) return 'the body is not a JSON object';
  if (!isText(body.type)) return 'type is missing or not text';
  for (const party of ['from', 'recipient', 'conversation'] as const) {
    const value = body[party];
    if (!isFields(value) || !isText(value.id)) return `${party}.id is missing or not text`;
  }
  if (!isText(body.channelId)) return 'channelId is missing or not text';
  if (!isHttpUrl(body.serviceUrl)) return 'serviceUrl is missing or not an http(s) URL';
  return null;
}

/** Starts the server and resolves once it listens. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { config, readiness } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const bot = createBot({ config, logger, hooks: options.hooks, registerRoutes: options.registerRoutes });
  const server = restify.createServer({ name: 'coc-monitor' });
  server.use(restify.plugins.bodyParser({ mapParams: false }));

  const inFlight = new Set<Promise<void>>();
  let closing = false;

  server.post('/api/messages', async (request: Request, response: Response) => {
    const correlationId = newCorrelationId();
    const started = process.hrtime.bigint();
    const summary = summarise(request.body);
    const problem = activityEnvelopeProblem(request.body);
    if (problem !== null) {
      logger.info({ correlationId, ...summary, problem }, 'refused a body that is not an activity');
      response.send(400, { error: 'bad-request', reason: problem, reference: correlationId });
      return;
    }
    const turn = inTurnSpan(
      { correlationId, ...summary },
      () => bot.process(request, response, correlationId),
      () => response.statusCode,
    );
    inFlight.add(turn);
    try {
      await turn;
    } catch (error) {
      logger.error({ correlationId, ...summary, err: error }, 'request failed');
      if (!response.headersSent) response.send(500, { error: 'internal', reference: correlationId });
    } finally {
      inFlight.delete(turn);
      const afterTurn = options.hooks?.afterTurn;
      if (afterTurn) {
        if (response.writableFinished) afterTurn();
        else response.once('close', afterTurn);
      }
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info({ correlationId, ...summary, statusCode: response.statusCode, durationMs }, 'turn handled');
    }
  });

  // restify wants handlers without `next` to be async functions.
  server.get('/healthz', async (_request: Request, response: Response) => {
    response.send(200, { status: 'ok' });
    return Promise.resolve();
  });

  server.get('/readyz', async (_request: Request, response: Response) => {
    if (closing) {
      response.send(503, { status: 'not ready', reason: 'shutting down' });
      return;
    }
    const result = await readiness.check();
    if (result.ready) response.send(200, { status: 'ready' });
    else response.send(503, { status: 'not ready', reason: result.reason ?? 'not ready' });
  });

  options.registerHttpRoutes?.(server);

  const host = options.host ?? (config.mode === 'local' ? '127.0.0.1' : '0.0.0.0');
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address();
  const urlHost = host === '0.0.0.0' ? '127.0.0.1' : host;
  logger.info({ port, host, mode: config.mode }, 'server listening');

  let closed: Promise<void> | undefined;
  const shutDown = async (): Promise<void> => {
    closing = true;
    const stopped = new Promise<void>((resolve) => {
      server.close(() => resolve());
    });
    const timeoutMs = options.closeTimeoutMs ?? 10_000;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const outcome = await Promise.race([
      Promise.allSettled([...inFlight]).then(() => 'done' as const),
      timedOut,
    ]);
    clearTimeout(timer);
    if (outcome === 'timeout') logger.warn({ running: inFlight.size }, 'turns still running at shutdown');
    server.server.closeAllConnections();
    await stopped;
    logger.info('server closed');
  };

  return {
    url: `http://${urlHost}:${port}`,
    port,
    bot,
    close: () => (closed ??= shutDown()),
  };
}
