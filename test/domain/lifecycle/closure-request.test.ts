import {
  afterRecommendationsChanged,
  decideClosureRequest,
  requestClosure,
  type ClosureDecision,
  type ClosureTarget,
  type StepRole,
} from '../../../src/domain/lifecycle';
import type { Recommendation } from '../../../src/domain/records';
import {
  aCauseOfConcern,
  aClosureRequest,
  aContext,
  anAreaForImprovement,
  aRecommendation,
  people,
} from '../../support/builders';
import { expectError, expectOk } from '../../support/results';

const evidence = {
  evidenceLinks: ['https://example.org/evidence/risk-info-audit.pdf'],
  validationNote: 'Dip-sampled 20 premises; all risk information on the MDTs within 24 hours.',
};
const sll = aContext(people.sll, { now: '2023-09-01T09:00:00.000Z' });
const cos = aContext(people.cos, { now: '2023-09-04T10:00:00.000Z' });
const hmi = aContext(people.hmi, { now: '2023-09-11T14:30:00.000Z' });

function asRecommendation(target: ClosureTarget): Recommendation {
  if (target.kind !== 'recommendation') throw new Error('expected a recommendation');
  return target.record;
}

function requested(recommendation = aRecommendation()): ClosureDecision {
  return expectOk(
    requestClosure({ target: { kind: 'recommendation', record: recommendation }, ...evidence }, sll),
  );
}

function approvedByCos(): ClosureDecision {
  const first = requested();
  return expectOk(decideClosureRequest(first.request, first.target, { type: 'approve', step: 'cos' }, cos));
}

describe('requestClosure', () => {
  it('raises a request waiting for the Chief of Staff and marks the evidence complete', () => {
    const { request, target, events } = requested();
    expect(request).toMatchObject({
      subject: { kind: 'recommendation', id: 'BUC-1.1' },
      serviceCode: 'BUC',
      cocId: 'BUC-1',
      requestedBy: people.sll.objectId,
      steps: [{ role: 'cos' }, { role: 'hmi' }],
      status: 'pendingCos',
    });
    expect(asRecommendation(target).status).toBe('evidenceComplete');
    expect(events.map((e) => e.action)).toEqual(['closure.requested', 'recommendation.status-changed']);
  });

  it('accepts a recommendation the SLL already marked evidence complete', () => {
    const { target, events } = requested(aRecommendation({ status: 'evidenceComplete' }));
    expect(asRecommendation(target).status).toBe('evidenceComplete');
    expect(events.map((e) => e.action)).toEqual(['closure.requested']);
  });

  it.each([
    ['no evidence link', { evidenceLinks: [] }],
    ['no validation note', { validationNote: '  ' }],
    ['a link that is not https', { evidenceLinks: ['http://example.org/a.pdf'] }],
  ])('refuses a recommendation closure with %s', (_case, overrides) => {
    const error = expectError(
      requestClosure(
        { target: { kind: 'recommendation', record: aRecommendation() }, ...evidence, ...overrides },
        sll,
      ),
    );
    expect(error.code).toBe('validation');
  });

  it.each([
    ['open', /still open/],
    ['cosRecommendedClosure', /already waiting for the HM Inspector/],
    ['closed', /already signed off/],
  ] as const)('refuses a recommendation that is %s', (status, reason) => {
    const error = expectError(
      requestClosure(
        { target: { kind: 'recommendation', record: aRecommendation({ status }) }, ...evidence },
        sll,
      ),
    );
    expect(error.code).toBe('invalid-transition');
    expect(error.reason).toMatch(reason);
  });
});

