/**
 * Issuing records from card forms: `new coc`, `new afi`, and the service-channel registration
 * their summaries are posted to (`register service <CODE>`, `unregister`).
 */
import type { BotApplication } from '../create-bot';
import { registerChannelRegistration } from './channel-registration';
import type { FeatureContext } from './feature-context';
import { registerIssueAfiForm } from './issue-afi-form';
import { registerIssueCocForm } from './issue-coc-form';

/** Registers this feature's commands and card actions. */
export function registerIssueForms(app: BotApplication, features: FeatureContext): void {
  registerIssueCocForm(app, features);
  registerIssueAfiForm(app, features);
  registerChannelRegistration(app, features);
}
