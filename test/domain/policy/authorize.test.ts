import {
  actions,
  authorize,
  can,
  type Action,
  type PolicyContext,
  type Target,
} from '../../../src/domain/policy';
import type { Person } from '../../../src/domain/records';
import {
  aClosureRequest,
  aDelegation,
  aPerson,
  buckinghamshire,
  owners,
  people,
} from '../../support/builders';
import { expectError, expectOk } from '../../support/results';

type Who = keyof typeof people;
const noDelegations: PolicyContext = { delegations: [], today: '2023-09-04' };
const bucksRecord: Target = { ...buckinghamshire, owners };

/** Who may do each action to a Buckinghamshire record; everyone else is refused. */
const allowedOnBuckinghamshire: Record<Action, Who[]> = {
  view: ['sll', 'cos', 'hmi', 'slo', 'admin', 'deputyPortfolioDirector'],
  viewReport: ['sll', 'cos', 'hmi', 'slo', 'admin', 'deputyPortfolioDirector'],
  issueCoc: ['sll', 'admin'],
  editCoc: ['sll', 'admin'],
  recordIdentifiedAgain: ['sll'],
  updateRecommendation: ['sll', 'admin'],
  addRecommendation: ['sll', 'admin'],
  withdrawRecommendation: ['sll', 'admin'],
  addProgressNote: ['sll', 'slo'],
  reviseTargetDate: ['sll', 'admin'],
  recordActionPlan: ['sll', 'admin'],
  issueAfi: ['sll', 'admin'],
  markAfiComplete: ['sll'],
  closeAfi: ['cos'],
  requestClosure: ['sll'],
  withdrawClosure: ['sll', 'admin'],
  decideClosureAsCos: ['cos'],
  decideClosureAsHmi: ['hmi'],
  requestEngagement: ['sll'],
  answerEngagement: ['sll', 'slo'],
  registerChannel: ['sll', 'admin'],
  manageDirectory: ['admin'],
  runSweep: ['admin'],
  manageExternalRecommendation: ['admin', 'deputyPortfolioDirector'],
  proposeRevisit: ['sll', 'cos'],
  endorseRevisit: ['cos'],
  approveRevisit: ['hmi'],
  recordRevisitFindings: ['sll'],
  recordRevisitLetter: ['sll', 'hmi'],
  setMonitoringLevel: ['hmi'],
  decideClosureAsSro: [],
};

const everyone = Object.keys(people) as Who[];
const matrix = actions.flatMap((action) =>
  everyone.map((who) => [action, who, allowedOnBuckinghamshire[action].includes(who)] as const),
);

