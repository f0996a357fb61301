/**
 * Who is told when a service's monitoring level changes (§22-23): the service's Service Liaison
 * Leads and the region's Chief of Staff, each in their personal chat, after the answer (an outbox
 * job written with the change).
 */
import { z } from 'zod';
import { monitoringLevelInWords } from '../../domain/lifecycle';
import { MonitoringLevel, ObjectId, type Person } from '../../domain/records';
import type { AppContext } from '../shared/app-context';
import { notifyPerson } from '../shared/deliver';
import type { Notice, Notifier } from '../shared/notifier';
import type { OutboxJob } from '../shared/outbox';
import { monitoringViewFor, type MonitoringCardView } from './show-monitoring';

/** The message of a changed level. */
export type MonitoringMessage = { kind: 'monitoring-changed'; view: MonitoringCardView; notice: Notice };

/** The job of a changed level. */
export const MonitoringChangedJob = z.object({
  kind: z.literal('monitoring-changed'),
  actorId: ObjectId,
  level: MonitoringLevel,
});

export const monitoringChangedJob = (actor: Person, level: MonitoringLevel): OutboxJob => ({
  kind: 'monitoring-changed',
  actorId: actor.objectId,
  level,
});

/** The service's SLLs and the region's Chiefs of Staff. */
export async function peopleToTell(context: AppContext, serviceCode: string): Promise<Person[]> {
  const service = await context.store.directory.getService(serviceCode);
  const people = await context.store.directory.listPeople();
  return people.filter(
    (p) =>
      (p.roles.includes('sll') && p.serviceCodes.includes(serviceCode)) ||
      (p.roles.includes('cos') && service !== null && p.regionId === service.regionId),
  );
}

/** Tells each of them, in their personal chat, what the level is now and who set it. */
export async function notifyMonitoringChanged(
  context: AppContext,
  notifier: Notifier<MonitoringMessage>,
  job: z.infer<typeof MonitoringChangedJob>,
): Promise<void> {
  const view = await monitoringViewFor(context, null, job.level.serviceCode, job.level);
  if (!view.ok) throw new Error(view.error.reason);
  const actor = await context.store.directory.getPerson(job.actorId);
  const who = actor?.name ?? 'The HM Inspector';
  const text =
    job.level.level === 'routine'
      ? `${who} lifted closer monitoring of ${view.value.serviceName}: it is back to routine monitoring.`
      : `${who} set the monitoring of ${view.value.serviceName} to ${monitoringLevelInWords(job.level)}.`;
  for (const person of await peopleToTell(context, job.level.serviceCode)) {
    await notifyPerson(context, notifier, person.objectId, {
      kind: 'monitoring-changed',
      view: view.value,
      notice: { text, tone: job.level.level === 'routine' ? 'good' : 'attention' },
    });
  }
}
