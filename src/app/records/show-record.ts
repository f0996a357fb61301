/**
 * What the CoC card and the AFI card show to one person: the record, its due dates with days left,
 * each recommendation with its dates and latest update, the names behind the ids, what this person
 * may do next (from the policy), and whose Teams clients should refresh the card. Also the checks a
 * form makes before it opens, refused with the policy's own reason.
 */
import {
  daysBetween,
  scheduleOf,
  toLondonDate,
  type Obligation,
  type ObligationInput,
} from '../../domain/clock';
import { fail, ok, type Result } from '../../domain/errors';
import { parseRecordId } from '../../domain/ids';
import type { Action } from '../../domain/policy';
import type {
  AreaForImprovement,
  CauseOfConcern,
  LocalDate,
  Person,
  Recommendation,
} from '../../domain/records';
import { todayOf, type AppContext } from '../shared/app-context';
import { peopleById, teamsUserIdFrom } from '../shared/people';
import { authorizeIn, mayIn, scopeOf, type ServiceScope } from '../shared/record-scope';

/** The most people a card's automatic refresh may name (a Teams limit). */
export const maxRefreshUsers = 60;

/** One recommendation as the CoC card shows it to this person. */
export interface RecommendationView {
  recommendation: Recommendation;
  /** Signed days from today to the target date in force; undefined when there is none. */
  daysToTarget?: number;
  latestUpdateBy?: string;
  revisionsBy: string[];
  canUpdate: boolean;
  canAddNote: boolean;
  canReviseDate: boolean;
  /** The SLL may ask for closure: in progress or evidence complete. */
  canRequestClosure: boolean;
}

/** The CoC as `cards/coc-card.json` shows it to this person. */
export interface CocCardView {
  coc: CauseOfConcern;
  serviceName: string;
  today: LocalDate;
  obligations: Obligation[];
  /** When the action plan rule has no base date yet, which date is missing. */
  actionPlanAwaiting?: 'letterDate' | 'reportPublishedDate';
  recommendations: RecommendationView[];
  canRecordActionPlan: boolean;
  /** The SLL may ask the service for an update: the CoC is open. */
  canRequestEngagement: boolean;
  /** Teams user ids to refresh the card for: the service's SLL, CoS, HMI and SLOs. */
  refreshUserIds: string[];
}

/** The AFI as `cards/afi-card.json` shows it to this person. */
export interface AfiCardView {
  afi: AreaForImprovement;
  serviceName: string;
  today: LocalDate;
  completedBy?: string;
  canComplete: boolean;
  refreshUserIds: string[];
}

/** What `show <id>` opens: a CoC (also for one of its recommendations) or an AFI. */
export type RecordView = { kind: 'coc'; view: CocCardView } | { kind: 'afi'; view: AfiCardView };

/** Which recommendation form, and the policy action behind it. */
export type RecommendationFormKind = 'update' | 'progressNote' | 'targetDate';
const formActions: Record<RecommendationFormKind, Action> = {
  update: 'updateRecommendation',
  progressNote: 'addProgressNote',
  targetDate: 'reviseTargetDate',
};

async function refreshUserIdsOf(
  context: AppContext,
  people: Map<string, Person>,
  serviceCode: string,
  owners: readonly string[],
): Promise<string[]> {
  const serviceStaff = [...people.values()]
    .filter(
      (p) => p.serviceCodes.includes(serviceCode) && (p.roles.includes('sll') || p.roles.includes('slo')),
    )
    .map((p) => p.objectId);
  const objectIds = [...new Set([...owners, ...serviceStaff])].slice(0, maxRefreshUsers);
  const chats = await context.store.conversations.getMany('personal', objectIds);
  return objectIds.map((id) => teamsUserIdFrom(chats.get(id), id));
}