describe('decideClosureRequest', () => {
  it('takes a recommendation all the way to closed, and the CoC closes only when all are closed', () => {
    const afterCos = approvedByCos();
    expect(afterCos.request.status).toBe('pendingHmi');
    expect(asRecommendation(afterCos.target).status).toBe('cosRecommendedClosure');

    const afterHmi = expectOk(
      decideClosureRequest(afterCos.request, afterCos.target, { type: 'approve', step: 'hmi' }, hmi),
    );
    expect(afterHmi.request.status).toBe('approved');
    expect(afterHmi.request.steps).toEqual([
      { role: 'cos', decision: 'approved', by: people.cos.objectId, at: '2023-09-04T10:00:00.000Z' },
      { role: 'hmi', decision: 'approved', by: people.hmi.objectId, at: '2023-09-11T14:30:00.000Z' },
    ]);
    const signedOff = asRecommendation(afterHmi.target);
    expect(signedOff).toMatchObject({ status: 'closed', signedOffBy: people.hmi.objectId });

    const coc = aCauseOfConcern();
    const stillOpen = afterRecommendationsChanged(coc, [signedOff, aRecommendation({ id: 'BUC-1.2' })], hmi);
    expect(stillOpen.state.status).toBe('open');
    const closed = afterRecommendationsChanged(
      coc,
      [signedOff, aRecommendation({ id: 'BUC-1.2', status: 'closed' })],
      hmi,
    );
    expect(closed.state.status).toBe('closed');
  });

  it.each<[StepRole, () => ClosureDecision, typeof cos]>([
    ['cos', requested, cos],
    ['hmi', approvedByCos, hmi],
  ])(
    'returns the recommendation to in progress with the reason when rejected at the %s step',
    (step, before, context) => {
      const { request, target } = before();
      const decided = expectOk(
        decideClosureRequest(
          request,
          target,
          { type: 'reject', step, reason: 'Evidence covers only one station.' },
          context,
        ),
      );
      expect(decided.request.status).toBe('rejected');
      expect(decided.request.steps.find((s) => s.role === step)).toMatchObject({
        decision: 'rejected',
        reason: 'Evidence covers only one station.',
      });
      expect(asRecommendation(decided.target)).toMatchObject({
        status: 'inProgress',
        lastRejection: {
          reason: 'Evidence covers only one station.',
          by: context.actor.objectId,
          at: context.now,
        },
      });
      expect(decided.events.map((e) => e.action)).toEqual([
        'closure.rejected',
        'recommendation.status-changed',
      ]);
    },
  );

  it('needs a reason to reject', () => {
    const { request, target } = requested();
    expect(
      expectError(decideClosureRequest(request, target, { type: 'reject', step: 'cos', reason: ' ' }, cos))
        .code,
    ).toBe('validation');
  });

  describe('a second decision on the same step', () => {
    it('says who already approved it and when', () => {
      const { request, target } = approvedByCos();
      const secondCos = aContext({ ...people.cos, objectId: 'cos-other-central' });
      expect(
        expectError(decideClosureRequest(request, target, { type: 'approve', step: 'cos' }, secondCos)),
      ).toEqual({
        code: 'already-decided',
        decision: 'approved',
        by: people.cos.objectId,
        at: '2023-09-04T10:00:00.000Z',
        reason: 'This has already been approved at the Chief of Staff step.',
      });
    });

    it('says who rejected it when an HMI answers a request rejected by the Chief of Staff', () => {
      const first = requested();
      const rejected = expectOk(
        decideClosureRequest(
          first.request,
          first.target,
          { type: 'reject', step: 'cos', reason: 'Not yet.' },
          cos,
        ),
      );
      expect(
        expectError(
          decideClosureRequest(rejected.request, rejected.target, { type: 'approve', step: 'hmi' }, hmi),
        ),
      ).toMatchObject({
        code: 'already-decided',
        decision: 'rejected',
        by: people.cos.objectId,
      });
    });

    it('says it was withdrawn', () => {
      const first = requested();
      const withdrawn = expectOk(
        decideClosureRequest(first.request, first.target, { type: 'withdraw' }, sll),
      );
      expect(
        expectError(
          decideClosureRequest(withdrawn.request, withdrawn.target, { type: 'approve', step: 'cos' }, cos),
        ),
      ).toMatchObject({
        code: 'already-decided',
        decision: 'withdrawn',
      });
    });
  });

  it('refuses HMI sign-off while the request still waits for the Chief of Staff', () => {
    const { request, target } = requested();
    expect(
      expectError(decideClosureRequest(request, target, { type: 'approve', step: 'hmi' }, hmi)),
    ).toMatchObject({
      code: 'invalid-transition',
      reason: 'This closure request is waiting for the Chief of Staff, not the HM Inspector.',
    });
  });

  describe('separation of duties', () => {
    it('rejects approval by the requester', () => {
      const { request, target } = requested();
      expect(
        expectError(
          decideClosureRequest(request, target, { type: 'approve', step: 'cos' }, aContext(people.sll)),
        ),
      ).toEqual({
        code: 'separation-of-duties',
        reason: "You can't approve this: you requested the closure yourself.",
      });
    });

    it('rejects the Chief of Staff who approved acting again as the HMI delegate', () => {
      const { request, target } = approvedByCos();
      const asDelegate = aContext(people.cos, { onBehalfOf: people.hmi.objectId });
      expect(
        expectError(decideClosureRequest(request, target, { type: 'approve', step: 'hmi' }, asDelegate)),
      ).toEqual({
        code: 'separation-of-duties',
        reason: "You can't approve this: you already decided the Chief of Staff step of this request.",
      });
    });

    it('rejects the HMI acting on behalf of the person who approved the first step', () => {
      const { request, target } = approvedByCos();
      const forCos = aContext(people.otherHmi, { onBehalfOf: people.cos.objectId });
      expect(
        expectError(
          decideClosureRequest(request, target, { type: 'reject', step: 'hmi', reason: 'No.' }, forCos),
        ).code,
      ).toBe('separation-of-duties');
    });

    it('records the delegation on the step', () => {
      const { request, target } = approvedByCos();
      const standIn = aContext(people.otherHmi, { onBehalfOf: people.hmi.objectId });
      const decided = expectOk(
        decideClosureRequest(request, target, { type: 'approve', step: 'hmi' }, standIn),
      );
      expect(decided.request.steps[1]).toMatchObject({
        by: people.otherHmi.objectId,
        onBehalfOf: people.hmi.objectId,
      });
      expect(decided.events.every((e) => e.onBehalfOf === people.hmi.objectId)).toBe(true);
    });
  });

  it('withdraws a request and returns the recommendation to in progress', () => {
    const { request, target } = approvedByCos();
    const withdrawn = expectOk(decideClosureRequest(request, target, { type: 'withdraw' }, sll));
    expect(withdrawn.request.status).toBe('withdrawn');
    expect(asRecommendation(withdrawn.target).status).toBe('inProgress');
  });

  it('refuses a request about a different record', () => {
    const target: ClosureTarget = {
      kind: 'recommendation',
      record: aRecommendation({ id: 'BUC-1.2', status: 'evidenceComplete' }),
    };
    expect(
      expectError(decideClosureRequest(aClosureRequest(), target, { type: 'approve', step: 'cos' }, cos))
        .code,
    ).toBe('conflict');
  });

  describe('for an area for improvement', () => {
    const afiTarget: ClosureTarget = { kind: 'afi', record: anAreaForImprovement() };

    it('needs only the Chief of Staff, who closes it', () => {
      const raised = expectOk(
        requestClosure({ target: afiTarget, evidenceLinks: [], validationNote: '' }, sll),
      );
      expect(raised.request.steps).toEqual([{ role: 'cos' }]);
      expect(raised.target.record.status).toBe('complete');
      const approved = expectOk(
        decideClosureRequest(raised.request, raised.target, { type: 'approve', step: 'cos' }, cos),
      );
      expect(approved.request.status).toBe('approved');
      expect(approved.target.record).toMatchObject({ status: 'closed', closedBy: people.cos.objectId });
    });

    it('goes back to open when the Chief of Staff rejects', () => {
      const raised = expectOk(
        requestClosure({ target: afiTarget, evidenceLinks: [], validationNote: '' }, sll),
      );
      const rejected = expectOk(
        decideClosureRequest(
          raised.request,
          raised.target,
          { type: 'reject', step: 'cos', reason: 'Not evaluated yet.' },
          cos,
        ),
      );
      expect(rejected.target.record.status).toBe('open');
      expect(rejected.events[0]?.note).toBe('Not evaluated yet.');
    });
  });
});
