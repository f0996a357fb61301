/**
 * Use case: what needs this person now, for the card they see on install, on `help` or on a
 * greeting in their personal chat: the closure requests waiting for their decision, their own
 * overdue and due-soon records, and the requests for an update that are open for them (to answer,
 * for a service's liaison officer; waiting for an answer, for the SLL who asked).
 */
import type { Person, Role } from '../../domain/records';
import { listApprovalsFor } from '../closure/show-closure';
import { listRecords } from '../lists/list-records';
import type { AppContext } from '../shared/app-context';

/** One open request for an update, as the home card lists it. */
export interface OpenRequest {
  cocId: string;
  dueDate: string;
  /** The SLO answers it; the SLL waits for it. */
  forYouTo: 'answer' | 'receive';
}

/** What the home card shows one person. */
export interface Home {
  person: Person;
  approvalsWaiting: number;
  overdue: number;
  dueSoon: number;
  dueSoonDays: number;
  openRequests: OpenRequest[];
}

const decides: readonly Role[] = ['cos', 'hmi', 'sro'];

/** The open requests for an update this person answers (SLO) or asked for (SLL). */
async function openRequestsOf(context: AppContext, person: Person): Promise<OpenRequest[]> {
  const isSlo = person.roles.includes('slo');
  const isSll = person.roles.includes('sll');
  if (!isSlo && !isSll) return [];
  const requests = (
    await Promise.all(person.serviceCodes.map((code) => context.store.records.listEngagementRequests(code)))
  ).flat();
  return requests
    .map((found) => found.value)
    .filter((request) => request.status === 'open')
    .flatMap((request): OpenRequest[] => {
      if (isSlo) return [{ cocId: request.cocId, dueDate: request.dueDate, forYouTo: 'answer' }];
      return request.requestedBy === person.objectId
        ? [{ cocId: request.cocId, dueDate: request.dueDate, forYouTo: 'receive' }]
        : [];
    })
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}

/** What needs `person` now. */
export async function homeOf(context: AppContext, person: Person): Promise<Home> {
  const decider = person.roles.some((role) => decides.includes(role));
  const [approvals, mine, openRequests] = await Promise.all([
    decider ? listApprovalsFor(context, person) : Promise.resolve([]),
    listRecords(context, person, { kind: 'mine' }),
    openRequestsOf(context, person),
  ]);
  const counts = mine.ok ? mine.value.counts : { overdue: 0, dueSoon: 0, dueSoonDays: 7 };
  return {
    person,
    approvalsWaiting: approvals.length,
    overdue: counts.overdue,
    dueSoon: counts.dueSoon,
    dueSoonDays: counts.dueSoonDays,
    openRequests,
  };
}
