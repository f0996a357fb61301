/**
 * Every dated obligation on one cause of concern (CoC) and its recommendations, in one list:
 * what the reminders sweep walks to decide whom to nudge and when.
 */
import type { CauseOfConcern, LocalDate, Recommendation, Revisit } from '../records';
import type { HolidayOptions } from './bank-holidays';
import {
  actionPlanDueDate,
  currentTargetDate,
  engagementWindow,
  monitoringStartDate,
  notificationDueDate,
  type ActionPlanDue,
  quarterlyUpdateDueDate,
  revisitDueDate,
} from './due-dates';
import { compareLocalDates, daysBetween } from './local-date';

/** The kinds of obligation, one per row of the clock table, in the order a list shows them. */
export const OBLIGATION_KINDS = [
  'notification',
  'actionPlan',
  'quarterlyUpdate',
  'engagement',
  'revisit',
  'targetDate',
] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

interface ObligationBase {
  /** The CoC id, or the recommendation id for `targetDate`. */
  subjectId: string;
  dueDate: LocalDate;
  /** Done: nothing to remind anyone about. Recurring obligations are never met; they roll on. */
  met: boolean;
  /** Signed whole days from today to `dueDate`; negative once it has passed. */
  daysUntilDue: number;
}

/** One dated obligation. An engagement also says from when it is expected (3 months). */
export type Obligation =
  | (ObligationBase & { kind: Exclude<ObligationKind, 'engagement'> })
  | (ObligationBase & { kind: 'engagement'; earliestDate: LocalDate });

/** A CoC, its recommendations, and the dates of the last recurring contacts. */
export interface ObligationInput {
  coc: Pick<
    CauseOfConcern,
    | 'id'
    | 'status'
    | 'publicSafetyRisk'
    | 'fieldworkEndDate'
    | 'letterDate'
    | 'reportPublishedDate'
    | 'actionPlanRule'
    | 'actionPlanReceivedDate'
    | 'revisitDate'
  >;
  /** The CoC's recommendations (the caller picks them; they are not filtered by `cocId`). */
  recommendations: readonly Pick<
    Recommendation,
    'id' | 'status' | 'originalTargetDate' | 'targetDateRevisions' | 'withdrawn'
  >[];
  /** When the Service Liaison Officer (SLO) last gave a progress update. */
  lastSloUpdateDate?: LocalDate;
  /** When the Service Liaison Lead (SLL) last engaged with the service about this CoC. */
  lastEngagementDate?: LocalDate;
  /** When a revisit finding was last recorded; meets the revisit if on or after `revisitDate`. */
  lastRevisitFindingDate?: LocalDate;
  /** The CoC's revisits (§17-21): each approved one is due on its last day until its findings are in. */
  revisits?: readonly Pick<Revisit, 'id' | 'status' | 'lastDay' | 'initialFindingsDate'>[];
}

/**
 * Lists the obligations of a CoC, earliest due first. Rules:
 * - a closed CoC has none;
 * - `notification` (public-safety CoCs only, §8): met once the letter date is recorded;
 * - `actionPlan` (§13): met once the plan's received date is recorded; left out while the date
 *   it counts from (letter or publication) is unknown;
 * - `quarterlyUpdate` and `engagement` (§13-14) count from the last SLO update or engagement,
 *   else from the letter date, else from publication; left out if none is known;
 * - `revisit`: when a revisit date is set on the CoC; and one per approved revisit (subject its id,
 *   e.g. `BUC-1-R1`), due on its last day and met once its initial findings are recorded (§20-21);
 * - `targetDate`: one per recommendation that is not closed and has a target date; met once
 *   the SLL has marked its evidence complete (what is left is the inspectorate's sign-off).
 *
 * @example
 * obligationsOf({ coc, recommendations: [] }, '2023-11-01')
 * //=> [{ kind: 'actionPlan', subjectId: 'BUC-1', dueDate: '2023-11-28', met: false, daysUntilDue: 27 }, ...]
 */
export function obligationsOf(
  input: ObligationInput,
  today: LocalDate,
  options: HolidayOptions = {},
): Obligation[] {
  const { coc } = input;
  if (coc.status === 'closed') return [];

  const obligations: Obligation[] = [];
  const add = (
    kind: Exclude<ObligationKind, 'engagement'>,
    subjectId: string,
    dueDate: LocalDate,
    met: boolean,
  ): void => {
    obligations.push({ kind, subjectId, dueDate, met, daysUntilDue: daysBetween(today, dueDate) });
  };

  if (coc.publicSafetyRisk) {
    add('notification', coc.id, notificationDueDate(coc.fieldworkEndDate), coc.letterDate !== undefined);
  }

  const actionPlan = actionPlanDueDate(coc, options);
  if (actionPlan.kind === 'due') {
    add('actionPlan', coc.id, actionPlan.dueDate, coc.actionPlanReceivedDate !== undefined);
  }

  const monitoringStart = monitoringStartDate(coc);
  const lastUpdate = input.lastSloUpdateDate ?? monitoringStart;
  if (lastUpdate !== undefined) {
    add('quarterlyUpdate', coc.id, quarterlyUpdateDueDate(lastUpdate), false);
  }

  const lastEngagement = input.lastEngagementDate ?? monitoringStart;
  if (lastEngagement !== undefined) {
    const window = engagementWindow(lastEngagement);
    obligations.push({
      kind: 'engagement',
      subjectId: coc.id,
      dueDate: window.latest,
      earliestDate: window.earliest,
      met: false,
      daysUntilDue: daysBetween(today, window.latest),
    });
  }

  const revisitDate = revisitDueDate(coc);
  if (revisitDate !== undefined) {
    const found = input.lastRevisitFindingDate;
    add('revisit', coc.id, revisitDate, found !== undefined && compareLocalDates(found, revisitDate) >= 0);
  }

  for (const revisit of input.revisits ?? []) {
    if (revisit.status !== 'approved') continue;
    add('revisit', revisit.id, revisit.lastDay, revisit.initialFindingsDate !== undefined);
  }

  for (const recommendation of input.recommendations) {
    if (recommendation.status === 'closed' || recommendation.withdrawn) continue;
    const target = currentTargetDate(recommendation);
    if (target === undefined) continue;
    const evidenceIn =
      recommendation.status === 'evidenceComplete' || recommendation.status === 'cosRecommendedClosure';
    add('targetDate', recommendation.id, target, evidenceIn);
  }

  return obligations.sort(
    (a, b) =>
      compareLocalDates(a.dueDate, b.dueDate) ||
      OBLIGATION_KINDS.indexOf(a.kind) - OBLIGATION_KINDS.indexOf(b.kind) ||
      a.subjectId.localeCompare(b.subjectId),
  );
}

/** A CoC's schedule: its obligations, and its action plan's due date or the date it still waits for. */
export interface CocSchedule {
  obligations: Obligation[];
  actionPlan: ActionPlanDue;
}

/**
 * The obligations of a CoC together with its action-plan rule's outcome, for cards that must say
 * "not known until the letter is sent" as well as the dates.
 *
 * @example
 * scheduleOf({ coc, recommendations: [] }, '2023-11-01').actionPlan //=> { kind: 'due', dueDate: '2023-11-28' }
 */
export function scheduleOf(
  input: ObligationInput,
  today: LocalDate,
  options: HolidayOptions = {},
): CocSchedule {
  return {
    obligations: obligationsOf(input, today, options),
    actionPlan: actionPlanDueDate(input.coc, options),
  };
}
