/**
 * The recommendation lifecycle (domain.md, §24-25, §27):
 * `open -> inProgress -> evidenceComplete (SLL) -> cosRecommendedClosure (CoS) -> closed (HMI)`.
 *
 * The allowed moves are data (`recommendationTransitions`); `decideRecommendation` checks a command
 * against them and returns the new recommendation with its audit events. Moves into and out of the
 * approval states happen only through the closure chain (see closure-request.ts).
 */
import { fail, invalid, invalidFromZod, ok, type Result } from '../errors';
import { parseRecordId } from '../ids';
import {
  LocalDate,
  ProgressUpdate,
  type FieldChange,
  type ProgressSource,
  type Rag,
  type Recommendation,
  type RecommendationStatus,
  type ServiceCode,
} from '../records';
import { auditEvent, touched, type AuditSubject, type Decision, type DecisionContext } from './decision';

/** How a move is made: by the SLL by hand, or by a step of the closure chain. */
export type RecommendationMoveKind =
  | 'byHand'
  | 'closureRequested'
  | 'cosApproval'
  | 'hmiSignOff'
  | 'sroClosure'
  | 'closureRejected'
  | 'closureWithdrawn'
  | 'reopenedAfterInspection';

/** Every allowed status move. Anything not listed is refused. */
export const recommendationTransitions: readonly {
  from: RecommendationStatus;
  to: RecommendationStatus;
  via: RecommendationMoveKind;
}[] = [
  { from: 'open', to: 'inProgress', via: 'byHand' },
  { from: 'inProgress', to: 'open', via: 'byHand' },
  { from: 'inProgress', to: 'evidenceComplete', via: 'byHand' },
  { from: 'evidenceComplete', to: 'inProgress', via: 'byHand' },
  { from: 'inProgress', to: 'evidenceComplete', via: 'closureRequested' },
  { from: 'evidenceComplete', to: 'cosRecommendedClosure', via: 'cosApproval' },
  { from: 'cosRecommendedClosure', to: 'closed', via: 'hmiSignOff' },
  /** A recommendation to an external body (§31-32): an HMI agrees, then the SRO closes it. */
  { from: 'evidenceComplete', to: 'closed', via: 'sroClosure' },
  { from: 'evidenceComplete', to: 'inProgress', via: 'closureRejected' },
  { from: 'cosRecommendedClosure', to: 'inProgress', via: 'closureRejected' },
  { from: 'evidenceComplete', to: 'inProgress', via: 'closureWithdrawn' },
  { from: 'cosRecommendedClosure', to: 'inProgress', via: 'closureWithdrawn' },
  { from: 'closed', to: 'inProgress', via: 'reopenedAfterInspection' },
];

/** Whether `from -> to` is an allowed move of the given kind. */
export function canMoveRecommendation(
  from: RecommendationStatus,
  to: RecommendationStatus,
  via: RecommendationMoveKind,
): boolean {
  return recommendationTransitions.some((t) => t.from === from && t.to === to && t.via === via);
}

/** What can be done to a recommendation. The closure-chain commands are issued by closure-request.ts. */
export type RecommendationCommand =
  | { type: 'setStatus'; status: RecommendationStatus }
  | { type: 'setRag'; rag: Rag }
  | { type: 'addProgress'; text: string; rag?: Rag; evidenceLinks?: string[]; source?: ProgressSource }
  | { type: 'reviseTargetDate'; date: string; reason?: string }
  | { type: 'closureRequested' }
  | { type: 'recommendClosure' }
  | { type: 'signOff' }
  | { type: 'closeExternal' }
  | { type: 'rejectClosure'; reason: string }
  | { type: 'withdrawClosure' }
  | { type: 'reopenAfterInspection'; text: string; evidenceLinks?: string[] };

/** A recommendation decision; `progressUpdate` is the new append-only record to store, if any. */
export interface RecommendationDecision extends Decision<Recommendation> {
  progressUpdate?: ProgressUpdate;
}

/** The service a recommendation belongs to; external recommendations (§31) are filed under `EXT`. */
export function recommendationServiceCode(recommendation: Recommendation): ServiceCode {
  if (recommendation.serviceCode !== undefined) return recommendation.serviceCode;
  const parsed = recommendation.cocId === undefined ? null : parseRecordId(recommendation.cocId);
  return parsed !== null && parsed.kind === 'coc' ? parsed.serviceCode : 'EXT';
}

/**
 * Withdraws a recommendation from its open CoC, with the reason: it is kept, shown as withdrawn,
 * and no longer counts towards the CoC's closure or its reminders.
 */
