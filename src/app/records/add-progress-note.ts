/**
 * Use case: a progress note with evidence links on a recommendation, from the Service Liaison Lead
 * or the service's own Service Liaison Officer (whose notes are recorded as the service's response).
 */
import { z } from 'zod';
import { invalidFromZod, ok, type Result } from '../../domain/errors';
import { decideRecommendation } from '../../domain/lifecycle';
import { EvidenceLink, ProgressUpdate, type Person } from '../../domain/records';
import type { AppContext } from '../shared/app-context';
import { changeRecommendation, type RecommendationChanged } from '../shared/change-record';

/** The most links the card's form offers. */
export const maxEvidenceLinksPerNote = 5;

const maxNoteLength = ProgressUpdate.shape.text.maxLength ?? 4000;

/** The fields of the progress-note form. */
export const ProgressNoteFields = z.object({
  text: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(maxNoteLength, `must be at most ${String(maxNoteLength)} characters`),
  evidenceLinks: z
    .array(EvidenceLink)
    .max(maxEvidenceLinksPerNote, `can hold at most ${String(maxEvidenceLinksPerNote)} links`),
});

/** What the caller asks for; `expectedUpdatedAt` is the version their form showed. */
export interface AddProgressNoteInput {
  recommendationId: string;
  text: string;
  evidenceLinks: string[];
  expectedUpdatedAt?: string;
}

/** Checks, loads, authorizes, decides and saves a progress note. */
export async function addProgressNote(
  context: AppContext,
  actor: Person,
  input: AddProgressNoteInput,
): Promise<Result<RecommendationChanged>> {
  const fields = ProgressNoteFields.safeParse(input);
  const source = actor.roles.includes('slo') && !actor.roles.includes('sll') ? 'sloResponse' : 'sllNote';
  return changeRecommendation(context, actor, {
    recommendationId: input.recommendationId,
    action: 'addProgressNote',
    expectedUpdatedAt: input.expectedUpdatedAt,
    fields: fields.success ? ok(fields.data) : invalidFromZod(fields.error),
    decide: (recommendation, note, decision) =>
      decideRecommendation(recommendation, { type: 'addProgress', ...note, source }, decision),
  });
}