/** When the service last gave an update, and when anyone last engaged, from the latest updates. */
function lastContactDates(
  recommendations: readonly Recommendation[],
): Pick<ObligationInput, 'lastSloUpdateDate' | 'lastEngagementDate'> {
  const updates = recommendations.flatMap((r) => (r.latestUpdate ? [r.latestUpdate] : []));
  const latest = (list: typeof updates) =>
    list
      .map((u) => toLondonDate(u.at))
      .sort()
      .at(-1);
  const slo = latest(updates.filter((u) => u.source === 'sloResponse'));
  const any = latest(updates);
  return { ...(slo ? { lastSloUpdateDate: slo } : {}), ...(any ? { lastEngagementDate: any } : {}) };
}

function recommendationView(
  recommendation: Recommendation,
  viewer: Person,
  scope: ServiceScope,
  people: Map<string, Person>,
  today: LocalDate,
): RecommendationView {
  const nameOf = (id: string) => people.get(id)?.name ?? 'someone no longer in the directory';
  const target = recommendation.targetDateRevisions.at(-1)?.date ?? recommendation.originalTargetDate;
  const open = recommendation.status !== 'closed';
  const closable = recommendation.status === 'inProgress' || recommendation.status === 'evidenceComplete';
  const view: RecommendationView = {
    recommendation,
    revisionsBy: recommendation.targetDateRevisions.map((revision) => nameOf(revision.by)),
    canUpdate: open && mayIn(viewer, 'updateRecommendation', scope),
    canAddNote: mayIn(viewer, 'addProgressNote', scope),
    canReviseDate: open && mayIn(viewer, 'reviseTargetDate', scope),
    canRequestClosure: closable && mayIn(viewer, 'requestClosure', scope),
  };
  if (target !== undefined) view.daysToTarget = daysBetween(today, target);
  if (recommendation.latestUpdate) view.latestUpdateBy = nameOf(recommendation.latestUpdate.by);
  return view;
}

/** Loads a CoC for one person, refusing (with the reason) anyone its scope does not include. */
export async function loadCocView(
  context: AppContext,
  viewer: Person,
  cocId: string,
): Promise<Result<CocCardView>> {
  const id = parseRecordId(cocId);
  const found =
    id?.kind === 'coc' ? await context.store.records.getCocWithRecommendations(id.serviceCode, id.id) : null;
  if (id?.kind !== 'coc' || !found) return fail('not-found', `There is no cause of concern ${cocId}.`);
  const coc = found.coc.value;
  const scope = await scopeOf(context, viewer, id.serviceCode, { owners: coc.owners });
  const allowed = authorizeIn(viewer, 'view', scope);
  if (!allowed.ok) return allowed;
  const today = todayOf(context);
  const people = await peopleById(context);
  const recommendationsOfCoc = found.recommendations.map((r) => r.value);
  const input: ObligationInput = {
    coc,
    recommendations: recommendationsOfCoc,
    ...lastContactDates(recommendationsOfCoc),
  };
  const schedule = scheduleOf(input, today, { extraHolidays: context.extraHolidays });
  const open = coc.status === 'open';
  const view: CocCardView = {
    coc,
    serviceName: scope.serviceName,
    today,
    obligations: schedule.obligations,
    recommendations: recommendationsOfCoc.map((r) => recommendationView(r, viewer, scope, people, today)),
    canRecordActionPlan: open && mayIn(viewer, 'recordActionPlan', scope),
    canRequestEngagement: open && mayIn(viewer, 'requestEngagement', scope),
    refreshUserIds: await refreshUserIdsOf(context, people, id.serviceCode, Object.values(coc.owners)),
  };
  if (schedule.actionPlan.kind === 'awaitingBaseDate') view.actionPlanAwaiting = schedule.actionPlan.missing;
  return ok(view);
}

