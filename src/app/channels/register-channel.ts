/**
 * Registering a Teams channel as a service's channel (`register service BUC`), where the bot posts
 * a summary of each record issued for the service, and removing it again (`unregister`).
 *
 * Only the service's SLL or an administrator may do either. The registration lives in the
 * conversations table and its audit event in the service's partition of the records table: two
 * tables can't share a transaction, so the registration is written first and put back as it was if
 * the audit event can't be saved. Nothing changes without a trace.
 */
import { fail, ok, type Result } from '../../domain/errors';
import { authorize } from '../../domain/policy';
import type { AuditEvent, Person, Service } from '../../domain/records';
import type { RegisteredChannel } from '../../store';
import { nowOf, todayOf, type AppContext } from '../shared/app-context';
import { targetOf } from '../issue/issue-form-options';

/** The channel a command came from. */
export interface ChannelInfo {
  /** The Teams channel (conversation) id. */
  key: string;
  /** The bot's conversation reference for the channel, kept as given. */
  reference: Record<string, unknown>;
  tenantId?: string;
  name?: string;
}

/** A registration made: for which service, and which channel it replaced (if another). */
export interface ChannelRegistration {
  service: Service;
  /** The channel registered before, when it was a different one. */
  replaced: RegisteredChannel | null;
  /** The channel was already this service's channel; its reference was refreshed. */
  alreadyRegistered: boolean;
}

async function serviceTheActorManages(
  context: AppContext,
  actor: Person,
  serviceCode: string,
): Promise<Result<Service>> {
  const code = serviceCode.trim().toUpperCase();
  const { directory } = context.store;
  const service = /^[A-Z]{2,5}$/.test(code) ? await directory.getService(code) : null;
  if (!service) return fail('not-found', `There is no service with the code “${code}”.`);
  const [region, delegations] = await Promise.all([
    directory.getRegion(service.regionId),
    directory.listDelegations(actor.objectId),
  ]);
  const allowed = authorize(actor, 'registerChannel', targetOf(service, region ?? undefined), {
    delegations,
    today: todayOf(context),
  });
  return allowed.ok ? ok(service) : allowed;
}

function registrationEvent(
  context: AppContext,
  actor: Person,
  action:
    | 'service.channel-registered'
    | 'service.channel-unregistered'
    | 'service.board-channel-registered'
    | 'service.board-channel-unregistered',
  service: Service,
  from: string | undefined,
  to: string | undefined,
  note: string | undefined,
): AuditEvent {
  const event: AuditEvent = {
    id: context.newId(),
    at: nowOf(context),
    actor: actor.objectId,
    action,
    subject: { kind: 'service', id: service.code },
    serviceCode: service.code,
    changes: [
      {
        field: action.includes('board') ? 'boardChannel' : 'serviceChannel',
        ...(from === undefined ? {} : { from }),
        ...(to === undefined ? {} : { to }),
      },
    ],
  };
  if (note !== undefined) event.note = note;
  return event;
}

async function restore(
  context: AppContext,
  service: Service,
  previous: RegisteredChannel | null,
): Promise<void> {
  if (previous) await context.store.conversations.registerChannel(previous);
  else await context.store.conversations.unregisterChannel(service.code, 'service');
}

/**
 * Makes `channel` the service channel of `serviceCode`, replacing any channel registered before.
 * Refused, with the reason, unless the caller is the service's SLL or an administrator.
 */
export async function registerServiceChannel(
  context: AppContext,
  actor: Person,
  serviceCode: string,
  channel: ChannelInfo,
): Promise<Result<ChannelRegistration>> {
  const allowed = await serviceTheActorManages(context, actor, serviceCode);
  if (!allowed.ok) return allowed;
  const service = allowed.value;
  const registration: RegisteredChannel = {
    kind: 'channel',
    key: channel.key,
    reference: channel.reference,
    updatedAt: nowOf(context),
    serviceCode: service.code,
    purpose: 'service',
    ...(channel.tenantId === undefined ? {} : { tenantId: channel.tenantId }),
  };
  const previous = await context.store.conversations.registerChannel(registration);
  const event = registrationEvent(
    context,
    actor,
    'service.channel-registered',
    service,
    previous?.key,
    channel.key,
    channel.name,
  );
  try {
    await context.store.records.commit(service.code, [
      { kind: 'append', entity: { type: 'audit', value: event } },
    ]);
  } catch (error) {
    await restore(context, service, previous);
    throw error;
  }
  const alreadyRegistered = previous?.key === channel.key;
  return ok({ service, replaced: alreadyRegistered ? null : previous, alreadyRegistered });
}

/**
 * Stops using `channelKey` as a service channel, for every service it is registered for. Refused
 * (nothing removed) unless the caller may register channels for each of those services.
 */
