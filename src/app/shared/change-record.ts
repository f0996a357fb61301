/**
 * The one way a use case changes stored records, whatever their kind:
 *
 * 1. load the record (and whatever else the decision needs) from its partition;
 * 2. scope and authorize the caller with the policy, whose reason is the refusal;
 * 3. read the caller's fields (only once they are known to be allowed);
 * 4. check nobody changed the record since the caller's card was drawn;
 * 5. decide, purely, in the domain;
 * 6. commit the new state, the rows that go with it and the audit events in one entity-group
 *    transaction guarded by the ETags they were read with. A lost race comes back as
 *    "This recommendation was changed by Morgan Hughes at 10:05 on 22 November 2026", never as an
 *    exception.
 *
 * {@link checkChange} runs steps 1 and 2 only: what a form needs before it is shown.
 */
import { formatChangeTime } from '../../domain/clock';
import { fail, ok, type Result } from '../../domain/errors';
import type { ApprovalChain, DecisionContext } from '../../domain/lifecycle';
import type { Action, Permission } from '../../domain/policy';
import type { AuditEvent, ClosureRequest, Owners, Person, ProgressUpdate } from '../../domain/records';
import { ConflictError, type RecordChange, type Versioned } from '../../store';
import type { AppContext } from './app-context';
import { commitWithFollowUps, type FollowUps, type OutboxJob } from './outbox';
import { nameOf } from './people';
import type { RecordKind, RecordPlace } from './record-kinds';
import { authorizeIn, decisionContextOf, scopeOf, type ServiceScope } from './record-scope';

/** A record as a change reads it, with what the policy needs to know about it. */
export interface Loaded<R> {
  kind: RecordKind<R>;
  partition: string;
  record: Versioned<R>;
  owners?: Partial<Owners> | undefined;
  /** For closure decisions: the request, for separation of duties. */
  closureRequest?: ClosureRequest | undefined;
  /** For revisit decisions: who proposed it and the steps so far, for separation of duties. */
  revisitChain?: ApprovalChain | undefined;
}

/** What a decision asks the pipeline to save. `state` undefined leaves the record as it is. */
export interface Decided<R, O = undefined> {
  state?: R | undefined;
  events: AuditEvent[];
  progressUpdate?: ProgressUpdate | undefined;
  /** Other rows written in the same transaction (a new closure request, the CoC a sign-off closed). */
  also?: RecordChange[];
  /** Whatever else the use case wants back from its decision (the request it raised, say). */
  outcome?: O;
  /** Notifications to send after the answer, through the outbox (src/app/shared/outbox.ts). */
  jobs?: readonly OutboxJob[];
}

/** The record type of a loaded record. */
export type RecordOf<L> = L extends Loaded<infer R> ? R : never;

/** Who last changed a record and when, where a kind keeps it. */
interface Stamped {
  updatedAt?: string;
  updatedBy?: string;
}

/** A change as a use case describes it. */
export interface ChangeRequest<L extends Loaded<unknown>, F, O = undefined, R = RecordOf<L>> {
  action: Action;
  load: () => Promise<Result<L>>;
  /** The `updatedAt` of the record as the caller's card showed it. */
  expectedUpdatedAt?: string | undefined;
  /** The caller's input, read once the caller is known to be allowed. */
  fields: Result<F> | ((loaded: NoInfer<L>) => Result<F> | Promise<Result<F>>);
  decide: (
    loaded: NoInfer<L>,
    fields: F,
    decision: DecisionContext,
  ) => Result<Decided<R, O>> | Promise<Result<Decided<R, O>>>;
  /** The refusal after a lost race, when "changed by X at T" is not the right sentence. */
  whenConflict?: (loaded: NoInfer<L>) => Promise<Result<never>>;
}

/** A saved change (or one that needed no saving: no events). */
export interface Changed<R, L extends Loaded<R> = Loaded<R>, O = undefined> {
  loaded: L;
  /** The record before the change, as it was read. */
  previous: R;
  /** The record after it (the same as `previous` when the decision left it). */
  state: R;
  events: AuditEvent[];
  progressUpdate?: ProgressUpdate;
  permission: Permission;
  /** What the decision handed back besides the state. */
  outcome: O | undefined;
}

/** The record a kind's id names, with its owners, or the refusal "There is no …". */
export async function loadById<R>(
  context: AppContext,
  kind: RecordKind<R>,
  id: string,
): Promise<Result<Loaded<R>>> {
  const place = kind.locate(id);
  const record = place ? await kind.read(context.store, place) : null;
  if (!place || !record) return fail('not-found', kind.notFound(id));
  return ok({ kind, partition: place.partition, record, owners: kind.ownersOf(record.value) });
}

/** The `load` of a change to the record `id` names. */
export function byId<R>(
  context: AppContext,
  kind: RecordKind<R>,
  id: string,
): () => Promise<Result<Loaded<R>>> {
  return () => loadById(context, kind, id);
}

