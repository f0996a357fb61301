/**
 * Use case: the SLL (or an administrator) withdraws a recommendation from an open CoC, with the
 * reason. It stays on the CoC, shown as withdrawn; it no longer counts towards the CoC's closure,
 * and its target date leaves the reminders (the change's outbox re-indexes the CoC).
 */
import { z } from 'zod';
import { fail, fromParse, ok, type Result } from '../../domain/errors';
import { afterRecommendationsChanged, withdrawRecommendation as withdraw } from '../../domain/lifecycle';
import type { Person, Recommendation } from '../../domain/records';
import type { AppContext } from '../shared/app-context';
import { changeRecord, type Changed } from '../shared/change-record';
import { byRecommendationId, type LoadedRecommendation } from './recommendation-in-coc';

/** The withdrawal form's one field. */
const WithdrawFields = z.object({ reason: z.string() });

/** What the caller asks for; `expectedUpdatedAt` is the version their form showed. */
export interface WithdrawRecommendationInput {
  recommendationId: string;
  reason: string;
  expectedUpdatedAt?: string | undefined;
}

/** Withdraws the recommendation and, when the others are all signed off, closes the CoC with it. */
export async function withdrawRecommendation(
  context: AppContext,
  actor: Person,
  input: WithdrawRecommendationInput,
): Promise<Result<Changed<Recommendation, LoadedRecommendation>>> {
  return changeRecord(context, actor, {
    action: 'withdrawRecommendation',
    load: byRecommendationId(context, input.recommendationId),
    expectedUpdatedAt: input.expectedUpdatedAt,
    fields: fromParse(WithdrawFields.safeParse(input)),
    decide: ({ record, coc, siblings }, { reason }, decision) => {
      if (!coc || !siblings)
        return fail(
          'invalid-transition',
          `${record.value.id} is not a recommendation of a cause of concern.`,
        );
      if (coc.value.status !== 'open')
        return fail('invalid-transition', `${coc.value.id} is closed: nothing can be withdrawn from it.`);
      const decided = withdraw(record.value, reason, decision);
      if (!decided.ok) return decided;
      const after = siblings.map((r) => (r.value.id === record.value.id ? decided.value.state : r.value));
      const closed = afterRecommendationsChanged(coc.value, after, decision);
      if (closed.events.length === 0) return decided;
      return ok({
        ...decided.value,
        events: [...decided.value.events, ...closed.events],
        also: [{ kind: 'update', entity: { type: 'coc', value: closed.state }, etag: coc.etag }],
      });
    },
  });
}
