/**
 * The improvement board's picture of a service: how many recommendations are at each status and
 * RAG, each open recommendation with its target date and latest update (overdue ones first), and
 * what changed since the board's last summary. Also when a board channel's scheduled summary is due.
 */
import {
  actionPlanDueDate,
  actionPlanTimeliness,
  addCalendarDays,
  daysBetween,
  dayOfWeek,
  parseLocalDate,
  toLondonDate,
  type ActionPlanDue,
  type ActionPlanTimeliness,
  type HolidayOptions,
} from '../../domain/clock';
import { fail, ok, type Result } from '../../domain/errors';
import { currentTargetDate, isAboveRoutine, monitoringLevelInWords } from '../../domain/lifecycle';
import {
  type AuditEvent,
  type CauseOfConcern,
  type LaterInspection,
  type Revisit,
  type RecommendationStatus,
  type LocalDate,
  type Person,
  type Rag,
  type Recommendation,
} from '../../domain/records';
import type { RegisteredChannel } from '../../store';
import { nowOf, todayOf, type AppContext } from '../shared/app-context';
import { serviceTheActorManages } from '../channels/register-channel';
import type { Notifier } from '../shared/notifier';
import { commitWithFollowUps } from '../shared/outbox';
import type { ScheduledJob } from '../shared/scheduled-job';
import { serviceFor } from '../shared/record-scope';

/** How often a board channel gets its summary. */
export type SummarySchedule = 'monthly' | 'weekly' | 'off';

/** One open recommendation as the board sees it. */
export interface BoardRecommendation {
  recommendation: Recommendation;
  cocTitle: string;
  targetDate?: LocalDate;
  /** Signed days from today to the target date. */
  daysToTarget?: number;
  overdue: boolean;
}

/** A change since the last summary. */
export interface BoardChange {
  recommendationId: string;
  recommendation: Recommendation;
}

/** The board summary of one service on one day. */
export interface BoardSummary {
  serviceCode: string;
  serviceName: string;
  today: LocalDate;
  /** Every recommendation of the service's CoCs, by status. */
  byStatus: Record<RecommendationStatus, number>;
  /** The recommendations not yet signed off, by RAG (`unset` when none was given). */
  byRag: Record<Rag | 'unset', number>;
  total: number;
  open: BoardRecommendation[];
  /** When the last summary was posted; changes are counted from then. */
  since?: string;
  changed: BoardChange[];
  newCocs: { id: string; title: string }[];
  /** Each open CoC's action plan: when it is due, and whether it came on time once received. */
  actionPlans: BoardActionPlan[];
  /** The approved revisits of the service's CoCs (§17-21), by CoC then number. */
  revisits?: Revisit[];
  /** Every later inspection that found one of the service's CoCs again (§27), oldest first. */
  foundAgain?: { cocId: string; inspection: LaterInspection }[];
  /** The service's monitoring level when above routine (§22-23), e.g. "Enhanced support (NFCC)". */
  monitoring?: { words: string; since: LocalDate };
  /** Recommendations to external bodies (§31-32) connected to the service's causes of concern. */
  external?: Recommendation[];
}

/** An open CoC's action plan, as the board sees it. */
export interface BoardActionPlan {
  cocId: string;
  due: ActionPlanDue;
  receivedDate?: LocalDate;
  timeliness?: ActionPlanTimeliness;
}

/** The action plans of the open CoCs. Pure. */
export function actionPlansOf(
  cocs: readonly CauseOfConcern[],
  options: HolidayOptions = {},
): BoardActionPlan[] {
  return cocs
    .filter((coc) => coc.status === 'open')
    .map((coc) => {
      const timeliness = actionPlanTimeliness(coc, options);
      return {
        cocId: coc.id,
        due: actionPlanDueDate(coc, options),
        ...(coc.actionPlanReceivedDate ? { receivedDate: coc.actionPlanReceivedDate } : {}),
        ...(timeliness ? { timeliness } : {}),
      };
    });
}

/** Counts recommendations by status and (those still open) by RAG. Pure. */
export function countRecommendations(recommendations: readonly Recommendation[]): {
  byStatus: BoardSummary['byStatus'];
  byRag: BoardSummary['byRag'];
} {
  const byStatus: Record<RecommendationStatus, number> = {
    open: 0,
    inProgress: 0,
    evidenceComplete: 0,
    cosRecommendedClosure: 0,
    closed: 0,
  };
  const byRag: BoardSummary['byRag'] = { red: 0, amber: 0, green: 0, unset: 0 };
  for (const r of recommendations) {
    byStatus[r.status] += 1;
    if (r.status !== 'closed') byRag[r.rag ?? 'unset'] += 1;
  }
  return { byStatus, byRag };
}

