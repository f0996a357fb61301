/**
 * The one way the CoC card's use cases change a recommendation: load it, check the caller may,
 * check nobody changed it since the form was drawn, decide, and commit the new state with its
 * progress update and audit events in one transaction guarded by the ETag it was read with.
 */
import { fail, ok, type Result } from '../../domain/errors';
import { parseRecordId } from '../../domain/ids';
import type { DecisionContext, RecommendationDecision } from '../../domain/lifecycle';
import type { Action } from '../../domain/policy';
import type { AuditEvent, Person, ProgressUpdate, Recommendation } from '../../domain/records';
import type { RecordChange } from '../../store';
import type { AppContext } from './app-context';
import {
  authorizeIn,
  changedSince,
  commitOrDetectConflict,
  decisionContextOf,
  scopeOf,
} from './record-scope';

/** A saved change to a recommendation. No events means nothing needed saving. */
export interface RecommendationChanged {
  /** The recommendation before the change, as it was read. */
  previous: Recommendation;
  recommendation: Recommendation;
  events: AuditEvent[];
  progressUpdate?: ProgressUpdate;
}

/** What a recommendation change needs besides the decision itself. */
export interface RecommendationChangeRequest<Fields> {
  recommendationId: string;
  action: Action;
  /** The `updatedAt` of the recommendation as the caller's form showed it. */
  expectedUpdatedAt?: string | undefined;
  /** The caller's input, checked once the caller is known to be allowed. */
  fields: Result<Fields>;
  decide: (
    recommendation: Recommendation,
    fields: Fields,
    context: DecisionContext,
  ) => Result<RecommendationDecision>;
}

/** Where a recommendation lives: its service partition, or `EXT` for external bodies. */
export function partitionOfRecommendation(recommendationId: string): string | null {
  const parsed = parseRecordId(recommendationId);
  if (parsed?.kind === 'recommendation') return parsed.serviceCode;
  if (parsed?.kind === 'externalRecommendation') return 'EXT';
  return null;
}

/** Loads, authorizes, checks the version, decides and commits a change to one recommendation. */
export async function changeRecommendation<Fields>(
  context: AppContext,
  actor: Person,
  request: RecommendationChangeRequest<Fields>,
): Promise<Result<RecommendationChanged>> {
  const partition = partitionOfRecommendation(request.recommendationId);
  const found = partition
    ? await context.store.records.getRecommendation(partition, request.recommendationId)
    : null;
  if (!partition || !found)
    return fail('not-found', `There is no recommendation ${request.recommendationId}.`);

  const scope = await scopeOf(context, actor, partition);
  const permission = authorizeIn(actor, request.action, scope);
  if (!permission.ok) return permission;
  if (!request.fields.ok) return request.fields;
  if (request.expectedUpdatedAt !== undefined && request.expectedUpdatedAt !== found.value.updatedAt) {
    return changedSince(context, 'recommendation', found.value);
  }

  const decision = request.decide(
    found.value,
    request.fields.value,
    decisionContextOf(context, actor, permission.value),
  );
  if (!decision.ok) return decision;
  const { state, events, progressUpdate } = decision.value;
  if (events.length === 0) return ok({ previous: found.value, recommendation: found.value, events });

  const changes: RecordChange[] = [
    { kind: 'update', entity: { type: 'recommendation', value: state }, etag: found.etag },
  ];
  if (progressUpdate) changes.push({ kind: 'append', entity: { type: 'progress', value: progressUpdate } });
  for (const event of events) changes.push({ kind: 'append', entity: { type: 'audit', value: event } });
  if ((await commitOrDetectConflict(context, partition, changes)) === 'conflict') {
    const fresh = await context.store.records.getRecommendation(partition, request.recommendationId);
    if (!fresh) return fail('not-found', `Recommendation ${request.recommendationId} no longer exists.`);
    return changedSince(context, 'recommendation', fresh.value);
  }
  const changed: RecommendationChanged = { previous: found.value, recommendation: state, events };
  if (progressUpdate) changed.progressUpdate = progressUpdate;
  return ok(changed);
}