describe('authorize', () => {
  it.each(matrix)('%s on a Buckinghamshire record by %s: allowed %p', (action, who, allowed) => {
    const result = authorize(people[who], action, bucksRecord, noDelegations);
    expect(result.ok).toBe(allowed);
    if (!result.ok) {
      expect(result.error.code).toBe('not-allowed');
      expect(result.error.reason).toMatch(/^You can't .+: .+\.$/);
    }
  });

  it.each<[string, Person, Action, string]>([
    [
      'an SLL of another service',
      people.otherSll,
      'issueCoc',
      "You can't issue a cause of concern: you are not the Service Liaison Lead for Buckinghamshire Fire and Rescue Service.",
    ],
    [
      'an SLO changing a CoC',
      people.slo,
      'editCoc',
      "You can't change this cause of concern: as a Service Liaison Officer you can add progress notes and answer requests for updates for your own service, and see its records.",
    ],
    [
      'an SLO of another service',
      people.otherSlo,
      'addProgressNote',
      "You can't add a progress note here: you are not a Service Liaison Officer for Buckinghamshire Fire and Rescue Service.",
    ],
    [
      'a Chief of Staff of another region',
      people.otherCos,
      'decideClosureAsCos',
      "You can't decide this closure as Chief of Staff: you are not a Chief of Staff for the Central region, nor standing in for its Chief of Staff today.",
    ],
    [
      'a Chief of Staff issuing a CoC',
      people.cos,
      'issueCoc',
      "You can't issue a cause of concern: only the Service Liaison Lead for Buckinghamshire Fire and Rescue Service or an Administrator can.",
    ],
    [
      'an HMI managing the directory',
      people.hmi,
      'manageDirectory',
      "You can't manage the directory: only an Administrator can.",
    ],
  ])('tells %s why not', (_case, actor, action, reason) => {
    expect(expectError(authorize(actor, action, bucksRecord, noDelegations))).toEqual({
      code: 'not-allowed',
      reason,
    });
  });

  it('falls back to the service code when the target has no name', () => {
    const error = expectError(
      authorize(people.otherSll, 'editCoc', { serviceCode: 'BUC', regionId: 'central' }, noDelegations),
    );
    expect(error.reason).toBe(
      "You can't change this cause of concern: you are not the Service Liaison Lead for BUC.",
    );
  });

  it('lets no Chief of Staff decide for a service whose region was not given', () => {
    expect(can(people.cos, 'decideClosureAsCos', { serviceCode: 'BUC' }, noDelegations)).toBe(false);
  });

  describe('recommendations to external bodies (§31-32)', () => {
    const external: Target = { external: true };

    it.each<[Action, Who[]]>([
      ['updateRecommendation', ['deputyPortfolioDirector', 'admin']],
      ['addProgressNote', ['deputyPortfolioDirector']],
      ['requestClosure', ['deputyPortfolioDirector']],
      ['view', ['sll', 'otherSll', 'cos', 'otherCos', 'hmi', 'otherHmi', 'admin', 'deputyPortfolioDirector']],
      ['decideClosureAsHmi', ['hmi', 'otherHmi']],
    ])('%s is for %p', (action, allowed) => {
      const actual = everyone.filter((who) => can(people[who], action, external, noDelegations));
      expect(actual.sort()).toEqual([...allowed].sort());
    });
  });

  describe('delegation windows', () => {
    const standIn = aDelegation({ from: people.hmi.objectId, to: people.otherHmi.objectId, role: 'hmi' });

    it.each([
      ['the day before it starts', '2023-05-25', false],
      ['its first day', '2023-05-26', true],
      ['the middle', '2023-05-30', true],
      ['its last day', '2023-06-02', true],
      ['the day after it ends', '2023-06-03', false],
    ])('lets the stand-in sign off on %s: %p', (_case, today, allowed) => {
      const result = authorize(people.otherHmi, 'decideClosureAsHmi', bucksRecord, {
        delegations: [standIn],
        today,
      });
      expect(result.ok).toBe(allowed);
      if (result.ok) expect(result.value).toEqual({ onBehalfOf: people.hmi.objectId });
    });

    it.each([
      ['for the role in question', people.otherHmi, { ...standIn, role: 'cos' as const }],
      [
        "from the record's named approver",
        people.sll,
        { ...standIn, from: people.otherHmi.objectId, to: people.sll.objectId },
      ],
    ])('needs a delegation %s', (_case, person, delegation) => {
      expect(
        can(person, 'decideClosureAsHmi', bucksRecord, {
          delegations: [delegation],
          today: '2023-05-30',
        }),
      ).toBe(false);
    });

    it('lets a region member act in their own right, not on behalf of anyone', () => {
      expect(
        expectOk(
          authorize(people.hmi, 'decideClosureAsHmi', bucksRecord, {
            delegations: [standIn],
            today: '2023-05-30',
          }),
        ),
      ).toEqual({});
    });
  });

  describe('separation of duties', () => {
    const today = '2023-09-04';
    /** `to` standing in for `from` in `role` today. */
    const coverToday = (from: Person, to: Person, role: 'cos' | 'hmi') =>
      aDelegation({ from: from.objectId, to: to.objectId, role, startDate: today, endDate: today });

    it('refuses an SLL standing in for the Chief of Staff on their own request', () => {
      const cover = coverToday(people.cos, people.sll, 'cos');
      const target = { ...bucksRecord, closureRequest: aClosureRequest() };
      expect(
        expectError(authorize(people.sll, 'decideClosureAsCos', target, { delegations: [cover], today })),
      ).toEqual({
        code: 'separation-of-duties',
        reason: "You can't decide this: you requested the closure yourself.",
      });
    });

    it('refuses someone who is both SLL and Chief of Staff deciding their own request', () => {
      const both = aPerson({
        objectId: people.sll.objectId,
        roles: ['sll', 'cos'],
        regionId: 'central',
        serviceCodes: ['BUC'],
      });
      const target = { ...bucksRecord, closureRequest: aClosureRequest() };
      expect(expectError(authorize(both, 'decideClosureAsCos', target, noDelegations)).code).toBe(
        'separation-of-duties',
      );
    });

    it('refuses the Chief of Staff who approved acting again as the HMI delegate', () => {
      const cover = coverToday(people.hmi, people.cos, 'hmi');
      const request = aClosureRequest({
        status: 'pendingHmi',
        steps: [
          { role: 'cos', decision: 'approved', by: people.cos.objectId, at: '2023-09-01T10:00:00.000Z' },
          { role: 'hmi' },
        ],
      });
      const result = authorize(
        people.cos,
        'decideClosureAsHmi',
        { ...bucksRecord, closureRequest: request },
        { delegations: [cover], today },
      );
      expect(expectError(result)).toEqual({
        code: 'separation-of-duties',
        reason: "You can't decide this: you already decided the Chief of Staff step of this request.",
      });
    });

    it('allows the HMI to sign off a request the Chief of Staff approved', () => {
      const request = aClosureRequest({
        status: 'pendingHmi',
        steps: [
          { role: 'cos', decision: 'approved', by: people.cos.objectId, at: '2023-09-01T10:00:00.000Z' },
          { role: 'hmi' },
        ],
      });
      expect(
        can(people.hmi, 'decideClosureAsHmi', { ...bucksRecord, closureRequest: request }, noDelegations),
      ).toBe(true);
    });
  });
});
