/**
 * Revisits (§17-21). The Service Liaison Lead or the Chief of Staff proposes a revisit of a cause
 * of concern (its first and last day, its purpose and its team); the Chief of Staff endorses it
 * (oversight, §20) and the region's HM Inspector approves it, on the same approval chain as closure
 * (approval-chain.ts). A Chief of Staff who proposes a revisit has endorsed it: it goes straight to
 * the HM Inspector. Either may refuse it with a reason.
 *
 * Status: `pendingCos -> pendingHmi -> approved`, or `refused` at either step. After an approved
 * revisit the SLL records the day the initial findings were given and a finding per
 * recommendation (each also a progress update marked as a revisit finding, with a RAG); the HM
 * Inspector's letter is drafted from them (§21) and the days it was sent and published are kept.
 */
import { formatLongDate, toLondonDate } from '../clock';
import { err, fail, invalid, invalidFromZod, ok, type FieldIssue, type Result } from '../errors';
import {
  LocalDate,
  Revisit,
  roleNames,
  type AuditEvent,
  type CauseOfConcern,
  type ProgressUpdate,
  type Rag,
  type Recommendation,
  type RevisitFinding,
  type RevisitStatus,
} from '../records';
import { decideChainStep, waitingStepOf, type StepRole } from './approval-chain';
import { auditEvent, touched, type AuditSubject, type DecisionContext } from './decision';
import { decideRecommendation } from './recommendation';

/** A revisit's status in words. */
export const revisitStatusNames: Record<RevisitStatus, string> = {
  pendingCos: 'Proposed: waiting for the Chief of Staff to endorse it',
  pendingHmi: 'Endorsed: waiting for the HM Inspector to approve it',
  approved: 'Approved',
  refused: 'Refused',
};

/**
 * The id of a CoC's n-th revisit.
 * @example revisitId('BUC-1', 2) // 'BUC-1-R2'
 */
export function revisitId(cocId: string, n: number): string {
  return `${cocId}-R${String(n)}`;
}

/**
 * The CoC a revisit id belongs to, or undefined when it is not a revisit id.
 * @example cocIdOfRevisit('buc-1-r2') // 'BUC-1'
 */
export function cocIdOfRevisit(id: string): string | undefined {
  return /^([A-Z]{2,5}-\d+)-R\d+$/.exec(id.trim().toUpperCase())?.[1];
}

/** The number the next revisit of a CoC gets: one more than the highest so far. */
export function nextRevisitNumber(revisits: readonly Pick<Revisit, 'id'>[]): number {
  const numbers = revisits.map((r) => Number(/-R(\d+)$/.exec(r.id)?.[1] ?? 0));
  return Math.max(0, ...numbers) + 1;
}

/** The steps a revisit has: the Chief of Staff endorses, the HM Inspector approves (§20). */
export type RevisitStepRole = Exclude<StepRole, 'sro'>;

/** The step a revisit waits at, or null once it is approved or refused. */
export function revisitWaitingStep(revisit: Pick<Revisit, 'status' | 'steps'>): RevisitStepRole | null {
  if (revisit.status !== 'pendingCos' && revisit.status !== 'pendingHmi') return null;
  const step = waitingStepOf(revisit.steps);
  return step === 'sro' ? null : step;
}

function subjectOf(revisit: Pick<Revisit, 'id' | 'cocId' | 'serviceCode'>): AuditSubject {
  return {
    kind: 'revisit',
    id: revisit.id,
    about: revisit.cocId,
    serviceCode: revisit.serviceCode,
    cocId: revisit.cocId,
  };
}

/** What the proposer gives. Dates as typed (YYYY-MM-DD); checked here. */
export interface RevisitProposal {
  coc: Pick<CauseOfConcern, 'id' | 'serviceCode' | 'status'>;
  /** The number the revisit gets (see {@link nextRevisitNumber}). */
  number: number;
  firstDay: string;
  lastDay: string;
  purpose: string;
  team: string;
  /** The proposer is the region's Chief of Staff: the proposal is their endorsement. */
  endorsedByProposer: boolean;
}

function dateIssues(firstDay: string, lastDay: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [field, value] of [
    ['firstDay', firstDay],
    ['lastDay', lastDay],
  ] as const) {
    if (value.trim() === '') issues.push({ field, message: 'is required' });
    else if (!LocalDate.safeParse(value.trim()).success)
      issues.push({ field, message: 'must be a date, e.g. 2026-12-03' });
  }
  if (issues.length === 0 && lastDay.trim() < firstDay.trim())
    issues.push({ field: 'lastDay', message: 'must be on or after the first day' });
  return issues;
}

