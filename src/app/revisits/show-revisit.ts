/**
 * What a revisit card shows: the revisit (days, purpose, team), each approval step with who decided
 * and when, who decides next and whether this viewer may decide now, the findings and the letter's
 * dates, and what this viewer may record. Also the revisits waiting for one person (`approvals`).
 */
import { fail, ok, type Result } from '../../domain/errors';
import { cocIdOfRevisit, revisitWaitingStep } from '../../domain/lifecycle';
import { revisitStepActions } from '../../domain/policy';
import type {
  ApprovalStep,
  CauseOfConcern,
  Owners,
  Person,
  Recommendation,
  Revisit,
} from '../../domain/records';
import type { Versioned } from '../../store';
import { approverOfStep, type StepApprover } from '../closure/closure-approvers';
import type { AppContext } from '../shared/app-context';
import type { Loaded } from '../shared/change-record';
import { peopleById, teamsUserIdOf } from '../shared/people';
import { revisits } from '../shared/record-kinds';
import { authorizeIn, mayIn, scopeOf, type ServiceScope } from '../shared/record-scope';

/**
 * What a revisit's cards are drawn from: the revisit and its CoC's owners and title, as read or as
 * a decision left them. Plain data, so an outbox job carries it.
 */
export interface RevisitFacts {
  revisit: Revisit;
  owners: Owners;
  cocTitle: string;
}

/** One step with names instead of ids. */
export interface RevisitStepView {
  step: ApprovalStep;
  byName?: string;
  onBehalfOfName?: string;
}

/** A revisit as `cards/revisit-card.json` shows it to one person (or, with no viewer, a notification). */
export interface RevisitCardView {
  revisit: Revisit;
  cocTitle: string;
  serviceName: string;
  proposedByName: string;
  steps: RevisitStepView[];
  approver?: StepApprover;
  /** This viewer may endorse, approve or refuse the waiting step now. */
  canDecide: boolean;
  /** This viewer may record the findings (the SLL, once approved and not yet recorded). */
  canRecordFindings: boolean;
  /** This viewer may record when the letter was sent and published (once drafted). */
  canRecordLetter: boolean;
  refreshUserIds: string[];
}

/** A revisit as a change reads it: with its CoC and the CoC's recommendations. */
export interface LoadedRevisit extends Loaded<Revisit> {
  coc: Versioned<CauseOfConcern>;
  recommendations: Versioned<Recommendation>[];
}

/** Reads a revisit with its CoC (one range query: the revisit's row sits in the CoC's range). */
export async function loadRevisit(
  context: AppContext,
  revisitIdText: string,
): Promise<Result<LoadedRevisit>> {
  const id = revisitIdText.trim().toUpperCase();
  const place = revisits.locate(id);
  const cocId = cocIdOfRevisit(id);
  if (!place || !cocId)
    return fail('not-found', `“${revisitIdText}” is not a revisit id. Revisit ids look like BUC-1-R1.`);
  const found = await context.store.records.getCocWithRecommendations(place.partition, cocId);
  const record = found?.revisits?.find((r) => r.value.id === id);
  if (!found || !record) return fail('not-found', revisits.notFound(id));
  return ok({
    kind: revisits,
    partition: place.partition,
    record,
    owners: found.coc.value.owners,
    revisitChain: { requestedBy: record.value.proposedBy, steps: record.value.steps },
    coc: found.coc,
    recommendations: found.recommendations,
  });
}

/** The facts of a loaded revisit (or of the revisit a decision left). */
export function revisitFactsOf(loaded: LoadedRevisit, revisit = loaded.record.value): RevisitFacts {
  return { revisit, owners: loaded.coc.value.owners, cocTitle: loaded.coc.value.title };
}

/** Who decides the step a revisit waits at (the CoC's CoS or HMI, or their stand-in), or null. */
export async function revisitApproverOf(
  context: AppContext,
  facts: RevisitFacts,
): Promise<StepApprover | null> {
  const step = revisitWaitingStep(facts.revisit);
  return step === null ? null : approverOfStep(context, facts.owners, step);
}

