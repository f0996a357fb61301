/**
 * Use case: the deputy portfolio director records progress on a recommendation to an external body
 * (a note, optionally a RAG and its status: open, in progress or evidence complete), through the
 * change pipeline with the version their card showed.
 */
import { fail, invalid, ok, type Result } from '../../domain/errors';
import { parseRecordId } from '../../domain/ids';
import { recordExternalProgress, type ExternalProgressInput } from '../../domain/lifecycle';
import type { Person, Recommendation } from '../../domain/records';
import { externalPartition } from '../../store';
import { pendingRequestFor } from '../closure/closure-subject';
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
  let closureWaits = false;
  return changeRecord(context, actor, {
    action: 'addProgressNote',
    load: async () => {
      if (parseRecordId(input.id)?.kind !== 'externalRecommendation')
        return fail('not-found', `There is no recommendation to an external body ${input.id}.`);
      closureWaits =
        (await pendingRequestFor(context, externalPartition, input.id.trim().toUpperCase())) !== undefined;
      return byId(context, recommendations, input.id)();
    },
    expectedUpdatedAt: input.expectedUpdatedAt,
    fields: ok(input),
    decide: (loaded, fields, decision) => {
      const current = loaded.record.value;
      const status = fields.status.trim();
      // The status is the closure chain's while a request waits: the SRO's close needs it as it was asked.
      if (closureWaits && status !== '' && status !== current.status)
        return invalid(
          [{ field: 'status', message: "can't change while its closure request waits for a decision" }],
          `The status of ${current.id} can't change while its closure request waits for a decision.`,
        );
      return recordExternalProgress(current, fields, decision);
    },
  });
}
