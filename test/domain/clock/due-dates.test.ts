import {
  actionPlanDueDate,
  currentTargetDate,
  engagementWindow,
  notificationDueDate,
  quarterlyUpdateDueDate,
  revisitDueDate,
  type ActionPlanDueInput,
} from '../../../src/domain/clock';
import { aRevision } from '../../support/builders';

describe('notificationDueDate', () => {
  it.each([
    // 10 Mar + 42 days: 21 days to 31 Mar, 21 more is 21 Apr.
    ['2023-03-10', '2023-04-21'],
    // 25 Nov + 42: 5 to 30 Nov, 31 in December (36), 6 Jan (42). Bank holidays do not matter.
    ['2022-11-25', '2023-01-06'],
    // 8 Sep + 42: 22 to 30 Sep, 20 Oct.
    ['2023-09-08', '2023-10-20'],
  ])('fieldwork ending %s means the letter must go by %s (6 weeks)', (fieldworkEnd, expected) => {
    expect(notificationDueDate(fieldworkEnd)).toBe(expected);
  });
});

describe('actionPlanDueDate', () => {
  it.each<[string, ActionPlanDueInput, string]>([
    // Thu 19 Oct 2023 + 28 working days (no bank holidays in between) is Tue 28 Nov 2023.
    [
      '28 working days after a letter of 19 October 2023',
      { actionPlanRule: { kind: 'workingDaysFromLetter', days: 28 }, letterDate: '2023-10-19' },
      '2023-11-28',
    ],
    // 19 Oct + 28 calendar days: 12 to 31 Oct, 16 Nov.
    [
      '28 days after publication on 19 October 2023',
      {
        actionPlanRule: { kind: 'daysFromPublication', days: 28 },
        reportPublishedDate: '2023-10-19',
        letterDate: '2023-10-02',
      },
      '2023-11-16',
    ],
    // Thu 20 Apr 2023 + 28 working days, skipping 1 May, 8 May (coronation), 29 May: Fri 2 Jun.
    [
      '28 working days across the coronation',
      { actionPlanRule: { kind: 'workingDaysFromLetter', days: 28 }, letterDate: '2023-04-20' },
      '2023-06-02',
    ],
    // Thu 1 Dec 2022 + 10 working days: 2 Dec = 1; 5-9 Dec = 2-6; 12-15 Dec = 7-10.
    [
      'a shorter working-day period set on the CoC',
      { actionPlanRule: { kind: 'workingDaysFromLetter', days: 10 }, letterDate: '2022-12-01' },
      '2022-12-15',
    ],
    [
      'a fixed date given in the letter',
      { actionPlanRule: { kind: 'fixedDate', date: '2023-06-30' }, letterDate: '2023-04-28' },
      '2023-06-30',
    ],
    [
      'a fixed date before any letter is recorded',
      { actionPlanRule: { kind: 'fixedDate', date: '2023-06-30' } },
      '2023-06-30',
    ],
  ])('%s is due %s', (_story, coc, expected) => {
    expect(actionPlanDueDate(coc)).toEqual({ kind: 'due', dueDate: expected });
  });

  it.each<[string, ActionPlanDueInput, 'letterDate' | 'reportPublishedDate']>([
    [
      'the working-day rule without a letter date',
      { actionPlanRule: { kind: 'workingDaysFromLetter', days: 28 } },
      'letterDate',
    ],
    [
      'the publication rule before the report is published',
      { actionPlanRule: { kind: 'daysFromPublication', days: 28 }, letterDate: '2023-10-19' },
      'reportPublishedDate',
    ],
  ])('says which date is missing for %s', (_story, coc, missing) => {
    expect(actionPlanDueDate(coc)).toEqual({ kind: 'awaitingBaseDate', missing });
  });

  it('counts extra holidays from configuration on the working-day rule', () => {
    // As the first row, with Mon 27 Nov 2023 declared a holiday: one day later, Wed 29 Nov.
    const coc: ActionPlanDueInput = {
      actionPlanRule: { kind: 'workingDaysFromLetter', days: 28 },
      letterDate: '2023-10-19',
    };
    expect(actionPlanDueDate(coc, { extraHolidays: ['2023-11-27'] })).toEqual({
      kind: 'due',
      dueDate: '2023-11-29',
    });
  });
});

describe('quarterlyUpdateDueDate', () => {
  it.each([
    ['2023-04-28', '2023-07-28'],
    ['2023-10-19', '2024-01-19'],
    ['2023-11-30', '2024-02-29'], // no 30 February: the last day of the month
  ])('after an update on %s the next is due %s', (last, expected) => {
    expect(quarterlyUpdateDueDate(last)).toBe(expected);
  });
});

describe('engagementWindow', () => {
  it.each([
    ['2023-04-28', '2023-07-28', '2023-10-28'],
    ['2023-08-31', '2023-11-30', '2024-02-29'],
  ])('after engaging on %s the next is due between %s and %s', (last, earliest, latest) => {
    expect(engagementWindow(last)).toEqual({ earliest, latest });
  });
});

describe('currentTargetDate', () => {
  it('is the original date when it was never revised', () => {
    expect(currentTargetDate({ originalTargetDate: '2023-09-30', targetDateRevisions: [] })).toBe(
      '2023-09-30',
    );
  });

  it('is the most recent revision', () => {
    const revisions = [
      aRevision('2023-12-31', '2023-09-01T10:00:00Z'),
      aRevision('2024-03-31', '2023-12-15T10:00:00Z'),
    ];
    expect(currentTargetDate({ originalTargetDate: '2023-09-30', targetDateRevisions: revisions })).toBe(
      '2024-03-31',
    );
  });

  it('goes by when a revision was made, not where it sits in the list', () => {
    const revisions = [
      aRevision('2024-03-31', '2023-12-15T10:00:00Z'),
      aRevision('2023-12-31', '2023-09-01T10:00:00Z'),
    ];
    expect(currentTargetDate({ originalTargetDate: '2023-09-30', targetDateRevisions: revisions })).toBe(
      '2024-03-31',
    );
  });

  it('is absent when no target date was agreed', () => {
    expect(currentTargetDate({ targetDateRevisions: [] })).toBeUndefined();
  });
});

describe('revisitDueDate', () => {
  it('is the date set on the CoC', () => {
    expect(revisitDueDate({ revisitDate: '2023-07-10' })).toBe('2023-07-10');
    expect(revisitDueDate({})).toBeUndefined();
  });
});
