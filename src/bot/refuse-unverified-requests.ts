/**
 * Makes every request whose signature cannot be verified a 401.
 *
 * botbuilder 4.23 answers 401 only when the failure is its own `AuthenticationError` (no token, a
 * wrong audience or issuer). A token with a bad signature fails inside jsonwebtoken, and signing
 * keys that cannot be fetched from login.botframework.com fail as network errors: botbuilder
 * answers those with 500 and the error text. Either way nothing runs and nothing is written, but a
 * forged request should read as "unauthorised", and an outage of the key endpoint should not look
 * like a bug in the bot. test/server/unsigned-requests.test.ts shows each case.
 */
import { StatusCodes, type CloudAdapter } from 'botbuilder';
import { AuthenticationError, type BotFrameworkAuthentication } from 'botframework-connector';
import type { Logger } from 'pino';

function isBotFrameworkAuthentication(value: unknown): value is BotFrameworkAuthentication {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { authenticateRequest?: unknown }).authenticateRequest === 'function'
  );
}

/** Wraps the adapter's request authentication so that any failure is a plain 401. */
export function refuseUnverifiedRequests(adapter: CloudAdapter, logger: Logger): void {
  // CloudAdapter keeps its authentication in a protected field; read it without widening the type.
  const authentication: unknown = Reflect.get(adapter, 'botFrameworkAuthentication');
  if (!isBotFrameworkAuthentication(authentication)) {
    throw new Error('botbuilder changed: CloudAdapter has no botFrameworkAuthentication to wrap');
  }
  const authenticate = authentication.authenticateRequest.bind(authentication);
  authentication.authenticateRequest = async (activity, authHeader) => {
    try {
      return await authenticate(activity, authHeader);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      logger.warn({ activityId: activity.id, reason }, 'request refused: could not verify its signature');
      throw new AuthenticationError('Unauthorized', StatusCodes.UNAUTHORIZED);
    }
  };
}
