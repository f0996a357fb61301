/**
 * The cause-of-concern lifecycle (§5, §13, §25, §27).
 *
 * A CoC is issued with one or more recommendations and stays open while any of them is open. It is
 * closed exactly when all its recommendations are signed off by the HMI (§25): that is a rule
 * (`afterRecommendationsChanged`), never a button. A closed CoC found again at a later inspection
 * (§27) is reopened by reopening the recommendations concerned, with the new evidence.
 */
import { formatLongDate } from '../clock';
import { fail, invalid, invalidFromZod, ok, type FieldIssue, type Result } from '../errors';
import { recommendationId } from '../ids';
import {
  CauseOfConcern,
  LaterInspection,
  LocalDate,
  Recommendation,
  type FieldChange,
  type ProgressUpdate,
} from '../records';
import { auditEvent, changedFields, touched } from './decision';
import type { AuditSubject, Decision, DecisionContext } from './decision';
import { decideRecommendation } from './recommendation';

/** The fields of a CoC that can be edited after it is issued. */
export const editableCocFields = [
  'title',
  'finding',
  'pillar',
  'publicSafetyRisk',
  'fieldworkStartDate',
  'fieldworkEndDate',
  'letterDate',
  'reportPublishedDate',
  'checkCopySentDate',
  'websitePublishedDate',
  'actionPlanRule',
  'actionPlanReceivedDate',
  'revisitDate',
  'owners',
  'rag',
] as const;
type EditableCocField = (typeof editableCocFields)[number];

/** A recommendation as written when the CoC is issued. */
export interface NewRecommendation {
  text: string;
  targetDate?: string;
}

/** What is needed to issue a CoC; the id comes from `cocId(serviceCode, n)`. */
export type NewCauseOfConcern = Pick<
  CauseOfConcern,
  | 'id'
  | 'serviceCode'
  | 'title'
  | 'finding'
  | 'pillar'
  | 'publicSafetyRisk'
  | 'fieldworkEndDate'
  | 'actionPlanRule'
  | 'owners'
> &
  Partial<
    Pick<
      CauseOfConcern,
      | 'letterDate'
      | 'reportPublishedDate'
      | 'checkCopySentDate'
      | 'websitePublishedDate'
      | 'revisitDate'
      | 'rag'
    >
  > & { recommendations: NewRecommendation[] };

/** A newly issued CoC with its recommendations. */
export interface IssuedCauseOfConcern {
  coc: CauseOfConcern;
  recommendations: Recommendation[];
  events: Decision<CauseOfConcern>['events'];
}

/** What can be done to a CoC by hand. `null` clears an optional field. */
export type CocCommand =
  | { type: 'edit'; changes: { [K in EditableCocField]?: CauseOfConcern[K] | null } }
  | { type: 'recordActionPlanReceived'; date: string };

/** Date pairs that must be in order (earlier, later), with the sentence shown when they are not. */
export const cocDateOrder: readonly {
  earlier: keyof CauseOfConcern;
  later: keyof CauseOfConcern;
  message: string;
}[] = [
  {
    earlier: 'fieldworkStartDate',
    later: 'fieldworkEndDate',
    message: "Fieldwork can't end before it started.",
  },
  {
    earlier: 'fieldworkEndDate',
    later: 'letterDate',
    message: "The letter can't be dated before fieldwork ended.",
  },
  {
    earlier: 'fieldworkEndDate',
    later: 'reportPublishedDate',
    message: "The report can't be published before fieldwork ended.",
  },
  {
    earlier: 'checkCopySentDate',
    later: 'websitePublishedDate',
    message: "It can't be published on the website before the factual-accuracy check copy was sent.",
  },
  {
    earlier: 'fieldworkEndDate',
    later: 'actionPlanReceivedDate',
    message: "The action plan can't have been received before fieldwork ended.",
  },
];

/**
 * The date-order problems of a CoC (empty when the dates are in order). LocalDates sort as text.
 * Takes a partial CoC so a form can be checked before the rest of it is valid.
 */
