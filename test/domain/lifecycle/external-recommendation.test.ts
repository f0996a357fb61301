import {
  createExternalRecommendation,
  decideClosureRequest,
  readExternalDraft,
  recordExternalProgress,
  requestClosure,
  type ClosureDecision,
  type ExternalDraftInput,
  type StepRole,
} from '../../../src/domain/lifecycle';
import { authorize, type Action } from '../../../src/domain/policy';
import type { Person } from '../../../src/domain/records';
import { aContext, aPerson, aRecommendation, people } from '../../support/builders';
import { expectError, expectOk } from '../../support/results';

const dpd = aPerson({ objectId: 'dpd-dana', name: 'Dana Brooks', roles: ['deputyPortfolioDirector'] });
const sro = aPerson({ objectId: 'sro-robin', name: 'Robin Hale', roles: ['sro'] });
const hmiAndSro = aPerson({
  objectId: 'hmi-sro',
  name: 'Alex Both',
  roles: ['hmi', 'sro'],
  regionId: 'central',
});
const external = aRecommendation({
  id: 'EXT-2',
  cocId: undefined,
  serviceCode: undefined,
  externalBody: 'Local Government Association',
  status: 'inProgress',
});
const evidence = { evidenceLinks: ['https://lga.example.org/offer.pdf'], validationNote: 'Read the offer.' };
const at = (person: Person, now: string) => aContext(person, { now });

const blank: ExternalDraftInput = {
  externalBody: 'Local Government Association',
  text: 'Offer peer challenge on culture.',
  targetDate: '2027-03-31',
  connectedCocId: '',
  hmi: '',
};

describe('reading the new-external form', () => {
  it.each([
    ['a complete form', {}, null],
    ['no body', { externalBody: '  ' }, 'externalBody is required'],
    [
      'a body of 201 characters',
      { externalBody: 'x'.repeat(201) },
      'externalBody must be at most 200 characters',
    ],
    ['no recommendation', { text: '' }, 'text is required'],
    ['no target date', { targetDate: '' }, 'targetDate is required'],
    ['30 February', { targetDate: '2027-02-30' }, 'targetDate must be a real date written YYYY-MM-DD'],
    [
      'a connected id that is not a CoC',
      { connectedCocId: 'BUC-1.2' },
      'connectedCocId must be the id of a cause of concern, like BUC-2',
    ],
    ['an HMI not offered', { hmi: 'someone-else' }, 'hmi must be one of the HM Inspectors listed'],
  ] as const)('%s', (_name, change, problem) => {
    const read = readExternalDraft({ ...blank, ...change }, ['hmi-alex']);
    if (problem === null)
      expect(expectOk(read)).toEqual({
        externalBody: blank.externalBody,
        text: blank.text,
        targetDate: blank.targetDate,
      });
    else {
      const error = expectError(read);
      const issues = error.code === 'validation' ? error.issues : [];
      expect(issues.map((i) => `${i.field} ${i.message}`)).toEqual([problem]);
    }
  });

  it('normalises a connected CoC typed in lower case, and keeps the chosen HMI', () => {
    expect(
      expectOk(readExternalDraft({ ...blank, connectedCocId: ' buc-2 ', hmi: 'hmi-alex' }, ['hmi-alex'])),
    ).toEqual({
      externalBody: 'Local Government Association',
      text: 'Offer peer challenge on culture.',
      targetDate: '2027-03-31',
      connectedCocId: 'BUC-2',
      hmi: 'hmi-alex',
    });
  });

  it('makes an open recommendation with no CoC and an audit event in the EXT partition', () => {
    const draft = expectOk(readExternalDraft({ ...blank, connectedCocId: 'BUC-2' }, []));
    const { record, events } = createExternalRecommendation(
      draft,
      'EXT-2',
      at(dpd, '2026-11-22T10:00:00.000Z'),
    );
    expect(record).toMatchObject({
      id: 'EXT-2',
      status: 'open',
      connectedCocId: 'BUC-2',
      originalTargetDate: '2027-03-31',
    });
    expect(record.cocId).toBeUndefined();
    expect(events.map((e) => [e.action, e.serviceCode, e.subject.id])).toEqual([
      ['external.added', 'EXT', 'EXT-2'],
    ]);
  });
});

describe('recording progress on a recommendation to an external body', () => {
  it.each([
    ['open', 'inProgress', ['recommendation.status-changed', 'recommendation.progress-added']],
    ['inProgress', 'inProgress', ['recommendation.progress-added']],
    ['inProgress', 'evidenceComplete', ['recommendation.status-changed', 'recommendation.progress-added']],
    ['evidenceComplete', '', ['recommendation.progress-added']],
  ] as const)('from %s to %s', (from, to, actions) => {
    const decided = expectOk(
      recordExternalProgress(
        { ...external, status: from },
        { text: 'Board agreed the offer.', rag: 'green', status: to },
        at(dpd, '2026-11-22T10:00:00.000Z'),
      ),
    );
    expect(decided.state.status).toBe(to === '' ? from : to);
    expect(decided.state.rag).toBe('green');
    expect(decided.events.map((e) => e.action)).toEqual(actions);
    expect(decided.progressUpdate).toMatchObject({
      serviceCode: 'EXT',
      subjectId: 'EXT-2',
      text: 'Board agreed the offer.',
    });
  });

  it.each([
    [{ text: '' }, 'text'],
    [{ rag: 'purple' }, 'rag'],
    [{ status: 'closed' }, 'status'],
  ])('refuses %p naming %s', (change, field) => {
    const error = expectError(
      recordExternalProgress(
        external,
        { text: 'Note', rag: '', status: '', ...change },
        at(dpd, '2026-11-22T10:00:00.000Z'),
      ),
    );
    expect(error.code === 'validation' ? error.issues.map((i) => i.field) : []).toEqual([field]);
  });
});

