/**
 * Use case: the quick status update typed in chat, `status BUC-1.3 amber <note>`: sets the RAG
 * (and optionally the status) and adds the note as a progress update, as one undoable change.
 */
import { z } from 'zod';
import { fromParse, type Result } from '../../domain/errors';
import { decideQuickStatusUpdate } from '../../domain/lifecycle/quick-status-update';
import {
  ProgressUpdate,
  Rag,
  RecommendationStatus,
  type Person,
  type Recommendation,
} from '../../domain/records';
import type { AppContext } from '../shared/app-context';
import { changeRecord, type Changed } from '../shared/change-record';
import { byRecommendationId, type LoadedRecommendation } from './recommendation-in-coc';

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

/** Saves a quick status update through the change pipeline. */
export async function quickStatusUpdate(
  context: AppContext,
  actor: Person,
  input: QuickStatusUpdateInput,
): Promise<Result<Changed<Recommendation, LoadedRecommendation>>> {
  return changeRecord(context, actor, {
    action: 'updateRecommendation',
    load: byRecommendationId(context, input.recommendationId),
    fields: fromParse(QuickStatusFields.safeParse(input)),
    decide: ({ record }, { status, ...update }, decision) =>
      decideQuickStatusUpdate(record.value, status === undefined ? update : { status, ...update }, decision),
  });
}
