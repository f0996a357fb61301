/**
 * Use case: the Service Liaison Lead sets a recommendation's status and RAG from the CoC card.
 */
import { z } from 'zod';
import { fromParse, ok, type Result } from '../../domain/errors';
import {
  decideRecommendation,
  type DecisionContext,
  type RecommendationDecision,
} from '../../domain/lifecycle';
import { Rag, RecommendationStatus, type Person, type Recommendation } from '../../domain/records';
import type { AppContext } from '../shared/app-context';
import type { Changed } from '../shared/change-record';
import { changeRecommendation, type LoadedRecommendation } from './recommendation-in-coc';

/** The fields of the update form. */
export const UpdateRecommendationFields = z.object({ status: RecommendationStatus, rag: Rag });

/** What the caller asks for; `expectedUpdatedAt` is the version their form showed. */
export interface UpdateRecommendationInput {
  recommendationId: string;
  status: string;
  rag: string;
  expectedUpdatedAt?: string | undefined;
}

/** A status move by hand, then the RAG if it changed, as one decision. Pure. */
export function decideStatusAndRag(
  recommendation: Recommendation,
  fields: z.infer<typeof UpdateRecommendationFields>,
  context: DecisionContext,
): Result<RecommendationDecision> {
  const moved = decideRecommendation(recommendation, { type: 'setStatus', status: fields.status }, context);
  if (!moved.ok || fields.rag === moved.value.state.rag) return moved;
  const rated = decideRecommendation(moved.value.state, { type: 'setRag', rag: fields.rag }, context);
  if (!rated.ok) return rated;
  return ok({ state: rated.value.state, events: [...moved.value.events, ...rated.value.events] });
}

/** Saves a status and RAG change through the change pipeline. */
export async function updateRecommendation(
  context: AppContext,
  actor: Person,
  input: UpdateRecommendationInput,
): Promise<Result<Changed<Recommendation, LoadedRecommendation>>> {
  return changeRecommendation(context, actor, {
    action: 'updateRecommendation',
    ...input,
    fields: fromParse(UpdateRecommendationFields.safeParse(input)),
    decide: decideStatusAndRag,
  });
}
