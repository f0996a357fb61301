/**
 * Finding what needs attention: the open causes of concern (CoCs), recommendations and areas for
 * improvement (AFIs) a person may see, each with its next due date, newest first, a page at a time.
 *
 * What is "due":
 * - a recommendation: its target date in force (the latest revision, else the original), until the
 *   SLL marks its evidence complete;
 * - an AFI: its target date while it is open;
 * - a CoC: the earliest obligation of the domain clock (`obligationsOf`) not yet met: the
 *   notification letter, the action plan, the quarterly update from the service, the SLL's
 *   engagement, the revisit. Contact with the service is read from the progress updates (an SLO
 *   response is the quarterly update; any progress update, request for an update or revisit
 *   finding is engagement).
 *
 * The query is always run for the caller, from their directory entry: a page request from a card
 * names a query and a page, never whose records to show.
 */
import { z } from 'zod';
import {
  actionPlanTimeliness,
  obligationsOf,
  currentTargetDate,
  daysBetween,
  toLondonDate,
  type ActionPlanTimeliness,
  type ObligationKind,
} from '../../domain/clock';
import { fail, ok, type Result } from '../../domain/errors';
import type {
  AreaForImprovement,
  CauseOfConcern,
  EngagementRequest,
  Instant,
  LocalDate,
  Person,
  ProgressUpdate,
  Rag,
  Recommendation,
  RecommendationStatus,
  AfiStatus,
} from '../../domain/records';
import { ServiceCode } from '../../domain/records';
import type { CocWithRecommendations } from '../../store';
import type { AppContext } from '../shared/app-context';
import { pageOf } from '../shared/paging';
import { loadVisibility, type Visibility } from '../shared/visibility';

/** Rows on one page of a list. */
export const listPageSize = 10;

/** How far ahead "due soon" looks in the counts of a list that is not itself a `due` list. */
export const dueSoonDays = 14;

/** Which records to list: the caller's own, one service's, the overdue ones, or those due soon. */
export const ListQuery = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('mine') }),
  z.object({ kind: z.literal('service'), serviceCode: ServiceCode }),
  z.object({ kind: z.literal('overdue') }),
  z.object({ kind: z.literal('due'), days: z.number().int().min(0).max(366) }),
]);
export type ListQuery = z.infer<typeof ListQuery>;

/** What falls due next on a row. `kind` is the clock's obligation kind (`targetDate` for AFIs too). */
export interface NextDue {
  kind: ObligationKind;
  dueDate: LocalDate;
  /** Signed days from today: 0 on the day, negative once late. */
  daysUntilDue: number;
}

/** One open record in a list. */
export type ListRow = {
  id: string;
  serviceCode: string;
  /** The CoC's title, or the recommendation's or AFI's text. */
  text: string;
  rag?: Rag;
  next?: NextDue;
  /** When the record (for a recommendation: its CoC) was issued; lists run newest first. */
  issuedAt: Instant;
} & (
  | {
      kind: 'coc';
      status: 'open';
      actionPlan?: ActionPlanTimeliness;
      /** The date of the latest later inspection that found it again (§27). */
      foundAgainOn?: LocalDate;
    }
  | { kind: 'recommendation'; cocId: string; status: RecommendationStatus }
  | { kind: 'afi'; questionRef: string; status: AfiStatus }
);

/** How many open records a whole list holds, and how many are late or due soon. */
export interface ListCounts {
  causesOfConcern: number;
  recommendations: number;
  areasForImprovement: number;
  overdue: number;
  dueSoon: number;
  /** The window `dueSoon` counts over, in days from today. */
  dueSoonDays: number;
}

/** One page of a list. */
export interface RecordListPage {
  query: ListQuery;
  /** For a `service` query: the service's name. */
  serviceName?: string;
  counts: ListCounts;
  rows: ListRow[];
  /** 1-based; clamped to the pages there are. */
  page: number;
  pageCount: number;
  totalRows: number;
}

/** Everything a service's rows are built from, read with a few range queries. */
interface ServiceRecords {
  cocs: CocWithRecommendations[];
  afis: AreaForImprovement[];
  progress: ProgressUpdate[];
  engagements: EngagementRequest[];
}