export function checkCocDates(coc: Partial<CauseOfConcern>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const rule of cocDateOrder) {
    const earlier = coc[rule.earlier];
    const later = coc[rule.later];
    if (typeof earlier === 'string' && typeof later === 'string' && later < earlier) {
      issues.push({ field: rule.later, message: rule.message });
    }
  }
  return issues;
}

function subjectOf(coc: CauseOfConcern): AuditSubject {
  return { kind: 'coc', id: coc.id, serviceCode: coc.serviceCode, cocId: coc.id };
}

function parseCoc(candidate: unknown): Result<CauseOfConcern> {
  const parsed = CauseOfConcern.safeParse(candidate);
  if (!parsed.success) return invalidFromZod(parsed.error);
  const issues = checkCocDates(parsed.data);
  return issues.length > 0 ? invalid(issues, issues.map((i) => i.message).join(' ')) : ok(parsed.data);
}

/** The number the next recommendation of a CoC takes: after every one it has had, withdrawn or not. */
export function nextRecommendationNumber(existing: readonly Pick<Recommendation, 'id'>[]): number {
  return Math.max(0, ...existing.map((r) => Number(/\.(\d+)$/.exec(r.id)?.[1] ?? 0))) + 1;
}

/** The `number`-th recommendation of a CoC as drafted, open, checked against the schema. */
function newRecommendationOf(
  coc: Pick<CauseOfConcern, 'id' | 'serviceCode'>,
  number: number,
  draft: NewRecommendation,
  context: DecisionContext,
) {
  return Recommendation.safeParse({
    id: recommendationId(coc.id, number),
    cocId: coc.id,
    serviceCode: coc.serviceCode,
    text: draft.text.trim(),
    status: 'open',
    originalTargetDate: draft.targetDate,
    targetDateRevisions: [],
    updatedAt: context.now,
    updatedBy: context.actor.objectId,
  });
}

/** Issues a CoC, open, with its recommendations numbered `<id>.1`, `<id>.2`, ... in the order given. */
export function createCauseOfConcern(
  input: NewCauseOfConcern,
  context: DecisionContext,
): Result<IssuedCauseOfConcern> {
  const { recommendations: newRecommendations, ...fields } = input;
  if (newRecommendations.length === 0) {
    return invalid(
      [{ field: 'recommendations', message: 'must have at least one' }],
      'A cause of concern needs at least one recommendation.',
    );
  }
  const stamps = {
    createdAt: context.now,
    createdBy: context.actor.objectId,
    updatedAt: context.now,
    updatedBy: context.actor.objectId,
  };
  const coc = parseCoc({ ...fields, status: 'open', ...stamps });
  if (!coc.ok) return coc;
  if (!/^[A-Z]{2,5}-\d+$/.test(coc.value.id) || !coc.value.id.startsWith(`${coc.value.serviceCode}-`)) {
    return invalid([{ field: 'id', message: `must look like ${coc.value.serviceCode}-1` }]);
  }

  const recommendations: Recommendation[] = [];
  for (const [index, draft] of newRecommendations.entries()) {
    const parsed = newRecommendationOf(coc.value, index + 1, draft, context);
    if (!parsed.success) {
      return invalidFromZod(
        parsed.error,
        `Recommendation ${index + 1}: ${parsed.error.issues[0]?.message ?? 'is not valid'}.`,
      );
    }
    recommendations.push(parsed.data);
  }

  const events = [
    auditEvent(
      context,
      'coc.issued',
      subjectOf(coc.value),
      [{ field: 'status', to: 'open' }],
      coc.value.title,
    ),
    ...recommendations.map((r) =>
      auditEvent(
        context,
        'recommendation.issued',
        { kind: 'recommendation', id: r.id, serviceCode: r.serviceCode, cocId: r.cocId },
        [{ field: 'status', to: 'open' }],
      ),
    ),
  ];
  return ok({ coc: coc.value, recommendations, events });
}