export async function unregisterServiceChannel(
  context: AppContext,
  actor: Person,
  channelKey: string,
): Promise<Result<Service[]>> {
  const registrations = (await context.store.conversations.registrationsOf(channelKey)).filter(
    (registration) => registration.purpose === 'service',
  );
  if (registrations.length === 0) return fail('not-found', 'This channel is not registered for any service.');
  const services: Service[] = [];
  for (const registration of registrations) {
    const allowed = await serviceTheActorManages(context, actor, registration.serviceCode);
    if (!allowed.ok) return allowed;
    services.push(allowed.value);
  }
  for (const [index, service] of services.entries()) {
    const previous = registrations[index] ?? null;
    await context.store.conversations.unregisterChannel(service.code, 'service');
    const event = registrationEvent(
      context,
      actor,
      'service.channel-unregistered',
      service,
      channelKey,
      undefined,
      undefined,
    );
    try {
      await context.store.records.commit(service.code, [
        { kind: 'append', entity: { type: 'audit', value: event } },
      ]);
    } catch (error) {
      await restore(context, service, previous);
      throw error;
    }
  }
  return ok(services);
}

/** A board channel registered: for which service, and whether it already was. */
export interface BoardRegistration {
  service: Service;
  alreadyRegistered: boolean;
}

/**
 * Adds `channel` to the improvement-board channels of `serviceCode` (a service may have any number),
 * where board summaries are posted; monthly by default. Refused, with the reason, unless the caller
 * is the service's SLL or an administrator. Registering the same channel again refreshes its
 * reference and keeps its schedule.
 */
export async function registerBoardChannel(
  context: AppContext,
  actor: Person,
  serviceCode: string,
  channel: ChannelInfo,
): Promise<Result<BoardRegistration>> {
  const allowed = await serviceTheActorManages(context, actor, serviceCode);
  if (!allowed.ok) return allowed;
  const service = allowed.value;
  const existing = (await context.store.conversations.boardChannels(service.code)).find(
    (board) => board.key === channel.key,
  );
  const registration: RegisteredChannel = {
    kind: 'channel',
    key: channel.key,
    reference: channel.reference,
    updatedAt: nowOf(context),
    serviceCode: service.code,
    purpose: 'board',
    summarySchedule: existing?.summarySchedule ?? 'monthly',
    lastSummaryAt: existing?.lastSummaryAt ?? nowOf(context),
    ...(channel.tenantId === undefined ? {} : { tenantId: channel.tenantId }),
  };
  const previous = await context.store.conversations.registerBoardChannel(registration);
  const event = registrationEvent(
    context,
    actor,
    'service.board-channel-registered',
    service,
    undefined,
    channel.key,
    channel.name,
  );
  try {
    await context.store.records.commit(service.code, [
      { kind: 'append', entity: { type: 'audit', value: event } },
    ]);
  } catch (error) {
    if (previous) await context.store.conversations.registerBoardChannel(previous);
    else await context.store.conversations.unregisterBoardChannel(service.code, channel.key);
    throw error;
  }
  return ok({ service, alreadyRegistered: previous !== null });
}

/** One registration removed by `unregister`. */
export interface RemovedRegistration {
  service: Service;
  purpose: RegisteredChannel['purpose'];
}

/**
 * Stops using `channelKey` for anything: as a service channel and as a board channel, for every
 * service it is registered for. Refused (nothing removed) unless the caller may register channels
 * for each of those services.
 */
export async function unregisterChannel(
  context: AppContext,
  actor: Person,
  channelKey: string,
): Promise<Result<RemovedRegistration[]>> {
  const registrations = await context.store.conversations.registrationsOf(channelKey);
  if (registrations.length === 0) return fail('not-found', 'This channel is not registered for any service.');
  const removed: RemovedRegistration[] = [];
  for (const registration of registrations) {
    const allowed = await serviceTheActorManages(context, actor, registration.serviceCode);
    if (!allowed.ok) return allowed;
    removed.push({ service: allowed.value, purpose: registration.purpose });
  }
  for (const [index, { service, purpose }] of removed.entries()) {
    const previous = registrations[index];
    if (!previous) continue;
    if (purpose === 'board')
      await context.store.conversations.unregisterBoardChannel(service.code, channelKey);
    else await context.store.conversations.unregisterChannel(service.code, 'service');
    const action =
      purpose === 'board' ? 'service.board-channel-unregistered' : 'service.channel-unregistered';
    const event = registrationEvent(context, actor, action, service, channelKey, undefined, undefined);
    try {
      await context.store.records.commit(service.code, [
        { kind: 'append', entity: { type: 'audit', value: event } },
      ]);
    } catch (error) {
      if (purpose === 'board') await context.store.conversations.registerBoardChannel(previous);
      else await restore(context, service, previous);
      throw error;
    }
  }
  return ok(removed);
}
