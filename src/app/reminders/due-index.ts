/**
 * Keeps the due index (src/store/due-index-repository.ts) in step with the records: a derived
 * view of every unmet obligation of the domain's clock table (`obligationsOf`), refreshed per CoC
 * whenever a commit touches that CoC, whichever use case made the commit.
 *
 * Around each commit: mark the CoC pending, commit, re-index it, clear the mark. A process that
 * stops half-way leaves the mark, and the next sweep re-indexes what is marked before it reads
 * the index ({@link catchUpDueIndex}). docs/reminders.md explains the trade-offs.
 */
import { obligationsOf, toLondonDate, type ObligationInput } from '../../domain/clock';
import { cocIdOfRecommendation } from '../../domain/ids';
import { CocId, type LocalDate } from '../../domain/records';
import { ConflictError, type DueEntry, type RecordChange, type Store } from '../../store';
import { nowOf, todayOf, type AppContext } from '../shared/app-context';

/** How many times a re-index is retried when another writer re-indexed the same CoC meanwhile. */
const maxConflictRetries = 3;

/** Counts what the index work read, for the sweep's report. */
export interface ReadTally {
  entitiesRead: number;
}

function cocIdOfSubject(subjectId: string): string | undefined {
  return cocIdOfRecommendation(subjectId) ?? (CocId.safeParse(subjectId).success ? subjectId : undefined);
}

/** The CoCs a commit touches (their obligations may have moved). */
export function cocsTouchedBy(changes: readonly RecordChange[]): string[] {
  const ids = new Set<string>();
  for (const { entity } of changes) {
    let cocId: string | undefined;
    switch (entity.type) {
      case 'coc':
        cocId = entity.value.id;
        break;
      case 'recommendation':
        cocId = entity.value.cocId;
        break;
      case 'progress':
      case 'actionPlan':
        cocId = cocIdOfSubject(entity.value.subjectId);
        break;
      case 'engagement':
        cocId = entity.value.cocId;
        break;
      default:
        cocId = undefined;
    }
    if (cocId) ids.add(cocId);
  }
  return [...ids];
}

function latestDate(instants: readonly string[]): LocalDate | undefined {
  const latest = [...instants].sort().at(-1);
  return latest === undefined ? undefined : toLondonDate(latest);
}

/**
 * The unmet obligations of one CoC as index entries, read from the records: the CoC and its
 * recommendations, their progress updates and the service's engagement requests for the CoC.
 */
export async function dueEntriesOfCoc(
  context: AppContext,
  serviceCode: string,
  cocId: string,
  tally: ReadTally = { entitiesRead: 0 },
): Promise<DueEntry[]> {
  const { records } = context.store;
  const found = await records.getCocWithRecommendations(serviceCode, cocId);
  if (!found) return [];
  const coc = found.coc.value;
  const recommendations = found.recommendations.map((r) => r.value);
  const subjects = new Set([coc.id, ...recommendations.map((r) => r.id)]);
  const [progressOfCoc, engagements] = await Promise.all([
    records.listProgressOfCoc(serviceCode, coc.id),
    records.listEngagementRequests(serviceCode),
  ]);
  // Only the CoC's current recommendations count, as before (not rows left by a removed one).
  const progress = progressOfCoc.filter((p) => subjects.has(p.subjectId));
  const ownEngagements = engagements.map((e) => e.value).filter((e) => e.cocId === coc.id);
  tally.entitiesRead += 1 + recommendations.length + progress.length + engagements.length;

  const input: ObligationInput = { coc, recommendations };
  const sloUpdate = latestDate([
    ...progress.filter((p) => p.source === 'sloResponse').map((p) => p.at),
    ...ownEngagements.flatMap((e) => (e.answeredAt ? [e.answeredAt] : [])),
  ]);
  const contact = latestDate([...progress.map((p) => p.at), ...ownEngagements.map((e) => e.requestedAt)]);
  const revisitFinding = latestDate(progress.filter((p) => p.source === 'revisitFinding').map((p) => p.at));
  if (sloUpdate) input.lastSloUpdateDate = sloUpdate;
  if (contact) input.lastEngagementDate = contact;
  if (revisitFinding) input.lastRevisitFindingDate = revisitFinding;

  return obligationsOf(input, todayOf(context), { extraHolidays: context.extraHolidays })
    .filter((obligation) => !obligation.met)
    .map((obligation) => ({
      serviceCode: coc.serviceCode,
      cocId: coc.id,
      cocTitle: coc.title,
      subjectId: obligation.subjectId,
      kind: obligation.kind,
      dueDate: obligation.dueDate,
      ownerObjectId: coc.owners.sll,
    }));
}

/** Re-reads one CoC and replaces its index rows; retries when another writer raced it. */
export async function refreshCocIndex(
  context: AppContext,
  serviceCode: string,
  cocId: string,
  tally?: ReadTally,
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const entries = await dueEntriesOfCoc(context, serviceCode, cocId, tally);
    try {
      await context.store.dueIndex.replaceCoc(serviceCode, cocId, entries);
      return;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= maxConflictRetries) throw error;
    }
  }
}

/** Indexes every CoC of every service (idempotent), then marks the index built. */
export async function rebuildDueIndex(context: AppContext, tally?: ReadTally): Promise<number> {
  const cocs = await context.store.records.listCocs();
  if (tally) tally.entitiesRead += cocs.length;
  for (const { value } of cocs) await refreshCocIndex(context, value.serviceCode, value.id, tally);
  await context.store.dueIndex.markBuilt(nowOf(context));
  return cocs.length;
}

/**
 * Brings the index up to date before a sweep reads it: a full build the first time (records
 * written before the index existed, e.g. seeded), then only the CoCs left marked pending.
 */
export async function catchUpDueIndex(context: AppContext, tally: ReadTally): Promise<void> {
  const { dueIndex } = context.store;
  tally.entitiesRead += 1;
  if (!(await dueIndex.isBuilt())) {
    await rebuildDueIndex(context, tally);
    return;
  }
  const pending = await dueIndex.listPending();
  tally.entitiesRead += pending.length;
  for (const { serviceCode, cocId } of pending) {
    await refreshCocIndex(context, serviceCode, cocId, tally);
    await dueIndex.clearPending(serviceCode, cocId);
  }
}

const observedStores = new WeakSet<Store>();

/**
 * Makes every commit on the context's store keep the due index right (once per store). A failed
 * re-index never fails the user's change: the pending mark stays and the next sweep mends it.
 */
export function keepDueIndex(context: AppContext, onError: (error: unknown) => void): void {
  const { store } = context;
  if (observedStores.has(store)) return;
  observedStores.add(store);
  const marks = new Map<string, string>();
  store.records.observe({
    async before(serviceCode, changes) {
      const cocIds = cocsTouchedBy(changes);
      if (cocIds.length === 0) return;
      const etags = await store.dueIndex.markPending(serviceCode, cocIds, nowOf(context));
      for (const [cocId, etag] of etags) marks.set(`${serviceCode}|${cocId}`, etag);
    },
    async after(serviceCode, changes) {
      for (const cocId of cocsTouchedBy(changes)) {
        try {
          await refreshCocIndex(context, serviceCode, cocId);
          const key = `${serviceCode}|${cocId}`;
          await store.dueIndex.clearPending(serviceCode, cocId, marks.get(key));
          marks.delete(key);
        } catch (error) {
          onError(error);
        }
      }
    },
  });
}