/**
 * Proposes a revisit of an open CoC. A Chief of Staff's proposal carries their endorsement.
 *
 * @example
 * proposeRevisit({ coc, number: 1, firstDay: '2026-12-01', lastDay: '2026-12-03', purpose, team, endorsedByProposer: false }, context)
 * //=> ok({ revisit: { id: 'BUC-1-R1', status: 'pendingCos', ... }, events: [revisit.proposed] })
 */
export function proposeRevisit(
  input: RevisitProposal,
  context: DecisionContext,
): Result<{ revisit: Revisit; events: AuditEvent[] }> {
  if (input.coc.status !== 'open') {
    return fail(
      'invalid-transition',
      `${input.coc.id} is closed: only an open cause of concern is revisited.`,
    );
  }
  const issues = dateIssues(input.firstDay, input.lastDay);
  const purpose = input.purpose.trim();
  const team = input.team.trim();
  if (purpose === '') issues.push({ field: 'purpose', message: 'is required' });
  if (team === '') issues.push({ field: 'team', message: 'is required' });
  if (issues.length > 0) return invalid(issues, 'Check the revisit’s dates, purpose and team.');

  const cosStep = input.endorsedByProposer
    ? { role: 'cos' as const, decision: 'approved' as const, by: context.actor.objectId, at: context.now }
    : { role: 'cos' as const };
  const parsed = Revisit.safeParse({
    id: revisitId(input.coc.id, input.number),
    cocId: input.coc.id,
    serviceCode: input.coc.serviceCode,
    firstDay: input.firstDay.trim(),
    lastDay: input.lastDay.trim(),
    purpose,
    team,
    proposedBy: context.actor.objectId,
    proposedAt: context.now,
    steps: [cosStep, { role: 'hmi' }],
    status: input.endorsedByProposer ? 'pendingHmi' : 'pendingCos',
    findings: [],
    updatedAt: context.now,
    updatedBy: context.actor.objectId,
  });
  if (!parsed.success) return invalidFromZod(parsed.error);
  const revisit = parsed.data;
  const events = [
    auditEvent(
      context,
      'revisit.proposed',
      subjectOf(revisit),
      [
        { field: 'firstDay', to: revisit.firstDay },
        { field: 'lastDay', to: revisit.lastDay },
        { field: 'team', to: revisit.team },
        { field: 'status', to: revisit.status },
      ],
      revisit.purpose,
    ),
    // A Chief of Staff who proposes has endorsed it (§20): history says so, as for any endorsement.
    ...(input.endorsedByProposer
      ? [
          auditEvent(context, 'revisit.endorsed', subjectOf(revisit), [
            { field: 'steps.0.decision', to: 'approved' },
          ]),
        ]
      : []),
  ];
  return ok({ revisit, events });
}

/** An approver's click on a revisit card: the step the card was for. */
export type RevisitCommand =
  { type: 'approve'; step: StepRole } | { type: 'refuse'; step: StepRole; reason: string };

/**
 * Endorses (Chief of Staff), approves (HM Inspector) or refuses a revisit at the step it waits at,
 * with the approval chain's separation of duties.
 */
export function decideRevisit(
  revisit: Revisit,
  command: RevisitCommand,
  context: DecisionContext,
): Result<{ revisit: Revisit; events: AuditEvent[] }> {
  const waiting = revisitWaitingStep(revisit);
  if (waiting !== command.step) {
    const decided = revisit.steps.find((s) => s.role === command.step && s.decision !== undefined);
    if (decided?.decision !== undefined || waiting === null) {
      const step = decided ?? revisit.steps.find((s) => s.decision !== undefined);
      const what = step?.decision === 'rejected' ? 'refused' : step?.role === 'cos' ? 'endorsed' : 'approved';
      return err({
        code: 'already-decided',
        decision: step?.decision ?? 'approved',
        reason: `This revisit has already been ${what} at the ${roleNames[step?.role ?? command.step]} step.`,
        ...(step?.by === undefined ? {} : { by: step.by }),
        ...(step?.onBehalfOf === undefined ? {} : { onBehalfOf: step.onBehalfOf }),
        ...(step?.at === undefined ? {} : { at: step.at }),
      });
    }
    return fail(
      'invalid-transition',
      `This revisit is waiting for the ${roleNames[waiting]}, not the ${roleNames[command.step]}.`,
    );
  }
  const decision = command.type === 'approve' ? 'approved' : 'rejected';
  const chained = decideChainStep(
    { requestedBy: revisit.proposedBy, steps: revisit.steps },
    command.step,
    {
      decision,
      reason: command.type === 'refuse' ? command.reason : undefined,
      verb: command.type === 'refuse' ? 'refuse' : command.step === 'cos' ? 'endorse' : 'approve',
    },
    context,
    { requested: 'proposed the revisit', reasonMissing: 'Give a reason for refusing the revisit.' },
  );
  if (!chained.ok) return chained;
  const { steps, next, reason, index } = chained.value;
  const status: RevisitStatus =
    decision === 'rejected' ? 'refused' : next === 'hmi' ? 'pendingHmi' : 'approved';
  const state = touched({ ...revisit, steps, status }, context);
  const action =
    decision === 'rejected'
      ? 'revisit.refused'
      : command.step === 'cos'
        ? 'revisit.endorsed'
        : 'revisit.approved';
  const event = auditEvent(
    context,
    action,
    subjectOf(revisit),
    [
      { field: `steps.${String(index)}.decision`, to: decision },
      { field: 'status', from: revisit.status, to: status },
    ],
    reason,
  );
  return ok({ revisit: state, events: [event] });
}

