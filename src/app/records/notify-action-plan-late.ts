/**
 * A late action plan is flagged to the Chief of Staff (§13): when the SLL records
 * a plan that came after its due date, the CoC's Chief of Staff is told in their personal chat,
 * after the answer, through the outbox.
 */
import { z } from 'zod';
import { actionPlanTimeliness, type ActionPlanTimeliness } from '../../domain/clock';
import type { CauseOfConcern } from '../../domain/records';
import type { AppContext } from '../shared/app-context';
import { notifyPerson } from '../shared/deliver';
import type { Notifier } from '../shared/notifier';
import type { OutboxJob } from '../shared/outbox';

/** "The action plan for BUC-1 came 2 days late", for the Chief of Staff. */
export interface ActionPlanLateMessage {
  kind: 'action-plan-late';
  coc: { id: string; title: string };
  serviceName: string;
  timeliness: ActionPlanTimeliness;
}

/** The outbox job of a late plan: the CoC it is about. */
export const ActionPlanLateJob = z.object({
  kind: z.literal('action-plan-late'),
  serviceCode: z.string().min(1),
  cocId: z.string().min(1),
});

/** The job to add when the plan recorded on `coc` came late; none when it came on time or early. */
export function actionPlanLateJobs(coc: CauseOfConcern, context: AppContext): OutboxJob[] {
  const timeliness = actionPlanTimeliness(coc, { extraHolidays: context.extraHolidays });
  return timeliness && timeliness.difference > 0
    ? [{ kind: 'action-plan-late', serviceCode: coc.serviceCode, cocId: coc.id }]
    : [];
}

/** Tells the CoC's Chief of Staff; false when they could not be reached. */
export async function notifyActionPlanLate(
  context: AppContext,
  notifier: Notifier<ActionPlanLateMessage>,
  job: z.infer<typeof ActionPlanLateJob>,
): Promise<boolean> {
  const coc = (await context.store.records.getCoc(job.serviceCode, job.cocId))?.value;
  const timeliness = coc && actionPlanTimeliness(coc, { extraHolidays: context.extraHolidays });
  if (!coc || !timeliness || timeliness.difference <= 0) return true; // corrected since: nothing to flag
  const service = await context.store.directory.getService(coc.serviceCode);
  return notifyPerson(context, notifier, coc.owners.cos, {
    kind: 'action-plan-late',
    coc: { id: coc.id, title: coc.title },
    serviceName: service?.name ?? coc.serviceCode,
    timeliness,
  });
}