async function scopeForViewer(
  context: AppContext,
  viewer: Person | null,
  facts: RevisitFacts,
): Promise<Result<ServiceScope | null>> {
  if (!viewer) return ok(null);
  const { revisit } = facts;
  const scope = await scopeOf(context, viewer, revisit.serviceCode, {
    owners: facts.owners,
    revisitChain: { requestedBy: revisit.proposedBy, steps: revisit.steps },
  });
  const allowed = authorizeIn(viewer, 'view', scope);
  return allowed.ok ? ok(scope) : allowed;
}

/** The revisit card of `facts` for `viewer` (refusing anyone who may not see it), or for a notification. */
export async function revisitViewFor(
  context: AppContext,
  viewer: Person | null,
  facts: RevisitFacts,
): Promise<Result<RevisitCardView>> {
  const scope = await scopeForViewer(context, viewer, facts);
  if (!scope.ok) return scope;
  const { revisit } = facts;
  const people = await peopleById(context);
  const name = (id: string) => people.get(id)?.name ?? 'someone no longer in the directory';
  const step = revisitWaitingStep(revisit);
  const approver = await revisitApproverOf(context, facts);
  const may = (action: Parameters<typeof mayIn>[1]) =>
    viewer !== null && scope.value !== null && mayIn(viewer, action, scope.value);
  const serviceName =
    scope.value?.serviceName ?? (await context.store.directory.getService(revisit.serviceCode))?.name;
  return ok({
    revisit,
    cocTitle: facts.cocTitle,
    serviceName: serviceName ?? revisit.serviceCode,
    proposedByName: name(revisit.proposedBy),
    steps: revisit.steps.map((s) => ({
      step: s,
      ...(s.by === undefined ? {} : { byName: name(s.by) }),
      ...(s.onBehalfOf === undefined ? {} : { onBehalfOfName: name(s.onBehalfOf) }),
    })),
    canDecide: step !== null && may(revisitStepActions[step]),
    canRecordFindings:
      revisit.status === 'approved' &&
      revisit.initialFindingsDate === undefined &&
      may('recordRevisitFindings'),
    canRecordLetter: revisit.letter !== undefined && may('recordRevisitLetter'),
    refreshUserIds: approver ? [await teamsUserIdOf(context, approver.person.objectId)] : [],
    ...(approver ? { approver } : {}),
  });
}

/** Loads a revisit and draws its card for `viewer`. */
export async function loadRevisitView(
  context: AppContext,
  viewer: Person,
  revisitId: string,
): Promise<Result<RevisitCardView>> {
  const loaded = await loadRevisit(context, revisitId);
  return loaded.ok ? revisitViewFor(context, viewer, revisitFactsOf(loaded.value)) : loaded;
}

/** How many waiting revisits `approvals` shows at once. */
export const maxRevisitApprovalsShown = 10;

/** The revisits waiting for `person`'s endorsement or approval, drawn for them. */
export async function listRevisitApprovalsFor(
  context: AppContext,
  person: Person,
): Promise<RevisitCardView[]> {
  const waiting = (await context.store.records.listRevisits()).filter(
    (r) => revisitWaitingStep(r.value) !== null,
  );
  const views: RevisitCardView[] = [];
  for (const { value: revisit } of waiting) {
    const coc = await context.store.records.getCoc(revisit.serviceCode, revisit.cocId);
    if (!coc) continue;
    const facts: RevisitFacts = { revisit, owners: coc.value.owners, cocTitle: coc.value.title };
    const approver = await revisitApproverOf(context, facts);
    if (approver?.person.objectId !== person.objectId) continue;
    const view = await revisitViewFor(context, person, facts);
    if (view.ok) views.push(view.value);
    if (views.length >= maxRevisitApprovalsShown) break;
  }
  return views;
}
