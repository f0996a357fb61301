/**
 * Keeps the due index (src/store/due-index-repository.ts) in step with the records: a derived view
 * of every unmet obligation of the domain's clock (`obligationsOf`) for each cause of concern, of
 * each open area for improvement's target date, and of each open recommendation to an external
 * body's target date (reminded in the deputy portfolio director's chat).
 *
 * Every write path keeps it the same way: the commit that changes a dated record also writes an
 * outbox entry (src/app/shared/outbox.ts) naming the records to re-index and the contacts with the
 * service the change made (a progress update, a request for an update); after the answer the entry
 * is done by {@link refreshRecordIndex}. The recurring obligations count from the last contacts,
 * which the index keeps per record, so a refresh reads only the record itself and its index row.
 * {@link rebuildDueIndex} builds everything from the records (each kind of row read once), and
 * {@link checkDueIndex} compares the index with the records and mends what differs.
 */
import { obligationsOf, toLondonDate, type HolidayOptions } from '../../domain/clock';
import { currentTargetDate } from '../../domain/lifecycle';
import { parseRecordId } from '../../domain/ids';
import {
  type AreaForImprovement,
  type CauseOfConcern,
  type EngagementRequest,
  type LocalDate,
  type ProgressUpdate,
  type Recommendation,
  type Revisit,
} from '../../domain/records';
import {
  ConflictError,
  dueEntryRowKey,
  externalPartition,
  type DueContacts,
  type DueEntry,
  type IndexedRecord,
  type RecordIndex,
} from '../../store';
import { nowOf, todayOf, type AppContext } from '../shared/app-context';
import { recordOfSubject, type ContactHint, type IndexJob } from '../shared/index-jobs';

/** How many times a re-index is retried when another writer re-indexed the same record meanwhile. */
const maxConflictRetries = 3;

/** Counts what the index work read, for the sweep's report. */
export interface ReadTally {
  entitiesRead: number;
}

const later = (a: LocalDate | undefined, b: LocalDate | undefined): LocalDate | undefined =>
  a === undefined ? b : b === undefined ? a : a > b ? a : b;

/** The contacts after `hints`: each date moves only forwards. Pure. */
export function withContacts(contacts: DueContacts, hints: readonly ContactHint[]): DueContacts {
  let next: DueContacts = { ...contacts };
  for (const { at, source } of hints) {
    const day = toLondonDate(at);
    next = {
      ...next,
      lastContact: later(next.lastContact, day),
      ...(source === 'sloResponse' ? { lastSloUpdate: later(next.lastSloUpdate, day) } : {}),
      ...(source === 'revisitFinding' ? { lastRevisitFinding: later(next.lastRevisitFinding, day) } : {}),
    };
  }
  return Object.fromEntries(Object.entries(next).filter(([, value]) => value !== undefined));
}

/** The contacts a record's progress updates and requests for an update add up to. Pure. */
export function contactsFrom(
  progress: readonly ProgressUpdate[],
  engagements: readonly EngagementRequest[],
): DueContacts {
  const hints: ContactHint[] = [
    ...progress.map((update) => ({ at: update.at, source: update.source })),
    ...engagements.map((request) => ({ at: request.requestedAt, source: 'engagementRequest' as const })),
    ...engagements.flatMap((request) =>
      request.answeredAt ? [{ at: request.answeredAt, source: 'sloResponse' as const }] : [],
    ),
  ];
  return withContacts({}, hints);
}

/** The unmet obligations of one CoC as index rows. Pure. */
export function dueEntriesOfCoc(
  coc: CauseOfConcern,
  recommendations: readonly Recommendation[],
  contacts: DueContacts,
  today: LocalDate,
  options: HolidayOptions = {},
  revisits: readonly Revisit[] = [],
): DueEntry[] {
  const input = {
    coc,
    recommendations,
    revisits,
    ...(contacts.lastSloUpdate ? { lastSloUpdateDate: contacts.lastSloUpdate } : {}),
    ...(contacts.lastContact ? { lastEngagementDate: contacts.lastContact } : {}),
    ...(contacts.lastRevisitFinding ? { lastRevisitFindingDate: contacts.lastRevisitFinding } : {}),
  };
  const base = {
    serviceCode: coc.serviceCode,
    recordId: coc.id,
    recordTitle: coc.title,
    ownerObjectId: coc.owners.sll,
  };
  return obligationsOf(input, today, options)
    .filter((obligation) => !obligation.met)
    .flatMap((obligation): DueEntry[] => {
      const entry: DueEntry = {
        ...base,
        subjectId: obligation.subjectId,
        kind: obligation.kind,
        dueDate: obligation.dueDate,
      };
      if (obligation.kind !== 'engagement') return [entry];
      // §14: engagement is expected from 3 months and due by 6; the digest names both points.
      const expected: DueEntry = {
        ...entry,
        kind: 'engagementExpected',
        dueDate: obligation.earliestDate,
        until: obligation.dueDate,
      };
      return [expected, entry];
    });
}

