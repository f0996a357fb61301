/**
 * (placeholder: filled in by the feature's author)
 */
import type { BotApplication } from '../create-bot';
import type { FeatureContext } from './feature-context';

/** Registers this feature's commands and card actions. */
export function registerReminders(app: BotApplication, features: FeatureContext): void {
  void app;
  void features;
}