/** Loads an AFI for one person, refusing (with the reason) anyone its scope does not include. */
export async function loadAfiView(
  context: AppContext,
  viewer: Person,
  afiId: string,
): Promise<Result<AfiCardView>> {
  const id = parseRecordId(afiId);
  const found = id?.kind === 'afi' ? await context.store.records.getAfi(id.serviceCode, id.id) : null;
  if (id?.kind !== 'afi' || !found) return fail('not-found', `There is no area for improvement ${afiId}.`);
  const afi = found.value;
  const scope = await scopeOf(context, viewer, id.serviceCode, { owners: { sll: afi.sll, cos: afi.cos } });
  const allowed = authorizeIn(viewer, 'view', scope);
  if (!allowed.ok) return allowed;
  const people = await peopleById(context);
  const view: AfiCardView = {
    afi,
    serviceName: scope.serviceName,
    today: todayOf(context),
    canComplete: afi.status === 'open' && mayIn(viewer, 'markAfiComplete', scope),
    refreshUserIds: await refreshUserIdsOf(context, people, id.serviceCode, [afi.sll, afi.cos]),
  };
  if (afi.completedBy) view.completedBy = people.get(afi.completedBy)?.name ?? 'someone';
  return ok(view);
}

/** Opens whatever an id names: a CoC, a recommendation's CoC, or an AFI. */
export async function loadRecordView(
  context: AppContext,
  viewer: Person,
  id: string,
): Promise<Result<RecordView>> {
  const parsed = parseRecordId(id);
  if (parsed?.kind === 'afi') {
    const afi = await loadAfiView(context, viewer, parsed.id);
    return afi.ok ? ok({ kind: 'afi', view: afi.value }) : afi;
  }
  if (parsed?.kind !== 'coc' && parsed?.kind !== 'recommendation') {
    return fail('not-found', `“${id}” is not a record id. Ids look like BUC-1, BUC-1.2 or HWF-AFI-2.`);
  }
  const coc = await loadCocView(context, viewer, parsed.kind === 'coc' ? parsed.id : parsed.cocId);
  if (!coc.ok) return coc;
  if (
    parsed.kind === 'recommendation' &&
    !coc.value.recommendations.some((r) => r.recommendation.id === parsed.id)
  ) {
    return fail('not-found', `There is no recommendation ${parsed.id}.`);
  }
  return ok({ kind: 'coc', view: coc.value });
}

/** The policy's refusal of `action` on the CoC, else `otherwise` (the record's state stands in the way). */
async function refusalOf(
  context: AppContext,
  actor: Person,
  coc: CauseOfConcern,
  action: Action,
  otherwise: string,
): Promise<Result<never>> {
  const scope = await scopeOf(context, actor, coc.serviceCode, { owners: coc.owners });
  const permission = authorizeIn(actor, action, scope);
  return permission.ok ? fail('invalid-transition', otherwise) : permission;
}

/**
 * Checks a recommendation form may open for this person: the policy's reason when they may not,
 * else "You can't do that on BUC-1.2." when the recommendation's state stands in the way.
 */
export async function prepareRecommendationForm(
  context: AppContext,
  actor: Person,
  view: CocCardView,
  recommendationId: string,
  form: RecommendationFormKind,
): Promise<Result<RecommendationView>> {
  const found = view.recommendations.find((r) => r.recommendation.id === recommendationId);
  const allowed =
    found &&
    { update: found.canUpdate, progressNote: found.canAddNote, targetDate: found.canReviseDate }[form];
  if (found && allowed) return ok(found);
  const otherwise = `You can't do that on ${recommendationId}.`;
  return found
    ? refusalOf(context, actor, view.coc, formActions[form], otherwise)
    : fail('invalid-transition', otherwise);
}

/** Checks the action-plan form may open: the policy's reason, else why the CoC's state stands in the way. */
export async function prepareActionPlanForm(
  context: AppContext,
  actor: Person,
  view: CocCardView,
): Promise<Result<CauseOfConcern>> {
  if (view.canRecordActionPlan) return ok(view.coc);
  return refusalOf(
    context,
    actor,
    view.coc,
    'recordActionPlan',
    "You can't record the action plan for this cause of concern.",
  );
}
