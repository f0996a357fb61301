/**
 * Writes the demo data set into a store, once: `npm start` calls this on first run so a new user
 * has services, people and records to try the bot with.
 */
import type { AuditEvent } from '../domain/records';
import { externalPartition, type RecordChange, type Store } from '../store';
import { demoDataSet, type DemoDataSet } from './records';

/** Seeds the demo data unless the directory already holds services. Returns whether it wrote. */
export async function seedDemoDataIfEmpty(
  store: Store,
  data: DemoDataSet = demoDataSet,
): Promise<{ seeded: boolean }> {
  if ((await store.directory.listServices()).length > 0) return { seeded: false };
  await seedDemoData(store, data);
  return { seeded: true };
}

/** Writes every region, service, person and record of the data set. */
export async function seedDemoData(store: Store, data: DemoDataSet = demoDataSet): Promise<void> {
  await Promise.all(data.regions.map((region) => store.directory.upsertRegion(region)));
  await Promise.all(data.services.map((service) => store.directory.upsertService(service)));
  await Promise.all(data.people.map((person) => store.directory.upsertPerson(person)));

  const partitions = new Map<string, RecordChange[][]>();
  const groupOf = (partition: string): RecordChange[][] => {
    let groups = partitions.get(partition);
    if (!groups) partitions.set(partition, (groups = []));
    return groups;
  };

  for (const coc of data.causesOfConcern) {
    const recommendations = data.recommendations.filter((r) => r.cocId === coc.id);
    const ids = new Set([coc.id, ...recommendations.map((r) => r.id)]);
    const changes: RecordChange[] = [
      { kind: 'create', entity: { type: 'coc', value: coc } },
      ...recommendations.map((value): RecordChange => ({
        kind: 'create',
        entity: { type: 'recommendation', value },
      })),
      ...data.progressUpdates
        .filter((p) => ids.has(p.subjectId))
        .map((value): RecordChange => ({ kind: 'append', entity: { type: 'progress', value } })),
      ...data.actionPlans
        .filter((p) => p.subjectId === coc.id)
        .map((value): RecordChange => ({ kind: 'create', entity: { type: 'actionPlan', value } })),
      {
        kind: 'append',
        entity: {
          type: 'audit',
          value: seededEvent(coc.id, coc.serviceCode, coc.createdAt, coc.createdBy, coc.id),
        },
      },
    ];
    groupOf(coc.serviceCode).push(changes);
  }

  for (const afi of data.areasForImprovement) {
    const changes: RecordChange[] = [
      { kind: 'create', entity: { type: 'afi', value: afi } },
      ...data.progressUpdates
        .filter((p) => p.subjectId === afi.id)
        .map((value): RecordChange => ({ kind: 'append', entity: { type: 'progress', value } })),
      ...data.actionPlans
        .filter((p) => p.subjectId === afi.id)
        .map((value): RecordChange => ({ kind: 'create', entity: { type: 'actionPlan', value } })),
      {
        kind: 'append',
        entity: { type: 'audit', value: seededEvent(afi.id, afi.serviceCode, afi.createdAt, afi.createdBy) },
      },
    ];
    groupOf(afi.serviceCode).push(changes);
  }

  for (const recommendation of data.recommendations.filter((r) => r.cocId === undefined)) {
    groupOf(externalPartition).push([
      { kind: 'create', entity: { type: 'recommendation', value: recommendation } },
      ...data.progressUpdates
        .filter((p) => p.subjectId === recommendation.id)
        .map((value): RecordChange => ({ kind: 'append', entity: { type: 'progress', value } })),
    ]);
  }

  // Counters so that the next CoC or AFI issued in the bot continues the numbering.
  for (const [partition, groups] of partitions) {
    if (partition === externalPartition) continue;
    const last = (prefix: RegExp, ids: string[]): number =>
      Math.max(0, ...ids.map((id) => Number(prefix.exec(id)?.[1] ?? 0)));
    const cocNumber = last(
      /-(\d+)$/,
      data.causesOfConcern.filter((c) => c.serviceCode === partition).map((c) => c.id),
    );
    const afiNumber = last(
      /-AFI-(\d+)$/,
      data.areasForImprovement.filter((a) => a.serviceCode === partition).map((a) => a.id),
    );
    groups.push([
      ...(cocNumber > 0
        ? [{ kind: 'create', entity: { type: 'counter', value: { name: 'coc', last: cocNumber } } } as const]
        : []),
      ...(afiNumber > 0
        ? [{ kind: 'create', entity: { type: 'counter', value: { name: 'afi', last: afiNumber } } } as const]
        : []),
    ]);
  }

  await Promise.all(
    [...partitions].map(async ([partition, groups]) => {
      for (const changes of groups) if (changes.length > 0) await store.records.commit(partition, changes);
    }),
  );
}

function seededEvent(
  subjectId: string,
  serviceCode: string,
  at: string,
  actor: string,
  cocId?: string,
): AuditEvent {
  return {
    id: `seed-${subjectId}`,
    at,
    actor,
    action: 'record.imported',
    subject: { kind: cocId ? 'coc' : 'afi', id: subjectId },
    serviceCode,
    ...(cocId ? { cocId } : {}),
    changes: [],
    note: 'Imported with the demo data',
  };
}
