import { decideRecommendation, recommendationTransitions } from '../../../src/domain/lifecycle';
import type { RecommendationStatus } from '../../../src/domain/records';
import { aContext, aRecommendation, people } from '../../support/builders';
import { expectError, expectOk } from '../../support/results';

const sll = aContext(people.sll);
const statuses: RecommendationStatus[] = [
  'open',
  'inProgress',
  'evidenceComplete',
  'cosRecommendedClosure',
  'closed',
];

describe('decideRecommendation', () => {
  describe('setting the status by hand', () => {
    const byHand = new Set(
      recommendationTransitions.filter((t) => t.via === 'byHand').map((t) => `${t.from}->${t.to}`),
    );
    const pairs = statuses.flatMap((from) =>
      statuses.filter((to) => to !== from).map((to) => [from, to] as const),
    );

    it.each(pairs.filter(([from, to]) => byHand.has(`${from}->${to}`)))('allows %s -> %s', (from, to) => {
      const { state, events } = expectOk(
        decideRecommendation(aRecommendation({ status: from }), { type: 'setStatus', status: to }, sll),
      );
      expect(state.status).toBe(to);
      expect(state.updatedBy).toBe(people.sll.objectId);
      expect(events).toEqual([
        expect.objectContaining({
          action: 'recommendation.status-changed',
          actor: people.sll.objectId,
          subject: { kind: 'recommendation', id: 'BUC-1.1' },
          serviceCode: 'BUC',
          cocId: 'BUC-1',
          changes: [{ field: 'status', from, to }],
        }),
      ]);
    });

    it.each(pairs.filter(([from, to]) => !byHand.has(`${from}->${to}`)))('refuses %s -> %s', (from, to) => {
      const error = expectError(
        decideRecommendation(aRecommendation({ status: from }), { type: 'setStatus', status: to }, sll),
      );
      expect(error.code).toBe('invalid-transition');
      expect(error.reason).toContain('BUC-1.1');
    });

    it('explains that closing needs the approval chain', () => {
      const error = expectError(
        decideRecommendation(
          aRecommendation({ status: 'evidenceComplete' }),
          { type: 'setStatus', status: 'closed' },
          sll,
        ),
      );
      expect(error.reason).toMatch(
        /closure request approved by the Chief of Staff and signed off by the HM Inspector/,
      );
    });

    it('treats setting the same status as a no-op', () => {
      const recommendation = aRecommendation({ status: 'inProgress' });
      expect(
        expectOk(decideRecommendation(recommendation, { type: 'setStatus', status: 'inProgress' }, sll)),
      ).toEqual({
        state: recommendation,
        events: [],
      });
    });
  });

  describe('RAG status', () => {
    it('records the change from amber to green', () => {
      const { state, events } = expectOk(
        decideRecommendation(aRecommendation({ rag: 'amber' }), { type: 'setRag', rag: 'green' }, sll),
      );
      expect(state.rag).toBe('green');
      expect(events[0]?.changes).toEqual([{ field: 'rag', from: 'amber', to: 'green' }]);
    });

    it('refuses to change a signed-off recommendation', () => {
      expect(
        expectError(
          decideRecommendation(aRecommendation({ status: 'closed' }), { type: 'setRag', rag: 'red' }, sll),
        ).code,
      ).toBe('invalid-transition');
    });
  });

  describe('progress updates', () => {
    it('appends a progress update and shows it as the latest', () => {
      const decision = expectOk(
        decideRecommendation(
          aRecommendation(),
          {
            type: 'addProgress',
            text: 'MDT roll-out completed December 2020.',
            rag: 'green',
            evidenceLinks: ['https://example.org/mdt.pdf'],
            source: 'sloResponse',
          },
          aContext(people.slo),
        ),
      );
      expect(decision.progressUpdate).toEqual({
        id: 'id-1',
        subjectId: 'BUC-1.1',
        serviceCode: 'BUC',
        at: '2023-09-04T10:00:00.000Z',
        by: people.slo.objectId,
        rag: 'green',
        text: 'MDT roll-out completed December 2020.',
        evidenceLinks: ['https://example.org/mdt.pdf'],
        source: 'sloResponse',
      });
      expect(decision.state.latestUpdate).toMatchObject({
        id: 'id-1',
        text: 'MDT roll-out completed December 2020.',
      });
      expect(decision.state.rag).toBe('green');
      expect(decision.events[0]).toMatchObject({
        action: 'recommendation.progress-added',
        actor: people.slo.objectId,
      });
    });

    it.each([
      ['an empty note', '   ', []],
      ['a link that is not https', 'Policy revised.', ['http://example.org/policy.pdf']],
      ['something that is not a link', 'Policy revised.', ['the shared drive']],
    ])('refuses %s', (_case, text, evidenceLinks) => {
      const error = expectError(
        decideRecommendation(aRecommendation(), { type: 'addProgress', text, evidenceLinks }, sll),
      );
      expect(error.code).toBe('validation');
    });
  });

  describe('target dates', () => {
    it('sets the original target date the first time, without needing a reason', () => {
      const { state, events } = expectOk(
        decideRecommendation(aRecommendation(), { type: 'reviseTargetDate', date: '2024-03-31' }, sll),
      );
      expect(state.originalTargetDate).toBe('2024-03-31');
      expect(state.targetDateRevisions).toEqual([]);
      expect(events[0]?.action).toBe('recommendation.target-date-set');
    });

    it('keeps the original and every revision', () => {
      let recommendation = aRecommendation({ originalTargetDate: '2024-03-31' });
      recommendation = expectOk(
        decideRecommendation(
          recommendation,
          { type: 'reviseTargetDate', date: '2024-06-30', reason: 'Covid-19 delayed training.' },
          sll,
        ),
      ).state;
      recommendation = expectOk(
        decideRecommendation(
          recommendation,
          { type: 'reviseTargetDate', date: '2024-09-30', reason: 'Supplier late.' },
          aContext(people.sll, { now: '2023-10-02T08:00:00.000Z' }),
        ),
      ).state;
      expect(recommendation.originalTargetDate).toBe('2024-03-31');
      expect(recommendation.targetDateRevisions).toEqual([
        {
          date: '2024-06-30',
          reason: 'Covid-19 delayed training.',
          by: people.sll.objectId,
          at: '2023-09-04T10:00:00.000Z',
        },
        {
          date: '2024-09-30',
          reason: 'Supplier late.',
          by: people.sll.objectId,
          at: '2023-10-02T08:00:00.000Z',
        },
      ]);
    });

    it.each([
      ['no reason', { date: '2024-06-30' }, 'Give a reason for changing the target date.'],
      ['a blank reason', { date: '2024-06-30', reason: '  ' }, 'Give a reason for changing the target date.'],
      [
        'the same date',
        { date: '2024-03-31', reason: 'No change' },
        'The new target date is the same as the current one.',
      ],
      [
        'a date that does not exist',
        { date: '2024-02-30', reason: 'Typo' },
        'The target date is not a real date.',
      ],
    ])('refuses a revision with %s', (_case, input, reason) => {
      const error = expectError(
        decideRecommendation(
          aRecommendation({ originalTargetDate: '2024-03-31' }),
          { type: 'reviseTargetDate', ...input },
          sll,
        ),
      );
      expect(error).toMatchObject({ code: 'validation', reason });
    });
  });

  describe('the closure chain', () => {
    it('keeps the reason when closure is rejected', () => {
      const { state } = expectOk(
        decideRecommendation(
          aRecommendation({ status: 'cosRecommendedClosure' }),
          { type: 'rejectClosure', reason: 'Only one station audited.' },
          aContext(people.hmi),
        ),
      );
      expect(state.status).toBe('inProgress');
      expect(state.lastRejection).toEqual({
        reason: 'Only one station audited.',
        by: people.hmi.objectId,
        at: '2023-09-04T10:00:00.000Z',
      });
    });

    it('records who signed it off and when', () => {
      const { state } = expectOk(
        decideRecommendation(
          aRecommendation({ status: 'cosRecommendedClosure' }),
          { type: 'signOff' },
          aContext(people.hmi),
        ),
      );
      expect(state).toMatchObject({
        status: 'closed',
        signedOffBy: people.hmi.objectId,
        signedOffAt: '2023-09-04T10:00:00.000Z',
      });
    });

    it('refuses HMI sign-off before the Chief of Staff has recommended closure', () => {
      expect(
        expectError(
          decideRecommendation(
            aRecommendation({ status: 'evidenceComplete' }),
            { type: 'signOff' },
            aContext(people.hmi),
          ),
        ).code,
      ).toBe('invalid-transition');
    });

    it('reopens a signed-off recommendation found again at a later inspection, with the evidence', () => {
      const decision = expectOk(
        decideRecommendation(
          aRecommendation({
            status: 'closed',
            signedOffBy: people.hmi.objectId,
            signedOffAt: '2023-09-04T10:00:00.000Z',
          }),
          { type: 'reopenAfterInspection', text: 'Round 3 found risk information out of date again.' },
          sll,
        ),
      );
      expect(decision.state.status).toBe('inProgress');
      expect(decision.state.signedOffBy).toBeUndefined();
      expect(decision.progressUpdate).toMatchObject({
        source: 'laterInspection',
        text: 'Round 3 found risk information out of date again.',
      });
    });
  });
});
