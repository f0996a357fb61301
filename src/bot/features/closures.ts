/**
 * Closure approvals (issue 4): the SLL asks to close a recommendation or AFI, the Chief of Staff
 * and then the HM Inspector decide on actionable cards, the service channel follows the status in
 * place, and a closed CoC gets its closure letter drafted. Also the `delegate` command for leave
 * cover. docs/closure-approvals.md describes the chain.
 */
import type { BotApplication } from '../create-bot';
import { registerClosureActions } from './closure-actions';
import { registerDelegation } from './closure-delegation';
import type { FeatureContext } from './feature-context';

export { approvalChaserJob } from './closure-chasers';

/** Registers this feature's commands and card actions. */
export function registerClosures(app: BotApplication, features: FeatureContext): void {
  registerClosureActions(app, features);
  registerDelegation(app, features);
}
