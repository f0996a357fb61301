/**
 * Leave cover: a Chief of Staff or HM Inspector can name someone to act for them over a date
 * range. Both ends of the range are inclusive, judged on today's date in Europe/London.
 */
import type { Delegation, LocalDate, ObjectId } from '../records';

/** Whether a delegation covers `today` (start and end dates included). LocalDates sort as text. */
export function isDelegationActive(delegation: Delegation, today: LocalDate): boolean {
  return delegation.startDate <= today && today <= delegation.endDate;
}

/** Whether `delegation` hands `namedId`'s `role` to someone today. */
function covers(
  delegation: Delegation,
  namedId: ObjectId,
  role: Delegation['role'],
  today: LocalDate,
): boolean {
  return delegation.from === namedId && delegation.role === role && isDelegationActive(delegation, today);
}

/**
 * The delegation by which `actorId` stands in today for `namedId` in `role`, if any.
 * @example findStandIn(delegations, 'deputy', 'cos', 'morgan', '2023-04-28') // the covering Delegation, or undefined
 */
export function findStandIn(
  delegations: readonly Delegation[],
  actorId: ObjectId,
  role: Delegation['role'],
  namedId: ObjectId | undefined,
  today: LocalDate,
): Delegation | undefined {
  if (namedId === undefined) return undefined;
  return delegations.find((d) => d.to === actorId && covers(d, namedId, role, today));
}

/**
 * Who decides in `namedId`'s `role` today: their stand-in under an active delegation, else
 * themselves. The same rule as {@link findStandIn}, seen from the named person: the one it returns
 * is the one the policy lets decide.
 * @example deciderFor(delegations, 'morgan', 'cos', '2023-04-28') // { decider: 'deputy', standingInFor: 'morgan' }
 */
export function deciderFor(
  delegations: readonly Delegation[],
  namedId: ObjectId,
  role: Delegation['role'],
  today: LocalDate,
): { decider: ObjectId; standingInFor?: ObjectId } {
  const delegation = delegations.find((d) => covers(d, namedId, role, today));
  return delegation ? { decider: delegation.to, standingInFor: namedId } : { decider: namedId };
}
