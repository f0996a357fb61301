/**
 * Use case: a progress note with evidence links on a recommendation, from the Service Liaison Lead
 * or the service's own Service Liaison Officer (whose notes are recorded as the service's response).
 */
import { z } from 'zod';
import { fromParse, type Result } from '../../domain/errors';
import { decideRecommendation } from '../../domain/lifecycle';
import { EvidenceLink, ProgressUpdate, type Person, type Recommendation } from '../../domain/records';
import type { AppContext } from '../shared/app-context';
import type { Changed } from '../shared/change-record';
import { changeRecommendation, type LoadedRecommendation } from './recommendation-in-coc';
import { requiredText } from '../shared/form-fields';

/** The most links the card's form offers. */
export const maxEvidenceLinksPerNote = 5;

const maxNoteLength = ProgressUpdate.shape.text.maxLength ?? 4000;

/** The fields of the progress-note form. */
export const ProgressNoteFields = z.object({
  text: requiredText(maxNoteLength),
  // The links as typed: each trimmed, the empty inputs left out.
  evidenceLinks: z.preprocess(
    (links: unknown) =>
      Array.isArray(links)
        ? links
            .map((link: unknown) => (typeof link === 'string' ? link.trim() : link))
            .filter((link) => link !== '')
        : links,
    z
      .array(EvidenceLink)
      .max(maxEvidenceLinksPerNote, `can hold at most ${String(maxEvidenceLinksPerNote)} links`),
  ),
});

/** What the caller asks for; `expectedUpdatedAt` is the version their form showed. */
export interface AddProgressNoteInput {
  recommendationId: string;
  text: string;
  /** As typed: blanks are left out and each link is trimmed. */
  evidenceLinks: string[];
  expectedUpdatedAt?: string | undefined;
}

/** Saves a progress note through the change pipeline. */
export async function addProgressNote(
  context: AppContext,
  actor: Person,
  input: AddProgressNoteInput,
): Promise<Result<Changed<Recommendation, LoadedRecommendation>>> {
  const source = actor.roles.includes('slo') && !actor.roles.includes('sll') ? 'sloResponse' : 'sllNote';
  return changeRecommendation(context, actor, {
    action: 'addProgressNote',
    ...input,
    fields: fromParse(ProgressNoteFields.safeParse(input)),
    decide: (recommendation, note, decision) =>
      decideRecommendation(recommendation, { type: 'addProgress', ...note, source }, decision),
  });
}
