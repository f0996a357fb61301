/**
 * Every command and card action of the bot, registered on the teams-ai application in one place.
 * Each feature module owns its routes; the order below is the order teams-ai tries them.
 */
import type { BotApplication } from '../create-bot';
import { registerClosures } from './closures';
import { registerCocCard } from './coc-card';
import { registerEngagement } from './engagement';
import type { FeatureContext } from './feature-context';
import { registerIssueForms } from './issue-forms';
import { registerLists } from './lists';
import { registerReminders } from './reminders';

export type { FeatureContext } from './feature-context';
export { personOf } from './identify';

/** Registers every feature's routes (called by `createBot` between `help` and the catch-alls). */
export function registerFeatures(app: BotApplication, features: FeatureContext): void {
  registerIssueForms(app, features);
  registerCocCard(app, features);
  registerLists(app, features);
  registerClosures(app, features);
  registerReminders(app, features);
  registerEngagement(app, features);
}
