import {
  afterRecommendationsChanged,
  createCauseOfConcern,
  decideCauseOfConcern,
  reopenCauseOfConcern,
} from '../../../src/domain/lifecycle';
import {
  aCauseOfConcern,
  aContext,
  aNewCauseOfConcern,
  aRecommendation,
  people,
} from '../../support/builders';
import { expectError, expectOk } from '../../support/results';

const sll = aContext(people.sll);

describe('createCauseOfConcern', () => {
  it('issues an open CoC with its recommendations numbered in order', () => {
    const issued = expectOk(createCauseOfConcern(aNewCauseOfConcern(), sll));
    expect(issued.coc).toMatchObject({ id: 'BUC-1', status: 'open', createdBy: people.sll.objectId });
    expect(issued.recommendations.map((r) => [r.id, r.status, r.originalTargetDate])).toEqual([
      ['BUC-1.1', 'open', '2023-12-31'],
      ['BUC-1.2', 'open', undefined],
    ]);
    expect(issued.events.map((e) => [e.action, e.subject.id])).toEqual([
      ['coc.issued', 'BUC-1'],
      ['recommendation.issued', 'BUC-1.1'],
      ['recommendation.issued', 'BUC-1.2'],
    ]);
    expect(new Set(issued.events.map((e) => e.id)).size).toBe(3);
  });

  it('refuses a CoC without recommendations', () => {
    expect(expectError(createCauseOfConcern(aNewCauseOfConcern({ recommendations: [] }), sll))).toMatchObject(
      {
        code: 'validation',
        reason: 'A cause of concern needs at least one recommendation.',
      },
    );
  });

  it('refuses an id of another service', () => {
    expect(expectError(createCauseOfConcern(aNewCauseOfConcern({ id: 'HWF-1' }), sll)).code).toBe(
      'validation',
    );
  });

  it.each([
    ['the letter before fieldwork ended', { letterDate: '2023-03-09' }, 'letterDate'],
    ['the report before fieldwork ended', { reportPublishedDate: '2023-03-01' }, 'reportPublishedDate'],
    [
      'website publication before the check copy',
      { checkCopySentDate: '2023-04-20', websitePublishedDate: '2023-04-19' },
      'websitePublishedDate',
    ],
  ])('refuses dates out of order: %s', (_case, dates, field) => {
    const error = expectError(createCauseOfConcern(aNewCauseOfConcern(dates), sll));
    expect(error).toMatchObject({ code: 'validation', issues: [expect.objectContaining({ field })] });
  });

  it.each([
    ['letter on the last day of fieldwork', { letterDate: '2023-03-10' }],
    [
      'check copy and publication on the same day',
      { checkCopySentDate: '2023-04-28', websitePublishedDate: '2023-04-28' },
    ],
  ])('accepts dates on the same day: %s', (_case, dates) => {
    expect(createCauseOfConcern(aNewCauseOfConcern(dates), sll).ok).toBe(true);
  });
});

describe('decideCauseOfConcern', () => {
  it('records when the action plan arrived', () => {
    const { state, events } = expectOk(
      decideCauseOfConcern(aCauseOfConcern(), { type: 'recordActionPlanReceived', date: '2023-05-15' }, sll),
    );
    expect(state.actionPlanReceivedDate).toBe('2023-05-15');
    expect(events[0]).toMatchObject({
      action: 'coc.action-plan-received',
      changes: [{ field: 'actionPlanReceivedDate', from: undefined, to: '2023-05-15' }],
    });
  });

  it('edits fields and records each change', () => {
    const { state, events } = expectOk(
      decideCauseOfConcern(
        aCauseOfConcern(),
        { type: 'edit', changes: { title: 'Risk information', revisitDate: '2023-10-02' } },
        sll,
      ),
    );
    expect(state).toMatchObject({ title: 'Risk information', revisitDate: '2023-10-02' });
    expect(events[0]?.changes).toEqual([
      { field: 'title', from: 'Risk information for crews', to: 'Risk information' },
      { field: 'revisitDate', from: undefined, to: '2023-10-02' },
    ]);
  });

  it('refuses an edit that puts the dates out of order', () => {
    const error = expectError(
      decideCauseOfConcern(aCauseOfConcern(), { type: 'edit', changes: { letterDate: '2023-01-01' } }, sll),
    );
    expect(error.reason).toBe("The letter can't be dated before fieldwork ended.");
  });

  it('refuses to edit the status by hand', () => {
    const changes = { status: 'closed' } as unknown as { title: string };
    expect(expectError(decideCauseOfConcern(aCauseOfConcern(), { type: 'edit', changes }, sll)).code).toBe(
      'validation',
    );
  });
});

