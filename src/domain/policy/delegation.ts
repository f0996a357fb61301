/**
 * Leave cover: a Chief of Staff or HM Inspector can name someone to act for them over a date
 * range. Both ends of the range are inclusive, judged on today's date in Europe/London.
 */
import type { Delegation, LocalDate, ObjectId } from '../records';

/** Whether a delegation covers `today` (start and end dates included). LocalDates sort as text. */
export function isDelegationActive(delegation: Delegation, today: LocalDate): boolean {
  return delegation.startDate <= today && today <= delegation.endDate;
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
  return delegations.find(
    (d) => d.to === actorId && d.from === namedId && d.role === role && isDelegationActive(d, today),
  );
}
