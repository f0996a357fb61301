/**
 * Use case: a new target date for a recommendation, with the reason. The original date and every
 * revision are kept on the recommendation.
 */
import { z } from 'zod';
import { invalidFromZod, ok, type Result } from '../../domain/errors';
import { decideRecommendation } from '../../domain/lifecycle';
import { LocalDate, TargetDateRevision, type Person } from '../../domain/records';
import type { AppContext } from '../shared/app-context';
import { changeRecommendation, type RecommendationChanged } from '../shared/change-record';

const maxReasonLength = TargetDateRevision.shape.reason.maxLength ?? 1000;

/** The fields of the target-date form. */
export const TargetDateFields = z.object({
  date: z.string().min(1, 'is required').pipe(LocalDate),
  reason: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(maxReasonLength, `must be at most ${String(maxReasonLength)} characters`),
});

/** What the caller asks for; `expectedUpdatedAt` is the version their form showed. */
export interface ReviseTargetDateInput {
  recommendationId: string;
  date: string;
  reason: string;
  expectedUpdatedAt?: string;
}

/** Checks, loads, authorizes, decides and saves a target-date revision. */
export async function reviseTargetDate(
  context: AppContext,
  actor: Person,
  input: ReviseTargetDateInput,
): Promise<Result<RecommendationChanged>> {
  const fields = TargetDateFields.safeParse(input);
  return changeRecommendation(context, actor, {
    recommendationId: input.recommendationId,
    action: 'reviseTargetDate',
    expectedUpdatedAt: input.expectedUpdatedAt,
    fields: fields.success ? ok(fields.data) : invalidFromZod(fields.error),
    decide: (recommendation, revision, decision) =>
      decideRecommendation(recommendation, { type: 'reviseTargetDate', ...revision }, decision),
  });
}