/** The index row of a record that is its own subject, due on its target date, named by its text. */
function targetDateEntry(
  record: { serviceCode: string; id: string; text: string },
  dueDate: LocalDate,
  ownerObjectId: string,
): DueEntry {
  const { text } = record;
  return {
    serviceCode: record.serviceCode,
    recordId: record.id,
    recordTitle: text.length > 300 ? `${text.slice(0, 299)}…` : text,
    subjectId: record.id,
    kind: 'targetDate',
    dueDate,
    ownerObjectId,
  };
}

/** The index row of an open AFI's target date (met once the SLL marks it complete). Pure. */
export function dueEntriesOfAfi(afi: AreaForImprovement): DueEntry[] {
  if (afi.status !== 'open' || afi.targetDate === undefined) return [];
  return [targetDateEntry(afi, afi.targetDate, afi.sll)];
}

/**
 * The index row of a recommendation to an external body's target date in force (§31), until its
 * evidence is complete (what is left then is the closure chain's, as for a CoC's). Pure.
 */
export function dueEntriesOfExternal(recommendation: Recommendation): DueEntry[] {
  const dueDate = currentTargetDate(recommendation);
  const stillToDo = recommendation.status === 'open' || recommendation.status === 'inProgress';
  if (!stillToDo || dueDate === undefined) return [];
  return [
    targetDateEntry({ ...recommendation, serviceCode: externalPartition }, dueDate, recommendation.updatedBy),
  ];
}

/** What the index should hold for a record as it is stored now, with the contacts known so far. */
async function indexOfRecord(
  context: AppContext,
  job: IndexJob,
  contacts: DueContacts,
): Promise<RecordIndex> {
  const { records } = context.store;
  const empty = { serviceCode: job.serviceCode, recordId: job.recordId, entries: [], contacts };
  if (parseRecordId(job.recordId)?.kind === 'afi') {
    const afi = await records.getAfi(job.serviceCode, job.recordId);
    return afi ? { ...empty, entries: dueEntriesOfAfi(afi.value), version: afi.value.updatedAt } : empty;
  }
  if (parseRecordId(job.recordId)?.kind === 'externalRecommendation') {
    const found = await records.getRecommendation(externalPartition, job.recordId);
    return found
      ? { ...empty, entries: dueEntriesOfExternal(found.value), version: found.value.updatedAt }
      : empty;
  }
  const found = await records.getCocWithRecommendations(job.serviceCode, job.recordId);
  if (!found) return empty;
  const recommendations = found.recommendations.map((r) => r.value);
  const entries = dueEntriesOfCoc(
    found.coc.value,
    recommendations,
    contacts,
    todayOf(context),
    { extraHolidays: context.extraHolidays },
    (found.revisits ?? []).map((r) => r.value),
  );
  return { ...empty, entries, version: found.coc.value.updatedAt };
}

/** The contacts of a record the index has not held yet, from its progress and requests for an update. */
async function contactsOfRecord(context: AppContext, job: IndexJob): Promise<DueContacts> {
  const { records } = context.store;
  const kind = parseRecordId(job.recordId)?.kind;
  if (kind === 'afi' || kind === 'externalRecommendation')
    return contactsFrom(await records.listProgress(job.serviceCode, job.recordId), []);
  const [progress, requests] = await Promise.all([
    records.listProgressOfCoc(job.serviceCode, job.recordId),
    records.listEngagementRequests(job.serviceCode),
  ]);
  const ofCoc = requests.map((r) => r.value).filter((request) => request.cocId === job.recordId);
  return contactsFrom(progress, ofCoc);
}

/**
 * Re-reads one record and replaces its index rows, adding the contacts the change made to those
 * the index kept; retries when another writer re-indexed the same record meanwhile.
 */
export async function refreshRecordIndex(context: AppContext, job: IndexJob): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const current = await context.store.dueIndex.readRecord(job.serviceCode, job.recordId);
    const known = current?.contacts ?? (await contactsOfRecord(context, job));
    const next = await indexOfRecord(context, job, withContacts(known, job.contacts));
    try {
      await context.store.dueIndex.replaceRecord(next, current);
      return;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= maxConflictRetries) throw error;
    }
  }
}

/**
 * What the index should hold for every record, read from the records with one scan per kind of
 * row (CoCs with their recommendations, AFIs, progress updates, requests for an update).
 */
