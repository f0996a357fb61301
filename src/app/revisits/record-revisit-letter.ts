/**
 * Use case: the HM Inspector (or the Service Liaison Lead) records the day the revisit letter was
 * sent to the service and the day it was published (§21); published never before sent.
 */
import { fail, ok, type Result } from '../../domain/errors';
import { recordRevisitLetterDates } from '../../domain/lifecycle';
import type { Person } from '../../domain/records';
import type { AppContext } from '../shared/app-context';
import { changeRecord } from '../shared/change-record';
import { loadRevisit, revisitFactsOf, type RevisitFacts } from './show-revisit';

/** The dates as typed ('' for not yet). */
export interface RecordLetterInput {
  revisitId: string;
  updatedAt?: string | undefined;
  sentDate: string;
  publishedDate: string;
}

/** Records the letter's dates through the change pipeline. */
export async function recordRevisitLetter(
  context: AppContext,
  actor: Person,
  input: RecordLetterInput,
): Promise<Result<RevisitFacts>> {
  const result = await changeRecord(context, actor, {
    action: 'recordRevisitLetter',
    load: () => loadRevisit(context, input.revisitId),
    expectedUpdatedAt: input.updatedAt,
    fields: ok(input),
    decide: (loaded, fields, decision) => {
      const decided = recordRevisitLetterDates(loaded.record.value, fields, decision);
      if (!decided.ok) return decided;
      return ok({
        state: decided.value.revisit,
        events: decided.value.events,
        outcome: revisitFactsOf(loaded, decided.value.revisit),
      });
    },
  });
  if (!result.ok) return result;
  return result.value.outcome
    ? ok(result.value.outcome)
    : fail('invalid-transition', 'Nothing was recorded.');
}
