/**
 * The one proactive sender every scheduled message goes through. It keeps under Teams' limits for
 * bots (per conversation 7 messages a second and 60 in 30 seconds; per app and tenant 30 a
 * second) by waiting for a free slot, and retries what Teams refuses for a while (429, 5xx, no
 * answer) with exponential backoff and jitter, waiting as long as a Retry-After header asks.
 * What still fails after the last attempt is thrown with the reason, for the caller to record:
 * nothing is dropped silently.
 */
import type { Activity, ConversationReference } from 'botbuilder';
import type { ProactiveSender } from './proactive';

/** A sliding-window limit: at most `count` requests in any `windowMs`. */
export interface WindowLimit {
  count: number;
  windowMs: number;
}

/** Teams' limits and how hard to retry. */
export interface SenderSettings {
  perConversation: WindowLimit[];
  perApp: WindowLimit[];
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Added to every window: a request reaches Teams a little after it leaves, so keep clear of the edge. */
  safetyMarginMs: number;
  /** Injected in tests. */
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  random: () => number;
}

/** The published Teams limits for a bot, and a retry budget of about a minute. */
export const teamsSenderSettings: SenderSettings = {
  perConversation: [
    { count: 7, windowMs: 1_000 },
    { count: 60, windowMs: 30_000 },
  ],
  perApp: [{ count: 30, windowMs: 1_000 }],
  maxAttempts: 6,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  safetyMarginMs: 100,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
  random: () => Math.random(),
};

/** Thrown when Teams still refuses a message after the last attempt. */
export class DeliveryFailedError extends Error {
  constructor(
    readonly attempts: number,
    readonly status: number | undefined,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(
      `Teams did not accept the message after ${String(attempts)} attempt${attempts === 1 ? '' : 's'}` +
        `${status === undefined ? '' : ` (HTTP ${String(status)})`}: ${detail}`,
      options,
    );
    this.name = 'DeliveryFailedError';
  }
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null && name in value
    ? (value as Record<string, unknown>)[name]
    : undefined;
}

/** The HTTP status of a connector error (botframework-connector's RestError), if any. */
export function statusOfSendError(error: unknown): number | undefined {
  const status = field(error, 'statusCode') ?? field(field(error, 'response'), 'status');
  return typeof status === 'number' ? status : undefined;
}

/** The Retry-After of a refused request in milliseconds, if the answer carried one. */
export function retryAfterMsOf(error: unknown): number | undefined {
  const headers = field(field(error, 'response'), 'headers');
  const getter = field(headers, 'get');
  const raw: unknown =
    typeof getter === 'function'
      ? (getter as (name: string) => unknown).call(headers, 'retry-after')
      : field(headers, 'retry-after');
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function retryable(status: number | undefined): boolean {
  return status === undefined || status === 429 || status === 408 || status >= 500;
}

/** Timestamps of recent requests per key, to wait for a free slot under every window. */
class SlidingWindows {
  private readonly sent = new Map<string, number[]>();

  private readonly limits: WindowLimit[];

  constructor(limits: readonly WindowLimit[], marginMs: number) {
    this.limits = limits.map((limit) => ({ ...limit, windowMs: limit.windowMs + marginMs }));
  }

  /** Milliseconds until a request for `key` fits every window (0: now). */
  waitFor(key: string, now: number): number {
    const longest = Math.max(0, ...this.limits.map((limit) => limit.windowMs));
    const times = (this.sent.get(key) ?? []).filter((time) => time > now - longest);
    this.sent.set(key, times);
    let wait = 0;
    for (const limit of this.limits) {
      const inWindow = times.filter((time) => time > now - limit.windowMs);
      if (inWindow.length >= limit.count) {
        const oldest = inWindow[inWindow.length - limit.count] ?? now;
        wait = Math.max(wait, oldest + limit.windowMs - now + 1);
      }
    }
    return wait;
  }

  record(key: string, now: number): void {
    this.sent.set(key, [...(this.sent.get(key) ?? []), now]);
  }
}

/** A {@link ProactiveSender} that paces and retries; see the module comment. */
export class RateLimitedSender implements ProactiveSender {
  private readonly conversations: SlidingWindows;
  private readonly app: SlidingWindows;

  constructor(
    private readonly inner: ProactiveSender,
    private readonly settings: SenderSettings = teamsSenderSettings,
  ) {
    this.conversations = new SlidingWindows(settings.perConversation, settings.safetyMarginMs);
    this.app = new SlidingWindows(settings.perApp, settings.safetyMarginMs);
  }

  send(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<string | undefined> {
    return this.withRetries(reference, () => this.inner.send(reference, activity));
  }

  update(
    reference: Partial<ConversationReference>,
    activityId: string,
    activity: Partial<Activity>,
  ): Promise<void> {
    return this.withRetries(reference, () => this.inner.update(reference, activityId, activity));
  }

  private async slot(conversationId: string): Promise<void> {
    for (;;) {
      const now = this.settings.now();
      const wait = Math.max(this.conversations.waitFor(conversationId, now), this.app.waitFor('app', now));
      if (wait <= 0) {
        this.conversations.record(conversationId, now);
        this.app.record('app', now);
        return;
      }
      await this.settings.sleep(wait);
    }
  }

  private backoff(attempt: number, error: unknown): number {
    const asked = retryAfterMsOf(error);
    if (asked !== undefined) return Math.min(asked, this.settings.maxDelayMs);
    const ceiling = Math.min(this.settings.maxDelayMs, this.settings.baseDelayMs * 2 ** (attempt - 1));
    return ceiling / 2 + (ceiling / 2) * this.settings.random(); // "equal jitter"
  }

  private async withRetries<T>(
    reference: Partial<ConversationReference>,
    call: () => Promise<T>,
  ): Promise<T> {
    const conversationId = reference.conversation?.id ?? 'unknown';
    for (let attempt = 1; ; attempt += 1) {
      await this.slot(conversationId);
      try {
        return await call();
      } catch (error) {
        const status = statusOfSendError(error);
        if (!retryable(status) || attempt >= this.settings.maxAttempts) {
          const detail =
            error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
          throw new DeliveryFailedError(attempt, status, detail, { cause: error });
        }
        await this.settings.sleep(this.backoff(attempt, error));
      }
    }
  }
}

const shared = new WeakMap<ProactiveSender, RateLimitedSender>();

/** The one rate-limited sender over `proactive` (shared, so every user counts against one budget). */
export function rateLimitedSenderFor(
  proactive: ProactiveSender,
  settings: SenderSettings = teamsSenderSettings,
): RateLimitedSender {
  if (proactive instanceof RateLimitedSender) return proactive;
  const existing = shared.get(proactive);
  if (existing) return existing;
  const sender = new RateLimitedSender(proactive, settings);
  shared.set(proactive, sender);
  return sender;
}
