/**
 * What the CoC card's use cases share: the policy target of a service, the decision context of a
 * permitted actor, the "changed by X at T" sentence of a lost race, and a commit that turns a
 * stale ETag into that sentence instead of an exception.
 */
import { fail, type Result } from '../../domain/errors';
import { formatLongDate, toLondonDate, LONDON_TIME_ZONE } from '../../domain/clock';
import type { DecisionContext } from '../../domain/lifecycle';
import {
  authorize,
  type Action,
  type Permission,
  type PolicyContext,
  type Target,
} from '../../domain/policy';
import type { Owners, Person } from '../../domain/records';
import { ConflictError, type RecordChange } from '../../store';
import { nowOf, todayOf, type AppContext } from './app-context';

/** The policy's view of one service (or of the external-recommendation partition). */
export interface ServiceScope {
  serviceCode: string;
  serviceName: string;
  target: Target;
  policy: PolicyContext;
}

/** Builds the policy target of a service's record, with names for readable refusals. */
export async function scopeOf(
  context: AppContext,
  actor: Person,
  serviceCode: string,
  owners?: Partial<Owners>,
): Promise<ServiceScope> {
  const delegations = await context.store.directory.listDelegations(actor.objectId);
  const policy: PolicyContext = { delegations, today: todayOf(context) };
  if (serviceCode === 'EXT') {
    return { serviceCode, serviceName: 'external bodies', target: { external: true }, policy };
  }
  const service = await context.store.directory.getService(serviceCode);
  const region = service ? await context.store.directory.getRegion(service.regionId) : null;
  const target: Target = { serviceCode, serviceName: service?.name ?? serviceCode };
  if (service) target.regionId = service.regionId;
  if (region) target.regionName = region.name;
  if (owners) target.owners = owners;
  return { serviceCode, serviceName: service?.name ?? serviceCode, target, policy };
}

/** Checks the actor may do `action` in the scope; the refusal names why. */
export function authorizeIn(actor: Person, action: Action, scope: ServiceScope): Result<Permission> {
  return authorize(actor, action, scope.target, scope.policy);
}

/** The decision context for a permitted actor (on whose behalf, when a delegate acts). */
export function decisionContextOf(
  context: AppContext,
  actor: Person,
  permission: Permission,
): DecisionContext {
  const decision: DecisionContext = { actor, now: nowOf(context), newId: context.newId };
  if (permission.onBehalfOf !== undefined) decision.onBehalfOf = permission.onBehalfOf;
  return decision;
}

const timeOfDay = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * A moment as people say it in a sentence, London time.
 * @example formatChangeTime('2026-11-22T14:05:00Z') // '14:05 on 22 November 2026'
 */
export function formatChangeTime(instant: string): string {
  return `${timeOfDay.format(new Date(instant))} on ${formatLongDate(toLondonDate(instant))}`;
}

/** Which kind of record changed, as the sentence names it. */
export type RecordKindName = 'recommendation' | 'cause of concern' | 'area for improvement';

/** The refusal of a save that lost a race: who changed the record and when. */
export async function changedSince(
  context: AppContext,
  kind: RecordKindName,
  record: { updatedAt: string; updatedBy: string },
): Promise<Result<never>> {
  const person = await context.store.directory.getPerson(record.updatedBy);
  const name = person?.name ?? 'someone else';
  return fail(
    'conflict',
    `This ${kind} was changed by ${name} at ${formatChangeTime(record.updatedAt)}. Check the new values and submit again.`,
  );
}

/**
 * Commits one change (state, progress, audit events) as a single transaction. A stale ETag gives
 * `'conflict'` so the use case can re-read and say who changed the record; other errors propagate.
 */
export async function commitOrDetectConflict(
  context: AppContext,
  serviceCode: string,
  changes: RecordChange[],
): Promise<'saved' | 'conflict'> {
  try {
    await context.store.records.commit(serviceCode, changes);
    return 'saved';
  } catch (error) {
    if (error instanceof ConflictError) return 'conflict';
    throw error;
  }
}
