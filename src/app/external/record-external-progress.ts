/**
 * Use case: the deputy portfolio director records progress on a recommendation to an external body
 * (a note, optionally a RAG and its status: open, in progress or evidence complete), through the
 * change pipeline with the version their card showed.
 */
import { fail, ok, type Result } from '../../domain/errors';
import { parseRecordId } from '../../domain/ids';
import { recordExternalProgress, type ExternalProgressInput } from '../../domain/lifecycle';
import type { Person, Recommendation } from '../../domain/records';
import type { AppContext } from '../shared/app-context';
import { byId, changeRecord, type Changed, type Loaded } from '../shared/change-record';
import { recommendations } from '../shared/record-kinds';

/** The note as typed, for which recommendation, and the version the card showed. */
export interface RecordExternalProgressInput extends ExternalProgressInput {
  id: string;
  expectedUpdatedAt?: string | undefined;
}

/** Saves the progress and the status move in one transaction. */
export async function recordProgressOnExternal(
  context: AppContext,
  actor: Person,
  input: RecordExternalProgressInput,
): Promise<Result<Changed<Recommendation, Loaded<Recommendation>>>> {
  return changeRecord(context, actor, {
    action: 'addProgressNote',
    load: () =>
      parseRecordId(input.id)?.kind === 'externalRecommendation'
        ? byId(context, recommendations, input.id)()
        : Promise.resolve(fail('not-found', `There is no recommendation to an external body ${input.id}.`)),
    expectedUpdatedAt: input.expectedUpdatedAt,
    fields: ok(input),
    decide: (loaded, fields, decision) => recordExternalProgress(loaded.record.value, fields, decision),
  });
}
