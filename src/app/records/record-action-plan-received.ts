/**
 * Use case: the Service Liaison Lead records the day the service's action plan arrived (§13).
 */
import { z } from 'zod';
import { fail, invalid, invalidFromZod, ok, type Result } from '../../domain/errors';
import { parseRecordId } from '../../domain/ids';
import { decideCauseOfConcern } from '../../domain/lifecycle';
import { LocalDate, type AuditEvent, type CauseOfConcern, type Person } from '../../domain/records';
import { todayOf, type AppContext } from '../shared/app-context';
import {
  authorizeIn,
  changedSince,
  commitOrDetectConflict,
  decisionContextOf,
  scopeOf,
} from '../shared/record-scope';

/** The field of the action-plan form. */
export const ActionPlanReceivedFields = z.object({ date: z.string().min(1, 'is required').pipe(LocalDate) });

/** What the caller asks for; `expectedUpdatedAt` is the version their form showed. */
export interface RecordActionPlanReceivedInput {
  cocId: string;
  date: string;
  expectedUpdatedAt?: string;
}

/** A saved change to a CoC. No events means nothing needed saving. */
export interface CocChanged {
  coc: CauseOfConcern;
  events: AuditEvent[];
}

/** Checks, loads, authorizes, decides and saves the date the action plan was received. */
export async function recordActionPlanReceived(
  context: AppContext,
  actor: Person,
  input: RecordActionPlanReceivedInput,
): Promise<Result<CocChanged>> {
  const parsed = parseRecordId(input.cocId);
  const parsedId = parsed?.kind === 'coc' ? parsed : null;
  const found = parsedId ? await context.store.records.getCoc(parsedId.serviceCode, parsedId.id) : null;
  if (!parsedId || !found) return fail('not-found', `There is no cause of concern ${input.cocId}.`);

  const scope = await scopeOf(context, actor, parsedId.serviceCode, found.value.owners);
  const permission = authorizeIn(actor, 'recordActionPlan', scope);
  if (!permission.ok) return permission;
  const fields = ActionPlanReceivedFields.safeParse(input);
  if (!fields.success) return invalidFromZod(fields.error);
  if (fields.data.date > todayOf(context)) {
    return invalid([{ field: 'date', message: "can't be in the future" }]);
  }
  if (input.expectedUpdatedAt !== undefined && input.expectedUpdatedAt !== found.value.updatedAt) {
    return changedSince(context, 'cause of concern', found.value);
  }

  const decision = decideCauseOfConcern(
    found.value,
    { type: 'recordActionPlanReceived', date: fields.data.date },
    decisionContextOf(context, actor, permission.value),
  );
  if (!decision.ok) return decision;
  const { state, events } = decision.value;
  if (events.length === 0) return ok({ coc: found.value, events });
  const saved = await commitOrDetectConflict(context, parsedId.serviceCode, [
    { kind: 'update', entity: { type: 'coc', value: state }, etag: found.etag },
    ...events.map((event) => ({ kind: 'append' as const, entity: { type: 'audit' as const, value: event } })),
  ]);
  if (saved === 'conflict') {
    const fresh = await context.store.records.getCoc(parsedId.serviceCode, parsedId.id);
    return fresh
      ? changedSince(context, 'cause of concern', fresh.value)
      : fail('not-found', `${input.cocId} no longer exists.`);
  }
  return ok({ coc: state, events });
}
