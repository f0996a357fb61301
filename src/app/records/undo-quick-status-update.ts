/**
 * Use case: Undo of a quick status update, from the confirmation card. Only the person who made
 * the update may undo it, and only while the recommendation is as they left it; the Undo writes
 * an audit event of its own.
 */
import { formatChangeTime } from '../../domain/clock';
import { fail, ok, type Result } from '../../domain/errors';
import { parseRecordId } from '../../domain/ids';
import { decideUndoQuickStatusUpdate } from '../../domain/lifecycle/quick-status-update';
import type { AuditEvent, Person, Recommendation } from '../../domain/records';
import type { AppContext } from '../shared/app-context';
import { changeRecord, type Changed } from '../shared/change-record';
import { byRecommendationId, type LoadedRecommendation } from './recommendation-in-coc';
import { nameOf } from '../shared/people';
import { recommendations } from '../shared/record-kinds';

/** Which update to undo. */
export interface UndoQuickStatusUpdateInput {
  recommendationId: string;
  auditEventId: string;
}

/** The quick update's audit event, filed under the recommendation's CoC. */
async function findUpdate(
  context: AppContext,
  input: UndoQuickStatusUpdateInput,
): Promise<AuditEvent | null> {
  const place = recommendations.locate(input.recommendationId);
  const parsed = parseRecordId(input.recommendationId);
  const filedUnder = parsed?.kind === 'recommendation' ? parsed.cocId : parsed?.id;
  if (!place || !filedUnder) return null;
  const events = await context.store.records.listAudit(place.partition, filedUnder, { limit: 500 });
  return events.find((e) => e.id === input.auditEventId && e.subject.id === place.id) ?? null;
}

/** The progress update that was the latest before the quick update, by the id the event recorded. */
async function updateBefore(
  context: AppContext,
  partition: string,
  event: AuditEvent,
): Promise<Result<Recommendation['latestUpdate']>> {
  const id = event.changes.find((change) => change.field === 'latestUpdate')?.from;
  if (typeof id !== 'string') return ok(undefined);
  const found = (await context.store.records.listProgress(partition, event.subject.id)).find(
    (u) => u.id === id,
  );
  if (!found) return ok(undefined);
  const { subjectId: _subjectId, serviceCode: _serviceCode, ...latest } = found;
  return ok(latest);
}

/** The earlier progress update to restore, or the refusal when the caller did not make the update. */
async function undoFields(
  context: AppContext,
  actor: Person,
  partition: string,
  event: AuditEvent,
): Promise<Result<Recommendation['latestUpdate']>> {
  if (event.actor === actor.objectId) return updateBefore(context, partition, event);
  const maker = await nameOf(context, event.actor, 'someone else');
  return fail('not-allowed', `You can't undo this change: only ${maker}, who made it, can undo it.`);
}

/** The refusal when the recommendation changed after the quick update: who changed it, and when. */
async function changedAfterUpdate(
  context: AppContext,
  event: AuditEvent,
  otherwise: Result<never>,
): Promise<Result<never>> {
  const place = recommendations.locate(event.subject.id);
  const fresh = place ? await recommendations.read(context.store, place) : null;
  if (!fresh) return otherwise;
  const by = await nameOf(context, fresh.value.updatedBy, 'someone else');
  const when = formatChangeTime(fresh.value.updatedAt);
  return fail(
    'conflict',
    `You can't undo this change: ${fresh.value.id} was changed by ${by} at ${when}, after your update.`,
  );
}

/** Undoes a quick status update through the change pipeline. */
export async function undoQuickStatusUpdate(
  context: AppContext,
  actor: Person,
  input: UndoQuickStatusUpdateInput,
): Promise<Result<Changed<Recommendation, LoadedRecommendation> & { undone: AuditEvent }>> {
  const event = await findUpdate(context, input);
  if (!event) return fail('not-found', "I can't find that change to undo.");
  const result: Result<Changed<Recommendation, LoadedRecommendation>> = await changeRecord(context, actor, {
    action: 'updateRecommendation',
    load: byRecommendationId(context, event.subject.id),
    fields: ({ partition }) => undoFields(context, actor, partition, event),
    decide: ({ record }, previous, decision) =>
      decideUndoQuickStatusUpdate(record.value, event, previous, decision),
  });
  if (result.ok) return ok({ ...result.value, undone: event });
  return result.error.code === 'conflict' ? changedAfterUpdate(context, event, result) : result;
}