/** One finding as the SLL typed it. */
export interface FindingInput {
  recommendationId: string;
  rag: Rag;
  text: string;
}

/** What the SLL records after the revisit. */
export interface FindingsInput {
  initialFindingsDate: string;
  findings: readonly FindingInput[];
  nextSteps: string;
}

/** The revisit, the recommendations its findings touched, their progress updates and the events. */
export interface FindingsRecorded {
  revisit: Revisit;
  recommendations: Recommendation[];
  progressUpdates: ProgressUpdate[];
  events: AuditEvent[];
}

function findingsIssues(revisit: Revisit, input: FindingsInput, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const day = input.initialFindingsDate.trim();
  if (day === '') issues.push({ field: 'initialFindingsDate', message: 'is required' });
  else if (!LocalDate.safeParse(day).success)
    issues.push({ field: 'initialFindingsDate', message: 'must be a date, e.g. 2026-12-03' });
  else if (day < revisit.firstDay)
    issues.push({ field: 'initialFindingsDate', message: 'must be on or after the revisit’s first day' });
  else if (day > today) issues.push({ field: 'initialFindingsDate', message: 'can’t be in the future' });
  if (input.findings.length === 0)
    issues.push({ field: 'findings', message: 'must have at least one finding' });
  return issues;
}

/**
 * Records a revisit's initial findings: the day they were given, a finding per recommendation
 * (each added to the recommendation's progress as a revisit finding, with its RAG), and the next
 * steps. Only once the revisit is approved, and only once.
 */
export function recordRevisitFindings(
  revisit: Revisit,
  recommendations: readonly Recommendation[],
  input: FindingsInput,
  context: DecisionContext,
): Result<FindingsRecorded> {
  if (revisit.status !== 'approved') {
    return fail(
      'invalid-transition',
      `${revisit.id} is not approved (${revisitStatusNames[revisit.status].toLowerCase()}): findings are recorded after an approved revisit.`,
    );
  }
  if (revisit.initialFindingsDate !== undefined) {
    return fail('invalid-transition', `The findings of ${revisit.id} are already recorded.`);
  }
  const issues = findingsIssues(revisit, input, toLondonDate(context.now));
  const touchedRecommendations: Recommendation[] = [];
  const progressUpdates: ProgressUpdate[] = [];
  const findings: RevisitFinding[] = [];
  const events: AuditEvent[] = [];
  for (const finding of input.findings) {
    const recommendation = recommendations.find((r) => r.id === finding.recommendationId);
    if (!recommendation || recommendation.cocId !== revisit.cocId || recommendation.withdrawn) {
      issues.push({
        field: finding.recommendationId,
        message: `is not a recommendation of ${revisit.cocId}`,
      });
      continue;
    }
    const text = finding.text.trim();
    const decided = decideRecommendation(
      recommendation,
      {
        type: 'addProgress',
        text: `Revisit ${revisit.id}: ${text}`,
        rag: finding.rag,
        source: 'revisitFinding',
      },
      context,
    );
    if (!decided.ok) return decided;
    const update = decided.value.progressUpdate;
    if (!update) return fail('invalid-transition', `No finding was recorded for ${recommendation.id}.`);
    touchedRecommendations.push(decided.value.state);
    progressUpdates.push(update);
    events.push(...decided.value.events);
    findings.push({
      recommendationId: recommendation.id,
      rag: finding.rag,
      text,
      progressUpdateId: update.id,
    });
  }
  if (issues.length > 0)
    return invalid(issues, 'Give the day the initial findings were given and at least one finding.');
  const nextSteps = input.nextSteps.trim();
  const state = touched(
    {
      ...revisit,
      initialFindingsDate: input.initialFindingsDate.trim(),
      findings,
      ...(nextSteps === '' ? {} : { nextSteps }),
    },
    context,
  );
  const recorded = auditEvent(
    context,
    'revisit.findings-recorded',
    subjectOf(revisit),
    [
      { field: 'initialFindingsDate', to: state.initialFindingsDate },
      { field: 'findings', to: findings.map((f) => f.recommendationId) },
    ],
    nextSteps === '' ? undefined : `Next steps: ${nextSteps}`,
  );
  return ok({
    revisit: state,
    recommendations: touchedRecommendations,
    progressUpdates,
    events: [recorded, ...events],
  });
}

