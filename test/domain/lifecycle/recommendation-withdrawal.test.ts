/**
 * Recommendations added to and withdrawn from an open CoC: numbering never reuses an id, only an
 * open or in-progress recommendation can be withdrawn and only with a reason, a withdrawn one no
 * longer holds the CoC open, and it has no obligations any more.
 */
import { obligationsOf } from '../../../src/domain/clock';
import {
  addRecommendation,
  afterRecommendationsChanged,
  withdrawRecommendation,
} from '../../../src/domain/lifecycle';
import type { Recommendation, RecommendationStatus } from '../../../src/domain/records';
import { aCauseOfConcern, aContext, aRecommendation, people } from '../../support/builders';
import { expectError, expectOk } from '../../support/results';

const withdrawn = {
  reason: 'Dropped from the revised letter.',
  by: people.sll.objectId,
  at: '2023-08-01T10:00:00.000Z',
};

describe('adding a recommendation to a cause of concern', () => {
  it.each([
    [['BUC-1.1', 'BUC-1.2', 'BUC-1.3'], 'BUC-1.4'],
    [['BUC-1.1', 'BUC-1.2', 'BUC-1.10'], 'BUC-1.11'],
    [[], 'BUC-1.1'],
  ])('after %j numbers the next %s', (ids, expected) => {
    const existing = ids.map((id) => aRecommendation({ id }));
    const added = expectOk(
      addRecommendation(
        aCauseOfConcern(),
        existing,
        { text: 'A new one.', targetDate: '2024-01-31' },
        aContext(people.sll),
      ),
    );
    expect(added.recommendation).toMatchObject({
      id: expected,
      status: 'open',
      originalTargetDate: '2024-01-31',
    });
    expect(added.events.map((event) => event.action)).toEqual(['recommendation.added']);
  });

  it('counts a withdrawn recommendation, so its id is never given again', () => {
    const existing = [aRecommendation({ id: 'BUC-1.1' }), aRecommendation({ id: 'BUC-1.2', withdrawn })];
    const added = expectOk(
      addRecommendation(aCauseOfConcern(), existing, { text: 'Another.' }, aContext(people.sll)),
    );
    expect(added.recommendation.id).toBe('BUC-1.3');
  });

  it('refuses a closed cause of concern', () => {
    const refused = expectError(
      addRecommendation(aCauseOfConcern({ status: 'closed' }), [], { text: 'Late.' }, aContext(people.sll)),
    );
    expect(refused.reason).toContain('recommendations can be added only to an open cause of concern');
  });
});

describe('withdrawing a recommendation', () => {
  it.each<[RecommendationStatus, boolean]>([
    ['open', true],
    ['inProgress', true],
    ['evidenceComplete', false],
    ['cosRecommendedClosure', false],
    ['closed', false],
  ])('from %s: allowed %s', (status, allowed) => {
    const result = withdrawRecommendation(aRecommendation({ status }), 'Dropped.', aContext(people.sll));
    expect(result.ok).toBe(allowed);
  });

  it.each([[''], ['   ']])('needs a reason (%j refused, naming the field)', (reason) => {
    const refused = expectError(withdrawRecommendation(aRecommendation(), reason, aContext(people.sll)));
    expect(refused).toMatchObject({
      code: 'validation',
      issues: [{ field: 'reason', message: 'is required' }],
    });
  });

  it('refuses one already withdrawn', () => {
    const refused = expectError(
      withdrawRecommendation(aRecommendation({ withdrawn }), 'Again.', aContext(people.sll)),
    );
    expect(refused.reason).toBe('BUC-1.1 is already withdrawn.');
  });
});

describe('a withdrawn recommendation and its cause of concern', () => {
  const signedOff = (id: string): Recommendation => aRecommendation({ id, status: 'closed' });

  it.each<[string, Recommendation[], 'open' | 'closed']>([
    ['all signed off', [signedOff('BUC-1.1'), signedOff('BUC-1.2')], 'closed'],
    ['one open', [signedOff('BUC-1.1'), aRecommendation({ id: 'BUC-1.2', status: 'open' })], 'open'],
    [
      'the open one withdrawn',
      [signedOff('BUC-1.1'), aRecommendation({ id: 'BUC-1.2', status: 'open', withdrawn })],
      'closed',
    ],
    ['every one withdrawn', [aRecommendation({ id: 'BUC-1.1', withdrawn })], 'open'],
  ])('%s: the CoC is %s', (_case, recommendations, status) => {
    const after = afterRecommendationsChanged(aCauseOfConcern(), recommendations, aContext(people.hmi));
    expect(after.state.status).toBe(status);
  });

  it('has no target date to remind once withdrawn', () => {
    const coc = aCauseOfConcern();
    const kept = aRecommendation({ id: 'BUC-1.1', originalTargetDate: '2023-10-31' });
    const dropped = aRecommendation({ id: 'BUC-1.2', originalTargetDate: '2023-10-31', withdrawn });
    const subjects = obligationsOf({ coc, recommendations: [kept, dropped] }, '2023-09-04')
      .filter((obligation) => obligation.kind === 'targetDate')
      .map((obligation) => obligation.subjectId);
    expect(subjects).toEqual(['BUC-1.1']);
  });
});