async function loadRecords(context: AppContext, serviceCode: string | undefined): Promise<ServiceRecords> {
  const { records } = context.store;
  const [cocs, afis, progress, engagements] = await Promise.all([
    records.listCocsWithRecommendations(serviceCode),
    records.listAfis(serviceCode),
    records.listServiceProgress(serviceCode),
    records.listEngagementRequests(serviceCode),
  ]);
  return {
    cocs,
    afis: afis.map((a) => a.value),
    progress,
    engagements: engagements.map((e) => e.value),
  };
}

async function loadRecordsOf(
  context: AppContext,
  serviceCodes: readonly string[] | 'all',
): Promise<ServiceRecords> {
  if (serviceCodes === 'all') return loadRecords(context, undefined);
  const parts = await Promise.all(serviceCodes.map((code) => loadRecords(context, code)));
  return {
    cocs: parts.flatMap((p) => p.cocs),
    afis: parts.flatMap((p) => p.afis),
    progress: parts.flatMap((p) => p.progress),
    engagements: parts.flatMap((p) => p.engagements),
  };
}

function latestDate(instants: readonly string[]): LocalDate | undefined {
  const latest = [...instants].sort().at(-1);
  return latest === undefined ? undefined : toLondonDate(latest);
}

/** The CoC's earliest unmet obligation other than its recommendations' target dates. */
function nextObligationOf(
  entry: CocWithRecommendations,
  data: ServiceRecords,
  today: LocalDate,
  context: AppContext,
): NextDue | undefined {
  const coc = entry.coc.value;
  const subjects = new Set([coc.id, ...entry.recommendations.map((r) => r.value.id)]);
  const progress = data.progress.filter(
    (p) => p.serviceCode === coc.serviceCode && subjects.has(p.subjectId),
  );
  const engagements = data.engagements.filter((e) => e.serviceCode === coc.serviceCode && e.cocId === coc.id);
  const sloUpdates = [
    ...progress.filter((p) => p.source === 'sloResponse').map((p) => p.at),
    ...engagements.flatMap((e) => (e.answeredAt ? [e.answeredAt] : [])),
  ];
  const contacts = [...progress.map((p) => p.at), ...engagements.map((e) => e.requestedAt)];
  const revisitFindings = progress.filter((p) => p.source === 'revisitFinding').map((p) => p.at);
  const obligations = obligationsOf(
    {
      coc,
      recommendations: [],
      revisits: (entry.revisits ?? []).map((r) => r.value),
      lastSloUpdateDate: latestDate(sloUpdates),
      lastEngagementDate: latestDate(contacts),
      lastRevisitFindingDate: latestDate(revisitFindings),
    },
    today,
    { extraHolidays: context.extraHolidays },
  );
  const next = obligations.find((o) => !o.met);
  return next ? { kind: next.kind, dueDate: next.dueDate, daysUntilDue: next.daysUntilDue } : undefined;
}

function targetDue(dueDate: LocalDate | undefined, today: LocalDate): NextDue | undefined {
  return dueDate === undefined
    ? undefined
    : { kind: 'targetDate', dueDate, daysUntilDue: daysBetween(today, dueDate) };
}

const evidenceIn: readonly RecommendationStatus[] = ['evidenceComplete', 'cosRecommendedClosure'];

function recommendationRow(recommendation: Recommendation, coc: CauseOfConcern, today: LocalDate): ListRow {
  const next = evidenceIn.includes(recommendation.status)
    ? undefined
    : targetDue(currentTargetDate(recommendation), today);
  return {
    kind: 'recommendation',
    id: recommendation.id,
    cocId: coc.id,
    serviceCode: coc.serviceCode,
    text: recommendation.text,
    status: recommendation.status,
    ...(recommendation.rag ? { rag: recommendation.rag } : {}),
    ...(next ? { next } : {}),
    issuedAt: coc.createdAt,
  };
}