/** The next recommendation of a CoC: numbered after every one it has had, withdrawn ones included. */
export function addRecommendation(
  coc: CauseOfConcern,
  existing: readonly Recommendation[],
  draft: NewRecommendation,
  context: DecisionContext,
): Result<{
  recommendation: Recommendation;
  coc: CauseOfConcern;
  events: Decision<CauseOfConcern>['events'];
}> {
  if (coc.status !== 'open')
    return fail(
      'invalid-transition',
      `${coc.id} is closed: recommendations can be added only to an open cause of concern.`,
    );
  const parsed = newRecommendationOf(coc, nextRecommendationNumber(existing), draft, context);
  if (!parsed.success) return invalidFromZod(parsed.error);
  const recommendation = parsed.data;
  const events = [
    auditEvent(
      context,
      'recommendation.added',
      { kind: 'recommendation', id: recommendation.id, serviceCode: coc.serviceCode, cocId: coc.id },
      [{ field: 'status', to: 'open' }],
      recommendation.text,
    ),
  ];
  return ok({ recommendation, coc: touched(coc, context), events });
}

/** Decides a hand edit of a CoC. Status is not editable: it follows the recommendations. */
export function decideCauseOfConcern(
  coc: CauseOfConcern,
  command: CocCommand,
  context: DecisionContext,
): Result<Decision<CauseOfConcern>> {
  const requested: Record<string, unknown> =
    command.type === 'edit' ? { ...command.changes } : { actionPlanReceivedDate: command.date };
  if (command.type === 'recordActionPlanReceived' && !LocalDate.safeParse(command.date).success) {
    return invalid(
      [{ field: 'date', message: 'must be a real date written YYYY-MM-DD' }],
      'The date the action plan arrived is not a real date.',
    );
  }
  const merged: Record<string, unknown> = { ...coc };
  for (const [field, value] of Object.entries(requested)) {
    if (!(editableCocFields as readonly string[]).includes(field)) {
      return invalid(
        [{ field, message: "can't be edited" }],
        `The ${field} of a cause of concern can't be edited.`,
      );
    }
    merged[field] = value ?? undefined;
  }
  const parsed = parseCoc(merged);
  if (!parsed.ok) return parsed;
  const changes = changedFields(coc, parsed.value, editableCocFields);
  if (changes.length === 0) return ok({ state: coc, events: [] });
  const action = command.type === 'edit' ? 'coc.edited' : 'coc.action-plan-received';
  return ok({
    state: touched(parsed.value, context),
    events: [auditEvent(context, action, subjectOf(coc), changes)],
  });
}

/**
 * The §25 rule, run after any recommendation of the CoC changes: closed exactly when all its
 * recommendations are closed; reopened if one of them is no longer closed. Recommendations of
 * other CoCs are ignored. No change gives no events.
 */
export function afterRecommendationsChanged(
  coc: CauseOfConcern,
  recommendations: readonly Recommendation[],
  context: DecisionContext,
): Decision<CauseOfConcern> {
  // A withdrawn recommendation no longer counts: the CoC closes when the others are signed off.
  const own = recommendations.filter((r) => r.cocId === coc.id && r.withdrawn === undefined);
  const allClosed = own.length > 0 && own.every((r) => r.status === 'closed');
  if (allClosed && coc.status === 'open') {
    const state = touched({ ...coc, status: 'closed' as const, closedAt: context.now }, context);
    const note = 'All its recommendations have been signed off by the HM Inspector.';
    const changes: FieldChange[] = [{ field: 'status', from: 'open', to: 'closed' }];
    return { state, events: [auditEvent(context, 'coc.closed', subjectOf(coc), changes, note)] };
  }
  if (!allClosed && coc.status === 'closed') {
    const state = touched({ ...coc, status: 'open' as const, closedAt: undefined }, context);
    const reopened = own.filter((r) => r.status !== 'closed').map((r) => r.id);
    const note = `Reopened because ${reopened.join(', ')} ${reopened.length === 1 ? 'is' : 'are'} open again.`;
    const changes: FieldChange[] = [{ field: 'status', from: 'closed', to: 'open' }];
    return { state, events: [auditEvent(context, 'coc.reopened', subjectOf(coc), changes, note)] };
  }
  return { state: coc, events: [] };
}

