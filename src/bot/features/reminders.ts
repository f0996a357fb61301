/**
 * Reminders: keeps the due index in step with every commit, and `sweep now` (typed by an
 * administrator, in a chat or as a channel @mention) runs the reminder sweep on demand, under the
 * same lease as the daily run. The daily run itself is started by src/main.ts (src/scheduler).
 */
import { keepDueIndex } from '../../app/reminders/due-index';
import { authorizeSweepNow } from '../../app/reminders/sweep-now';
import { runScheduledOnce } from '../../scheduler';
import { commandText, type BotApplication } from '../create-bot';
import type { FeatureContext } from './feature-context';
import { personOf } from './identify';
import { digestDeliveryOver } from './reminder-delivery';
import { sweepOutcomeText } from './reminder-sweep-text';

const sweepNowPattern = /^sweep\s+now$/i;

/** The default window: what is due within a week is "due soon". */
export const defaultReminderWindowDays = 7;

/** Registers this feature's commands and keeps the due index. */
export function registerReminders(app: BotApplication, features: FeatureContext): void {
  keepDueIndex(features.app, (error) =>
    features.logger.warn({ err: error }, 'the due index lags behind a change; the next sweep mends it'),
  );

  app.message(
    async (context) =>
      Promise.resolve(context.activity.type === 'message' && sweepNowPattern.test(commandText(context))),
    async (context) => {
      const person = await personOf(context, features);
      if (!person.ok) {
        await context.sendActivity(person.error.reason);
        return;
      }
      const allowed = authorizeSweepNow(person.value);
      if (!allowed.ok) {
        await context.sendActivity(allowed.error.reason);
        return;
      }
      const outcome = await runScheduledOnce(
        {
          context: features.app,
          delivery: digestDeliveryOver(features.proactive),
          windowDays: features.reminders?.windowDays ?? defaultReminderWindowDays,
        },
        { jobs: false },
      );
      await context.sendActivity(sweepOutcomeText(outcome));
    },
  );
}