/** Open recommendations, overdue ones first (most late first), then by target date; undated last. Pure. */
export function orderForBoard(
  items: readonly { recommendation: Recommendation; cocTitle: string }[],
  today: LocalDate,
): BoardRecommendation[] {
  const rows = items
    .filter(({ recommendation }) => recommendation.status !== 'closed')
    .map(({ recommendation, cocTitle }): BoardRecommendation => {
      const targetDate = currentTargetDate(recommendation);
      if (targetDate === undefined) return { recommendation, cocTitle, overdue: false };
      const daysToTarget = daysBetween(today, targetDate);
      const stillDue = recommendation.status === 'open' || recommendation.status === 'inProgress';
      return { recommendation, cocTitle, targetDate, daysToTarget, overdue: stillDue && daysToTarget < 0 };
    });
  return rows.sort((a, b) => {
    if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
    if (a.targetDate === undefined || b.targetDate === undefined) {
      if (a.targetDate !== b.targetDate) return a.targetDate === undefined ? 1 : -1;
    } else if (a.targetDate !== b.targetDate) return a.targetDate.localeCompare(b.targetDate);
    return a.recommendation.id.localeCompare(b.recommendation.id, 'en', { numeric: true });
  });
}

/** Builds the board summary of a service, counting changes since `since` when given. No authorization. */
export async function buildBoardSummary(
  context: AppContext,
  serviceCode: string,
  since?: string,
): Promise<Result<BoardSummary>> {
  const service = await context.store.directory.getService(serviceCode);
  if (!service) return fail('not-found', `There is no service with the code “${serviceCode}”.`);
  const cocs = await context.store.records.listCocsWithRecommendations(service.code);
  const items = cocs.flatMap(({ coc, recommendations }) =>
    recommendations
      .filter((r) => r.value.withdrawn === undefined) // withdrawn: no longer the board's business
      .map((r) => ({ recommendation: r.value, cocTitle: coc.value.title })),
  );
  const recommendations = items.map((i) => i.recommendation);
  const today = todayOf(context);
  const after = since === undefined ? undefined : Date.parse(since);
  const summary: BoardSummary = {
    serviceCode: service.code,
    serviceName: service.name,
    today,
    ...countRecommendations(recommendations),
    total: recommendations.length,
    open: orderForBoard(items, today),
    changed:
      after === undefined
        ? []
        : recommendations
            .filter((r) => Date.parse(r.updatedAt) > after)
            .map((r) => ({ recommendationId: r.id, recommendation: r })),
    newCocs:
      after === undefined
        ? []
        : cocs
            .filter(({ coc }) => Date.parse(coc.value.createdAt) > after)
            .map(({ coc }) => ({ id: coc.value.id, title: coc.value.title })),
    // Approved revisits only: a proposal still waiting, or refused, is the inspectorate's own business.
    revisits: cocs.flatMap(({ revisits }) =>
      (revisits ?? []).map((r) => r.value).filter((r) => r.status === 'approved'),
    ),
    foundAgain: cocs.flatMap(({ coc }) =>
      (coc.value.identifiedAgain ?? []).map((inspection) => ({ cocId: coc.value.id, inspection })),
    ),
    actionPlans: actionPlansOf(
      cocs.map(({ coc }) => coc.value),
      { extraHolidays: context.extraHolidays },
    ),
  };
  if (since !== undefined) summary.since = since;
  const monitoring = (await context.store.records.getMonitoringLevel(service.code))?.value;
  if (isAboveRoutine(monitoring) && monitoring)
    summary.monitoring = {
      words: monitoringLevelInWords(monitoring),
      since: toLondonDate(monitoring.updatedAt),
    };
  const external = (await context.store.records.listExternalRecommendations())
    .map((r) => r.value)
    .filter((r) => cocs.some(({ coc }) => coc.value.id === r.connectedCocId));
  if (external.length > 0) summary.external = external;
  return ok(summary);
}

/**
 * `summary <service>` for a person: refused, with the reason, when the service is outside what they
 * may see. In one of the service's board channels, changes count from that board's last summary.
 */
export async function boardSummaryFor(
  context: AppContext,
  actor: Person,
  serviceCode: string,
  channelKey?: string,
): Promise<Result<BoardSummary>> {
  const service = await serviceFor(context, actor, 'viewReport', serviceCode);
  if (!service.ok) return service;
  const boards =
    channelKey === undefined ? [] : await context.store.conversations.boardChannels(service.value.code);
  const board = boards.find((b) => b.key === channelKey);
  return buildBoardSummary(context, service.value.code, board?.lastSummaryAt);
}

