/**
 * What the external-recommendation card and the `external` list show one person: the recommendation
 * to an external body, its connected cause of concern, its progress, the closure request waiting
 * on it (if any), and what this person may do (from the policy).
 */
import { daysBetween } from '../../domain/clock';
import { fail, ok, type Result } from '../../domain/errors';
import { parseRecordId } from '../../domain/ids';
import { currentTargetDate, isPending } from '../../domain/lifecycle';
import type { ClosureRequest, LocalDate, ProgressUpdate, Recommendation } from '../../domain/records';
import type { Person } from '../../domain/records';
import { externalPartition } from '../../store';
import { pendingRequestFor } from '../closure/closure-subject';
import { todayOf, type AppContext } from '../shared/app-context';
import { loadById } from '../shared/change-record';
import { causesOfConcern } from '../shared/record-kinds';
import { peopleById } from '../shared/people';
import { authorizeIn, mayIn, scopeOf } from '../shared/record-scope';

/** One progress update with the name of who wrote it. */
export interface ExternalProgressView {
  update: ProgressUpdate;
  byName: string;
}

/** The card of one recommendation to an external body, for one person. */
export interface ExternalCardView {
  recommendation: Recommendation;
  today: LocalDate;
  targetDate?: LocalDate;
  /** The connected CoC's title, when it has one that exists. */
  connectedCocTitle?: string;
  hmiName?: string;
  /** Newest first, at most {@link progressShown}. */
  progress: ExternalProgressView[];
  /** The closure request waiting for a decision, if any. */
  pendingClosure?: ClosureRequest;
  canRecordProgress: boolean;
  canRequestClosure: boolean;
}

/** How many progress updates the card shows. */
const progressShown = 5;

/** What the card shows around the recommendation: its progress, the closure waiting, the names. */
async function surroundingsOf(
  context: AppContext,
  recommendation: Recommendation,
): Promise<Pick<ExternalCardView, 'progress' | 'pendingClosure' | 'connectedCocTitle' | 'hmiName'>> {
  const connected = recommendation.connectedCocId;
  const [people, progress, pendingClosure, coc] = await Promise.all([
    peopleById(context),
    context.store.records.listProgress(externalPartition, recommendation.id),
    pendingRequestFor(context, externalPartition, recommendation.id),
    connected ? loadById(context, causesOfConcern, connected) : undefined,
  ]);
  const name = (objectId: string) => people.get(objectId)?.name ?? 'someone no longer in the directory';
  return {
    progress: [...progress]
      .reverse()
      .slice(0, progressShown)
      .map((update) => ({ update, byName: name(update.by) })),
    ...(coc?.ok ? { connectedCocTitle: coc.value.record.value.title } : {}),
    ...(recommendation.hmi ? { hmiName: name(recommendation.hmi) } : {}),
    ...(pendingClosure ? { pendingClosure } : {}),
  };
}

/** The card of `id` (`EXT-1`) for `viewer`, or why not. */
export async function loadExternalView(
  context: AppContext,
  viewer: Person,
  id: string,
): Promise<Result<ExternalCardView>> {
  const parsed = parseRecordId(id);
  if (parsed?.kind !== 'externalRecommendation')
    return fail('not-found', `“${id}” is not the id of a recommendation to an external body, e.g. EXT-1.`);
  const scope = await scopeOf(context, viewer, externalPartition);
  const allowed = authorizeIn(viewer, 'view', scope);
  if (!allowed.ok) return allowed;
  const found = await context.store.records.getRecommendation(externalPartition, parsed.id);
  if (!found) return fail('not-found', `There is no recommendation ${parsed.id}.`);
  const recommendation = found.value;
  const around = await surroundingsOf(context, recommendation);
  const waiting = around.pendingClosure !== undefined;
  const live = recommendation.status !== 'closed';
  const closable = recommendation.status === 'inProgress' || recommendation.status === 'evidenceComplete';
  const target = currentTargetDate(recommendation);
  return ok({
    recommendation,
    today: todayOf(context),
    canRecordProgress: live && !waiting && mayIn(viewer, 'addProgressNote', scope),
    canRequestClosure: closable && !waiting && mayIn(viewer, 'requestClosure', scope),
    ...(target ? { targetDate: target } : {}),
    ...around,
  });
}

/** One line of the `external` list. */
export interface ExternalListItem {
  recommendation: Recommendation;
  targetDate?: LocalDate;
  /** Signed days from today to the target date. */
  daysToTarget?: number;
  /** Waiting at the HMI or SRO step of a closure request. */
  closureWaiting: boolean;
}

/** Every recommendation to an external body, for someone who may see them. */
export async function listExternal(
  context: AppContext,
  viewer: Person,
): Promise<Result<{ items: ExternalListItem[]; canAdd: boolean }>> {
  const scope = await scopeOf(context, viewer, externalPartition);
  const allowed = authorizeIn(viewer, 'view', scope);
  if (!allowed.ok) return allowed;
  const today = todayOf(context);
  const [found, requests] = await Promise.all([
    context.store.records.listExternalRecommendations(),
    context.store.records.listClosureRequests(externalPartition),
  ]);
  const waiting = new Set(requests.filter((r) => isPending(r.value)).map((r) => r.value.subject.id));
  const items = found.map(({ value }) => {
    const target = currentTargetDate(value);
    return {
      recommendation: value,
      closureWaiting: waiting.has(value.id),
      ...(target ? { targetDate: target, daysToTarget: daysBetween(today, target) } : {}),
    };
  });
  return ok({ items, canAdd: mayIn(viewer, 'manageExternalRecommendation', scope) });
}

/** The HM Inspectors the `new external` form offers, by name. */
export async function hmiChoices(context: AppContext): Promise<{ title: string; value: string }[]> {
  const people = await context.store.directory.listPeople();
  return people
    .filter((p) => p.roles.includes('hmi'))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((p) => ({ title: p.name, value: p.objectId }));
}
