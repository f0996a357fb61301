/**
 * Engagement with services and boards (issue 5): requests for an update and their answers
 * (engagement-requests.ts), board summaries (board-summary.ts) and the quarterly report
 * (quarterly-report.ts). The scheduled jobs are exported for the scheduler to run.
 */
import type { BotApplication } from '../create-bot';
import { registerBoardSummary } from './board-summary';
import { registerEngagementRequests } from './engagement-requests';
import type { FeatureContext } from './feature-context';
import { registerQuarterlyReport } from './quarterly-report';

export { boardSummaryJob } from './board-summary-job';
export { engagementChaserJob } from './engagement-chaser';

/** Registers this feature's commands and card actions. */
export function registerEngagement(app: BotApplication, features: FeatureContext): void {
  registerEngagementRequests(app, features);
  registerBoardSummary(app, features);
  registerQuarterlyReport(app, features);
}