/** The first day of the period `today` is in: the 1st of the month, or the Monday of the week. Pure. */
export function periodStart(schedule: Exclude<SummarySchedule, 'off'>, today: LocalDate): LocalDate {
  if (schedule === 'monthly') {
    const { year, month } = parseLocalDate(today);
    return `${String(year)}-${String(month).padStart(2, '0')}-01`;
  }
  const weekday = dayOfWeek(today); // 0 Sunday … 6 Saturday
  return addCalendarDays(today, -((weekday + 6) % 7));
}

/** Whether a board channel's scheduled summary is due at `now`: once per period, from its first day. Pure. */
export function isSummaryDue(
  board: Pick<RegisteredChannel, 'summarySchedule' | 'lastSummaryAt'>,
  now: Date,
): boolean {
  const schedule = board.summarySchedule ?? 'monthly';
  if (schedule === 'off') return false;
  if (board.lastSummaryAt === undefined) return true;
  const today = toLondonDate(now);
  return toLondonDate(board.lastSummaryAt) < periodStart(schedule, today);
}

/** A board channel whose summary is due, claimed (its last summary time moved to now). */
export interface ClaimedBoardSummary {
  board: RegisteredChannel;
  summary: BoardSummary;
  /** Puts the last summary time back after a failed post, so the next run tries again. */
  release(): Promise<void>;
}

/** Every board channel whose summary is due at `now`, each claimed before it is returned. */
export async function claimDueBoardSummaries(context: AppContext, now: Date): Promise<ClaimedBoardSummary[]> {
  const boards = await context.store.conversations.boardChannels();
  const claimed: ClaimedBoardSummary[] = [];
  for (const board of boards) {
    if (!isSummaryDue(board, now)) continue;
    const summary = await buildBoardSummary(context, board.serviceCode, board.lastSummaryAt);
    if (!summary.ok) continue;
    await context.store.conversations.registerBoardChannel({ ...board, lastSummaryAt: now.toISOString() });
    claimed.push({
      board,
      summary: summary.value,
      release: async () => {
        await context.store.conversations.registerBoardChannel(board);
      },
    });
  }
  return claimed;
}

/** Saves a board's new schedule with its audit event. */
async function scheduleBoard(
  context: AppContext,
  actor: Person,
  board: RegisteredChannel,
  schedule: SummarySchedule,
): Promise<void> {
  await context.store.conversations.registerBoardChannel({ ...board, summarySchedule: schedule });
  const change = { field: 'summarySchedule', from: board.summarySchedule ?? 'monthly', to: schedule };
  const event: AuditEvent = {
    id: context.newId(),
    at: nowOf(context),
    actor: actor.objectId,
    action: 'service.board-summary-scheduled',
    subject: { kind: 'service', id: board.serviceCode },
    serviceCode: board.serviceCode,
    changes: [change],
  };
  await commitWithFollowUps(context, board.serviceCode, [
    { kind: 'append', entity: { type: 'audit', value: event } },
  ]);
}

/**
 * `summary schedule monthly|weekly|off` in a board channel: sets how often each board registration
 * of the channel gets its summary. Only the service's SLL or an administrator may.
 */
export async function setSummarySchedule(
  context: AppContext,
  actor: Person,
  channelKey: string,
  schedule: SummarySchedule,
): Promise<Result<string[]>> {
  const boards = (await context.store.conversations.registrationsOf(channelKey)).filter(
    (r) => r.purpose === 'board',
  );
  if (boards.length === 0) return fail('not-found', notABoardChannel);
  const refusals = await Promise.all(
    boards.map((board) => serviceTheActorManages(context, actor, board.serviceCode)),
  );
  const refused = refusals.find((allowed) => !allowed.ok);
  if (refused) return refused;
  for (const board of boards) await scheduleBoard(context, actor, board, schedule);
  return ok(boards.map((b) => b.serviceCode));
}

const notABoardChannel =
  'This channel is not an improvement board channel. Register it first: register board followed by the service code.';

/** What a board channel is sent. */
export type BoardMessage = { kind: 'board-summary'; summary: BoardSummary };

/**
 * The job that posts due board summaries: every board channel whose summary is due (monthly on the
 * 1st by default, or weekly on Mondays) gets one post per period. Each board is claimed before
 * posting, so a second run posts nothing; a failed post gives the claim back for the next run.
 */
export function boardSummaryJob(
  context: AppContext,
  notifier: Notifier<BoardMessage>,
  onFailure: (board: RegisteredChannel, error: unknown) => void,
): ScheduledJob {
  return {
    name: 'board-summary',
    async run(now: Date): Promise<void> {
      for (const due of await claimDueBoardSummaries(context, now)) {
        try {
          await notifier.post(due.board.reference, { kind: 'board-summary', summary: due.summary });
        } catch (error) {
          onFailure(due.board, error);
          await due.release();
        }
      }
    },
  };
}
