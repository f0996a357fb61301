/**
 * The action plan's due date under each of the four rules, and whether it came on time, early or
 * late: working days under the working-day rule (a weekend or bank-holiday arrival counts from the
 * next working day), calendar days under the others.
 */
import { actionPlanDueDate, actionPlanTimeliness } from '../../../src/domain/clock';
import type { ActionPlanRule } from '../../../src/domain/records';

const letterDate = '2026-10-30'; // a Friday
const reportPublishedDate = '2026-11-04';

describe('the action plan due date', () => {
  it.each<[string, ActionPlanRule, string]>([
    ['28 working days from the letter', { kind: 'workingDaysFromLetter', days: 28 }, '2026-12-09'],
    ['28 days from the letter', { kind: 'daysFromLetter', days: 28 }, '2026-11-27'],
    ['28 days from publication', { kind: 'daysFromPublication', days: 28 }, '2026-12-02'],
    ['a fixed date', { kind: 'fixedDate', date: '2026-12-18' }, '2026-12-18'],
  ])('%s', (_rule, actionPlanRule, due) => {
    expect(actionPlanDueDate({ actionPlanRule, letterDate, reportPublishedDate })).toEqual({
      kind: 'due',
      dueDate: due,
    });
  });

  it('is not known under "28 days from the letter" until the letter is dated', () => {
    expect(actionPlanDueDate({ actionPlanRule: { kind: 'daysFromLetter', days: 28 } })).toEqual({
      kind: 'awaitingBaseDate',
      missing: 'letterDate',
    });
  });
});

describe('whether the action plan came on time', () => {
  const workingDays: ActionPlanRule = { kind: 'workingDaysFromLetter', days: 28 }; // due Wednesday 9 December 2026
  const calendarDays: ActionPlanRule = { kind: 'daysFromLetter', days: 28 }; // due Friday 27 November 2026

  it.each<[string, ActionPlanRule, string, number, 'working' | 'calendar']>([
    ['on the day', workingDays, '2026-12-09', 0, 'working'],
    ['two working days early', workingDays, '2026-12-07', -2, 'working'],
    ['the Friday after', workingDays, '2026-12-11', 2, 'working'],
    ['on the Saturday after: counted from Monday', workingDays, '2026-12-12', 3, 'working'],
    ['on the Sunday after: counted from Monday', workingDays, '2026-12-13', 3, 'working'],
    ['calendar days: the Monday after', calendarDays, '2026-11-30', 3, 'calendar'],
    ['calendar days: a week early', calendarDays, '2026-11-20', -7, 'calendar'],
  ])('%s', (_case, actionPlanRule, received, difference, unit) => {
    expect(
      actionPlanTimeliness({
        actionPlanRule,
        letterDate,
        reportPublishedDate,
        actionPlanReceivedDate: received,
      }),
    ).toMatchObject({ receivedDate: received, difference, unit });
  });

  it('counts a plan arriving on a bank holiday from the next working day', () => {
    // Due Wednesday 23 December 2026 (28 working days from 13 November); received on Boxing Day (Saturday),
    // with Christmas Day and the substitute Boxing Day (Monday 28 December) not working days.
    const timeliness = actionPlanTimeliness({
      actionPlanRule: workingDays,
      letterDate: '2026-11-13',
      actionPlanReceivedDate: '2026-12-26',
    });
    expect(timeliness).toMatchObject({ dueDate: '2026-12-23', difference: 2, unit: 'working' });
  });

  it('says nothing until the plan is received', () => {
    expect(actionPlanTimeliness({ actionPlanRule: workingDays, letterDate })).toBeUndefined();
  });
});