/** Steps 1 and 2: the record and the caller's permission for `action`, or the policy's refusal. */
export async function checkChange<L extends Loaded<unknown>>(
  context: AppContext,
  actor: Person,
  action: Action,
  load: () => Promise<Result<L>>,
): Promise<Result<{ loaded: L; permission: Permission; scope: ServiceScope }>> {
  const loaded = await load();
  if (!loaded.ok) return loaded;
  const { partition, owners, closureRequest, revisitChain } = loaded.value;
  const scope = await scopeOf(context, actor, partition, { owners, closureRequest, revisitChain });
  const permission = authorizeIn(actor, action, scope);
  return permission.ok ? ok({ loaded: loaded.value, permission: permission.value, scope }) : permission;
}

/** The refusal of a save that lost a race: who changed the record and when. */
export async function changedSince(
  context: AppContext,
  kind: { name: string },
  record: Stamped,
): Promise<Result<never>> {
  if (record.updatedAt === undefined)
    return fail('conflict', `This ${kind.name} was changed by someone else. Open it again and retry.`);
  const name = await nameOf(context, record.updatedBy, 'someone else');
  return fail(
    'conflict',
    `This ${kind.name} was changed by ${name} at ${formatChangeTime(record.updatedAt)}. Check the new values and submit again.`,
  );
}

/** Re-reads a record after a lost race and says who changed it. */
async function conflictOf<R>(
  context: AppContext,
  loaded: Loaded<R>,
  place: RecordPlace,
): Promise<Result<never>> {
  const fresh = await loaded.kind.read(context.store, place);
  if (!fresh) return fail('not-found', `${place.id} no longer exists.`);
  return changedSince(context, loaded.kind, fresh.value as Stamped);
}

/**
 * Commits changes in one transaction. A stale ETag gives `'conflict'` so the caller can say who
 * changed the record; other errors propagate.
 */
export async function commitOrDetectConflict(
  context: AppContext,
  partition: string,
  changes: RecordChange[],
  followUps?: FollowUps,
): Promise<'saved' | 'conflict'> {
  try {
    await commitWithFollowUps(context, partition, changes, followUps);
    return 'saved';
  } catch (error) {
    if (error instanceof ConflictError) return 'conflict';
    throw error;
  }
}

/** The transaction a decision asks for: the state, its other rows, its audit events. */
function changesOf<R, O>(loaded: Loaded<R>, decided: Decided<R, O>): RecordChange[] {
  const changes: RecordChange[] = [];
  if (decided.state !== undefined) {
    changes.push({ kind: 'update', entity: loaded.kind.entityOf(decided.state), etag: loaded.record.etag });
  }
  if (decided.progressUpdate) {
    changes.push({ kind: 'append', entity: { type: 'progress', value: decided.progressUpdate } });
  }
  changes.push(...(decided.also ?? []));
  for (const value of decided.events) changes.push({ kind: 'append', entity: { type: 'audit', value } });
  return changes;
}

/** Runs a change through every step; see the module comment. */
export async function changeRecord<L extends Loaded<unknown>, F, O = undefined>(
  context: AppContext,
  actor: Person,
  request: ChangeRequest<L, F, O>,
): Promise<Result<Changed<RecordOf<L>, L & Loaded<RecordOf<L>>, O>>> {
  type R = RecordOf<L>;
  const checked = await checkChange(context, actor, request.action, request.load);
  if (!checked.ok) return checked;
  const { loaded, permission } = checked.value;
  const fields = typeof request.fields === 'function' ? await request.fields(loaded) : request.fields;
  if (!fields.ok) return fields;
  const previous = loaded.record.value as R;
  const stamp = previous as Stamped;
  if (request.expectedUpdatedAt !== undefined && request.expectedUpdatedAt !== stamp.updatedAt) {
    return changedSince(context, loaded.kind, stamp);
  }
  const decided = await request.decide(loaded, fields.value, decisionContextOf(context, actor, permission));
  if (!decided.ok) return decided;
  const { state = previous, events, progressUpdate, outcome } = decided.value;
  const changed: Changed<R, L & Loaded<R>, O> = {
    loaded: loaded as L & Loaded<R>,
    previous,
    state,
    events,
    permission,
    outcome,
  };
  if (progressUpdate) changed.progressUpdate = progressUpdate;
  if (events.length === 0 && !decided.value.also?.length) return ok(changed);
  const changes = changesOf(loaded as Loaded<R>, decided.value);
  const saved = await commitOrDetectConflict(context, loaded.partition, changes, {
    jobs: decided.value.jobs ?? [],
  });
  if (saved === 'saved') return ok(changed);
  if (request.whenConflict) return request.whenConflict(loaded);
  return conflictOf(context, loaded, {
    partition: loaded.partition,
    id: (previous as { id?: string }).id ?? '',
  });
}
