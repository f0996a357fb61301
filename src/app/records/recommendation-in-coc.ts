/**
 * A recommendation of a CoC read together with its CoC and the CoC's other recommendations, in one
 * range query of the service's partition: the change has the owners for the policy from the same
 * read, and the answer's CoC card is drawn from it and the saved change with no second read.
 */
import { ok, type Result } from '../../domain/errors';
import { cocIdOfRecommendation, parseRecordId } from '../../domain/ids';
import type { CauseOfConcern, Person, Recommendation } from '../../domain/records';
import type { CocWithRecommendations, Versioned } from '../../store';
import type { AppContext } from '../shared/app-context';
import type { DecisionContext } from '../../domain/lifecycle';
import type { Action } from '../../domain/policy';
import { changeRecord, loadById, type Changed, type Decided, type Loaded } from '../shared/change-record';
import { recommendations } from '../shared/record-kinds';
import { cocViewFrom, loadCocView, type CocCardView } from './show-record';

/** A recommendation as a change reads it; `coc` is there for a CoC's (not an external body's). */
export interface LoadedRecommendation extends Loaded<Recommendation> {
  coc?: Versioned<CauseOfConcern>;
  siblings?: Versioned<Recommendation>[];
}

/** The `load` of a change to the recommendation `id` names. */
export function byRecommendationId(
  context: AppContext,
  id: string,
): () => Promise<Result<LoadedRecommendation>> {
  return async () => {
    const parsed = parseRecordId(id);
    if (parsed?.kind !== 'recommendation') return loadById(context, recommendations, id);
    const found = await context.store.records.getCocWithRecommendations(parsed.serviceCode, parsed.cocId);
    const record = found?.recommendations.find((r) => r.value.id === parsed.id);
    if (!found || !record) return loadById(context, recommendations, id); // says "There is no …"
    return ok({
      kind: recommendations,
      partition: parsed.serviceCode,
      record,
      owners: found.coc.value.owners,
      coc: found.coc,
      siblings: found.recommendations,
    });
  };
}

/** The CoC with its recommendations as a saved change left them, when the change read them. */
export function cocAfter(
  changed: Changed<Recommendation, LoadedRecommendation, unknown>,
): CocWithRecommendations | null {
  const { coc, siblings } = changed.loaded;
  if (!coc || !siblings) return null;
  const recommendationsAfter = siblings.map((r) =>
    r.value.id === changed.state.id ? { ...r, value: changed.state } : r,
  );
  return { coc, recommendations: recommendationsAfter };
}

/** The CoC card after a change to one of its recommendations, drawn from what the change read. */
export function cocViewAfter(
  context: AppContext,
  viewer: Person,
  changed: Changed<Recommendation, LoadedRecommendation, unknown>,
): Promise<Result<CocCardView>> {
  const found = cocAfter(changed);
  return found
    ? cocViewFrom(context, viewer, found)
    : loadCocView(context, viewer, cocIdOfRecommendation(changed.state.id) ?? '');
}

/** A change to one recommendation, read with its CoC: which, the version the card showed, the action. */
export interface RecommendationChange<F> {
  action: Action;
  recommendationId: string;
  expectedUpdatedAt?: string | undefined;
  fields: Result<F>;
  decide: (
    recommendation: Recommendation,
    fields: F,
    decision: DecisionContext,
  ) => Result<Decided<Recommendation>>;
}

/** Runs a change to one recommendation through the change pipeline. */
export function changeRecommendation<F>(
  context: AppContext,
  actor: Person,
  change: RecommendationChange<F>,
): Promise<Result<Changed<Recommendation, LoadedRecommendation>>> {
  return changeRecord(context, actor, {
    action: change.action,
    load: byRecommendationId(context, change.recommendationId),
    expectedUpdatedAt: change.expectedUpdatedAt,
    fields: change.fields,
    decide: ({ record }, fields, decision) => change.decide(record.value, fields, decision),
  });
}
