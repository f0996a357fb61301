/**
 * What each kind of outbox job does (src/app/shared/outbox.ts): registered once at start-up, by the
 * process that serves the bot, with the Notifier its messages go through. A job's data is parsed
 * with its schema first: it was written by an earlier answer, maybe by an older version.
 */
import {
  ClosureDecidedJob,
  ClosureRaisedJob,
  notifyClosureDecided,
  notifyClosureRaised,
  type ClosureMessage,
} from './closure/notify-closure';
import { refreshRecordIndex } from './reminders/due-index';
import {
  ActionPlanLateJob,
  notifyActionPlanLate,
  type ActionPlanLateMessage,
} from './records/notify-action-plan-late';
import {
  MonitoringChangedJob,
  notifyMonitoringChanged,
  type MonitoringMessage,
} from './monitoring/notify-monitoring';
import {
  notifyRevisitDecided,
  notifyRevisitFindings,
  notifyRevisitProposed,
  RevisitDecidedJob,
  RevisitFindingsJob,
  RevisitProposedJob,
  type RevisitMessage,
} from './revisits/notify-revisit';
import type { AppContext } from './shared/app-context';
import { ContactHint } from './shared/index-jobs';
import type { Notifier } from './shared/notifier';
import { z } from 'zod';

const IndexJobData = z.object({
  kind: z.literal('index'),
  serviceCode: z.string().min(1),
  recordId: z.string().min(1),
  contacts: z.array(ContactHint),
});

/** Registers the due index's re-indexing: all a script that writes records needs. */
export function registerIndexing(context: AppContext): void {
  context.outbox.handle('index', (job) => refreshRecordIndex(context, IndexJobData.parse(job)));
}

/** Registers the handlers of every follow-up kind on the context's outbox. */
export function registerFollowUps(
  context: AppContext,
  notifier: Notifier<ClosureMessage | ActionPlanLateMessage | RevisitMessage | MonitoringMessage>,
  logger: { warn: (details: object, message: string) => void },
): void {
  const { outbox } = context;
  registerIndexing(context);
  outbox.handle('closure-raised', (job) =>
    notifyClosureRaised(context, notifier, ClosureRaisedJob.parse(job).facts),
  );
  outbox.handle('closure-decided', async (job) => {
    const decided = ClosureDecidedJob.parse(job);
    const { requesterReached } = await notifyClosureDecided(context, notifier, decided);
    if (!requesterReached)
      logger.warn({ requestId: decided.facts.request.id }, 'the requester has no personal chat with the bot');
  });
  outbox.handle('action-plan-late', async (job) => {
    const late = ActionPlanLateJob.parse(job);
    if (!(await notifyActionPlanLate(context, notifier, late)))
      logger.warn({ cocId: late.cocId }, 'the Chief of Staff has no personal chat with the bot');
  });
  outbox.handle('revisit-proposed', (job) =>
    notifyRevisitProposed(context, notifier, RevisitProposedJob.parse(job).facts),
  );
  outbox.handle('revisit-decided', (job) =>
    notifyRevisitDecided(context, notifier, RevisitDecidedJob.parse(job)),
  );
  outbox.handle('revisit-findings', (job) =>
    notifyRevisitFindings(context, notifier, RevisitFindingsJob.parse(job).revisitId),
  );
  outbox.handle('monitoring-changed', (job) =>
    notifyMonitoringChanged(context, notifier, MonitoringChangedJob.parse(job)),
  );
}
