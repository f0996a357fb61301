/**
 * Use case: the SLL (or an administrator) adds a recommendation to an open CoC (a letter can carry
 * more than were first entered, or a later letter adds one). It is numbered after every one the CoC
 * has had, withdrawn ones included, so an id is never reused; the CoC's version guards the number.
 */
import { z } from 'zod';
import { fromParse, ok, type Result } from '../../domain/errors';
import { addRecommendation as add } from '../../domain/lifecycle';
import { LocalDate, Recommendation, type CauseOfConcern, type Person } from '../../domain/records';
import type { CocWithRecommendations, Versioned } from '../../store';
import type { AppContext } from '../shared/app-context';
import { changeRecord, loadById, type Changed, type Loaded } from '../shared/change-record';
import { requiredText } from '../shared/form-fields';
import { causesOfConcern } from '../shared/record-kinds';

const maxTextLength = Recommendation.shape.text.maxLength ?? 2000;

/** The fields of the form. */
export const AddRecommendationFields = z.object({
  text: requiredText(maxTextLength),
  targetDate: z.string().min(1, 'is required').pipe(LocalDate),
});

/** What the caller asks for; `expectedUpdatedAt` is the CoC's version their card showed. */
export interface AddRecommendationInput {
  cocId: string;
  text: string;
  targetDate: string;
  expectedUpdatedAt?: string | undefined;
}

/** The CoC with the recommendations it has had (the load of a change that writes them too). */
export type LoadedCoc = Loaded<CauseOfConcern> & { recommendations: Versioned<Recommendation>[] };

export async function loadCoc(context: AppContext, cocId: string): Promise<Result<LoadedCoc>> {
  const loaded = await loadById(context, causesOfConcern, cocId);
  if (!loaded.ok) return loaded;
  const coc = loaded.value.record.value;
  const found = await context.store.records.getCocWithRecommendations(coc.serviceCode, coc.id);
  const record = found?.coc ?? loaded.value.record;
  return ok({ ...loaded.value, record, recommendations: found?.recommendations ?? [] });
}

/** Adds the recommendation and touches the CoC, through the change pipeline. */
export async function addRecommendation(
  context: AppContext,
  actor: Person,
  input: AddRecommendationInput,
): Promise<Result<Changed<CauseOfConcern, LoadedCoc, Recommendation>>> {
  return changeRecord(context, actor, {
    action: 'addRecommendation',
    load: () => loadCoc(context, input.cocId),
    expectedUpdatedAt: input.expectedUpdatedAt,
    fields: fromParse(AddRecommendationFields.safeParse(input)),
    decide: ({ record, recommendations }, draft, decision) => {
      const added = add(
        record.value,
        recommendations.map((r) => r.value),
        draft,
        decision,
      );
      if (!added.ok) return added;
      const { recommendation, coc, events } = added.value;
      const also = [
        { kind: 'create' as const, entity: { type: 'recommendation' as const, value: recommendation } },
      ];
      return ok({ state: coc, events, also, outcome: recommendation });
    },
  });
}

/** The CoC with its recommendations as the addition left them, to draw the answer's card. */
export function cocAfterAddition(
  added: Changed<CauseOfConcern, LoadedCoc, Recommendation>,
): CocWithRecommendations {
  const { loaded, state, outcome } = added;
  const recommendations = outcome
    ? [...loaded.recommendations, { value: outcome, etag: '' }]
    : loaded.recommendations;
  return { coc: { ...loaded.record, value: state }, recommendations };
}
