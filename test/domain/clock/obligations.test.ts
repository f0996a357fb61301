import { obligationsOf } from '../../../src/domain/clock';
import type { CauseOfConcern, Recommendation } from '../../../src/domain/records';
import { aCauseOfConcern, aRecommendation, aRevision } from '../../support/builders';

/** The clock's story: a public-safety CoC whose fieldwork ended 8 September 2023 and letter went 19 October 2023. */
const theCoc = (overrides: Partial<CauseOfConcern> = {}): CauseOfConcern =>
  aCauseOfConcern({
    publicSafetyRisk: true,
    fieldworkEndDate: '2023-09-08',
    letterDate: '2023-10-19',
    checkCopySentDate: undefined,
    websitePublishedDate: undefined,
    ...overrides,
  });
/** An open recommendation of that CoC. */
const anOpenRecommendation = (overrides: Partial<Recommendation> = {}): Recommendation =>
  aRecommendation({ status: 'open', ...overrides });

describe('obligationsOf', () => {
  const today = '2023-11-22';

  it('lists every obligation of an open public-safety CoC, earliest first', () => {
    const coc = theCoc(); // fieldwork ended 8 Sep 2023, letter 19 Oct 2023
    const recommendations = [
      anOpenRecommendation({ id: 'BUC-1.1', originalTargetDate: '2024-03-31' }),
      anOpenRecommendation({
        id: 'BUC-1.2',
        status: 'evidenceComplete',
        originalTargetDate: '2023-12-31',
        targetDateRevisions: [aRevision('2024-02-29', '2023-11-01T10:00:00Z')],
      }),
      anOpenRecommendation({ id: 'BUC-1.3', status: 'closed', originalTargetDate: '2023-11-01' }),
      anOpenRecommendation({ id: 'BUC-1.4' }), // no target date agreed yet
    ];

    expect(obligationsOf({ coc, recommendations }, today)).toEqual([
      // 8 Sep + 6 weeks = 20 Oct; the letter went on 19 Oct. 20 Oct to 22 Nov is 33 days.
      { kind: 'notification', subjectId: 'BUC-1', dueDate: '2023-10-20', met: true, daysUntilDue: -33 },
      // 28 working days after 19 Oct 2023 (counted in working-days.test.ts).
      { kind: 'actionPlan', subjectId: 'BUC-1', dueDate: '2023-11-28', met: false, daysUntilDue: 6 },
      // No SLO update or engagement yet: both count from the letter of 19 Oct 2023.
      { kind: 'quarterlyUpdate', subjectId: 'BUC-1', dueDate: '2024-01-19', met: false, daysUntilDue: 58 },
      // The revised date applies; evidence is complete, so the service has met it.
      { kind: 'targetDate', subjectId: 'BUC-1.2', dueDate: '2024-02-29', met: true, daysUntilDue: 99 },
      { kind: 'targetDate', subjectId: 'BUC-1.1', dueDate: '2024-03-31', met: false, daysUntilDue: 130 },
      {
        kind: 'engagement',
        subjectId: 'BUC-1',
        dueDate: '2024-04-19',
        earliestDate: '2024-01-19',
        met: false,
        daysUntilDue: 149,
      },
    ]);
  });

  it('has nothing for a closed CoC', () => {
    const coc = theCoc({ status: 'closed', closedAt: '2024-06-01T09:00:00Z' });
    expect(
      obligationsOf(
        { coc, recommendations: [anOpenRecommendation({ originalTargetDate: '2024-03-31' })] },
        today,
      ),
    ).toEqual([]);
  });

  it('gives no notification deadline to a CoC that is not a public-safety risk', () => {
    const coc = theCoc({ publicSafetyRisk: false });
    const kinds = obligationsOf({ coc, recommendations: [] }, today).map((obligation) => obligation.kind);
    expect(kinds).toEqual(['actionPlan', 'quarterlyUpdate', 'engagement']);
  });

  it('shows the notification as unmet and overdue while no letter is recorded', () => {
    const coc = theCoc({ letterDate: undefined });
    expect(obligationsOf({ coc, recommendations: [] }, today)).toEqual([
      { kind: 'notification', subjectId: 'BUC-1', dueDate: '2023-10-20', met: false, daysUntilDue: -33 },
    ]);
  });

  it('marks the action plan met once it has been received', () => {
    const coc = theCoc({ actionPlanReceivedDate: '2023-11-24' });
    const actionPlan = obligationsOf({ coc, recommendations: [] }, today).find(
      (obligation) => obligation.kind === 'actionPlan',
    );
    expect(actionPlan).toMatchObject({ dueDate: '2023-11-28', met: true });
  });

  it('leaves out the action plan while the report it counts from is unpublished', () => {
    const coc = theCoc({ actionPlanRule: { kind: 'daysFromPublication', days: 28 } });
    const kinds = obligationsOf({ coc, recommendations: [] }, today).map((obligation) => obligation.kind);
    expect(kinds).not.toContain('actionPlan');
  });

  it('counts the quarterly update and engagement from the last ones recorded', () => {
    const coc = theCoc();
    const obligations = obligationsOf(
      { coc, recommendations: [], lastSloUpdateDate: '2023-11-30', lastEngagementDate: '2023-08-31' },
      today,
    );
    expect(obligations.find((obligation) => obligation.kind === 'quarterlyUpdate')?.dueDate).toBe(
      '2024-02-29',
    );
    expect(obligations.find((obligation) => obligation.kind === 'engagement')).toMatchObject({
      earliestDate: '2023-11-30',
      dueDate: '2024-02-29',
    });
  });

  it.each([
    [undefined, false],
    ['2023-07-03', false], // a finding from before this revisit
    ['2024-01-15', true],
  ])('treats the revisit as met when the last revisit finding is %s: %s', (lastRevisitFindingDate, met) => {
    const coc = theCoc({ revisitDate: '2024-01-15' });
    const revisit = obligationsOf({ coc, recommendations: [], lastRevisitFindingDate }, today).find(
      (obligation) => obligation.kind === 'revisit',
    );
    expect(revisit).toEqual({
      kind: 'revisit',
      subjectId: 'BUC-1',
      dueDate: '2024-01-15',
      met,
      daysUntilDue: 54,
    });
  });
});
