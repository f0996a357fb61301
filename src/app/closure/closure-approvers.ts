/**
 * Who a closure request concerns: the record's named owners (the CoC's SLL, CoS and HMI, or the
 * AFI's SLL and CoS), who decides the waiting step today (the named approver, or the person
 * standing in for them under an active delegation), and whether the bot can reach that person in
 * their personal chat.
 */
import { isDelegationActive } from '../../domain/policy';
import { pendingStep, type StepRole } from '../../domain/lifecycle';
import type { ClosureRequest, Owners, Person } from '../../domain/records';
import { todayOf, type AppContext } from '../shared/app-context';

/** The owners of the record a request is about; `hmi` is unset for AFIs outside a CoC. */
export type ClosureOwners = Pick<Owners, 'sll' | 'cos'> & { hmi?: string };

/** The person who decides a step, and the named approver they stand in for (if delegated). */
export interface StepApprover {
  step: StepRole;
  /** Who gets the card and the buttons. */
  person: Person;
  /** The named approver when `person` is their delegate today. */
  standingInFor?: Person;
  /** Whether the bot has a personal chat with `person` (it can send them the card). */
  reachable: boolean;
}

/** The owners of the subject of a request, read from the CoC (recommendations) or the AFI. */
export async function ownersOfRequest(
  context: AppContext,
  request: ClosureRequest,
): Promise<ClosureOwners | null> {
  if (request.subject.kind === 'recommendation') {
    const coc = request.cocId ? await context.store.records.getCoc(request.serviceCode, request.cocId) : null;
    return coc ? coc.value.owners : null;
  }
  const afi = await context.store.records.getAfi(request.serviceCode, request.subject.id);
  if (!afi) return null;
  const service = await context.store.directory.getService(request.serviceCode);
  const people = await context.store.directory.listPeople();
  const hmi = people.find((p) => p.roles.includes('hmi') && p.regionId === service?.regionId);
  return hmi
    ? { sll: afi.value.sll, cos: afi.value.cos, hmi: hmi.objectId }
    : { sll: afi.value.sll, cos: afi.value.cos };
}

/** Whether the bot has a personal conversation with this person. */
export async function canReachPersonally(context: AppContext, objectId: string): Promise<boolean> {
  return (await context.store.conversations.get('personal', objectId)) !== null;
}

/** Who decides `step` today: the named owner, or their active delegate. Null if nobody is named. */
export async function approverOfStep(
  context: AppContext,
  owners: ClosureOwners,
  step: StepRole,
): Promise<StepApprover | null> {
  const namedId = owners[step];
  if (namedId === undefined) return null;
  const named = await context.store.directory.getPerson(namedId);
  if (!named) return null;
  const today = todayOf(context);
  const delegation = (await context.store.directory.listDelegations(namedId)).find(
    (d) => d.from === namedId && d.role === step && isDelegationActive(d, today),
  );
  const delegate = delegation ? await context.store.directory.getPerson(delegation.to) : null;
  const person = delegate ?? named;
  const approver: StepApprover = {
    step,
    person,
    reachable: await canReachPersonally(context, person.objectId),
  };
  if (delegate) approver.standingInFor = named;
  return approver;
}

/** Who decides the step a request waits at, or null once it waits for nobody. */
export async function pendingApproverOf(
  context: AppContext,
  request: ClosureRequest,
  owners?: ClosureOwners | null,
): Promise<StepApprover | null> {
  const step = pendingStep(request);
  if (step === null) return null;
  const known = owners ?? (await ownersOfRequest(context, request));
  return known ? approverOfStep(context, known, step) : null;
}
