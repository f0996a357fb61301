/**
 * Use case: the Service Liaison Lead marks an area for improvement complete (§30); the Chief of
 * Staff then closes it.
 */
import { fail, ok, type Result } from '../../domain/errors';
import { parseRecordId } from '../../domain/ids';
import { decideAreaForImprovement } from '../../domain/lifecycle';
import type { AreaForImprovement, AuditEvent, Person } from '../../domain/records';
import type { AppContext } from '../shared/app-context';
import {
  authorizeIn,
  changedSince,
  commitOrDetectConflict,
  decisionContextOf,
  scopeOf,
} from '../shared/record-scope';

/** What the caller asks for; `expectedUpdatedAt` is the version their card showed. */
export interface CompleteAreaForImprovementInput {
  afiId: string;
  expectedUpdatedAt?: string;
}

/** A saved change to an AFI. */
export interface AfiChanged {
  afi: AreaForImprovement;
  events: AuditEvent[];
}

/** Checks, loads, authorizes, decides and saves the AFI as complete. */
export async function completeAreaForImprovement(
  context: AppContext,
  actor: Person,
  input: CompleteAreaForImprovementInput,
): Promise<Result<AfiChanged>> {
  const parsed = parseRecordId(input.afiId);
  const parsedId = parsed?.kind === 'afi' ? parsed : null;
  const found = parsedId ? await context.store.records.getAfi(parsedId.serviceCode, parsedId.id) : null;
  if (!parsedId || !found) return fail('not-found', `There is no area for improvement ${input.afiId}.`);

  const scope = await scopeOf(context, actor, parsedId.serviceCode, {
    sll: found.value.sll,
    cos: found.value.cos,
  });
  const permission = authorizeIn(actor, 'markAfiComplete', scope);
  if (!permission.ok) return permission;
  if (input.expectedUpdatedAt !== undefined && input.expectedUpdatedAt !== found.value.updatedAt) {
    return changedSince(context, 'area for improvement', found.value);
  }

  const decision = decideAreaForImprovement(
    found.value,
    { type: 'markComplete' },
    decisionContextOf(context, actor, permission.value),
  );
  if (!decision.ok) return decision;
  const { state, events } = decision.value;
  const saved = await commitOrDetectConflict(context, parsedId.serviceCode, [
    { kind: 'update', entity: { type: 'afi', value: state }, etag: found.etag },
    ...events.map((event) => ({ kind: 'append' as const, entity: { type: 'audit' as const, value: event } })),
  ]);
  if (saved === 'conflict') {
    const fresh = await context.store.records.getAfi(parsedId.serviceCode, parsedId.id);
    return fresh
      ? changedSince(context, 'area for improvement', fresh.value)
      : fail('not-found', `${input.afiId} no longer exists.`);
  }
  return ok({ afi: state, events });
}
