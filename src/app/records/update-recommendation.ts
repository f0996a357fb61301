/**
 * Use case: the Service Liaison Lead sets a recommendation's status and RAG from the CoC card.
 */
import { z } from 'zod';
import { invalidFromZod, ok, type Result } from '../../domain/errors';
import { decideRecommendation, type RecommendationDecision } from '../../domain/lifecycle';
import { Rag, RecommendationStatus, type Person, type Recommendation } from '../../domain/records';
import type { AppContext } from '../shared/app-context';
import { changeRecommendation, type RecommendationChanged } from '../shared/change-record';
import type { DecisionContext } from '../../domain/lifecycle';

/** The fields of the update form. */
export const UpdateRecommendationFields = z.object({
  status: RecommendationStatus,
  rag: Rag,
});

/** What the caller asks for; `expectedUpdatedAt` is the version their form showed. */
export interface UpdateRecommendationInput {
  recommendationId: string;
  status: string;
  rag: string;
  expectedUpdatedAt?: string;
}

function decideStatusAndRag(
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

/** Checks, loads, authorizes, decides and saves a status and RAG change. */
export async function updateRecommendation(
  context: AppContext,
  actor: Person,
  input: UpdateRecommendationInput,
): Promise<Result<RecommendationChanged>> {
  const fields = UpdateRecommendationFields.safeParse(input);
  return changeRecommendation(context, actor, {
    recommendationId: input.recommendationId,
    action: 'updateRecommendation',
    expectedUpdatedAt: input.expectedUpdatedAt,
    fields: fields.success ? ok(fields.data) : invalidFromZod(fields.error),
    decide: decideStatusAndRag,
  });
}
