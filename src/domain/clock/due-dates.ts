/**
 * One function per row of the clock table (docs/domain-glossary.md, "The clock"): when each
 * obligation on a cause of concern (CoC) or recommendation falls due. All dates are `LocalDate`s in
 * Europe/London. Every other part of CoC Monitor takes its dates from here or from obligations.ts.
 */
import type { CauseOfConcern, LocalDate, Recommendation } from '../records';
import type { HolidayOptions } from './bank-holidays';
import { addCalendarDays, addCalendarMonths, daysBetween } from './local-date';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days';

/** §8: the letter about a public-safety CoC goes "no more than 6 weeks" after fieldwork ends. */
export const NOTIFICATION_WEEKS = 6;
/** §13: the Service Liaison Officer (SLO) updates the Service Liaison Lead (SLL) quarterly. */
export const QUARTERLY_UPDATE_MONTHS = 3;
/** §14: the SLL engages with the service about an open CoC "at least every 3 - 6 months". */
export const ENGAGEMENT_MONTHS = { earliest: 3, latest: 6 } as const;

/**
 * Last day for the letter notifying a service of a public-safety CoC: 6 weeks (42 calendar
 * days) after the inspection fieldwork ended (§8).
 *
 * @example
 * notificationDueDate('2023-03-10') //=> '2023-04-21'
 */
export function notificationDueDate(fieldworkEndDate: LocalDate): LocalDate {
  return addCalendarDays(fieldworkEndDate, NOTIFICATION_WEEKS * 7);
}

/** What `actionPlanDueDate` needs from a CoC. */
export type ActionPlanDueInput = Pick<
  CauseOfConcern,
  'actionPlanRule' | 'letterDate' | 'reportPublishedDate'
>;

/**
 * The action plan's due date, or which date must be recorded before it can be known
 * (the letter has not gone, or the report is not yet published).
 */
export type ActionPlanDue =
  | { kind: 'due'; dueDate: LocalDate }
  | { kind: 'awaitingBaseDate'; missing: 'letterDate' | 'reportPublishedDate' };

/**
 * When the service's action plan is due, by the rule stored on the CoC (§13 table):
 * - `workingDaysFromLetter`: `days` (normally 28) working days after the letter date;
 * - `daysFromPublication`: `days` (normally 28) calendar days after the report is published
 *   (published letters often say "within 28 days");
 * - `daysFromLetter`: `days` (normally 28) calendar days after the letter date ("within 28 days of
 *   the letter");
 * - `fixedDate`: the date the letter gives.
 *
 * @example
 * actionPlanDueDate({ actionPlanRule: { kind: 'workingDaysFromLetter', days: 28 }, letterDate: '2023-10-19' })
 * //=> { kind: 'due', dueDate: '2023-11-28' }
 * actionPlanDueDate({ actionPlanRule: { kind: 'daysFromPublication', days: 28 } })
 * //=> { kind: 'awaitingBaseDate', missing: 'reportPublishedDate' }
 */
export function actionPlanDueDate(coc: ActionPlanDueInput, options: HolidayOptions = {}): ActionPlanDue {
  const rule = coc.actionPlanRule;
  switch (rule.kind) {
    case 'workingDaysFromLetter':
      return coc.letterDate === undefined
        ? { kind: 'awaitingBaseDate', missing: 'letterDate' }
        : { kind: 'due', dueDate: addWorkingDays(coc.letterDate, rule.days, options) };
    case 'daysFromPublication':
      return coc.reportPublishedDate === undefined
        ? { kind: 'awaitingBaseDate', missing: 'reportPublishedDate' }
        : { kind: 'due', dueDate: addCalendarDays(coc.reportPublishedDate, rule.days) };
    case 'daysFromLetter':
      return coc.letterDate === undefined
        ? { kind: 'awaitingBaseDate', missing: 'letterDate' }
        : { kind: 'due', dueDate: addCalendarDays(coc.letterDate, rule.days) };
    case 'fixedDate':
      return { kind: 'due', dueDate: rule.date };
  }
}

/** How the action plan arrived against its due date. */
export interface ActionPlanTimeliness {
  dueDate: LocalDate;
  receivedDate: LocalDate;
  /** Positive when late, negative when early, 0 on time. */
  difference: number;
  /** Working days for the working-day rule, calendar days otherwise. */
  unit: 'working' | 'calendar';
}

