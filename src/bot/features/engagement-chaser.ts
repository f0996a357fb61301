/**
 * The scheduled chaser of late answers: for every open request for an update whose date has
 * passed, a short reminder in the service channel, at most once a week per request. The scheduler
 * runs it (see src/app/scheduled-jobs.ts); running it twice the same day sends nothing more.
 */
import { toLondonDate } from '../../domain/clock';
import { claimLateEngagementRequests } from '../../app/engagement/chase-late-answers';
import type { ScheduledJob } from '../../app/shared/scheduled-job';
import { cardAttachment } from '../card-attachment';
import { renderEngagementReminderCard } from '../../views/engagement/engagement-cards';
import type { FeatureContext } from './feature-context';

/** The job that reminds service channels of late answers to requests for an update. */
export function engagementChaserJob(features: FeatureContext): ScheduledJob {
  return {
    name: 'engagement-chaser',
    async run(now: Date): Promise<void> {
      const today = toLondonDate(now);
      const claimed = await claimLateEngagementRequests(features.app, today);
      for (const chase of claimed) {
        const { request } = chase.context;
        try {
          await features.proactive.send(chase.channel.reference, {
            attachments: [cardAttachment(renderEngagementReminderCard(chase.context, today))],
          });
        } catch (error) {
          features.logger.error({ err: error, requestId: request.id }, 'could not remind of a late update');
          await chase.release();
        }
      }
    },
  };
}
