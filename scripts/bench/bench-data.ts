/**
 * The records the load needs on top of the demo data, written straight to the tables (no bot, no
 * due index) before the bot starts:
 *
 * - causes of concern for progress notes, so that concurrent notes land on different
 *   recommendations (two at once on the same one would be a lost race, not a save);
 * - closure requests waiting for the Chief of Staff, one per recommendation, because each can be
 *   approved only once.
 *
 * They sit in Buckinghamshire (BUC), a demo service of the demo SLL in the demo Chief of Staff's
 * region, numbered from 1001 so they never meet the demo's own ids.
 */
import { demoPeople } from '../../src/demo/people';
import { demoServices } from '../../src/demo/services';
import { demoToday } from '../../src/demo/records';
import { addCalendarDays } from '../../src/domain/clock';
import { requestClosure } from '../../src/domain/lifecycle';
import type { CauseOfConcern, Recommendation } from '../../src/domain/records';
import { maxChangesPerCommit, type RecordChange, type Store } from '../../src/store';

export const benchServiceCode = 'BUC';
/**
 * The services whose partitions hold the closure requests the approvals decide: the demo CoS's
 * region, round-robin, as a CoS's approvals come from all of it. Not BUC: Azurite finds a row by
 * scanning its partition where Table Storage looks it up by key, so approvals timed in BUC after
 * the note cells (or in one partition holding every pool) would pay for rows that have nothing to
 * do with them.
 */
export const approvalServiceCodes = demoServices
  .filter((service) => service.regionId === 'central' && service.code !== benchServiceCode)
  .map((service) => service.code);
const recommendationsPerCoc = 4;
/** Commits sent at once while writing; Azurite is happy with a few in flight. */
const parallelCommits = 8;

/** A closure request waiting for the Chief of Staff, as the approve button names it. */
export interface PendingClosure {
  serviceCode: string;
  requestId: string;
}

function cocOf(number: number, now: string, serviceCode = benchServiceCode): CauseOfConcern {
  const letterDate = addCalendarDays(demoToday, -60);
  return {
    id: `${serviceCode}-${String(number)}`,
    serviceCode,
    title: `Benchmark cause of concern ${String(number)}`,
    finding: 'A finding written for the benchmark.',
    pillar: 'effectiveness',
    publicSafetyRisk: false,
    fieldworkEndDate: addCalendarDays(letterDate, -30),
    letterDate,
    actionPlanRule: { kind: 'workingDaysFromLetter', days: 28 },
    actionPlanReceivedDate: addCalendarDays(letterDate, 20),
    owners: { sll: demoPeople.sll.objectId, cos: demoPeople.cos.objectId, hmi: demoPeople.hmi.objectId },
    status: 'open',
    createdAt: now,
    createdBy: demoPeople.sll.objectId,
    updatedAt: now,
    updatedBy: demoPeople.sll.objectId,
  };
}

function recommendationOf(coc: CauseOfConcern, number: number): Recommendation {
  return {
    id: `${coc.id}.${String(number)}`,
    cocId: coc.id,
    serviceCode: coc.serviceCode,
    text: 'A recommendation written for the benchmark.',
    status: 'inProgress',
    originalTargetDate: addCalendarDays(demoToday, 30 * number),
    targetDateRevisions: [],
    updatedAt: coc.createdAt,
    updatedBy: demoPeople.sll.objectId,
  };
}

/** Runs the commits a few at a time. */
async function commitAll(
  store: Store,
  batches: RecordChange[][],
  serviceCodeOf: (batch: number) => string = () => benchServiceCode,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < batches.length) {
      const batch = batches[next];
      const serviceCode = serviceCodeOf(next);
      next += 1;
      if (batch) await store.records.commit(serviceCode, batch);
    }
  };
  await Promise.all(Array.from({ length: parallelCommits }, worker));
}

/** Writes `cocs` causes of concern of four recommendations in progress; returns the recommendation ids. */
export async function writeNoteTargets(store: Store, firstNumber: number, cocs: number): Promise<string[]> {
  const now = new Date().toISOString();
  const ids: string[] = [];
  const batches: RecordChange[][] = [];
  for (let c = 0; c < cocs; c += 1) {
    const coc = cocOf(firstNumber + c, now);
    const batch: RecordChange[] = [{ kind: 'create', entity: { type: 'coc', value: coc } }];
    for (let r = 1; r <= recommendationsPerCoc; r += 1) {
      const recommendation = recommendationOf(coc, r);
      ids.push(recommendation.id);
      batch.push({ kind: 'create', entity: { type: 'recommendation', value: recommendation } });
    }
    batches.push(batch);
  }
  await commitAll(store, batches);
  return ids;
}

/**
 * Writes `count` closure requests waiting for the Chief of Staff (rounded up to whole causes of
 * concern) spread over {@link approvalServiceCodes}, raised by the demo SLL through the domain's own
 * `requestClosure`.
 */
export async function writePendingClosures(
  store: Store,
  firstNumber: number,
  count: number,
): Promise<PendingClosure[]> {
  const now = new Date().toISOString();
  let id = 0;
  const context = { actor: demoPeople.sll, now, newId: () => `bench-${firstNumber}-${String((id += 1))}` };
  const pending: PendingClosure[] = [];
  const batches: RecordChange[][] = [];
  const serviceCodeOf = (c: number): string =>
    approvalServiceCodes[c % approvalServiceCodes.length] ?? benchServiceCode;
  for (let c = 0; pending.length < count; c += 1) {
    const coc = cocOf(firstNumber + c, now, serviceCodeOf(c));
    const batch: RecordChange[] = [{ kind: 'create', entity: { type: 'coc', value: coc } }];
    for (let r = 1; r <= recommendationsPerCoc; r += 1) {
      const raised = requestClosure(
        {
          target: { kind: 'recommendation', record: recommendationOf(coc, r) },
          evidenceLinks: ['https://evidence.example.org/audit-report.pdf'],
          validationNote: 'Dip-sampled 20 premises with the station manager.',
        },
        context,
      );
      if (!raised.ok) throw new Error(`could not raise a benchmark closure: ${raised.error.reason}`);
      const { request, target, events } = raised.value;
      if (target.kind !== 'recommendation') throw new Error('a recommendation closure became something else');
      batch.push(
        { kind: 'create', entity: { type: 'recommendation', value: target.record } },
        { kind: 'create', entity: { type: 'closure', value: request } },
        ...events.map((event) => ({
          kind: 'append' as const,
          entity: { type: 'audit' as const, value: event },
        })),
      );
      pending.push({ serviceCode: coc.serviceCode, requestId: request.id });
    }
    if (batch.length > maxChangesPerCommit) throw new Error('a benchmark commit is too big');
    batches.push(batch);
  }
  await commitAll(store, batches, serviceCodeOf);
  return pending.slice(0, count);
}