describe('closing a recommendation to an external body: an HM Inspector agrees, then the SRO closes', () => {
  function raised(): ClosureDecision {
    return expectOk(
      requestClosure(
        { target: { kind: 'recommendation', record: external }, ...evidence },
        at(dpd, '2026-11-22T09:00:00.000Z'),
      ),
    );
  }

  it('has the HMI and SRO steps and waits for the HMI first', () => {
    const { request, target, events } = raised();
    expect(request.steps.map((s) => s.role)).toEqual(['hmi', 'sro']);
    expect(request.status).toBe('pendingHmi');
    expect(request.serviceCode).toBe('EXT');
    expect(target.record.status).toBe('evidenceComplete');
    expect(events[0]?.changes).toEqual([{ field: 'status', to: 'pendingHmi' }]);
  });

  it.each<[string, StepRole, Person, string]>([
    [
      'the SRO before the HMI',
      'sro',
      sro,
      'This closure request is waiting for the HM Inspector, not the Senior Responsible Officer.',
    ],
    ['the requester as HMI', 'hmi', dpd, "You can't approve this: you requested the closure yourself."],
  ])('refuses %s', (_name, step, person, reason) => {
    const { request, target } = raised();
    const error = expectError(
      decideClosureRequest(
        request,
        target,
        { type: 'approve', step },
        at(person, '2026-11-23T09:00:00.000Z'),
      ),
    );
    expect(error.reason).toBe(reason);
  });

  it('moves evidence complete → (HMI agrees) evidence complete → (SRO closes) closed, and an HMI who is also SRO cannot do both', () => {
    const first = raised();
    const agreed = expectOk(
      decideClosureRequest(
        first.request,
        first.target,
        { type: 'approve', step: 'hmi' },
        at(hmiAndSro, '2026-11-23T09:00:00.000Z'),
      ),
    );
    expect(agreed.request.status).toBe('pendingSro');
    expect(agreed.target.record.status).toBe('evidenceComplete');
    const twice = expectError(
      decideClosureRequest(
        agreed.request,
        agreed.target,
        { type: 'approve', step: 'sro' },
        at(hmiAndSro, '2026-11-24T09:00:00.000Z'),
      ),
    );
    expect(twice.reason).toBe(
      "You can't approve this: you already decided the HM Inspector step of this request.",
    );
    const closed = expectOk(
      decideClosureRequest(
        agreed.request,
        agreed.target,
        { type: 'approve', step: 'sro' },
        at(sro, '2026-11-24T09:00:00.000Z'),
      ),
    );
    expect(closed.request.status).toBe('approved');
    expect(closed.target.record).toMatchObject({ status: 'closed', signedOffBy: 'sro-robin' });
  });

  it('sends it back in progress when the SRO rejects, with the reason', () => {
    const first = raised();
    const agreed = expectOk(
      decideClosureRequest(
        first.request,
        first.target,
        { type: 'approve', step: 'hmi' },
        at(people.hmi, '2026-11-23T09:00:00.000Z'),
      ),
    );
    const rejected = expectOk(
      decideClosureRequest(
        agreed.request,
        agreed.target,
        { type: 'reject', step: 'sro', reason: 'Not yet published.' },
        at(sro, '2026-11-24T09:00:00.000Z'),
      ),
    );
    expect(rejected.request.status).toBe('rejected');
    expect(rejected.target.record).toMatchObject({
      status: 'inProgress',
      lastRejection: { reason: 'Not yet published.' },
    });
  });
});

describe('who may act on a recommendation to an external body', () => {
  const target = { external: true };
  const context = { delegations: [], today: '2026-11-22' };
  it.each<[Action, Person, boolean]>([
    ['manageExternalRecommendation', dpd, true],
    ['manageExternalRecommendation', people.sll, false],
    ['manageExternalRecommendation', sro, false],
    ['addProgressNote', dpd, true],
    ['addProgressNote', people.sll, false],
    ['requestClosure', dpd, true],
    ['requestClosure', people.sll, false],
    ['decideClosureAsHmi', people.hmi, true],
    ['decideClosureAsHmi', dpd, false],
    ['decideClosureAsSro', sro, true],
    ['decideClosureAsSro', people.hmi, false],
    ['decideClosureAsSro', dpd, false],
    ['view', sro, true],
    ['viewReport', sro, true],
  ])('%s by %s: allowed %p', (action, person, allowed) => {
    expect(authorize(person, action, target, context).ok).toBe(allowed);
  });

  it('keeps the SRO out of a service’s records', () => {
    const result = authorize(
      sro,
      'view',
      { serviceCode: 'BUC', regionId: 'central' },
      { delegations: [], today: '2026-11-22' },
    );
    expect(result.ok).toBe(false);
  });
});
