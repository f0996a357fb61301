/**
 * The scheduled board summaries: every board channel whose summary is due (monthly on the 1st by
 * default, or weekly on Mondays; `summary schedule` sets it) gets one post per period. Each board
 * is claimed (its last summary time moved) before posting, so a second run posts nothing; a failed
 * post gives the claim back for the next run.
 */
import { claimDueBoardSummaries } from '../../app/boards/board-summary';
import type { ScheduledJob } from '../../app/shared/scheduled-job';
import { cardAttachment } from '../card-attachment';
import { renderBoardSummaryCard } from '../../views/boards/board-summary-card';
import type { FeatureContext } from './feature-context';

/** The job that posts due board summaries to improvement board channels. */
export function boardSummaryJob(features: FeatureContext): ScheduledJob {
  return {
    name: 'board-summary',
    async run(now: Date): Promise<void> {
      const claimed = await claimDueBoardSummaries(features.app, now);
      for (const due of claimed) {
        try {
          await features.proactive.send(due.board.reference, {
            attachments: [cardAttachment(renderBoardSummaryCard(due.summary))],
          });
        } catch (error) {
          features.logger.error(
            { err: error, serviceCode: due.board.serviceCode, channel: due.board.key },
            'could not post a board summary',
          );
          await due.release();
        }
      }
    },
  };
}