export function withdrawRecommendation(
  recommendation: Recommendation,
  reason: string,
  context: DecisionContext,
): Result<Decision<Recommendation>> {
  const why = reason.trim();
  if (why === '') return invalid([{ field: 'reason', message: 'is required' }], 'Say why it is withdrawn.');
  if (why.length > 2000) return invalid([{ field: 'reason', message: 'must be at most 2000 characters' }]);
  if (recommendation.withdrawn)
    return fail('invalid-transition', `${recommendation.id} is already withdrawn.`);
  if (recommendation.status !== 'open' && recommendation.status !== 'inProgress')
    return fail(
      'invalid-transition',
      `${recommendation.id} is ${statusInSentence[recommendation.status]}: only an open or in-progress recommendation can be withdrawn.`,
    );
  const withdrawn = { reason: why, by: context.actor.objectId, at: context.now };
  return ok({
    state: touched({ ...recommendation, withdrawn }, context),
    events: [
      auditEvent(
        context,
        'recommendation.withdrawn',
        subjectOf(recommendation),
        [{ field: 'withdrawn', from: false, to: true }],
        why,
      ),
    ],
  });
}

/** The target date in force: the latest revision, else the original. */
export function currentTargetDate(recommendation: Recommendation): string | undefined {
  return recommendation.targetDateRevisions.at(-1)?.date ?? recommendation.originalTargetDate;
}

function subjectOf(recommendation: Recommendation): AuditSubject {
  return {
    kind: 'recommendation',
    id: recommendation.id,
    serviceCode: recommendationServiceCode(recommendation),
    cocId: recommendation.cocId,
  };
}

/** How each status reads in a sentence ("Recommendation BUC-1.2 is ..."). */
const statusInSentence: Record<RecommendationStatus, string> = {
  open: 'open',
  inProgress: 'in progress',
  evidenceComplete: 'evidence complete',
  cosRecommendedClosure: 'awaiting sign-off by the HM Inspector',
  closed: 'signed off (closed)',
};

function statusName(status: RecommendationStatus): string {
  return statusInSentence[status];
}

function refuseMove(
  recommendation: Recommendation,
  to: RecommendationStatus,
  via: RecommendationMoveKind,
): Result<never> {
  const from = recommendation.status;
  const what = `Recommendation ${recommendation.id} is ${statusName(from)}`;
  if (via === 'byHand' && (to === 'cosRecommendedClosure' || to === 'closed')) {
    return fail(
      'invalid-transition',
      `${what}. It can only be closed through a closure request approved by the Chief of Staff and signed off by the HM Inspector.`,
    );
  }
  if (via === 'byHand' && (from === 'cosRecommendedClosure' || from === 'closed')) {
    return fail('invalid-transition', `${what}, so its status can't be changed by hand.`);
  }
  return fail('invalid-transition', `${what}; it can't move to ${statusName(to)} from there.`);
}

function move(
  recommendation: Recommendation,
  to: RecommendationStatus,
  via: RecommendationMoveKind,
  context: DecisionContext,
  extra: Partial<Recommendation> = {},
  note?: string,
): Result<RecommendationDecision> {
  if (!canMoveRecommendation(recommendation.status, to, via)) return refuseMove(recommendation, to, via);
  const state: Recommendation = touched({ ...recommendation, ...extra, status: to }, context);
  const changes: FieldChange[] = [{ field: 'status', from: recommendation.status, to }];
  for (const [field, value] of Object.entries(extra)) {
    const from: unknown = recommendation[field as keyof Recommendation];
    // A progress update is its own record: the audit trail points at it by id.
    const asId = (v: unknown) => (field === 'latestUpdate' ? (v as Recommendation['latestUpdate'])?.id : v);
    changes.push({ field, from: asId(from), to: asId(value) });
  }
  return ok({
    state,
    events: [auditEvent(context, 'recommendation.status-changed', subjectOf(recommendation), changes, note)],
  });
}

function newProgressUpdate(
  recommendation: Recommendation,
  input: {
    text: string;
    rag?: Rag | undefined;
    evidenceLinks?: string[] | undefined;
    source: ProgressSource;
  },
  context: DecisionContext,
): Result<ProgressUpdate> {
  const parsed = ProgressUpdate.safeParse({
    id: context.newId(),
    subjectId: recommendation.id,
    serviceCode: recommendationServiceCode(recommendation),
    at: context.now,
    by: context.actor.objectId,
    rag: input.rag,
    text: input.text.trim(),
    evidenceLinks: input.evidenceLinks ?? [],
    source: input.source,
  });
  return parsed.success ? ok(parsed.data) : invalidFromZod(parsed.error);
}

function latestUpdateOf(update: ProgressUpdate): NonNullable<Recommendation['latestUpdate']> {
  const { subjectId: _subjectId, serviceCode: _serviceCode, ...latest } = update;
  return latest;
}

function addProgress(
  recommendation: Recommendation,
  input: Extract<RecommendationCommand, { type: 'addProgress' }>,
  context: DecisionContext,
): Result<RecommendationDecision> {
  const update = newProgressUpdate(recommendation, { ...input, source: input.source ?? 'sllNote' }, context);
  if (!update.ok) return update;
  const state = touched(
    { ...recommendation, latestUpdate: latestUpdateOf(update.value), rag: input.rag ?? recommendation.rag },
    context,
  );
  const changes: FieldChange[] = [
    { field: 'latestUpdate', from: recommendation.latestUpdate?.id, to: update.value.id },
  ];
  if (state.rag !== recommendation.rag)
    changes.push({ field: 'rag', from: recommendation.rag, to: state.rag });
  const event = auditEvent(
    context,
    'recommendation.progress-added',
    subjectOf(recommendation),
    changes,
    update.value.text,
  );
  return ok({ state, events: [event], progressUpdate: update.value });
}

