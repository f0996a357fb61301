/**
 * Registering a Teams channel as a service's channel (`register service BUC`), where the bot posts
 * a summary of each record issued for the service and its reminders, or as one of its improvement
 * board channels (`register board BUC`), and removing it again (`unregister`).
 *
 * Only the service's SLL or an administrator may do either. The registration lives in the
 * conversations table and its audit event in the service's partition of the records table: two
 * tables can't share a transaction, so the registration is written first and put back as it was if
 * the audit event can't be saved. Nothing changes without a trace.
 */
import { fail, ok, type Result } from '../../domain/errors';
import type { AuditEvent, Person, Service } from '../../domain/records';
import type { RegisteredChannel } from '../../store';
import { nowOf, type AppContext } from '../shared/app-context';
import { withAudit } from '../shared/write-with-audit';
import { serviceFor } from '../shared/record-scope';

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

/** A board channel registered: for which service, and whether it already was. */
export interface BoardRegistration {
  service: Service;
  alreadyRegistered: boolean;
}

/** One registration removed by `unregister`. */
export interface RemovedRegistration {
  service: Service;
  purpose: RegisteredChannel['purpose'];
}

type RegistrationAction =
  | 'service.channel-registered'
  | 'service.channel-unregistered'
  | 'service.board-channel-registered'
  | 'service.board-channel-unregistered';

/** The service a code names, if the caller may register channels for it; the policy's reason otherwise. */
export function serviceTheActorManages(
  context: AppContext,
  actor: Person,
  serviceCode: string,
): Promise<Result<Service>> {
  return serviceFor(context, actor, 'registerChannel', serviceCode);
}

function registrationEvent(
  context: AppContext,
  actor: Person,
  action: RegistrationAction,
  service: Service,
  change: { from?: string | undefined; to?: string | undefined; note?: string | undefined },
): AuditEvent {
  const { from, to, note } = change;
  return {
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
    ...(note === undefined ? {} : { note }),
  };
}

/** The registration row of a channel for a service. */
function registrationOf(
  context: AppContext,
  service: Service,
  channel: ChannelInfo,
  purpose: 'service' | 'board',
): RegisteredChannel {
  return {
    kind: 'channel',
    key: channel.key,
    reference: channel.reference,
    updatedAt: nowOf(context),
    serviceCode: service.code,
    purpose,
    ...(channel.tenantId === undefined ? {} : { tenantId: channel.tenantId }),
  };
}

/** Puts a service's registration back as it was before a change that could not be audited. */
async function restore(
  context: AppContext,
  serviceCode: string,
  previous: RegisteredChannel | null,
  key?: string,
): Promise<void> {
  const { conversations } = context.store;
  if (previous?.purpose === 'board') await conversations.registerBoardChannel(previous);
  else if (previous) await conversations.registerChannel(previous);
  else if (key !== undefined) await conversations.unregisterBoardChannel(serviceCode, key);
  else await conversations.unregisterChannel(serviceCode, 'service');
}

/** Writes the service's registration and its audit event; the channel it replaced, if any. */
function saveServiceRegistration(context: AppContext, actor: Person, service: Service, channel: ChannelInfo) {
  const action = 'service.channel-registered';
  return withAudit(context, service.code, {
    write: () =>
      context.store.conversations.registerChannel(registrationOf(context, service, channel, 'service')),
    undo: (replaced) => restore(context, service.code, replaced),
    event: (replaced) =>
      registrationEvent(context, actor, action, service, {
        from: replaced?.key,
        to: channel.key,
        note: channel.name,
      }),
  });
}

/** Writes a board registration (keeping the schedule of one made before) and its audit event; the one it replaced. */
async function saveBoardRegistration(
  context: AppContext,
  actor: Person,
  service: Service,
  channel: ChannelInfo,
) {
  const existing = (await context.store.conversations.boardChannels(service.code)).find(
    (b) => b.key === channel.key,
  );
  const registration: RegisteredChannel = {
    ...registrationOf(context, service, channel, 'board'),
    summarySchedule: existing?.summarySchedule ?? 'monthly',
    lastSummaryAt: existing?.lastSummaryAt ?? nowOf(context),
  };
  const action = 'service.board-channel-registered';
  return withAudit(context, service.code, {
    write: () => context.store.conversations.registerBoardChannel(registration),
    undo: (replaced) => restore(context, service.code, replaced, channel.key),
    event: () => registrationEvent(context, actor, action, service, { to: channel.key, note: channel.name }),
  });
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
  const service = await serviceTheActorManages(context, actor, serviceCode);
  if (!service.ok) return service;
  const previous = await saveServiceRegistration(context, actor, service.value, channel);
  const alreadyRegistered = previous?.key === channel.key;
  return ok({ service: service.value, replaced: alreadyRegistered ? null : previous, alreadyRegistered });
}

/**
 * Adds `channel` to the improvement-board channels of `serviceCode` (a service may have any number),
 * where board summaries are posted; monthly by default. Registering the same channel again refreshes
 * its reference and keeps its schedule. Refused, with the reason, unless the caller is the service's
 * SLL or an administrator.
 */
export async function registerBoardChannel(
  context: AppContext,
  actor: Person,
  serviceCode: string,
  channel: ChannelInfo,
): Promise<Result<BoardRegistration>> {
  const service = await serviceTheActorManages(context, actor, serviceCode);
  if (!service.ok) return service;
  const previous = await saveBoardRegistration(context, actor, service.value, channel);
  return ok({ service: service.value, alreadyRegistered: previous !== null });
}

/** Removes one registration of a channel, with its audit event. */
async function removeRegistration(
  context: AppContext,
  actor: Person,
  removed: RemovedRegistration,
  registration: RegisteredChannel,
): Promise<void> {
  const { service, purpose } = removed;
  const { conversations } = context.store;
  const action = purpose === 'board' ? 'service.board-channel-unregistered' : 'service.channel-unregistered';
  await withAudit(context, service.code, {
    write: () =>
      purpose === 'board'
        ? conversations.unregisterBoardChannel(service.code, registration.key)
        : conversations.unregisterChannel(service.code, 'service'),
    undo: () => restore(context, service.code, registration),
    event: () => registrationEvent(context, actor, action, service, { from: registration.key }),
  });
}

/** The services of the registrations, if the caller may manage every one; the first refusal otherwise. */
async function managedServices(
  context: AppContext,
  actor: Person,
  registrations: readonly RegisteredChannel[],
): Promise<Result<RemovedRegistration[]>> {
  const removed: RemovedRegistration[] = [];
  for (const registration of registrations) {
    const allowed = await serviceTheActorManages(context, actor, registration.serviceCode);
    if (!allowed.ok) return allowed;
    removed.push({ service: allowed.value, purpose: registration.purpose });
  }
  return ok(removed);
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
  const removed = await managedServices(context, actor, registrations);
  if (!removed.ok) return removed;
  for (const [index, entry] of removed.value.entries()) {
    const registration = registrations[index];
    if (registration) await removeRegistration(context, actor, entry, registration);
  }
  return removed;
}
