/**
 * Use case: Undo of a quick status update, from the confirmation card. Only the person who made
 * the update may undo it, and only while the recommendation is as they left it; the Undo writes
 * an audit event of its own.
 */
import { fail, ok, type Result } from '../../domain/errors';
import { parseRecordId } from '../../domain/ids';
import { decideUndoQuickStatusUpdate } from '../../domain/lifecycle/quick-status-update';
import type { AuditEvent, Person, Recommendation } from '../../domain/records';
import type { AppContext } from '../shared/app-context';
import {
  changeRecommendation,
  partitionOfRecommendation,
  type RecommendationChanged,
} from '../shared/change-record';
import { formatChangeTime } from '../shared/record-scope';

/** Which update to undo. */
export interface UndoQuickStatusUpdateInput {
  recommendationId: string;
  auditEventId: string;
}

async function nameOf(context: AppContext, objectId: string): Promise<string> {
  return (await context.store.directory.getPerson(objectId))?.name ?? 'someone else';
}

async function previousUpdateOf(
  context: AppContext,
  partition: string,
  event: AuditEvent,
): Promise<Recommendation['latestUpdate']> {
  const id = event.changes.find((change) => change.field === 'latestUpdate')?.from;
  if (typeof id !== 'string') return undefined;
  const updates = await context.store.records.listProgress(partition, event.subject.id);
  const found = updates.find((update) => update.id === id);
  if (!found) return undefined;
  const { subjectId: _subjectId, serviceCode: _serviceCode, ...latest } = found;
  return latest;
}

/** Checks, loads, authorizes, decides and saves the Undo of a quick status update. */
export async function undoQuickStatusUpdate(
  context: AppContext,
  actor: Person,
  input: UndoQuickStatusUpdateInput,
): Promise<Result<RecommendationChanged & { undone: AuditEvent }>> {
  const partition = partitionOfRecommendation(input.recommendationId);
  const parsed = parseRecordId(input.recommendationId);
  const auditSubject = parsed?.kind === 'recommendation' ? parsed.cocId : parsed?.id;
  const events =
    partition && auditSubject
      ? await context.store.records.listAudit(partition, auditSubject, { limit: 500 })
      : [];
  const event = events.find((e) => e.id === input.auditEventId && e.subject.id === parsed?.id);
  if (!partition || !event) return fail('not-found', "I can't find that change to undo.");

  let fields: Result<{ event: AuditEvent; previous: Recommendation['latestUpdate'] }>;
  if (event.actor !== actor.objectId) {
    const maker = await nameOf(context, event.actor);
    fields = fail('not-allowed', `You can't undo this change: only ${maker}, who made it, can undo it.`);
  } else {
    fields = ok({ event, previous: await previousUpdateOf(context, partition, event) });
  }
  const result = await changeRecommendation(context, actor, {
    recommendationId: event.subject.id,
    action: 'updateRecommendation',
    fields,
    decide: (recommendation, undo, decision) =>
      decideUndoQuickStatusUpdate(recommendation, undo.event, undo.previous, decision),
  });
  if (!result.ok && result.error.code === 'conflict') {
    const fresh = await context.store.records.getRecommendation(partition, event.subject.id);
    if (fresh) {
      const by = await nameOf(context, fresh.value.updatedBy);
      return fail(
        'conflict',
        `You can't undo this change: ${fresh.value.id} was changed by ${by} at ${formatChangeTime(fresh.value.updatedAt)}, after your update.`,
      );
    }
  }
  return result.ok ? ok({ ...result.value, undone: event }) : result;
}
