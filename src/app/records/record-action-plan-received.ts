/**
 * Use case: the Service Liaison Lead records the day the service's action plan arrived (§13).
 */
import { z } from 'zod';
import { fromParse, invalid, ok, type Result } from '../../domain/errors';
import { decideCauseOfConcern } from '../../domain/lifecycle';
import { LocalDate, type CauseOfConcern, type Person } from '../../domain/records';
import { todayOf, type AppContext } from '../shared/app-context';
import { byId, changeRecord, type Changed } from '../shared/change-record';
import { causesOfConcern } from '../shared/record-kinds';
import { actionPlanLateJobs } from './notify-action-plan-late';

/** The field of the action-plan form. */
export const ActionPlanReceivedFields = z.object({ date: z.string().min(1, 'is required').pipe(LocalDate) });

/** What the caller asks for; `expectedUpdatedAt` is the version their form showed. */
export interface RecordActionPlanReceivedInput {
  cocId: string;
  date: string;
  expectedUpdatedAt?: string | undefined;
}

/** The date as typed, refused when it is not a real date or is still to come. */
function receivedDate(context: AppContext, input: RecordActionPlanReceivedInput): Result<{ date: string }> {
  const fields = fromParse(ActionPlanReceivedFields.safeParse(input));
  if (fields.ok && fields.value.date > todayOf(context)) {
    return invalid([{ field: 'date', message: "can't be in the future" }]);
  }
  return fields;
}

/** Saves the date the action plan was received through the change pipeline. */
export async function recordActionPlanReceived(
  context: AppContext,
  actor: Person,
  input: RecordActionPlanReceivedInput,
): Promise<Result<Changed<CauseOfConcern>>> {
  return changeRecord(context, actor, {
    action: 'recordActionPlan',
    load: byId(context, causesOfConcern, input.cocId),
    expectedUpdatedAt: input.expectedUpdatedAt,
    fields: () => receivedDate(context, input),
    decide: ({ record }, { date }, decision) => {
      const decided = decideCauseOfConcern(
        record.value,
        { type: 'recordActionPlanReceived', date },
        decision,
      );
      if (!decided.ok || !decided.value.state) return decided;
      return ok({ ...decided.value, jobs: actionPlanLateJobs(decided.value.state, context) });
    },
  });
}