function afiRow(afi: AreaForImprovement, today: LocalDate): ListRow {
  const next = afi.status === 'open' ? targetDue(afi.targetDate, today) : undefined;
  return {
    kind: 'afi',
    id: afi.id,
    questionRef: afi.questionRef,
    serviceCode: afi.serviceCode,
    text: afi.text,
    status: afi.status,
    ...(next ? { next } : {}),
    issuedAt: afi.createdAt,
  };
}

/** Whether the CoC's action plan came on time, once it has come. */
function planTimelinessOf(
  coc: CauseOfConcern,
  context: AppContext,
): { actionPlan?: ActionPlanTimeliness; foundAgainOn?: LocalDate } {
  const timeliness = actionPlanTimeliness(coc, { extraHolidays: context.extraHolidays });
  const found = coc.identifiedAgain?.at(-1);
  return {
    ...(timeliness ? { actionPlan: timeliness } : {}),
    ...(found ? { foundAgainOn: found.inspectionDate } : {}),
  };
}

/** The rows of every open record in `data` that `include` keeps and the caller may see. */
function rowsOf(
  data: ServiceRecords,
  include: { coc: (coc: CauseOfConcern) => boolean; afi: (afi: AreaForImprovement) => boolean },
  visibility: Visibility,
  context: AppContext,
): ListRow[] {
  const today = visibility.policy.today;
  const rows: ListRow[] = [];
  for (const entry of data.cocs) {
    const coc = entry.coc.value;
    if (coc.status === 'closed' || !include.coc(coc) || !visibility.check(coc.serviceCode, coc.owners).ok)
      continue;
    const next = nextObligationOf(entry, data, today, context);
    rows.push({
      kind: 'coc',
      id: coc.id,
      serviceCode: coc.serviceCode,
      text: coc.title,
      status: 'open',
      ...planTimelinessOf(coc, context),
      ...(coc.rag ? { rag: coc.rag } : {}),
      ...(next ? { next } : {}),
      issuedAt: coc.createdAt,
    });
    for (const { value: recommendation } of entry.recommendations) {
      if (recommendation.status !== 'closed') rows.push(recommendationRow(recommendation, coc, today));
    }
  }
  for (const afi of data.afis) {
    const owners = { sll: afi.sll, cos: afi.cos };
    if (afi.status === 'closed' || !include.afi(afi) || !visibility.check(afi.serviceCode, owners).ok)
      continue;
    rows.push(afiRow(afi, today));
  }
  return rows;
}

/** Newest first; a CoC's row comes just before its recommendations, which run in numbered order. */
function compareRows(a: ListRow, b: ListRow): number {
  if (a.issuedAt !== b.issuedAt) return a.issuedAt < b.issuedAt ? 1 : -1;
  const groupOf = (row: ListRow): string => (row.kind === 'recommendation' ? row.cocId : row.id);
  const byGroup = groupOf(a).localeCompare(groupOf(b));
  if (byGroup !== 0) return byGroup;
  if (a.kind === 'coc') return -1;
  if (b.kind === 'coc') return 1;
  return Number(/(\d+)$/.exec(a.id)?.[1] ?? 0) - Number(/(\d+)$/.exec(b.id)?.[1] ?? 0);
}

const isOverdue = (row: ListRow): boolean => row.next !== undefined && row.next.daysUntilDue < 0;
const isDueWithin =
  (days: number) =>
  (row: ListRow): boolean =>
    row.next !== undefined && row.next.daysUntilDue >= 0 && row.next.daysUntilDue <= days;

function has(actor: Person, role: Person['roles'][number]): boolean {
  return actor.roles.includes(role);
}

