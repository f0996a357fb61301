/**
 * Use case: a Chief of Staff or HM Inspector names a stand-in for a date range (leave cover), or an
 * administrator does it for them. The delegation goes in the directory, with an audit event; while
 * it is active the stand-in gets the approval cards and decides "on behalf of" the named person.
 */
import { formatLongDate, parseTypedDate } from '../../domain/clock';
import { fail, invalid, ok, type FieldIssue, type Result } from '../../domain/errors';
import { roleNames, type AuditEvent, type Delegation, type Person } from '../../domain/records';
import { nowOf, todayOf, type AppContext } from '../shared/app-context';
import { commitWithFollowUps } from '../shared/outbox';

/**
 * The records-table partition of audit events about the directory (delegations). It is not a
 * service code any service uses.
 */
export const directoryAuditPartition = 'DIR';

/** What the command says: whose role, to whom, from and to when (dates as typed). */
export interface DelegateInput {
  role: 'cos' | 'hmi';
  /** The person whose role is covered; defaults to the caller. */
  forText?: string;
  toText: string;
  startText: string;
  endText: string;
}

/** A saved delegation with the names it joins. */
export interface DelegationSaved {
  delegation: Delegation;
  from: Person;
  to: Person;
}

/** Finds one person by email or full name (any case); the refusal says what to type instead. */
export async function findPerson(context: AppContext, text: string): Promise<Result<Person>> {
  const wanted = text.trim().toLowerCase();
  const people = await context.store.directory.listPeople();
  const byEmail = people.filter((p) => p.email?.toLowerCase() === wanted);
  const matches = byEmail.length > 0 ? byEmail : people.filter((p) => p.name.toLowerCase() === wanted);
  const [only] = matches;
  if (matches.length === 1 && only) return ok(only);
  if (matches.length > 1)
    return fail('not-found', `More than one person is called ${text.trim()}; use their email address.`);
  return fail(
    'not-found',
    `I can't find ${text.trim()} in the CoC Monitor directory. Check the name or use their email address.`,
  );
}

function checkDates(input: DelegateInput, today: string): Result<{ startDate: string; endDate: string }> {
  const issues: FieldIssue[] = [];
  const start = parseTypedDate(input.startText);
  const end = parseTypedDate(input.endText);
  if (!start)
    issues.push({
      field: 'from',
      message: `“${input.startText}” is not a date (write 1 December 2026 or 2026-12-01)`,
    });
  if (!end)
    issues.push({
      field: 'to',
      message: `“${input.endText}” is not a date (write 5 December 2026 or 2026-12-05)`,
    });
  if (start && end && end < start)
    issues.push({ field: 'to', message: 'the end date is before the start date' });
  if (end && end < today) issues.push({ field: 'to', message: 'the end date has already passed' });
  if (issues.length > 0 || !start || !end) {
    return invalid(issues, `I couldn't read the dates: ${issues.map((i) => i.message).join('; ')}.`);
  }
  return ok({ startDate: start, endDate: end });
}

/** Whose role is covered (the caller, or for an administrator anyone) and who stands in. */
async function peopleOf(
  context: AppContext,
  actor: Person,
  input: DelegateInput,
): Promise<Result<{ from: Person; to: Person }>> {
  const roleName = roleNames[input.role];
  const from = input.forText ? await findPerson(context, input.forText) : ok(actor);
  if (!from.ok) return from;
  if (from.value.objectId !== actor.objectId && !actor.roles.includes('admin')) {
    return fail(
      'not-allowed',
      `You can only name a stand-in for yourself; an Administrator can do it for ${from.value.name}.`,
    );
  }
  if (!from.value.roles.includes(input.role)) {
    const who = from.value.objectId === actor.objectId ? 'you are' : `${from.value.name} is`;
    return fail('not-allowed', `You can't delegate the ${roleName} role: ${who} not a ${roleName}.`);
  }
  const to = await findPerson(context, input.toText);
  if (!to.ok) return to;
  if (to.value.objectId === from.value.objectId)
    return fail('invalid-transition', 'A person cannot stand in for themselves.');
  if (!to.value.roles.some((r) => r === 'sll' || r === 'cos' || r === 'hmi')) {
    return fail(
      'not-allowed',
      `${to.value.name} can't stand in as ${roleName}: only inspectorate staff (Service Liaison Lead, Chief of Staff, HM Inspector) can.`,
    );
  }
  return ok({ from: from.value, to: to.value });
}

/** The audit event of a new delegation. */
function delegationEvent(context: AppContext, actor: Person, saved: DelegationSaved): AuditEvent {
  const { delegation, from, to } = saved;
  return {
    id: context.newId(),
    at: nowOf(context),
    actor: actor.objectId,
    action: 'delegation.created',
    subject: { kind: 'delegation', id: delegation.id },
    changes: [
      { field: 'role', to: delegation.role },
      { field: 'from', to: delegation.from },
      { field: 'to', to: delegation.to },
      { field: 'startDate', to: delegation.startDate },
      { field: 'endDate', to: delegation.endDate },
    ],
    note: `${to.name} stands in for ${from.name} as ${roleNames[delegation.role]} from ${formatLongDate(delegation.startDate)} to ${formatLongDate(delegation.endDate)}.`,
  };
}

/** Saves a delegation after its audit event: a delegation is never in force without a trace of who set it up. */
async function saveDelegation(context: AppContext, actor: Person, saved: DelegationSaved): Promise<void> {
  await commitWithFollowUps(context, directoryAuditPartition, [
    { kind: 'append', entity: { type: 'audit', value: delegationEvent(context, actor, saved) } },
  ]);
  await context.store.directory.putDelegation(saved.delegation);
}

/** Checks, saves and audits a delegation. */
export async function delegateRole(
  context: AppContext,
  actor: Person,
  input: DelegateInput,
): Promise<Result<DelegationSaved>> {
  const people = await peopleOf(context, actor, input);
  if (!people.ok) return people;
  const dates = checkDates(input, todayOf(context));
  if (!dates.ok) return dates;
  const { from, to } = people.value;
  const delegation: Delegation = {
    id: context.newId(),
    from: from.objectId,
    to: to.objectId,
    role: input.role,
    ...dates.value,
  };
  await saveDelegation(context, actor, { delegation, from, to });
  return ok({ delegation, from, to });
}
