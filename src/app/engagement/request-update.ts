/**
 * Use case: the Service Liaison Lead asks a service for an update on a cause of concern by a date
 * (rule book §13-14). The request is saved with its audit event in one transaction, then posted to
 * the service's channel for its Service Liaison Officers to answer, one form per open
 * recommendation (notify-engagement.ts). Without a registered service channel there is nowhere to
 * ask, so nothing is saved.
 */
import { daysBetween, formatLongDate, parseTypedDate } from '../../domain/clock';
import { fail, invalid, ok, type Result } from '../../domain/errors';
import { parseRecordId } from '../../domain/ids';
import type { CauseOfConcern, EngagementRequest, Person, Recommendation } from '../../domain/records';
import type { RegisteredChannel } from '../../store';
import { todayOf, type AppContext } from '../shared/app-context';
import { changeRecord, type Decided, type Loaded } from '../shared/change-record';
import { auditEvent, type DecisionContext } from '../../domain/lifecycle';
import { peopleById, teamsUserIdOf, type Mentionable } from '../shared/people';
import { causesOfConcern } from '../shared/record-kinds';

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

/** The service's Service Liaison Officers, with the ids Teams needs to @mention them. */
export async function serviceSlos(context: AppContext, serviceCode: string): Promise<Mentionable[]> {
  const people = [...(await peopleById(context)).values()];
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
): Promise<{
  value: EngagementContext;
  etag: string;
  recommendations: Loaded<Recommendation>['record'][];
} | null> {
  const { records, directory } = context.store;
  const found = await records.getEngagementRequest(serviceCode, requestId);
  const coc = found ? await records.getCocWithRecommendations(serviceCode, found.value.cocId) : null;
  if (!found || !coc) return null;
  const [service, slos, requestedBy] = await Promise.all([
    directory.getService(serviceCode),
    serviceSlos(context, serviceCode),
    directory.getPerson(found.value.requestedBy),
  ]);
  const open = coc.recommendations.filter((r) => r.value.status !== 'closed');
  return {
    etag: found.etag,
    recommendations: open,
    value: {
      request: found.value,
      coc: coc.coc.value,
      serviceName: service?.name ?? serviceCode,
      openRecommendations: open.map((r) => r.value),
      slos,
      requestedBy,
    },
  };
}

/** The CoC with its open recommendations and its service's channel. */
type LoadedForRequest = Loaded<CauseOfConcern> & {
  open: Recommendation[];
  channel: RegisteredChannel | null;
};

async function loadForRequest(context: AppContext, cocId: string): Promise<Result<LoadedForRequest>> {
  const id = parseRecordId(cocId.trim().toUpperCase());
  const found =
    id?.kind === 'coc' ? await context.store.records.getCocWithRecommendations(id.serviceCode, id.id) : null;
  if (id?.kind !== 'coc' || !found) return fail('not-found', `There is no cause of concern ${cocId}.`);
  const coc = found.coc.value;
  const open = found.recommendations.map((r) => r.value).filter((r) => r.status !== 'closed');
  const channel = await context.store.conversations.serviceChannel(coc.serviceCode);
  return ok({
    kind: causesOfConcern,
    partition: coc.serviceCode,
    record: found.coc,
    owners: coc.owners,
    open,
    channel,
  });
}

/** The answer date as typed: a real date after today. */
function dueDateOf(context: AppContext, text: string): Result<string> {
  const today = todayOf(context);
  const dueDate = parseTypedDate(text);
  if (dueDate === null)
    return invalid([{ field: 'dueDate', message: 'must be a date such as 15 December 2026 or 2026-12-15' }]);
  if (daysBetween(today, dueDate) < 1)
    return invalid([{ field: 'dueDate', message: `must be after today (${formatLongDate(today)})` }]);
  return ok(dueDate);
}

/** Why nothing can be asked about this CoC now, if anything stands in the way. */
function nothingToAsk(
  { record, open, channel }: LoadedForRequest,
  serviceName: string,
): Result<never> | null {
  const coc = record.value;
  if (coc.status === 'closed')
    return fail('invalid-transition', `${coc.id} is closed: there is nothing to ask about.`);
  if (open.length === 0)
    return fail(
      'invalid-transition',
      `Every recommendation of ${coc.id} is signed off: there is nothing to ask about.`,
    );
  if (channel) return null;
  return fail(
    'not-found',
    `${serviceName} has no service channel, so I have nowhere to ask its Service Liaison Officers. Mention me in the service’s channel and type register service ${coc.serviceCode}, then ask again. Nothing was sent.`,
  );
}

/** The new request and its audit event, unless something stands in the way. */
async function decideRequest(
  context: AppContext,
  loaded: LoadedForRequest,
  dueDate: string,
  decision: DecisionContext,
): Promise<Result<Decided<CauseOfConcern, { request: EngagementRequest; serviceName: string }>>> {
  const serviceName = (await context.store.directory.getService(loaded.partition))?.name ?? loaded.partition;
  const refusal = nothingToAsk(loaded, serviceName);
  if (refusal) return refusal;
  const coc = loaded.record.value;
  const request: EngagementRequest = {
    id: context.newId(),
    serviceCode: coc.serviceCode,
    cocId: coc.id,
    requestedBy: decision.actor.objectId,
    requestedAt: decision.now,
    dueDate,
    status: 'open',
  };
  const count = `${String(loaded.open.length)} open recommendation${loaded.open.length === 1 ? '' : 's'}`;
  const event = auditEvent(
    decision,
    'engagement.requested',
    { kind: 'engagementRequest', id: request.id, serviceCode: coc.serviceCode, cocId: coc.id },
    [{ field: 'dueDate', to: dueDate }],
    `Update requested by ${formatLongDate(dueDate)} on ${count}.`,
  );
  const also = [{ kind: 'create' as const, entity: { type: 'engagement' as const, value: request } }];
  return ok({ events: [event], also, outcome: { request, serviceName } });
}

/** Asks the service for an update on a CoC by `dueDate`, as the SLL; refused with the reason otherwise. */
export async function requestEngagementUpdate(
  context: AppContext,
  actor: Person,
  input: EngagementRequestInput,
): Promise<Result<EngagementRequestMade>> {
  const result = await changeRecord(context, actor, {
    action: 'requestEngagement',
    load: () => loadForRequest(context, input.cocId),
    fields: () => dueDateOf(context, input.dueDate),
    decide: (loaded, dueDate, decision) => decideRequest(context, loaded, dueDate, decision),
  });
  return result.ok ? requestMade(context, actor, result.value.loaded, result.value.outcome) : result;
}

/** A saved request with what its card shows, and the channel to post it to. */
async function requestMade(
  context: AppContext,
  actor: Person,
  loaded: LoadedForRequest,
  outcome: { request: EngagementRequest; serviceName: string } | undefined,
): Promise<Result<EngagementRequestMade>> {
  if (!outcome || !loaded.channel) return fail('invalid-transition', 'Nothing was asked.');
  const slos = await serviceSlos(context, loaded.partition);
  const { open: openRecommendations, channel } = loaded;
  return ok({ ...outcome, coc: loaded.record.value, openRecommendations, slos, requestedBy: actor, channel });
}