/** The caller's own records: those they own as SLL, CoS or HMI (or stand in for), their service's as SLO, all as admin. */
async function myRows(context: AppContext, actor: Person, visibility: Visibility): Promise<ListRow[]> {
  const everything = has(actor, 'admin');
  const standsInFor = (role: 'cos' | 'hmi'): Set<string> =>
    new Set(
      visibility.policy.delegations
        .filter((d) => d.to === actor.objectId && d.role === role)
        .filter((d) => d.startDate <= visibility.policy.today && visibility.policy.today <= d.endDate)
        .map((d) => d.from),
    );
  const cosFor = standsInFor('cos');
  const hmiFor = standsInFor('hmi');
  if (has(actor, 'cos')) cosFor.add(actor.objectId);
  if (has(actor, 'hmi')) hmiFor.add(actor.objectId);
  const isSll = has(actor, 'sll');
  const sloServices = has(actor, 'slo') ? actor.serviceCodes : [];

  const onlyOwnServices = !everything && cosFor.size === 0 && hmiFor.size === 0;
  if (onlyOwnServices && !isSll && sloServices.length === 0) return [];
  const data = await loadRecordsOf(context, onlyOwnServices ? actor.serviceCodes : 'all');
  return rowsOf(
    data,
    {
      coc: (coc) =>
        everything ||
        (isSll && coc.owners.sll === actor.objectId) ||
        cosFor.has(coc.owners.cos) ||
        hmiFor.has(coc.owners.hmi) ||
        sloServices.includes(coc.serviceCode),
      afi: (afi) =>
        everything ||
        (isSll && afi.sll === actor.objectId) ||
        cosFor.has(afi.cos) ||
        sloServices.includes(afi.serviceCode),
    },
    visibility,
    context,
  );
}

/** One service's open records, as far as the caller may see them; refused with the policy's reason if none. */
async function serviceRows(
  context: AppContext,
  serviceCode: string,
  visibility: Visibility,
): Promise<Result<ListRow[]>> {
  if (!visibility.services.has(serviceCode)) {
    return fail('not-found', `I don't know a service called ${serviceCode}.`);
  }
  const allowed = visibility.check(serviceCode);
  const everything = { coc: () => true, afi: () => true };
  const rows = rowsOf(await loadRecords(context, serviceCode), everything, visibility, context);
  // A stand-in may see the records they cover without seeing the whole service.
  if (!allowed.ok && rows.length === 0) return allowed;
  return ok(rows);
}

function countsOf(rows: readonly ListRow[], soonDays: number): ListCounts {
  return {
    causesOfConcern: rows.filter((r) => r.kind === 'coc').length,
    recommendations: rows.filter((r) => r.kind === 'recommendation').length,
    areasForImprovement: rows.filter((r) => r.kind === 'afi').length,
    overdue: rows.filter(isOverdue).length,
    dueSoon: rows.filter(isDueWithin(soonDays)).length,
    dueSoonDays: soonDays,
  };
}

/** The rows `query` asks for, unsorted: one service's, or the caller's own, narrowed to overdue or due soon. */
async function rowsFor(
  context: AppContext,
  actor: Person,
  query: ListQuery,
  visibility: Visibility,
): Promise<Result<ListRow[]>> {
  if (query.kind === 'service') return serviceRows(context, query.serviceCode, visibility);
  const rows = await myRows(context, actor, visibility);
  if (query.kind === 'overdue') return ok(rows.filter(isOverdue));
  if (query.kind === 'due') return ok(rows.filter(isDueWithin(query.days)));
  return ok(rows);
}

/** The counts of the whole list and the rows of one page, newest first. */
function listPageOf(
  rows: ListRow[],
  query: ListQuery,
  page: number,
): Omit<RecordListPage, 'query' | 'serviceName'> {
  const { items, page: current, pageCount, total } = pageOf(rows.sort(compareRows), page, listPageSize);
  const counts = countsOf(rows, query.kind === 'due' ? query.days : dueSoonDays);
  return { counts, rows: items, page: current, pageCount, totalRows: total };
}

/**
 * Lists the open records `query` asks for that `actor` may see, newest first, and returns page
 * `page` (1-based, clamped) of {@link listPageSize} rows with the counts of the whole list.
 * `overdue` and `due` narrow the caller's own records (`mine`).
 */
export async function listRecords(
  context: AppContext,
  actor: Person,
  query: ListQuery,
  page = 1,
): Promise<Result<RecordListPage>> {
  const visibility = await loadVisibility(context, actor);
  const rows = await rowsFor(context, actor, query, visibility);
  if (!rows.ok) return rows;
  const serviceName = query.kind === 'service' ? visibility.services.get(query.serviceCode)?.name : undefined;
  return ok({ query, ...(serviceName ? { serviceName } : {}), ...listPageOf(rows.value, query, page) });
}
