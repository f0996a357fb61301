import { cocDueDates, readCocForm, type CocFormInput } from '../../src/app/issue/issue-cause-of-concern';
import { extraDemoPeople, extraDemoDirectory } from '../../src/demo/extra-people';
import { demoDirectory, demoPeople } from '../../src/demo/people';
import type { CauseOfConcern, Service } from '../../src/domain/records';

const buckinghamshire: Service = {
  code: 'BUC',
  name: 'Buckinghamshire Fire and Rescue Service',
  regionId: 'central',
};
const people = [...demoDirectory, ...extraDemoDirectory];

function aForm(overrides: Partial<CocFormInput> = {}): CocFormInput {
  return {
    formId: 'form-1',
    serviceCode: 'BUC',
    title: 'Prevention work is not prioritised by risk',
    finding: 'Home fire safety checks do not reach the people most at risk.',
    pillar: 'effectiveness',
    publicSafetyRisk: false,
    fieldworkEndDate: '2023-03-10',
    letterDate: '2023-04-14',
    reportPublishedDate: '',
    actionPlanRule: 'workingDaysFromLetter',
    actionPlanFixedDate: '',
    recommendations: [
      { text: 'Target checks at the people most at risk.', targetDate: '2023-09-30' },
      { text: '', targetDate: '' },
    ],
    sll: demoPeople.sll.objectId,
    cos: demoPeople.cos.objectId,
    hmi: demoPeople.hmi.objectId,
    ...overrides,
  };
}

function issuesOf(form: CocFormInput): Record<string, string> {
  const result = readCocForm(form, buckinghamshire, people);
  if (result.ok || result.error.code !== 'validation') return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.field, issue.message]));
}

describe('reading the new cause of concern form', () => {
  it('turns a complete form into a new CoC, skipping empty recommendation slots', () => {
    const result = readCocForm(aForm(), buckinghamshire, people);

    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        serviceCode: 'BUC',
        pillar: 'effectiveness',
        letterDate: '2023-04-14',
        actionPlanRule: { kind: 'workingDaysFromLetter', days: 28 },
        owners: { sll: demoPeople.sll.objectId, cos: demoPeople.cos.objectId, hmi: demoPeople.hmi.objectId },
        recommendations: [{ text: 'Target checks at the people most at risk.', targetDate: '2023-09-30' }],
      }) as unknown,
    });
  });

  it.each<[string, Partial<CocFormInput>, string, string]>([
    ['a blank title', { title: '   ' }, 'title', 'Enter the title.'],
    [
      'a finding over 4000 characters',
      { finding: 'x'.repeat(4001) },
      'finding',
      'The finding must be at most 4000 characters; it has 4001.',
    ],
    ['no pillar', { pillar: '' }, 'pillar', 'Choose the pillar: effectiveness, efficiency or people.'],
    ['no fieldwork end date', { fieldworkEndDate: '' }, 'fieldworkEndDate', 'Enter the fieldwork end date.'],
    [
      'a date that does not exist',
      { letterDate: '2023-02-30' },
      'letterDate',
      'The letter date must be a real date.',
    ],
    [
      'a letter before fieldwork ended',
      { letterDate: '2023-03-01' },
      'letterDate',
      "The letter can't be dated before fieldwork ended.",
    ],
    [
      'an unknown action-plan rule',
      { actionPlanRule: 'whenever' },
      'actionPlanRule',
      'Choose when the action plan is due.',
    ],
    [
      'an SLL who does not cover the service',
      { sll: extraDemoPeople.sllNorth.objectId },
      'sll',
      'Riley Ahmed is not the Service Liaison Lead for Buckinghamshire Fire and Rescue Service.',
    ],
    [
      'an HMI who is not in the directory',
      { hmi: 'someone-else' },
      'hmi',
      'The HM Inspector must be someone in the CoC Monitor directory.',
    ],
  ])('names the field at fault for %s', (_story, overrides, field, message) => {
    expect(issuesOf(aForm(overrides))[field]).toBe(message);
  });

  it('accepts a title of exactly 200 characters', () => {
    expect(readCocForm(aForm({ title: 'x'.repeat(200) }), buckinghamshire, people).ok).toBe(true);
  });
});

describe('the due dates shown when a CoC is issued', () => {
  const coc: CauseOfConcern = {
    id: 'BUC-9',
    serviceCode: 'BUC',
    title: 'A title',
    finding: 'A finding',
    pillar: 'people',
    publicSafetyRisk: true,
    fieldworkEndDate: '2023-03-10',
    letterDate: '2023-03-31',
    actionPlanRule: { kind: 'workingDaysFromLetter', days: 28 },
    owners: { sll: 'a', cos: 'b', hmi: 'c' },
    status: 'open',
    createdAt: '2023-03-31T09:00:00.000Z',
    createdBy: 'a',
    updatedAt: '2023-03-31T09:00:00.000Z',
    updatedBy: 'a',
  };

  it('works out the letter, action plan, quarterly update and engagement dates (Easter and the coronation skipped)', () => {
    expect(cocDueDates(coc, '2023-04-01')).toEqual({
      notification: '2023-04-21',
      actionPlan: { kind: 'due', dueDate: '2023-05-16' },
      firstQuarterlyUpdate: '2023-06-30',
      engagement: { earliest: '2023-06-30', latest: '2023-09-30' },
    });
  });

  it('waits for the letter before the action plan and the quarterly updates can be dated', () => {
    const { letterDate: _none, ...withoutLetter } = coc;

    expect(cocDueDates({ ...withoutLetter, publicSafetyRisk: false }, '2023-04-01')).toEqual({
      actionPlan: { kind: 'awaitingBaseDate', missing: 'letterDate' },
    });
  });
});