/** The evidence from a later inspection (§27) that reopens a closed CoC. */
export interface LaterInspectionFinding {
  recommendationIds: string[];
  text: string;
  evidenceLinks?: string[];
}

/** A reopened CoC, every one of its recommendations (changed or not), and the new progress updates. */
export interface ReopenedCauseOfConcern {
  coc: CauseOfConcern;
  recommendations: Recommendation[];
  progressUpdates: ProgressUpdate[];
  events: Decision<CauseOfConcern>['events'];
}

/**
 * Reopens a closed CoC found again at a later inspection (§27): the named recommendations go back
 * to in progress with the new evidence, and the CoC reopens by the §25 rule. An open CoC is not
 * reopened; add the evidence to its recommendations as progress instead.
 */
export function reopenCauseOfConcern(
  coc: CauseOfConcern,
  recommendations: readonly Recommendation[],
  finding: LaterInspectionFinding,
  context: DecisionContext,
): Result<ReopenedCauseOfConcern> {
  if (coc.status === 'open') {
    return fail(
      'invalid-transition',
      `Cause of concern ${coc.id} is still open: add the new evidence to its recommendations as progress.`,
    );
  }
  if (finding.recommendationIds.length === 0) {
    return invalid(
      [{ field: 'recommendationIds', message: 'must name at least one' }],
      'Choose the recommendations found again at the inspection.',
    );
  }
  // A withdrawn recommendation no longer counts: the CoC closes when the others are signed off.
  const own = recommendations.filter((r) => r.cocId === coc.id && r.withdrawn === undefined);
  const unknown = finding.recommendationIds.filter((id) => !own.some((r) => r.id === id));
  if (unknown.length > 0)
    return fail(
      'not-found',
      `${unknown.join(', ')} ${unknown.length === 1 ? 'is not a recommendation' : 'are not recommendations'} of ${coc.id}.`,
    );
  const updated: Recommendation[] = [];
  const progressUpdates: ProgressUpdate[] = [];
  const events: ReopenedCauseOfConcern['events'] = [];
  for (const recommendation of own) {
    if (!finding.recommendationIds.includes(recommendation.id)) {
      updated.push(recommendation);
      continue;
    }
    const decided = decideRecommendation(
      recommendation,
      { type: 'reopenAfterInspection', text: finding.text, evidenceLinks: finding.evidenceLinks ?? [] },
      context,
    );
    if (!decided.ok) return decided;
    updated.push(decided.value.state);
    events.push(...decided.value.events);
    if (decided.value.progressUpdate) progressUpdates.push(decided.value.progressUpdate);
  }
  const rule = afterRecommendationsChanged(coc, updated, context);
  return ok({
    coc: rule.state,
    recommendations: updated,
    progressUpdates,
    events: [...events, ...rule.events],
  });
}

/** What the Service Liaison Lead records when a later inspection finds a CoC again (§27). */
export interface IdentifiedAgainInput {
  inspectionDate: string;
  reportLink: string;
  finding: string;
  /** The recommendations found again; may be empty for an open CoC found again as a whole. */
  recommendationIds: readonly string[];
}

/** The CoC with the inspection appended, the recommendations it changed, and their new progress updates. */
export interface IdentifiedAgain {
  coc: CauseOfConcern;
  /** Only the recommendations whose stored row changes. */
  recommendations: Recommendation[];
  progressUpdates: ProgressUpdate[];
  events: Decision<CauseOfConcern>['events'];
}

