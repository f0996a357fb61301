/**
 * Recommendations to external bodies (§31-32): the deputy portfolio director adds one (addressed to
 * a body, with a target date and optionally a connected cause of concern), records its progress,
 * and asks for it to be closed; an HM Inspector agrees and the Senior Responsible Officer closes it
 * through the closure chain (closure-request.ts, steps `hmi` then `sro`).
 *
 * Pure: the form's text comes in, the recommendation and its audit event go out, or every field at
 * fault with its message.
 */
import { invalid, ok, type FieldIssue, type Result } from '../errors';
import { parseRecordId } from '../ids';
import {
  LocalDate,
  Rag,
  RecommendationStatus,
  type AuditEvent,
  type ObjectId,
  type ProgressUpdate,
  type Recommendation,
} from '../records';
import { auditEvent, type DecisionContext } from './decision';
import { decideRecommendation } from './recommendation';

/** What the deputy portfolio director typed on the `new external` form. */
export interface ExternalDraftInput {
  externalBody: string;
  text: string;
  targetDate: string;
  connectedCocId: string;
  hmi: string;
}

/** A checked draft: the recommendation without its id. */
export interface ExternalDraft {
  externalBody: string;
  text: string;
  targetDate: LocalDate;
  connectedCocId?: string;
  hmi?: ObjectId;
}

/**
 * Reads the form: the body (up to 200 characters), the text (up to 2000), a real target date, and
 * a connected CoC id when one is given (`BUC-2`). `hmiIds` are the HM Inspectors one may choose.
 * @example readExternalDraft({ externalBody: 'NFCC', text: 'Publish guidance', targetDate: '2027-06-30', connectedCocId: '', hmi: '' }, [])
 * //=> ok({ externalBody: 'NFCC', text: 'Publish guidance', targetDate: '2027-06-30' })
 */
export function readExternalDraft(
  input: ExternalDraftInput,
  hmiIds: readonly ObjectId[],
): Result<ExternalDraft> {
  const issues: FieldIssue[] = [];
  const externalBody = input.externalBody.trim();
  const text = input.text.trim();
  const targetDate = input.targetDate.trim();
  const cocText = input.connectedCocId.trim();
  const hmi = input.hmi.trim();
  if (externalBody === '') issues.push({ field: 'externalBody', message: 'is required' });
  else if (externalBody.length > 200)
    issues.push({ field: 'externalBody', message: 'must be at most 200 characters' });
  if (text === '') issues.push({ field: 'text', message: 'is required' });
  else if (text.length > 2000) issues.push({ field: 'text', message: 'must be at most 2000 characters' });
  if (targetDate === '') issues.push({ field: 'targetDate', message: 'is required' });
  else if (!LocalDate.safeParse(targetDate).success)
    issues.push({ field: 'targetDate', message: 'must be a real date written YYYY-MM-DD' });
  const coc = cocText === '' ? null : parseRecordId(cocText);
  if (cocText !== '' && coc?.kind !== 'coc')
    issues.push({ field: 'connectedCocId', message: 'must be the id of a cause of concern, like BUC-2' });
  if (hmi !== '' && !hmiIds.includes(hmi))
    issues.push({ field: 'hmi', message: 'must be one of the HM Inspectors listed' });
  if (issues.length > 0) return invalid(issues, 'Check the fields marked below.');
  return ok({
    externalBody,
    text,
    targetDate,
    ...(coc?.kind === 'coc' ? { connectedCocId: coc.id } : {}),
    ...(hmi === '' ? {} : { hmi }),
  });
}

/** The new recommendation with id `id` (`EXT-2`) and its audit event. */
export function createExternalRecommendation(
  draft: ExternalDraft,
  id: string,
  context: DecisionContext,
): { record: Recommendation; events: AuditEvent[] } {
  const record: Recommendation = {
    id,
    externalBody: draft.externalBody,
    text: draft.text,
    status: 'open',
    originalTargetDate: draft.targetDate,
    targetDateRevisions: [],
    ...(draft.connectedCocId ? { connectedCocId: draft.connectedCocId } : {}),
    ...(draft.hmi ? { hmi: draft.hmi } : {}),
    updatedAt: context.now,
    updatedBy: context.actor.objectId,
  };
  const changes = [
    { field: 'externalBody', to: draft.externalBody },
    { field: 'originalTargetDate', to: draft.targetDate },
    ...(draft.connectedCocId ? [{ field: 'connectedCocId', to: draft.connectedCocId }] : []),
  ];
  const event = auditEvent(
    context,
    'external.added',
    { kind: 'recommendation', id, serviceCode: 'EXT' },
    changes,
    draft.text,
  );
  return { record, events: [event] };
}

/** What the deputy portfolio director records as progress: a note, optionally a RAG and a new status. */
export interface ExternalProgressInput {
  text: string;
  rag: string;
  status: string;
}

/** The statuses the deputy portfolio director may set by hand (closing goes through the chain). */
export const externalStatusesByHand = ['open', 'inProgress', 'evidenceComplete'] as const;

/**
 * Records progress on a recommendation to an external body: the status move (if any) and the
 * progress note, with their audit events; the note is required.
 */
export function recordExternalProgress(
  recommendation: Recommendation,
  input: ExternalProgressInput,
  context: DecisionContext,
): Result<{ state: Recommendation; events: AuditEvent[]; progressUpdate: ProgressUpdate }> {
  const issues: FieldIssue[] = [];
  const text = input.text.trim();
  const rag = input.rag.trim() === '' ? undefined : Rag.safeParse(input.rag.trim());
  const status = input.status.trim() === '' ? undefined : RecommendationStatus.safeParse(input.status.trim());
  if (text === '') issues.push({ field: 'text', message: 'is required' });
  if (rag && !rag.success) issues.push({ field: 'rag', message: 'must be red, amber or green' });
  if (status && (!status.success || !(externalStatusesByHand as readonly string[]).includes(status.data)))
    issues.push({ field: 'status', message: 'must be open, in progress or evidence complete' });
  if (issues.length > 0) return invalid(issues, 'Check the fields marked below.');
  let state = recommendation;
  const events: AuditEvent[] = [];
  if (status?.success && status.data !== recommendation.status) {
    const moved = decideRecommendation(state, { type: 'setStatus', status: status.data }, context);
    if (!moved.ok) return moved;
    state = moved.value.state;
    events.push(...moved.value.events);
  }
  const noted = decideRecommendation(
    state,
    { type: 'addProgress', text, ...(rag?.success ? { rag: rag.data } : {}) },
    context,
  );
  if (!noted.ok) return noted;
  if (!noted.value.progressUpdate) return invalid([{ field: 'text', message: 'is required' }]);
  return ok({
    state: noted.value.state,
    events: [...events, ...noted.value.events],
    progressUpdate: noted.value.progressUpdate,
  });
}
