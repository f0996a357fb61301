/**
 * The quick status update from chat (`status BUC-1.3 amber <note>`) and its Undo.
 *
 * A quick update is one change a person can take back: it may move the status by hand, sets the
 * RAG and adds the note as a progress update, and it is recorded as ONE audit event so Undo can
 * name exactly what to reverse. Undo is allowed only to the person who made the update and only
 * while the recommendation is as they left it; it writes an audit event of its own. The progress
 * update stays in the append-only log; Undo restores the recommendation's latest update pointer.
 */
import { fail, ok, type Result } from '../errors';
import {
  Rag,
  RecommendationStatus,
  type AuditEvent,
  type FieldChange,
  type Recommendation,
} from '../records';
import { auditEvent, touched, type DecisionContext } from './decision';
import {
  canMoveRecommendation,
  decideRecommendation,
  recommendationServiceCode,
  type RecommendationDecision,
} from './recommendation';

/** The audit action of a quick status update; Undo looks for exactly this. */
export const quickStatusUpdateAction = 'recommendation.status-updated';

/** The audit action written when a quick status update is undone. */
export const quickStatusUndoneAction = 'recommendation.status-update-undone';

/** What a quick status update asks for. */
export interface QuickStatusUpdate {
  status?: RecommendationStatus;
  rag: Rag;
  text: string;
}

function subjectOf(recommendation: Recommendation) {
  return {
    kind: 'recommendation' as const,
    id: recommendation.id,
    serviceCode: recommendationServiceCode(recommendation),
    cocId: recommendation.cocId,
  };
}

/**
 * Decides a quick status update: an optional status move by hand, then the note with the new RAG.
 * A signed-off recommendation is refused: its RAG no longer moves.
 */
export function decideQuickStatusUpdate(
  recommendation: Recommendation,
  input: QuickStatusUpdate,
  context: DecisionContext,
): Result<RecommendationDecision> {
  if (recommendation.status === 'closed') {
    return fail(
      'invalid-transition',
      `Recommendation ${recommendation.id} is signed off (closed), so its status and RAG can't be changed.`,
    );
  }
  let current = recommendation;
  const changes: FieldChange[] = [];
  if (input.status !== undefined && input.status !== recommendation.status) {
    const moved = decideRecommendation(recommendation, { type: 'setStatus', status: input.status }, context);
    if (!moved.ok) return moved;
    current = moved.value.state;
    changes.push(...moved.value.events.flatMap((event) => event.changes));
  }
  const noted = decideRecommendation(
    current,
    { type: 'addProgress', text: input.text, rag: input.rag },
    context,
  );
  if (!noted.ok) return noted;
  changes.push(...noted.value.events.flatMap((event) => event.changes));
  const event = auditEvent(
    context,
    quickStatusUpdateAction,
    subjectOf(recommendation),
    changes,
    input.text.trim(),
  );
  const decision: RecommendationDecision = { state: noted.value.state, events: [event] };
  if (noted.value.progressUpdate !== undefined) decision.progressUpdate = noted.value.progressUpdate;
  return ok(decision);
}

/** The old value of one field of an audit event, or undefined when the event did not change it. */
function oldValue(event: AuditEvent, field: string): { changed: boolean; from: unknown } {
  const change = event.changes.find((c) => c.field === field);
  return change === undefined ? { changed: false, from: undefined } : { changed: true, from: change.from };
}

/** Whether every field the event changed still holds the value the event set. */
function stillAsLeftBy(recommendation: Recommendation, event: AuditEvent): boolean {
  return event.changes.every((change) => {
    if (change.field === 'status') return recommendation.status === change.to;
    if (change.field === 'rag') return recommendation.rag === change.to;
    if (change.field === 'latestUpdate') return recommendation.latestUpdate?.id === change.to;
    return true;
  });
}

/**
 * Decides the Undo of a quick status update. `previousUpdate` is the progress update that was the
 * latest before the quick update (undefined if there was none); the caller looks it up by the id
 * the event recorded.
 */
export function decideUndoQuickStatusUpdate(
  recommendation: Recommendation,
  event: AuditEvent,
  previousUpdate: Recommendation['latestUpdate'],
  context: DecisionContext,
): Result<RecommendationDecision> {
  if (event.action !== quickStatusUpdateAction || event.subject.id !== recommendation.id) {
    return fail('not-found', `That change to ${recommendation.id} can't be undone from here.`);
  }
  if (event.actor !== context.actor.objectId) {
    return fail('not-allowed', "You can't undo this change: only the person who made it can.");
  }
  if (recommendation.updatedAt !== event.at || !stillAsLeftBy(recommendation, event)) {
    return fail(
      'conflict',
      `Recommendation ${recommendation.id} has changed since, so this update can't be undone.`,
    );
  }
  const status = oldValue(event, 'status');
  const rag = oldValue(event, 'rag');
  const latest = oldValue(event, 'latestUpdate');
  const oldStatus = RecommendationStatus.safeParse(status.from);
  const oldRag = Rag.optional().safeParse(rag.from);
  if ((status.changed && !oldStatus.success) || (rag.changed && !oldRag.success)) {
    return fail('not-found', `The change to ${recommendation.id} does not say what to go back to.`);
  }
  if (latest.changed && (previousUpdate?.id ?? undefined) !== latest.from) {
    return fail('not-found', `The earlier progress update of ${recommendation.id} could not be found.`);
  }
  const restored: Recommendation = { ...recommendation };
  const changes: FieldChange[] = [];
  if (status.changed && oldStatus.success) {
    if (!canMoveRecommendation(recommendation.status, oldStatus.data, 'byHand')) {
      return fail(
        'invalid-transition',
        `Recommendation ${recommendation.id} can't go back to its old status.`,
      );
    }
    restored.status = oldStatus.data;
    changes.push({ field: 'status', from: recommendation.status, to: oldStatus.data });
  }
  if (rag.changed && oldRag.success) {
    restored.rag = oldRag.data;
    changes.push({ field: 'rag', from: recommendation.rag, to: oldRag.data });
  }
  if (latest.changed) {
    restored.latestUpdate = previousUpdate;
    changes.push({ field: 'latestUpdate', from: recommendation.latestUpdate?.id, to: previousUpdate?.id });
  }
  const undone = auditEvent(
    context,
    quickStatusUndoneAction,
    subjectOf(recommendation),
    changes,
    `Undid the status update ${event.id}.`,
  );
  return ok({ state: touched(restored, context), events: [undone] });
}
