/**
 * What the CoC card and the AFI card show to one person: the record, its due dates with days left,
 * each recommendation with its dates and latest update, the names behind the ids, what this person
 * may do next (from the policy), and whose Teams clients should refresh the card. Also the checks a
 * form makes before it opens, refused with the policy's own reason.
 */
import {
  actionPlanTimeliness,
  daysBetween,
  scheduleOf,
  toLondonDate,
  type ActionPlanTimeliness,
  type Obligation,
  type ObligationInput,
} from '../../domain/clock';
import { fail, mapOk, ok, type Result } from '../../domain/errors';
import { parseRecordId, recommendationId } from '../../domain/ids';
import { nextRecommendationNumber } from '../../domain/lifecycle';
import type { Action } from '../../domain/policy';
import type {
  AreaForImprovement,
  CauseOfConcern,
  LocalDate,
  MonitoringLevel,
  Owners,
  Person,
  Recommendation,
  Revisit,
} from '../../domain/records';
import type { CocWithRecommendations } from '../../store';
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
  /** The SLL (or an administrator) may withdraw it: open or in progress, on an open CoC. */
  canWithdraw: boolean;
  /** The SLL will be offered "Request closure" once it is in progress (it is open now). */
  closureOnceInProgress: boolean;
}

/** The CoC as `cards/coc-card.json` shows it to this person. */
export interface CocCardView {
  coc: CauseOfConcern;
  serviceName: string;
  today: LocalDate;
  obligations: Obligation[];
  /** How the action plan arrived against its due date, once it has. */
  actionPlanTimeliness?: ActionPlanTimeliness;
  /** When the action plan rule has no base date yet, which date is missing. */
  actionPlanAwaiting?: 'letterDate' | 'reportPublishedDate';
  recommendations: RecommendationView[];
  canRecordActionPlan: boolean;
  /** The SLL (or an administrator) may edit it: the CoC is open. */
  canEdit: boolean;
  /** The SLL may record that a later inspection found it again (§27), open or closed. */
  canRecordIdentifiedAgain?: boolean;
  /** The SLL (or an administrator) may add a recommendation: the CoC is open. */
  canAddRecommendation: boolean;
  /** The SLL may ask the service for an update: the CoC is open. */
  canRequestEngagement: boolean;
  /** Teams user ids to refresh the card for: the service's SLL, CoS, HMI and SLOs. */
  refreshUserIds: string[];
  /** Every revisit of the CoC, first first (§17-21). */
  revisits?: Revisit[];
  /** The SLL may propose a revisit (the CoS proposes with the `revisit` command). */
  canProposeRevisit?: boolean;
  /** The service's monitoring level when it is above routine (§22-23). */
  monitoring?: MonitoringLevel;
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
export type RecommendationFormKind = 'update' | 'progressNote' | 'targetDate' | 'withdraw';
const formActions: Record<RecommendationFormKind, Action> = {
  update: 'updateRecommendation',
  progressNote: 'addProgressNote',
  targetDate: 'reviseTargetDate',
  withdraw: 'withdrawRecommendation',
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
  cocOpen: boolean,
  viewer: Person,
  scope: ServiceScope,
  people: Map<string, Person>,
  today: LocalDate,
): RecommendationView {
  const nameOf = (id: string) => people.get(id)?.name ?? 'someone no longer in the directory';
  const target = recommendation.targetDateRevisions.at(-1)?.date ?? recommendation.originalTargetDate;
  const live = recommendation.withdrawn === undefined;
  const open = live && recommendation.status !== 'closed';
  const closable =
    live && (recommendation.status === 'inProgress' || recommendation.status === 'evidenceComplete');
  const withdrawable =
    live && cocOpen && (recommendation.status === 'open' || recommendation.status === 'inProgress');
  const view: RecommendationView = {
    recommendation,
    revisionsBy: recommendation.targetDateRevisions.map((revision) => nameOf(revision.by)),
    canUpdate: open && mayIn(viewer, 'updateRecommendation', scope),
    canAddNote: live && mayIn(viewer, 'addProgressNote', scope),
    canReviseDate: open && mayIn(viewer, 'reviseTargetDate', scope),
    canRequestClosure: closable && mayIn(viewer, 'requestClosure', scope),
    canWithdraw: withdrawable && mayIn(viewer, 'withdrawRecommendation', scope),
    closureOnceInProgress: live && recommendation.status === 'open' && mayIn(viewer, 'requestClosure', scope),
  };
  if (target !== undefined) view.daysToTarget = daysBetween(today, target);
  if (recommendation.latestUpdate) view.latestUpdateBy = nameOf(recommendation.latestUpdate.by);
  return view;
}

/** A record read for a viewer, with the facts the policy needs: its service and owners. */
interface ReadForViewer<R> {
  record: R;
  serviceCode: string;
  owners: Partial<Owners>;
}

/** Reads a record for a viewer, refusing (with the policy's reason) anyone its scope leaves out. */
async function viewable<R>(
  context: AppContext,
  viewer: Person,
  found: ReadForViewer<R> | null,
  notFound: string,
): Promise<Result<{ record: R; scope: ServiceScope }>> {
  if (!found) return fail('not-found', notFound);
  const scope = await scopeOf(context, viewer, found.serviceCode, { owners: found.owners });
  const allowed = authorizeIn(viewer, 'view', scope);
  return allowed.ok ? ok({ record: found.record, scope }) : allowed;
}

/** A CoC with its recommendations, as the policy sees it. */
async function readCoc(
  context: AppContext,
  cocId: string,
): Promise<ReadForViewer<CocWithRecommendations> | null> {
  const id = parseRecordId(cocId);
  const found =
    id?.kind === 'coc' ? await context.store.records.getCocWithRecommendations(id.serviceCode, id.id) : null;
  return found
    ? { record: found, serviceCode: found.coc.value.serviceCode, owners: found.coc.value.owners }
    : null;
}

/** An AFI, as the policy sees it. */
async function readAfi(
  context: AppContext,
  afiId: string,
): Promise<ReadForViewer<AreaForImprovement> | null> {
  const id = parseRecordId(afiId);
  const afi =
    id?.kind === 'afi' ? (await context.store.records.getAfi(id.serviceCode, id.id))?.value : undefined;
  return afi ? { record: afi, serviceCode: afi.serviceCode, owners: { sll: afi.sll, cos: afi.cos } } : null;
}

/** The CoC card's view of a CoC and its recommendations, for a viewer allowed to see it. */
async function cocCardViewOf(
  context: AppContext,
  viewer: Person,
  scope: ServiceScope,
  found: CocWithRecommendations,
): Promise<CocCardView> {
  const coc = found.coc.value;
  const today = todayOf(context);
  // The service's monitoring level is read alongside the directory (both kept for a few seconds).
  const [people, level] = await Promise.all([
    peopleById(context),
    context.store.records.getMonitoringLevel(coc.serviceCode),
  ]);
  const recommendationsOfCoc = found.recommendations.map((r) => r.value);
  const revisitsOfCoc = (found.revisits ?? []).map((r) => r.value);
  const input: ObligationInput = {
    coc,
    recommendations: recommendationsOfCoc,
    revisits: revisitsOfCoc,
    ...lastContactDates(recommendationsOfCoc),
  };
  const monitoring = level?.value;
  const schedule = scheduleOf(input, today, { extraHolidays: context.extraHolidays });
  const open = coc.status === 'open';
  return {
    coc,
    serviceName: scope.serviceName,
    today,
    obligations: schedule.obligations,
    recommendations: recommendationsOfCoc.map((r) =>
      recommendationView(r, open, viewer, scope, people, today),
    ),
    canRecordActionPlan: open && mayIn(viewer, 'recordActionPlan', scope),
    canAddRecommendation: open && mayIn(viewer, 'addRecommendation', scope),
    canEdit: open && mayIn(viewer, 'editCoc', scope),
    canRecordIdentifiedAgain: mayIn(viewer, 'recordIdentifiedAgain', scope),
    canRequestEngagement: open && mayIn(viewer, 'requestEngagement', scope),
    refreshUserIds: await refreshUserIdsOf(context, people, coc.serviceCode, Object.values(coc.owners)),
    revisits: revisitsOfCoc,
    canProposeRevisit: open && viewer.roles.includes('sll') && mayIn(viewer, 'proposeRevisit', scope),
    ...(monitoring && monitoring.level !== 'routine' ? { monitoring } : {}),
    ...timelinessOf(coc, context),
    ...(schedule.actionPlan.kind === 'awaitingBaseDate'
      ? { actionPlanAwaiting: schedule.actionPlan.missing }
      : {}),
  };
}

function timelinessOf(
  coc: CauseOfConcern,
  context: AppContext,
): { actionPlanTimeliness?: ActionPlanTimeliness } {
  const timeliness = actionPlanTimeliness(coc, { extraHolidays: context.extraHolidays });
  return timeliness ? { actionPlanTimeliness: timeliness } : {};
}

/** The AFI card's view of an AFI, for a viewer allowed to see it. */
async function afiCardViewOf(
  context: AppContext,
  viewer: Person,
  scope: ServiceScope,
  afi: AreaForImprovement,
): Promise<AfiCardView> {
  const people = await peopleById(context);
  return {
    afi,
    serviceName: scope.serviceName,
    today: todayOf(context),
    canComplete: afi.status === 'open' && mayIn(viewer, 'markAfiComplete', scope),
    refreshUserIds: await refreshUserIdsOf(context, people, afi.serviceCode, [afi.sll, afi.cos]),
    ...(afi.completedBy ? { completedBy: people.get(afi.completedBy)?.name ?? 'someone' } : {}),
  };
}

/** How one kind of record card is read and drawn for a viewer. */
interface CardKind<R, V> {
  read: (context: AppContext, id: string) => Promise<ReadForViewer<R> | null>;
  notFound: (id: string) => string;
  draw: (context: AppContext, viewer: Person, scope: ServiceScope, record: R) => Promise<V>;
}

const cocCard: CardKind<CocWithRecommendations, CocCardView> = {
  read: readCoc,
  notFound: (id) => `There is no cause of concern ${id}.`,
  draw: cocCardViewOf,
};

const afiCard: CardKind<AreaForImprovement, AfiCardView> = {
  read: readAfi,
  notFound: (id) => `There is no area for improvement ${id}.`,
  draw: afiCardViewOf,
};

/** A record's card view for one person, refusing (with the reason) anyone its scope does not include. */
async function loadCardView<R, V>(
  context: AppContext,
  viewer: Person,
  kind: CardKind<R, V>,
  id: string,
): Promise<Result<V>> {
  const loaded = await viewable(context, viewer, await kind.read(context, id), kind.notFound(id));
  return loaded.ok ? ok(await kind.draw(context, viewer, loaded.value.scope, loaded.value.record)) : loaded;
}

/** Loads a CoC for one person, refusing (with the reason) anyone its scope does not include. */
export function loadCocView(
  context: AppContext,
  viewer: Person,
  cocId: string,
): Promise<Result<CocCardView>> {
  return loadCardView(context, viewer, cocCard, cocId);
}

/** The CoC card's view of a CoC already read (or as a change just left it), for one person. */
export async function cocViewFrom(
  context: AppContext,
  viewer: Person,
  found: CocWithRecommendations,
): Promise<Result<CocCardView>> {
  const { serviceCode, owners, id } = found.coc.value;
  const loaded = await viewable(
    context,
    viewer,
    { record: found, serviceCode, owners },
    cocCard.notFound(id),
  );
  return loaded.ok ? ok(await cocCardViewOf(context, viewer, loaded.value.scope, found)) : loaded;
}

/** Loads an AFI for one person, refusing (with the reason) anyone its scope does not include. */
export function loadAfiView(
  context: AppContext,
  viewer: Person,
  afiId: string,
): Promise<Result<AfiCardView>> {
  return loadCardView(context, viewer, afiCard, afiId);
}

/** Opens whatever an id names: a CoC, a recommendation's CoC, or an AFI. */
export async function loadRecordView(
  context: AppContext,
  viewer: Person,
  id: string,
): Promise<Result<RecordView>> {
  const parsed = parseRecordId(id);
  if (parsed?.kind === 'afi')
    return mapOk(await loadAfiView(context, viewer, parsed.id), (view) => ({ kind: 'afi', view }));
  if (parsed?.kind !== 'coc' && parsed?.kind !== 'recommendation') return fail('not-found', notARecordId(id));
  const coc = await loadCocView(context, viewer, parsed.kind === 'coc' ? parsed.id : parsed.cocId);
  const hasIt = (view: CocCardView) =>
    parsed.kind === 'coc' || view.recommendations.some((r) => r.recommendation.id === parsed.id);
  if (coc.ok && !hasIt(coc.value)) return fail('not-found', `There is no recommendation ${parsed.id}.`);
  return mapOk(coc, (view) => ({ kind: 'coc', view }));
}

/** “BUC-X” is not a record id, with what ids look like. */
function notARecordId(id: string): string {
  return `“${id}” is not a record id. Ids look like BUC-1, BUC-1.2 or HWF-AFI-2.`;
}

/** The policy's refusal of `action` on the CoC, else `otherwise` (the record's state stands in the way). */
export async function refusalOf(
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
    {
      update: found.canUpdate,
      progressNote: found.canAddNote,
      targetDate: found.canReviseDate,
      withdraw: found.canWithdraw,
    }[form];
  if (found && allowed) return ok(found);
  const otherwise = `You can't do that on ${recommendationId}.`;
  return found
    ? refusalOf(context, actor, view.coc, formActions[form], otherwise)
    : fail('invalid-transition', otherwise);
}

/** Checks the add-a-recommendation form may open; the id the recommendation will get. */
export async function prepareAddRecommendationForm(
  context: AppContext,
  actor: Person,
  view: CocCardView,
): Promise<Result<{ coc: CauseOfConcern; nextId: string }>> {
  const why = `${view.coc.id} is closed: recommendations can be added only to an open cause of concern.`;
  if (!view.canAddRecommendation) return refusalOf(context, actor, view.coc, 'addRecommendation', why);
  const next = nextRecommendationNumber(view.recommendations.map((r) => r.recommendation));
  return ok({ coc: view.coc, nextId: recommendationId(view.coc.id, next) });
}

/** Checks the action-plan form may open: the policy's reason, else why the CoC's state stands in the way. */
export async function prepareActionPlanForm(
  context: AppContext,
  actor: Person,
  view: CocCardView,
): Promise<Result<CauseOfConcern>> {
  const why = "You can't record the action plan for this cause of concern.";
  return view.canRecordActionPlan
    ? ok(view.coc)
    : refusalOf(context, actor, view.coc, 'recordActionPlan', why);
}
