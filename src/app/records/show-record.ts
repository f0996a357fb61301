/**
 * Builds what the CoC card (and the AFI card) show to one person: the record, its due dates with
 * days left, each recommendation with its dates and latest update, the names behind the ids, what
 * this person may do next (from the policy), and who should see the card refresh.
 */
import { fail, ok, type Result } from '../../domain/errors';
import { parseRecordId } from '../../domain/ids';
import {
  actionPlanDueDate,
  daysBetween,
  obligationsOf,
  toLondonDate,
  type Obligation,
} from '../../domain/clock';
import { can } from '../../domain/policy';
import type {
  AreaForImprovement,
  CauseOfConcern,
  LocalDate,
  Person,
  Recommendation,
} from '../../domain/records';
import type { StoredConversation } from '../../store';
import { todayOf, type AppContext } from '../shared/app-context';
import { authorizeIn, scopeOf, type ServiceScope } from '../shared/record-scope';

/** The most people a card's automatic refresh may name (a Teams limit). */
export const maxRefreshUsers = 60;

/** One recommendation as the card shows it to this person. */
export interface RecommendationView {
  recommendation: Recommendation;
  /** Signed days from today to the target date in force; undefined when there is none. */
  daysToTarget?: number;
  latestUpdateBy?: string;
  revisionsBy: string[];
  canUpdate: boolean;
  canAddNote: boolean;
  canReviseDate: boolean;
  /** The SLL may ask for closure (issue 4): in progress or evidence complete. */
  canRequestClosure: boolean;
}

/** The CoC as the card shows it to this person. */
export interface CocView {
  coc: CauseOfConcern;
  serviceName: string;
  today: LocalDate;
  obligations: Obligation[];
  /** When the action plan rule has no base date yet, which date is missing. */
  actionPlanAwaiting?: 'letterDate' | 'reportPublishedDate';
  recommendations: RecommendationView[];
  canRecordActionPlan: boolean;
  /** The SLL may ask the service for an update (issue 5): the CoC is open. */
  canRequestEngagement: boolean;
  /** Teams user ids to refresh the card for: the service's SLL, CoS, HMI and SLOs. */
  refreshUserIds: string[];
}

/** The AFI as its card shows it to this person. */
export interface AfiView {
  afi: AreaForImprovement;
  serviceName: string;
  today: LocalDate;
  completedBy?: string;
  canComplete: boolean;
  refreshUserIds: string[];
}

/** What `show <id>` opens: a CoC (also for one of its recommendations) or an AFI. */
export type RecordView = { kind: 'coc'; view: CocView } | { kind: 'afi'; view: AfiView };

async function namesOf(context: AppContext): Promise<Map<string, Person>> {
  const people = await context.store.directory.listPeople();
  return new Map(people.map((person) => [person.objectId, person]));
}

/** A person's Teams user id for card refresh: from the chat they had with the bot, else their Entra MRI. */
export async function teamsUserIdOf(context: AppContext, objectId: string): Promise<string> {
  return teamsUserIdFrom(await context.store.conversations.get('personal', objectId), objectId);
}

/** The Teams user id in a stored personal chat, else the person's Entra MRI. */
function teamsUserIdFrom(stored: StoredConversation | null | undefined, objectId: string): string {
  const user = stored?.reference.user;
  const id = typeof user === 'object' && user !== null && 'id' in user ? user.id : undefined;
  return typeof id === 'string' && id !== '' ? id : `8:orgid:${objectId}`;
}

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