/** Keeps the drafted letter on the revisit, with its audit event. */
export function keepRevisitLetter(
  revisit: Revisit,
  letter: string,
  context: DecisionContext,
): { revisit: Revisit; events: AuditEvent[] } {
  const state = touched({ ...revisit, letter }, context);
  const event = auditEvent(
    context,
    'revisit.letter-drafted',
    subjectOf(revisit),
    [{ field: 'letter', to: `drafted on ${formatLongDate(toLondonDate(context.now))}` }],
    'The revisit letter was drafted for the HM Inspector to check, sign and send.',
  );
  return { revisit: state, events: [event] };
}

/** The days the HM Inspector's letter was sent and published, as typed ('' for not yet). */
export interface LetterDatesInput {
  sentDate: string;
  publishedDate: string;
}

/**
 * Records when the revisit letter was sent to the service and published (§21). A letter is
 * published no earlier than it is sent, and sent no earlier than the initial findings.
 */
export function recordRevisitLetterDates(
  revisit: Revisit,
  input: LetterDatesInput,
  context: DecisionContext,
): Result<{ revisit: Revisit; events: AuditEvent[] }> {
  if (revisit.letter === undefined) {
    return fail(
      'invalid-transition',
      `${revisit.id} has no letter yet: record the findings first and the letter will be drafted.`,
    );
  }
  const sent = input.sentDate.trim();
  const published = input.publishedDate.trim();
  const issues: FieldIssue[] = [];
  const today = toLondonDate(context.now);
  for (const [field, value] of [
    ['sentDate', sent],
    ['publishedDate', published],
  ] as const) {
    if (value === '') continue;
    if (!LocalDate.safeParse(value).success)
      issues.push({ field, message: 'must be a date, e.g. 2026-12-03' });
    else if (value > today) issues.push({ field, message: 'can’t be in the future' });
  }
  if (sent === '' && published === '') issues.push({ field: 'sentDate', message: 'is required' });
  if (issues.length === 0) {
    if (published !== '' && sent === '')
      issues.push({ field: 'sentDate', message: 'is required once the letter is published' });
    else if (published !== '' && published < sent)
      issues.push({ field: 'publishedDate', message: 'can’t be before the day it was sent' });
    else if (revisit.initialFindingsDate && sent !== '' && sent < revisit.initialFindingsDate)
      issues.push({ field: 'sentDate', message: 'can’t be before the initial findings were given' });
    else if (published === '' && revisit.letterPublishedDate && sent > revisit.letterPublishedDate)
      issues.push({
        field: 'sentDate',
        message: `can’t be after the day it was published (${formatLongDate(revisit.letterPublishedDate)})`,
      });
  }
  if (issues.length > 0) return invalid(issues, 'Check the letter’s dates.');
  const state = touched(
    {
      ...revisit,
      ...(sent === '' ? {} : { letterSentDate: sent }),
      ...(published === '' ? {} : { letterPublishedDate: published }),
    },
    context,
  );
  const changes = [
    ...(state.letterSentDate !== revisit.letterSentDate
      ? [{ field: 'letterSentDate', from: revisit.letterSentDate, to: state.letterSentDate }]
      : []),
    ...(state.letterPublishedDate !== revisit.letterPublishedDate
      ? [{ field: 'letterPublishedDate', from: revisit.letterPublishedDate, to: state.letterPublishedDate }]
      : []),
  ];
  if (changes.length === 0) return ok({ revisit, events: [] });
  return ok({
    revisit: state,
    events: [auditEvent(context, 'revisit.letter-dates-recorded', subjectOf(revisit), changes)],
  });
}
