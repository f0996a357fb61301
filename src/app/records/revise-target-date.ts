/**
 * Use case: a new target date for a recommendation, with the reason. The original date and every
 * revision are kept on the recommendation.
 */
import { z } from 'zod';
import { fromParse, type Result } from '../../domain/errors';
import { decideRecommendation } from '../../domain/lifecycle';
import { LocalDate, TargetDateRevision, type Person, type Recommendation } from '../../domain/records';
import type { AppContext } from '../shared/app-context';
import type { Changed } from '../shared/change-record';
import { changeRecommendation, type LoadedRecommendation } from './recommendation-in-coc';
import { requiredText } from '../shared/form-fields';

const maxReasonLength = TargetDateRevision.shape.reason.maxLength ?? 1000;

/** The fields of the target-date form. */
export const TargetDateFields = z.object({
  date: z.string().min(1, 'is required').pipe(LocalDate),
  reason: requiredText(maxReasonLength),
});

/** What the caller asks for; `expectedUpdatedAt` is the version their form showed. */
export interface ReviseTargetDateInput {
  recommendationId: string;
  date: string;
  reason: string;
  expectedUpdatedAt?: string | undefined;
}

/** Saves a target-date revision through the change pipeline. */
export async function reviseTargetDate(
  context: AppContext,
  actor: Person,
  input: ReviseTargetDateInput,
): Promise<Result<Changed<Recommendation, LoadedRecommendation>>> {
  return changeRecommendation(context, actor, {
    action: 'reviseTargetDate',
    ...input,
    fields: fromParse(TargetDateFields.safeParse(input)),
    decide: (recommendation, revision, decision) =>
      decideRecommendation(recommendation, { type: 'reviseTargetDate', ...revision }, decision),
  });
}