function lastContactDates(recommendations: readonly Recommendation[]): { slo?: LocalDate; any?: LocalDate } {
  const updates = recommendations.flatMap((r) => (r.latestUpdate ? [r.latestUpdate] : []));
  const latest = (list: typeof updates) =>
    list
      .map((u) => toLondonDate(u.at))
      .sort()
      .at(-1);
  const result: { slo?: LocalDate; any?: LocalDate } = {};
  const slo = latest(updates.filter((u) => u.source === 'sloResponse'));
  const any = latest(updates);
  if (slo) result.slo = slo;
  if (any) result.any = any;
  return result;
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
  const view: RecommendationView = {
    recommendation,
    revisionsBy: recommendation.targetDateRevisions.map((revision) => nameOf(revision.by)),
    canUpdate: open && can(viewer, 'updateRecommendation', scope.target, scope.policy),
    canAddNote: can(viewer, 'addProgressNote', scope.target, scope.policy),
    canReviseDate: open && can(viewer, 'reviseTargetDate', scope.target, scope.policy),
    canRequestClosure:
      (recommendation.status === 'inProgress' || recommendation.status === 'evidenceComplete') &&
      can(viewer, 'requestClosure', scope.target, scope.policy),
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
): Promise<Result<CocView>> {
  const parsed = parseRecordId(cocId);
  const id = parsed?.kind === 'coc' ? parsed : null;
  const found = id ? await context.store.records.getCocWithRecommendations(id.serviceCode, id.id) : null;
  if (!id || !found) return fail('not-found', `There is no cause of concern ${cocId}.`);
  const coc = found.coc.value;
  const scope = await scopeOf(context, viewer, id.serviceCode, coc.owners);
  const allowed = authorizeIn(viewer, 'view', scope);
  if (!allowed.ok) return allowed;

  const today = todayOf(context);
  const people = await namesOf(context);
  const recommendations = found.recommendations.map((r) => r.value);
  const contacts = lastContactDates(recommendations);
  const obligationInput: Parameters<typeof obligationsOf>[0] = { coc, recommendations };
  if (contacts.slo) obligationInput.lastSloUpdateDate = contacts.slo;
  if (contacts.any) obligationInput.lastEngagementDate = contacts.any;
  const actionPlan = actionPlanDueDate(coc, { extraHolidays: context.extraHolidays });
  const view: CocView = {
    coc,
    serviceName: scope.serviceName,
    today,
    obligations: obligationsOf(obligationInput, today, { extraHolidays: context.extraHolidays }),
    recommendations: recommendations.map((r) => recommendationView(r, viewer, scope, people, today)),
    canRecordActionPlan: coc.status === 'open' && can(viewer, 'recordActionPlan', scope.target, scope.policy),
    canRequestEngagement:
      coc.status === 'open' && can(viewer, 'requestEngagement', scope.target, scope.policy),
    refreshUserIds: await refreshUserIdsOf(context, people, id.serviceCode, [
      coc.owners.sll,
      coc.owners.cos,
      coc.owners.hmi,
    ]),
  };
  if (actionPlan.kind === 'awaitingBaseDate') view.actionPlanAwaiting = actionPlan.missing;
  return ok(view);
}

/** Loads an AFI for one person, refusing (with the reason) anyone its scope does not include. */
export async function loadAfiView(
  context: AppContext,
  viewer: Person,
  afiId: string,
): Promise<Result<AfiView>> {
  const parsed = parseRecordId(afiId);
  const id = parsed?.kind === 'afi' ? parsed : null;
  const found = id ? await context.store.records.getAfi(id.serviceCode, id.id) : null;
  if (!id || !found) return fail('not-found', `There is no area for improvement ${afiId}.`);
  const afi = found.value;
  const scope = await scopeOf(context, viewer, id.serviceCode, { sll: afi.sll, cos: afi.cos });
  const allowed = authorizeIn(viewer, 'view', scope);
  if (!allowed.ok) return allowed;
  const people = await namesOf(context);
  const view: AfiView = {
    afi,
    serviceName: scope.serviceName,
    today: todayOf(context),
    canComplete: afi.status === 'open' && can(viewer, 'markAfiComplete', scope.target, scope.policy),
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
  if (parsed?.kind === 'coc' || parsed?.kind === 'recommendation') {
    const cocId = parsed.kind === 'coc' ? parsed.id : parsed.cocId;
    const coc = await loadCocView(context, viewer, cocId);
    if (!coc.ok) return coc;
    if (
      parsed.kind === 'recommendation' &&
      !coc.value.recommendations.some((r) => r.recommendation.id === parsed.id)
    ) {
      return fail('not-found', `There is no recommendation ${parsed.id}.`);
    }
    return ok({ kind: 'coc', view: coc.value });
  }
  return fail('not-found', `“${id}” is not a record id. Ids look like BUC-1, BUC-1.2 or HWF-AFI-2.`);
}
