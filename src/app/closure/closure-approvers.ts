/**
 * Who a closure request concerns: the record's named owners (the CoC's SLL, CoS and HMI, or the
 * AFI's SLL and CoS), who decides the waiting step today, and whether the bot can reach them in
 * their personal chat (or open one by installing itself for them). "Who decides" is the policy's own delegation rule (`deciderFor`), so the
 * person who gets the card is the person the policy lets press its buttons.
 */
import {
  roleNames,
  type ClosureRequest,
  type Owners,
  type Person,
  type Recommendation,
} from '../../domain/records';
import { isExternalRequest, pendingStep, type StepRole } from '../../domain/lifecycle';
import { deciderFor } from '../../domain/policy';
import { todayOf, type AppContext } from '../shared/app-context';

/**
 * The owners of the record a request is about; `hmi` is unset for AFIs outside a CoC. A
 * recommendation to an external body has no SLL or CoS: its HM Inspector and the senior
 * responsible owner (`sro`) decide.
 */
export type ClosureOwners = Partial<Pick<Owners, 'sll' | 'cos'>> & { hmi?: string; sro?: string };

/** Who decides the closure of a recommendation to an external body: its HM Inspector (or the first in the directory) and the SRO. */
export async function externalOwners(
  context: AppContext,
  recommendation: Recommendation,
): Promise<ClosureOwners> {
  const people = [...(await context.store.directory.listPeople())].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  const hmi = recommendation.hmi ?? people.find((p) => p.roles.includes('hmi'))?.objectId;
  const sro = people.find((p) => p.roles.includes('sro'))?.objectId;
  return { ...(hmi ? { hmi } : {}), ...(sro ? { sro } : {}) };
}

/** The person who decides a step, and the named approver they stand in for (if delegated). */
export interface StepApprover {
  step: StepRole;
  /** Who gets the card and the buttons. */
  person: Person;
  /** The named approver when `person` is their delegate today. */
  standingInFor?: Person;
  /**
   * Whether the bot can send `person` the card: it has a personal chat with them, or it can install
   * itself for them (Microsoft Graph configured). Once the card has been sent, whether it went.
   */
  reachable: boolean;
}

/** The owners of the subject of a request, read from the CoC (recommendations) or the AFI and its region. */
export async function ownersOfRequest(
  context: AppContext,
  request: ClosureRequest,
): Promise<ClosureOwners | null> {
  const { records, directory } = context.store;
  if (isExternalRequest(request)) {
    const external = await records.getRecommendation('EXT', request.subject.id);
    return external ? externalOwners(context, external.value) : null;
  }
  if (request.subject.kind === 'recommendation') {
    const coc = request.cocId ? await records.getCoc(request.serviceCode, request.cocId) : null;
    return coc ? coc.value.owners : null;
  }
  const afi = await records.getAfi(request.serviceCode, request.subject.id);
  if (!afi) return null;
  const service = await directory.getService(request.serviceCode);
  const hmi = (await directory.listPeople()).find(
    (p) => p.roles.includes('hmi') && p.regionId === service?.regionId,
  );
  const owners: ClosureOwners = { sll: afi.value.sll, cos: afi.value.cos };
  if (hmi) owners.hmi = hmi.objectId;
  return owners;
}

/** Who decides `step` today: the named owner, or their active stand-in. Null if nobody is named. */
export async function approverOfStep(
  context: AppContext,
  owners: ClosureOwners,
  step: StepRole,
): Promise<StepApprover | null> {
  const namedId = owners[step];
  const { directory, conversations } = context.store;
  const named = namedId === undefined ? null : await directory.getPerson(namedId);
  if (!named) return null;
  // Stand-ins (§24 delegations) are for a service's CoS and HMI; a recommendation to an external body
  // (no SLL) goes to its named HM Inspector, whom any HMI may stand for, and to the SRO.
  const standsIn = step !== 'sro' && owners.sll !== undefined;
  const delegations = standsIn ? await directory.listDelegations(named.objectId) : [];
  const { decider } = standsIn
    ? deciderFor(delegations, named.objectId, step, todayOf(context))
    : { decider: named.objectId };
  const delegate = decider === named.objectId ? null : await directory.getPerson(decider);
  const person = delegate ?? named;
  const reachable =
    context.installer !== undefined || (await conversations.get('personal', person.objectId)) !== null;
  return delegate ? { step, person, standingInFor: named, reachable } : { step, person, reachable };
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

/**
 * The sentence for the SLL when an approver can't be reached.
 * @example unreachableSentence('Morgan Hughes') // "Morgan Hughes hasn't opened a chat with CoC Monitor yet, ..."
 */
export function unreachableSentence(name: string): string {
  return `${name} hasn't opened a chat with CoC Monitor yet, so I couldn't send the approval card; ask them to message the bot (for example, type approvals) and the request will be waiting for them. It stays pending until then.`;
}

/** What the SLL reads about who was asked to decide. */
export function approverSentence(approver: StepApprover | null): string {
  if (!approver)
    return 'Nobody is named to decide it: ask an administrator to check the owners of this record.';
  if (!approver.reachable) return unreachableSentence(approver.person.name);
  const standIn = approver.standingInFor ? ` (standing in for ${approver.standingInFor.name})` : '';
  return `I've sent it to ${approver.person.name}${standIn}, ${roleNames[approver.step]}, to decide.`;
}
