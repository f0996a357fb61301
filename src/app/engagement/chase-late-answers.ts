/**
 * Late answers to requests for an update: which requests are overdue, which are due a reminder
 * (at most one a week each), and the marker that makes the chase idempotent. The marker
 * (`lastChasedOn`) is saved with an audit event before the reminder is sent, guarded by the ETag,
 * so two runs the same week send one reminder; a failed send takes the marker back.
 */
import { daysBetween, toLondonDate } from '../../domain/clock';
import type { AuditEvent, EngagementRequest, LocalDate } from '../../domain/records';
import { ConflictError, type RegisteredChannel } from '../../store';
import type { AppContext } from '../shared/app-context';
import { commitWithFollowUps } from '../shared/outbox';
import type { Notifier } from '../shared/notifier';
import type { ScheduledJob } from '../shared/scheduled-job';
import { systemEvent } from '../shared/system-writes';
import type { EngagementMessage } from './notify-engagement';
import { loadEngagementContext, type EngagementContext } from './request-update';

/** Days between two reminders about the same late request. */
export const chaseIntervalDays = 7;

/** Open requests whose answer date has passed, most overdue first. Pure. */
export function overdueEngagementRequests(
  requests: readonly EngagementRequest[],
  today: LocalDate,
): EngagementRequest[] {
  return requests
    .filter((request) => request.status === 'open' && daysBetween(today, request.dueDate) < 0)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
}

/** Whether an overdue request should be chased today: never chased, or last chased a week ago or more. Pure. */
export function isDueForChasing(request: EngagementRequest, today: LocalDate): boolean {
  if (request.status !== 'open' || daysBetween(today, request.dueDate) >= 0) return false;
  return request.lastChasedOn === undefined || daysBetween(request.lastChasedOn, today) >= chaseIntervalDays;
}

/** A request claimed for chasing: what the reminder shows, and how to give the claim back. */
export interface ClaimedChase {
  context: EngagementContext;
  /** The service channel to remind in. */
  channel: RegisteredChannel;
  /** Undoes the claim after a failed send, so the next run tries again. */
  release(): Promise<void>;
}

function chaseEvent(
  context: AppContext,
  request: EngagementRequest,
  from: string | undefined,
  to: string | undefined,
): AuditEvent {
  return systemEvent(
    context,
    to === undefined ? 'engagement.chase-failed' : 'engagement.chased',
    { kind: 'engagementRequest', id: request.id, serviceCode: request.serviceCode, cocId: request.cocId },
    [{ field: 'lastChasedOn', ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) }],
  );
}

/**
 * Every request due a reminder today, each claimed (marked chased today) before it is returned.
 * A request another run claimed first, or whose service has no channel to remind in, is left out.
 */
export async function claimLateEngagementRequests(
  context: AppContext,
  today: LocalDate,
): Promise<ClaimedChase[]> {
  const all = await context.store.records.listEngagementRequests();
  const claimed: ClaimedChase[] = [];
  for (const { value: request, etag } of all) {
    if (!isDueForChasing(request, today)) continue;
    const channel = await context.store.conversations.serviceChannel(request.serviceCode);
    if (!channel) continue;
    const marked: EngagementRequest = { ...request, lastChasedOn: today };
    try {
      const [saved] = await commitWithFollowUps(context, request.serviceCode, [
        { kind: 'update', entity: { type: 'engagement', value: marked }, etag },
        {
          kind: 'append',
          entity: { type: 'audit', value: chaseEvent(context, request, request.lastChasedOn, today) },
        },
      ]);
      const loaded = await loadEngagementContext(context, request.serviceCode, request.id);
      if (!loaded || !saved) continue;
      claimed.push({
        context: loaded.value,
        channel,
        release: async () => {
          const { lastChasedOn: _today, ...back } = marked;
          const restored: EngagementRequest =
            request.lastChasedOn === undefined ? back : { ...back, lastChasedOn: request.lastChasedOn };
          await commitWithFollowUps(context, request.serviceCode, [
            { kind: 'update', entity: { type: 'engagement', value: restored }, etag: loaded.etag },
            {
              kind: 'append',
              entity: { type: 'audit', value: chaseEvent(context, request, today, undefined) },
            },
          ]);
        },
      });
    } catch (error) {
      if (error instanceof ConflictError) continue; // another run claimed it, or it was answered
      throw error;
    }
  }
  return claimed;
}

/** The job that reminds service channels of late answers to requests for an update. */
export function engagementChaserJob(
  context: AppContext,
  notifier: Notifier<EngagementMessage>,
  onFailure: (requestId: string, error: unknown) => void,
): ScheduledJob {
  return {
    name: 'engagement-chaser',
    async run(now: Date): Promise<void> {
      const today = toLondonDate(now);
      for (const chase of await claimLateEngagementRequests(context, today)) {
        try {
          await notifier.post(chase.channel.reference, {
            kind: 'engagement-reminder',
            engagement: chase.context,
            today,
          });
        } catch (error) {
          onFailure(chase.context.request.id, error);
          await chase.release();
        }
      }
    },
  };
}
