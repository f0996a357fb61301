/**
 * Use case: the Service Liaison Lead marks an area for improvement complete (§30), which asks the
 * Chief of Staff to close it: the AFI's new status, the closure request and the audit events are
 * saved in one transaction. When a closure request already waits, the AFI is only marked complete.
 */
import { fail, ok, type Result } from '../../domain/errors';
import {
  decideAreaForImprovement,
  isPending,
  requestClosure,
  type DecisionContext,
} from '../../domain/lifecycle';
import type { AreaForImprovement, ClosureRequest, Person } from '../../domain/records';
import type { AppContext } from '../shared/app-context';
import { changeRecord, loadById, type Changed, type Decided, type Loaded } from '../shared/change-record';
import { areasForImprovement } from '../shared/record-kinds';
import { closureRaisedJob } from '../closure/notify-closure';
import type { ClosureFacts } from '../closure/show-closure';

/** What the caller asks for; `expectedUpdatedAt` is the version their card showed. */
export interface CompleteAreaForImprovementInput {
  afiId: string;
  expectedUpdatedAt?: string | undefined;
}

/** The AFI, and the closure request already waiting for it, if any. */
type LoadedAfi = Loaded<AreaForImprovement> & { waiting: ClosureRequest | undefined };

/** The closure request of a completed AFI: raised now, or already waiting. */
export interface AfiClosure {
  request: ClosureRequest;
  raisedNow: boolean;
  /** What the cards of the request are drawn from. */
  facts: ClosureFacts;
}

/** A completed AFI, with its closure request. */
export type AfiCompleted = Changed<AreaForImprovement, LoadedAfi, AfiClosure>;

async function loadAfi(context: AppContext, afiId: string): Promise<Result<LoadedAfi>> {
  const loaded = await loadById(context, areasForImprovement, afiId);
  if (!loaded.ok) return loaded;
  const requests = await context.store.records.listClosureRequests(loaded.value.partition);
  const waiting = requests.find((r) => r.value.subject.id === afiId && isPending(r.value))?.value;
  return ok({ ...loaded.value, waiting });
}

/** Completes the AFI and, unless one already waits, raises its closure request in the same change. */
function decideCompletion(
  { record, waiting }: LoadedAfi,
  _fields: unknown,
  decision: DecisionContext,
): Result<Decided<AreaForImprovement, AfiClosure>> {
  if (waiting || record.value.status !== 'open') {
    const completed = decideAreaForImprovement(record.value, { type: 'markComplete' }, decision);
    if (!completed.ok) return completed;
    const facts = waiting && factsOf(waiting, completed.value.state ?? record.value);
    return ok({
      ...completed.value,
      outcome: waiting && facts && { request: waiting, raisedNow: false, facts },
    });
  }
  const raised = requestClosure(
    { target: { kind: 'afi', record: record.value }, evidenceLinks: [], validationNote: '' },
    decision,
  );
  if (!raised.ok) return raised;
  const { target, events, request } = raised.value;
  if (target.kind !== 'afi')
    return fail('invalid-transition', `${record.value.id} is not an area for improvement.`);
  const also = [{ kind: 'create' as const, entity: { type: 'closure' as const, value: request } }];
  const facts = factsOf(request, target.record);
  return ok({
    state: target.record,
    events,
    also,
    outcome: { request, raisedNow: true, facts },
    jobs: [closureRaisedJob(facts)],
  });
}

function factsOf(request: ClosureRequest, afi: AreaForImprovement): ClosureFacts {
  return { request, target: { kind: 'afi', record: afi }, owners: { sll: afi.sll, cos: afi.cos } };
}

/** Marks the AFI complete and raises its closure request, through the change pipeline. */
export async function completeAreaForImprovement(
  context: AppContext,
  actor: Person,
  input: CompleteAreaForImprovementInput,
): Promise<Result<AfiCompleted>> {
  return changeRecord(context, actor, {
    action: 'markAfiComplete',
    load: () => loadAfi(context, input.afiId),
    expectedUpdatedAt: input.expectedUpdatedAt,
    fields: ok({}),
    decide: decideCompletion,
  });
}