export async function indexFromRecords(context: AppContext, tally?: ReadTally): Promise<RecordIndex[]> {
  const { records } = context.store;
  const [cocs, afis, progress, engagements, external] = await Promise.all([
    records.listCocsWithRecommendations(),
    records.listAfis(),
    records.listServiceProgress(),
    records.listEngagementRequests(),
    records.listExternalRecommendations(),
  ]);
  if (tally)
    tally.entitiesRead += cocs.length + afis.length + progress.length + engagements.length + external.length;
  const today = todayOf(context);
  const options = { extraHolidays: context.extraHolidays };
  const progressOf = groupBy(progress, (update) => recordOfSubject(update.subjectId) ?? '');
  const requestsOf = groupBy(
    engagements.map((e) => e.value),
    (request) => request.cocId,
  );
  const ofCocs = cocs.map(({ coc, recommendations, revisits }): RecordIndex => {
    const contacts = contactsFrom(progressOf.get(coc.value.id) ?? [], requestsOf.get(coc.value.id) ?? []);
    const entries = dueEntriesOfCoc(
      coc.value,
      recommendations.map((r) => r.value),
      contacts,
      today,
      options,
      (revisits ?? []).map((r) => r.value),
    );
    return {
      serviceCode: coc.value.serviceCode,
      recordId: coc.value.id,
      entries,
      contacts,
      version: coc.value.updatedAt,
    };
  });
  const ofAfis = afis.map(({ value: afi }): RecordIndex => {
    const contacts = contactsFrom(progressOf.get(afi.id) ?? [], []);
    return {
      serviceCode: afi.serviceCode,
      recordId: afi.id,
      entries: dueEntriesOfAfi(afi),
      contacts,
      version: afi.updatedAt,
    };
  });
  const ofExternal = external.map(({ value }): RecordIndex => ({
    serviceCode: externalPartition,
    recordId: value.id,
    entries: dueEntriesOfExternal(value),
    contacts: contactsFrom(progressOf.get(value.id) ?? [], []),
    version: value.updatedAt,
  }));
  return [...ofCocs, ...ofAfis, ...ofExternal];
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

/** Indexes every CoC and AFI of every service (idempotent), then marks the index built. */
export async function rebuildDueIndex(context: AppContext, tally?: ReadTally): Promise<number> {
  const [wanted, current] = await Promise.all([
    indexFromRecords(context, tally),
    context.store.dueIndex.listRecords(),
  ]);
  await context.store.dueIndex.replaceAll(wanted, current);
  await context.store.dueIndex.markBuilt(nowOf(context));
  return wanted.length;
}

/** What a consistency check found, and what it mended. */
export interface IndexCheck {
  /** Records (CoCs and AFIs) checked. */
  records: number;
  /** Records whose index rows differed from what their records say (missing, stale or extra). */
  outOfStep: { serviceCode: string; recordId: string; missing: number; extra: number }[];
  /** Index rows left by records no longer kept. */
  orphans: number;
  repaired: boolean;
}

const keysOf = (index: RecordIndex): string[] => index.entries.map(dueEntryRowKey).sort();

/** Compares one record's index with what its records say. */
function differenceOf(wanted: RecordIndex, held: IndexedRecord | undefined) {
  const want = keysOf(wanted);
  const have = [...(held?.keys ?? [])].sort();
  return {
    missing: want.filter((key) => !have.includes(key)).length,
    extra: have.filter((key) => !want.includes(key)).length,
  };
}

/**
 * Compares the due index with the records (one scan per kind of row, and the index's own rows) and,
 * with `repair`, rebuilds it so the two agree. Says what it found either way.
 */
export async function checkDueIndex(context: AppContext, options: { repair: boolean }): Promise<IndexCheck> {
  const [wanted, current] = await Promise.all([
    indexFromRecords(context),
    context.store.dueIndex.listRecords(),
  ]);
  const held = new Map(current.map((indexed) => [`${indexed.serviceCode}|${indexed.recordId}`, indexed]));
  const outOfStep = wanted.flatMap((index) => {
    const key = `${index.serviceCode}|${index.recordId}`;
    const difference = differenceOf(index, held.get(key));
    held.delete(key);
    return difference.missing + difference.extra > 0
      ? [{ serviceCode: index.serviceCode, recordId: index.recordId, ...difference }]
      : [];
  });
  const orphans = [...held.values()].filter((indexed) => indexed.keys.length > 0).length;
  const repaired =
    options.repair && (outOfStep.length > 0 || orphans > 0 || !(await context.store.dueIndex.isBuilt()));
  if (repaired) {
    await context.store.dueIndex.replaceAll(wanted, current);
    await context.store.dueIndex.markBuilt(nowOf(context));
  }
  return { records: wanted.length, outOfStep, orphans, repaired };
}