/**
 * Records that a later inspection found a CoC, or some of its recommendations, again (§27): "the
 * original cause of concern / recommendation will remain open, and the monitoring portal will be
 * updated with the evidence from the most recent inspection."
 *
 * - The inspection (its date, an https link to its report, what it found) is appended to the CoC.
 * - Each recommendation named gets the evidence as a progress update (source: later inspection).
 *   One still open stays as it is; one signed off is open again (back in progress), and a closed
 *   CoC reopens by the §25 rule: the recommendation was not in fact complete.
 * - A closed CoC must name at least one recommendation (that is what reopens it).
 * - The inspection must be after the fieldwork the CoC came from; "not in the future" is the use case's.
 *
 * @example
 * recordIdentifiedAgain(coc, recommendations, { inspectionDate: '2027-03-03', reportLink: 'https://…', finding: '…', recommendationIds: ['BUC-1.1'] }, context)
 */
export function recordIdentifiedAgain(
  coc: CauseOfConcern,
  recommendations: readonly Recommendation[],
  input: IdentifiedAgainInput,
  context: DecisionContext,
): Result<IdentifiedAgain> {
  const own = recommendations.filter((r) => r.cocId === coc.id && r.withdrawn === undefined);
  const ids = [...new Set(input.recommendationIds)];
  const unknown = ids.filter((id) => !own.some((r) => r.id === id));
  if (unknown.length > 0)
    return fail(
      'not-found',
      `${unknown.join(', ')} ${unknown.length === 1 ? 'is not a recommendation' : 'are not recommendations'} of ${coc.id}.`,
    );
  if (coc.status === 'closed' && ids.length === 0)
    return invalid(
      [{ field: 'recommendationIds', message: 'must include at least one: the cause of concern is closed' }],
      `${coc.id} is closed: choose the recommendations the inspection found again, and they will be open again.`,
    );
  const inspection = LaterInspection.safeParse({
    inspectionDate: input.inspectionDate,
    reportLink: input.reportLink.trim(),
    finding: input.finding.trim(),
    recommendationIds: ids,
    by: context.actor.objectId,
    at: context.now,
  });
  if (!inspection.success) return invalidFromZod(inspection.error);
  if (inspection.data.inspectionDate <= coc.fieldworkEndDate)
    return invalid(
      [{ field: 'inspectionDate', message: 'must be after the fieldwork the cause of concern came from' }],
      `The later inspection must be after the fieldwork that found ${coc.id} (it ended on ${formatLongDate(coc.fieldworkEndDate)}).`,
    );

  const changed: Recommendation[] = [];
  const progressUpdates: ProgressUpdate[] = [];
  const events: IdentifiedAgain['events'] = [];
  const text = `Found again at the inspection of ${formatLongDate(inspection.data.inspectionDate)}: ${inspection.data.finding}`;
  const evidenceLinks = [inspection.data.reportLink];
  for (const recommendation of own.filter((r) => ids.includes(r.id))) {
    const decided = decideRecommendation(
      recommendation,
      recommendation.status === 'closed'
        ? { type: 'reopenAfterInspection', text, evidenceLinks }
        : { type: 'addProgress', text, evidenceLinks, source: 'laterInspection' },
      context,
    );
    if (!decided.ok) return decided;
    changed.push(decided.value.state);
    events.push(...decided.value.events);
    if (decided.value.progressUpdate) progressUpdates.push(decided.value.progressUpdate);
  }
  const appended = touched(
    { ...coc, identifiedAgain: [...(coc.identifiedAgain ?? []), inspection.data] },
    context,
  );
  const found = auditEvent(
    context,
    'coc.identified-again',
    subjectOf(coc),
    [
      { field: 'inspectionDate', from: undefined, to: inspection.data.inspectionDate },
      { field: 'reportLink', from: undefined, to: inspection.data.reportLink },
      ...(ids.length > 0 ? [{ field: 'recommendationsFoundAgain', from: undefined, to: ids }] : []),
    ],
    inspection.data.finding,
  );
  const everyone = own.map((r) => changed.find((c) => c.id === r.id) ?? r);
  const rule = afterRecommendationsChanged(appended, everyone, context);
  return ok({
    coc: rule.state,
    recommendations: changed,
    progressUpdates,
    events: [found, ...events, ...rule.events],
  });
}
