/**
 * Use case: the deputy portfolio director adds a recommendation to an external body (§31) from the
 * `new external` form. As with causes of concern (src/app/shared/issue-record.ts): the form carries
 * an id minted when it was drawn, and the transaction creates its `submission|<form id>` row with
 * the recommendation, its audit event and the `EXT` counter, so a form submitted twice adds one
 * recommendation and the second submission is answered with it. A lost race for the number is retried.
 */
import { fail, invalid, ok, type Result } from '../../domain/errors';
import { externalRecommendationId } from '../../domain/ids';
import {
  createExternalRecommendation,
  readExternalDraft,
  type DecisionContext,
  type ExternalDraft,
  type ExternalDraftInput,
} from '../../domain/lifecycle';
import type { Person, Recommendation } from '../../domain/records';
import { ConflictError, externalPartition, type RecordChange } from '../../store';
import { nowOf, type AppContext } from '../shared/app-context';
import { loadById } from '../shared/change-record';
import { commitWithFollowUps } from '../shared/outbox';
import { causesOfConcern } from '../shared/record-kinds';
import { authorizeIn, scopeOf } from '../shared/record-scope';

/** The form as submitted: its id and the fields. */
export interface AddExternalInput extends ExternalDraftInput {
  formId: string;
}

/** The recommendation added, and whether an earlier submission of the same form had added it. */
export interface ExternalAdded {
  recommendation: Recommendation;
  alreadyAdded: boolean;
}

const attempts = 3;

/** Whether the caller may add one: the policy's refusal otherwise. */
export async function checkMayAddExternal(context: AppContext, actor: Person): Promise<Result<true>> {
  const allowed = authorizeIn(
    actor,
    'manageExternalRecommendation',
    await scopeOf(context, actor, externalPartition),
  );
  return allowed.ok ? ok(true) : allowed;
}

async function addedBefore(context: AppContext, formId: string): Promise<Recommendation | null> {
  const submission = await context.store.records.getFormSubmission(externalPartition, formId);
  if (!submission) return null;
  return (
    (await context.store.records.getRecommendation(externalPartition, submission.subjectId))?.value ?? null
  );
}

/**
 * The next EXT number and the counter's write. Recommendations stored before the counter existed
 * (seeded or imported) are counted, so the number is always past the highest id.
 */
async function reserveNumber(context: AppContext): Promise<{ id: string; change: RecordChange }> {
  const { records } = context.store;
  const reserved = await records.nextNumber(externalPartition, 'ext');
  const stored = await records.listExternalRecommendations();
  const highest = Math.max(0, ...stored.map((r) => Number(/-(\d+)$/.exec(r.value.id)?.[1] ?? 0)));
  if (reserved.number > highest) return reserved;
  const next = highest + 1;
  const entity = { type: 'counter' as const, value: { name: 'ext' as const, last: next } };
  const change: RecordChange =
    reserved.change.kind === 'update'
      ? { kind: 'update', entity, etag: reserved.change.etag }
      : { kind: 'create', entity };
  return { id: externalRecommendationId(next), change };
}

/** The draft the form describes, with the connected CoC (if named) checked to exist. */
async function readDraft(context: AppContext, input: AddExternalInput): Promise<Result<ExternalDraft>> {
  const people = await context.store.directory.listPeople();
  const draft = readExternalDraft(
    input,
    people.filter((p) => p.roles.includes('hmi')).map((p) => p.objectId),
  );
  if (!draft.ok) return draft;
  const connected = draft.value.connectedCocId;
  if (connected !== undefined && !(await loadById(context, causesOfConcern, connected)).ok) {
    return invalid(
      [{ field: 'connectedCocId', message: `there is no cause of concern ${connected}` }],
      'Check the fields marked below.',
    );
  }
  return draft;
}

/** What one attempt writes: the counter, the recommendation, its audit events and the form's submission row. */
function additionOf(
  draft: ExternalDraft,
  reserved: { id: string; change: RecordChange },
  formId: string,
  decision: DecisionContext,
): { record: Recommendation; changes: RecordChange[] } {
  const { record, events } = createExternalRecommendation(draft, reserved.id, decision);
  const submission = {
    formId,
    subjectId: record.id,
    serviceCode: externalPartition,
    by: decision.actor.objectId,
    at: decision.now,
  };
  const changes: RecordChange[] = [
    reserved.change,
    { kind: 'create', entity: { type: 'recommendation', value: record } },
    ...events.map((value): RecordChange => ({ kind: 'append', entity: { type: 'audit', value } })),
    { kind: 'create', entity: { type: 'submission', value: submission } },
  ];
  return { record, changes };
}

/**
 * One attempt to save the recommendation under the next number; null when another addition took
 * the number first (try again), or the recommendation the same form added meanwhile.
 */
async function attemptToAdd(
  context: AppContext,
  actor: Person,
  formId: string,
  draft: ExternalDraft,
): Promise<ExternalAdded | null> {
  const reserved = await reserveNumber(context);
  const decision: DecisionContext = { actor, now: nowOf(context), newId: context.newId };
  const { record, changes } = additionOf(draft, reserved, formId, decision);
  try {
    await commitWithFollowUps(context, externalPartition, changes);
    return { recommendation: record, alreadyAdded: false };
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const meanwhile = await addedBefore(context, formId);
    return meanwhile ? { recommendation: meanwhile, alreadyAdded: true } : null;
  }
}

/** Adds the recommendation; see the module comment. */
export async function addExternalRecommendation(
  context: AppContext,
  actor: Person,
  input: AddExternalInput,
): Promise<Result<ExternalAdded>> {
  const allowed = await checkMayAddExternal(context, actor);
  if (!allowed.ok) return allowed;
  const earlier = await addedBefore(context, input.formId);
  if (earlier) return ok({ recommendation: earlier, alreadyAdded: true });
  const draft = await readDraft(context, input);
  if (!draft.ok) return draft;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    const added = await attemptToAdd(context, actor, input.formId, draft.value);
    if (added) return ok(added);
  }
  return fail(
    'conflict',
    'Other recommendations to external bodies were being added at the same moment. Nothing was saved: please submit again.',
  );
}
