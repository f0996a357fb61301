/**
 * What every bot feature (a group of commands and card actions) is given when it registers its
 * routes: the use-case context (store, clock, ids), a logger, and the proactive sender.
 */
import type { Logger } from 'pino';
import type { AppContext } from '../../app/shared/app-context';
import type { ProactiveSender } from '../proactive';

export interface FeatureContext {
  /** Store, clock and id source for the use cases in `src/app`. */
  app: AppContext;
  logger: Logger;
  /** Posts to channels and personal chats the bot has a reference for. */
  proactive: ProactiveSender;
  /** Reminder settings (REMINDER_WINDOW_DAYS); 7 days when not given. */
  reminders?: { windowDays: number };
  /** Signing key and base URL of the quarterly report download links; no links when absent. */
  reportLinks?: { secret: string; baseUrl: () => string };
}