/**
 * Whether the action plan came on time, early or late, and by how much: in working days under the
 * working-day rule (a plan that arrives on a weekend or bank holiday counts from the next working
 * day), in calendar days under the others. Undefined until it is received and its due date known.
 *
 * @example
 * actionPlanTimeliness({ actionPlanRule: { kind: 'workingDaysFromLetter', days: 28 }, letterDate: '2023-10-19', actionPlanReceivedDate: '2023-11-30' })
 * //=> { dueDate: '2023-11-28', receivedDate: '2023-11-30', difference: 2, unit: 'working' }
 */
export function actionPlanTimeliness(
  coc: ActionPlanDueInput & Pick<CauseOfConcern, 'actionPlanReceivedDate'>,
  options: HolidayOptions = {},
): ActionPlanTimeliness | undefined {
  const received = coc.actionPlanReceivedDate;
  const due = actionPlanDueDate(coc, options);
  if (received === undefined || due.kind !== 'due') return undefined;
  if (coc.actionPlanRule.kind !== 'workingDaysFromLetter') {
    return {
      dueDate: due.dueDate,
      receivedDate: received,
      difference: daysBetween(due.dueDate, received),
      unit: 'calendar',
    };
  }
  const counted = isWorkingDay(received, options) ? received : addWorkingDays(received, 1, options);
  return {
    dueDate: due.dueDate,
    receivedDate: received,
    difference: workingDaysBetween(due.dueDate, counted, options),
    unit: 'working',
  };
}

/**
 * The date monitoring of a CoC counts from: the letter, else the report's publication; undefined
 * while neither is known (§13-14).
 *
 * @example
 * monitoringStartDate({ letterDate: '2023-03-31', reportPublishedDate: '2023-05-01' }) //=> '2023-03-31'
 */
export function monitoringStartDate(
  coc: Pick<CauseOfConcern, 'letterDate' | 'reportPublishedDate'>,
): LocalDate | undefined {
  return coc.letterDate ?? coc.reportPublishedDate;
}

/**
 * When the SLO's next quarterly progress update is due: 3 calendar months after the last one
 * (or after monitoring started) (§13).
 *
 * @example
 * quarterlyUpdateDueDate('2023-04-28') //=> '2023-07-28'
 */
export function quarterlyUpdateDueDate(lastUpdateOrStart: LocalDate): LocalDate {
  return addCalendarMonths(lastUpdateOrStart, QUARTERLY_UPDATE_MONTHS);
}

/** The span in which the SLL's next engagement with the service should happen. */
export interface EngagementWindow {
  earliest: LocalDate;
  latest: LocalDate;
}

/**
 * When the SLL should next engage with the service about an open CoC: between 3 and 6
 * calendar months after the last engagement (§14).
 *
 * @example
 * engagementWindow('2023-04-28') //=> { earliest: '2023-07-28', latest: '2023-10-28' }
 */
export function engagementWindow(lastEngagement: LocalDate): EngagementWindow {
  return {
    earliest: addCalendarMonths(lastEngagement, ENGAGEMENT_MONTHS.earliest),
    latest: addCalendarMonths(lastEngagement, ENGAGEMENT_MONTHS.latest),
  };
}

/** What `currentTargetDate` needs from a recommendation. */
export type TargetDateInput = Pick<Recommendation, 'originalTargetDate' | 'targetDateRevisions'>;

/**
 * The target date that applies now: the most recent revision (by when it was made; among equal
 * times, the one recorded last), else the original date, else none. History is kept elsewhere.
 *
 * @example
 * currentTargetDate({ originalTargetDate: '2023-09-30', targetDateRevisions: [] }) //=> '2023-09-30'
 */
export function currentTargetDate(recommendation: TargetDateInput): LocalDate | undefined {
  let latest: { date: LocalDate; time: number } | undefined;
  for (const revision of recommendation.targetDateRevisions) {
    const time = new Date(revision.at).getTime();
    if (latest === undefined || time >= latest.time) latest = { date: revision.date, time };
  }
  return latest?.date ?? recommendation.originalTargetDate;
}

/**
 * When a public-safety CoC is to be revisited: set case by case and stored on the CoC
 * (§13, §17-18), so it is returned as it is.
 *
 * @example
 * revisitDueDate({ revisitDate: '2023-07-10' }) //=> '2023-07-10'
 */
export function revisitDueDate(coc: Pick<CauseOfConcern, 'revisitDate'>): LocalDate | undefined {
  return coc.revisitDate;
}
