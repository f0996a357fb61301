/**
 * Use case: the quick status update typed in chat, `status BUC-1.3 amber <note>`: sets the RAG
 * (and optionally the status) and adds the note as a progress update, as one undoable change.
 */
import { z } from 'zod';
import { invalidFromZod, ok, type Result } from '../../domain/errors';
import { decideQuickStatusUpdate } from '../../domain/lifecycle/quick-status-update';
import { ProgressUpdate, Rag, RecommendationStatus, type Person } from '../../domain/records';
import type { AppContext } from '../shared/app-context';
import { changeRecommendation, type RecommendationChanged } from '../shared/change-record';

/** What the shortcut carries once its words are read. */
export const QuickStatusFields = z.object({
  status: RecommendationStatus.optional(),
  rag: Rag,
  text: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(ProgressUpdate.shape.text.maxLength ?? 4000, 'is too long'),
});

/** The shortcut's request. */
export interface QuickStatusUpdateInput {
  recommendationId: string;
  status?: string;
  rag: string;
  text: string;
}

/** Checks, loads, authorizes, decides and saves a quick status update. */
export async function quickStatusUpdate(
  context: AppContext,
  actor: Person,
  input: QuickStatusUpdateInput,
): Promise<Result<RecommendationChanged>> {
  const fields = QuickStatusFields.safeParse(input);
  return changeRecommendation(context, actor, {
    recommendationId: input.recommendationId,
    action: 'updateRecommendation',
    fields: fields.success ? ok(fields.data) : invalidFromZod(fields.error),
    decide: (recommendation, update, decision) => {
      const request = update.status === undefined ? { rag: update.rag, text: update.text } : update;
      return decideQuickStatusUpdate(recommendation, request, decision);
    },
  });
}