function reviseTargetDate(
  recommendation: Recommendation,
  input: Extract<RecommendationCommand, { type: 'reviseTargetDate' }>,
  context: DecisionContext,
): Result<RecommendationDecision> {
  if (!LocalDate.safeParse(input.date).success) {
    return invalid(
      [{ field: 'date', message: 'must be a real date written YYYY-MM-DD' }],
      'The target date is not a real date.',
    );
  }
  const subject = subjectOf(recommendation);
  const current = currentTargetDate(recommendation);
  if (current === undefined) {
    const state = touched({ ...recommendation, originalTargetDate: input.date }, context);
    const changes = [{ field: 'originalTargetDate', from: undefined, to: input.date }];
    return ok({
      state,
      events: [auditEvent(context, 'recommendation.target-date-set', subject, changes, input.reason)],
    });
  }
  const reason = input.reason?.trim() ?? '';
  if (reason === '') {
    return invalid(
      [{ field: 'reason', message: 'is required' }],
      'Give a reason for changing the target date.',
    );
  }
  if (reason.length > 1000) {
    return invalid(
      [{ field: 'reason', message: 'must be at most 1000 characters' }],
      'The reason is too long (1000 characters at most).',
    );
  }
  if (input.date === current) {
    return invalid(
      [{ field: 'date', message: 'is the current target date' }],
      'The new target date is the same as the current one.',
    );
  }
  const revision = { date: input.date, reason, by: context.actor.objectId, at: context.now };
  const state = touched(
    { ...recommendation, targetDateRevisions: [...recommendation.targetDateRevisions, revision] },
    context,
  );
  const changes = [{ field: 'targetDate', from: current, to: input.date }];
  return ok({
    state,
    events: [auditEvent(context, 'recommendation.target-date-revised', subject, changes, reason)],
  });
}

/**
 * Decides a command on a recommendation. Same-status `setStatus` is a no-op (no events), so a
 * double click does no harm. Only progress notes may be added once a recommendation is closed.
 */
export function decideRecommendation(
  recommendation: Recommendation,
  command: RecommendationCommand,
  context: DecisionContext,
): Result<RecommendationDecision> {
  const closed = recommendation.status === 'closed';
  const closedReason = `Recommendation ${recommendation.id} is signed off (closed), so it can't be changed.`;
  switch (command.type) {
    case 'setStatus':
      if (command.status === recommendation.status) return ok({ state: recommendation, events: [] });
      return move(recommendation, command.status, 'byHand', context);
    case 'setRag': {
      if (closed) return fail('invalid-transition', closedReason);
      if (command.rag === recommendation.rag) return ok({ state: recommendation, events: [] });
      const state = touched({ ...recommendation, rag: command.rag }, context);
      const changes = [{ field: 'rag', from: recommendation.rag, to: command.rag }];
      return ok({
        state,
        events: [auditEvent(context, 'recommendation.rag-changed', subjectOf(recommendation), changes)],
      });
    }
    case 'addProgress':
      return addProgress(recommendation, command, context);
    case 'reviseTargetDate':
      if (closed) return fail('invalid-transition', closedReason);
      return reviseTargetDate(recommendation, command, context);
    case 'closureRequested':
      if (recommendation.status === 'evidenceComplete') return ok({ state: recommendation, events: [] });
      return move(recommendation, 'evidenceComplete', 'closureRequested', context);
    case 'recommendClosure':
      return move(recommendation, 'cosRecommendedClosure', 'cosApproval', context);
    case 'signOff':
      return move(recommendation, 'closed', 'hmiSignOff', context, {
        signedOffAt: context.now,
        signedOffBy: context.actor.objectId,
      });
    case 'closeExternal':
      if (recommendation.cocId !== undefined)
        return fail('invalid-transition', `${recommendation.id} belongs to a cause of concern.`);
      return move(recommendation, 'closed', 'sroClosure', context, {
        signedOffAt: context.now,
        signedOffBy: context.actor.objectId,
      });
    case 'rejectClosure': {
      const reason = command.reason.trim();
      if (reason === '')
        return invalid(
          [{ field: 'reason', message: 'is required' }],
          'Give a reason for rejecting the closure.',
        );
      const lastRejection = { reason, by: context.actor.objectId, at: context.now };
      return move(recommendation, 'inProgress', 'closureRejected', context, { lastRejection }, reason);
    }
    case 'withdrawClosure':
      return move(recommendation, 'inProgress', 'closureWithdrawn', context);
    case 'reopenAfterInspection': {
      const update = newProgressUpdate(recommendation, { ...command, source: 'laterInspection' }, context);
      if (!update.ok) return update;
      const moved = move(
        recommendation,
        'inProgress',
        'reopenedAfterInspection',
        context,
        { signedOffAt: undefined, signedOffBy: undefined, latestUpdate: latestUpdateOf(update.value) },
        update.value.text,
      );
      return moved.ok ? ok({ ...moved.value, progressUpdate: update.value }) : moved;
    }
  }
}