describe('afterRecommendationsChanged', () => {
  const hmi = aContext(people.hmi);
  const closed = (id: string) => aRecommendation({ id, status: 'closed' });

  it.each([
    [
      'one of two is still awaiting HMI sign-off',
      [closed('BUC-1.1'), aRecommendation({ id: 'BUC-1.2', status: 'cosRecommendedClosure' })],
    ],
    ['one of two is still open', [closed('BUC-1.1'), aRecommendation({ id: 'BUC-1.2', status: 'open' })]],
  ])('keeps the CoC open while %s', (_case, recommendations) => {
    expect(afterRecommendationsChanged(aCauseOfConcern(), recommendations, hmi)).toEqual({
      state: aCauseOfConcern(),
      events: [],
    });
  });

  it('closes the CoC when all its recommendations are signed off (§25)', () => {
    const { state, events } = afterRecommendationsChanged(
      aCauseOfConcern(),
      [closed('BUC-1.1'), closed('BUC-1.2')],
      hmi,
    );
    expect(state).toMatchObject({ status: 'closed', closedAt: '2023-09-04T10:00:00.000Z' });
    expect(events).toEqual([
      expect.objectContaining({ action: 'coc.closed', actor: people.hmi.objectId, cocId: 'BUC-1' }),
    ]);
  });

  it('ignores recommendations of other CoCs', () => {
    const other = aRecommendation({ id: 'BUC-2.1', cocId: 'BUC-2', status: 'open' });
    expect(afterRecommendationsChanged(aCauseOfConcern(), [closed('BUC-1.1'), other], hmi).state.status).toBe(
      'closed',
    );
  });

  it('reopens a closed CoC when one of its recommendations is open again', () => {
    const coc = aCauseOfConcern({ status: 'closed', closedAt: '2023-09-04T10:00:00.000Z' });
    const { state, events } = afterRecommendationsChanged(
      coc,
      [closed('BUC-1.1'), aRecommendation({ id: 'BUC-1.2' })],
      sll,
    );
    expect(state.status).toBe('open');
    expect(state.closedAt).toBeUndefined();
    expect(events[0]).toMatchObject({
      action: 'coc.reopened',
      note: 'Reopened because BUC-1.2 is open again.',
    });
  });
});

describe('reopenCauseOfConcern', () => {
  const closedCoc = aCauseOfConcern({ status: 'closed', closedAt: '2023-09-04T10:00:00.000Z' });
  const recommendations = [
    aRecommendation({ id: 'BUC-1.1', status: 'closed' }),
    aRecommendation({ id: 'BUC-1.2', status: 'closed' }),
  ];
  const finding = {
    recommendationIds: ['BUC-1.2'],
    text: 'Found again at the 2025 inspection.',
    evidenceLinks: ['https://example.org/r3.pdf'],
  };

  it('reopens a closed CoC found again at a later inspection (§27), with the new evidence', () => {
    const reopened = expectOk(reopenCauseOfConcern(closedCoc, recommendations, finding, sll));
    expect(reopened.coc.status).toBe('open');
    expect(reopened.recommendations.map((r) => [r.id, r.status])).toEqual([
      ['BUC-1.1', 'closed'],
      ['BUC-1.2', 'inProgress'],
    ]);
    expect(reopened.progressUpdates).toEqual([
      expect.objectContaining({ subjectId: 'BUC-1.2', source: 'laterInspection' }),
    ]);
    expect(reopened.events.map((e) => e.action)).toEqual(['recommendation.status-changed', 'coc.reopened']);
  });

  it('leaves an open CoC open and asks for the evidence as progress instead', () => {
    expect(expectError(reopenCauseOfConcern(aCauseOfConcern(), recommendations, finding, sll)).code).toBe(
      'invalid-transition',
    );
  });

  it('refuses a recommendation of another CoC', () => {
    const error = expectError(
      reopenCauseOfConcern(closedCoc, recommendations, { ...finding, recommendationIds: ['BUC-2.1'] }, sll),
    );
    expect(error).toMatchObject({ code: 'not-found', reason: 'BUC-2.1 is not a recommendation of BUC-1.' });
  });
});
