/**
 * `sweep now` (typed by an administrator, in a chat or as a channel @mention) runs the reminder
 * sweep on demand, under the same lease as the daily run (src/main.ts starts that one).
 */
import { sweepNow } from '../../app/reminders/sweep-now';
import { indexCheckText, sweepOutcomeText } from '../../views/reminders/sweep-outcome-text';
import type { BotApplication } from '../create-bot';
import { onCommand, type RouteTools, withArgs } from '../gate';

/** Registers `sweep now`. */
export function registerReminderRoutes(app: BotApplication, tools: RouteTools): void {
  onCommand(app, tools, {
    pattern: /^sweep\s+now$/i,
    read: () => withArgs(true),
    refused: 'text',
    handle: async ({ person }) => {
      const outcome = await sweepNow(tools.app, person, tools.notifier, tools.reminderWindowDays);
      if (!outcome.ok) return outcome.error.reason;
      return `${indexCheckText(outcome.value.check)} ${sweepOutcomeText(outcome.value.run)}`;
    },
  });
}
