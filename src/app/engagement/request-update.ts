/**
 * Use case: the Service Liaison Lead asks a service for an update on a cause of concern by a date
 * (rule book §13-14). The request is saved with its audit event in one transaction, then posted to
 * the service's channel for its Service Liaison Officers to answer, one form per open
 * recommendation. Without a registered service channel there is nowhere to ask, so nothing is saved.
 */
import { daysBetween, formatLongDate } from '../../domain/clock';
import { fail, invalid, ok, type Result } from '../../domain/errors';
import { parseRecordId } from '../../domain/ids';
import {
  LocalDate,
  type AuditEvent,
  type CauseOfConcern,
  type EngagementRequest,
  type Person,
  type Recommendation,
} from '../../domain/records';
import type { RegisteredChannel } from '../../store';
import { nowOf, todayOf, type AppContext } from '../shared/app-context';
import { teamsUserIdOf } from '../records/show-record';
import { authorizeIn, scopeOf } from '../shared/record-scope';

/** Someone to @mention on a card: their name and Teams user id. */
export interface Mentionable {
  person: Person;
  teamsUserId: string;
}

/** An engagement request with everything its card shows. */
export interface EngagementContext {
  request: EngagementRequest;
  coc: CauseOfConcern;
  serviceName: string;
  /** The CoC's recommendations not yet signed off, in id order. */
  openRecommendations: Recommendation[];
  /** The service's Service Liaison Officers, to @mention. */
  slos: Mentionable[];
  requestedBy: Person | null;
}

/** A request saved, and the service channel to post it to. */
export interface EngagementRequestMade extends EngagementContext {
  channel: RegisteredChannel;
}

/** What the SLL asks: which CoC, answered by when. */
export interface EngagementRequestInput {
  cocId: string;
  dueDate: string;
}

const monthNames = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * Reads a date as people type it: `2026-12-15` or `15 December 2026`. Returns the ISO date, or
 * `null` when it is not a real date.
 * @example parseTypedDate('15 December 2026') // '2026-12-15'
 */
export function parseTypedDate(text: string): LocalDate | null {
  const trimmed = text.trim();
  const words = /^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$/.exec(trimmed);
  let iso = trimmed;
  if (words) {
    const month = monthNames.findIndex((name) => name.startsWith((words[2] ?? '').toLowerCase()));
    if (month < 0 || (words[2] ?? '').length < 3) return null;
    iso = `${words[3] ?? ''}-${String(month + 1).padStart(2, '0')}-${(words[1] ?? '').padStart(2, '0')}`;
  }
  const parsed = LocalDate.safeParse(iso);
  return parsed.success ? parsed.data : null;
}

/** The service's Service Liaison Officers, with the ids Teams needs to @mention them. */
export async function serviceSlos(context: AppContext, serviceCode: string): Promise<Mentionable[]> {
  const people = await context.store.directory.listPeople();
  const slos = people.filter((p) => p.roles.includes('slo') && p.serviceCodes.includes(serviceCode));
  return Promise.all(
    slos.map(async (person) => ({ person, teamsUserId: await teamsUserIdOf(context, person.objectId) })),
  );
}

/** Loads an engagement request and what its card shows, or `null` when there is none. */
export async function loadEngagementContext(
  context: AppContext,
  serviceCode: string,
  requestId: string,
): Promise<{ value: EngagementContext; etag: string } | null> {
  const found = await context.store.records.getEngagementRequest(serviceCode, requestId);
  if (!found) return null;
  const coc = await context.store.records.getCocWithRecommendations(serviceCode, found.value.cocId);
  if (!coc) return null;
  const [service, slos, requestedBy] = await Promise.all([
    context.store.directory.getService(serviceCode),
    serviceSlos(context, serviceCode),
    context.store.directory.getPerson(found.value.requestedBy),
  ]);
  return {
    etag: found.etag,
    value: {
      request: found.value,
      coc: coc.coc.value,
      serviceName: service?.name ?? serviceCode,
      openRecommendations: coc.recommendations.map((r) => r.value).filter((r) => r.status !== 'closed'),
      slos,
      requestedBy,
    },
  };
}

/** Asks the service for an update on a CoC by `dueDate`, as the SLL; refused with the reason otherwise. */
export async function requestEngagementUpdate(
  context: AppContext,
  actor: Person,
  input: EngagementRequestInput,
): Promise<Result<EngagementRequestMade>> {
  const id = parseRecordId(input.cocId.trim().toUpperCase());
  const found =
    id?.kind === 'coc' ? await context.store.records.getCocWithRecommendations(id.serviceCode, id.id) : null;
  if (id?.kind !== 'coc' || !found) return fail('not-found', `There is no cause of concern ${input.cocId}.`);
  const coc = found.coc.value;
  const scope = await scopeOf(context, actor, coc.serviceCode, coc.owners);
  const allowed = authorizeIn(actor, 'requestEngagement', scope);
  if (!allowed.ok) return allowed;
  if (coc.status === 'closed')
    return fail('invalid-transition', `${coc.id} is closed: there is nothing to ask about.`);
  const open = found.recommendations.map((r) => r.value).filter((r) => r.status !== 'closed');
  if (open.length === 0)
    return fail(
      'invalid-transition',
      `Every recommendation of ${coc.id} is signed off: there is nothing to ask about.`,
    );

  const today = todayOf(context);
  const dueDate = parseTypedDate(input.dueDate);
  if (dueDate === null)
    return invalid([{ field: 'dueDate', message: 'must be a date such as 15 December 2026 or 2026-12-15' }]);
  if (daysBetween(today, dueDate) < 1)
    return invalid([{ field: 'dueDate', message: `must be after today (${formatLongDate(today)})` }]);

  const channel = await context.store.conversations.serviceChannel(coc.serviceCode);
  if (!channel) {
    return fail(
      'not-found',
      `${scope.serviceName} has no service channel, so I have nowhere to ask its Service Liaison Officers. Mention me in the service’s channel and type register service ${coc.serviceCode}, then ask again. Nothing was sent.`,
    );
  }

  const request: EngagementRequest = {
    id: context.newId(),
    serviceCode: coc.serviceCode,
    cocId: coc.id,
    requestedBy: actor.objectId,
    requestedAt: nowOf(context),
    dueDate,
    status: 'open',
  };
  const event: AuditEvent = {
    id: context.newId(),
    at: request.requestedAt,
    actor: actor.objectId,
    action: 'engagement.requested',
    subject: { kind: 'engagementRequest', id: request.id },
    serviceCode: coc.serviceCode,
    cocId: coc.id,
    changes: [{ field: 'dueDate', to: dueDate }],
    note: `Update requested by ${formatLongDate(dueDate)} on ${String(open.length)} open recommendation${open.length === 1 ? '' : 's'}.`,
  };
  await context.store.records.commit(coc.serviceCode, [
    { kind: 'create', entity: { type: 'engagement', value: request } },
    { kind: 'append', entity: { type: 'audit', value: event } },
  ]);
  return ok({
    request,
    coc,
    serviceName: scope.serviceName,
    openRecommendations: open,
    slos: await serviceSlos(context, coc.serviceCode),
    requestedBy: actor,
    channel,
  });
}

/** The bot's personal chat with someone (for telling them news), or `null` if they never talked to it. */
export async function personalChatOf(
  context: AppContext,
  objectId: string,
): Promise<Record<string, unknown> | null> {
  const stored = await context.store.conversations.get('personal', objectId);
  return stored?.reference ?? null;
}
