import { obligationsOf } from '../../../src/domain/clock';
import {
  approvalConflict,
  decideRevisit,
  draftRevisitLetter,
  nextRevisitNumber,
  proposeRevisit,
  recordRevisitFindings,
  recordRevisitLetterDates,
  letterAddressees,
  type RevisitCommand,
} from '../../../src/domain/lifecycle';
import type { ApprovalStep, Person, Revisit, RevisitStatus } from '../../../src/domain/records';
import { aCauseOfConcern, aContext, aRecommendation, aService, people } from '../../support/builders';
import { expectError, expectOk } from '../../support/results';

const coc = aCauseOfConcern();
const proposal = {
  coc,
  number: 1,
  firstDay: '2023-10-02',
  lastDay: '2023-10-04',
  purpose: 'Check crews can get risk information quickly.',
  team: 'Sam Patel and two inspectors',
  endorsedByProposer: false,
};

/** A revisit of BUC-1 proposed by the SLL, at `status`, with the steps decided so far. */
function aRevisit(overrides: Partial<Revisit> = {}): Revisit {
  return {
    ...expectOk(proposeRevisit(proposal, aContext(people.sll))).revisit,
    ...overrides,
  };
}

const endorsed: ApprovalStep[] = [
  { role: 'cos', decision: 'approved', by: people.cos.objectId, at: '2023-09-05T10:00:00.000Z' },
  { role: 'hmi' },
];
const approvedSteps: ApprovalStep[] = [
  endorsed[0] as ApprovalStep,
  { role: 'hmi', decision: 'approved', by: people.hmi.objectId, at: '2023-09-06T10:00:00.000Z' },
];

describe('proposeRevisit', () => {
  it.each<[string, Partial<typeof proposal>, string[]]>([
    ['a proposal with everything', {}, []],
    ['a one-day revisit', { lastDay: '2023-10-02' }, []],
    ['no first day', { firstDay: '' }, ['firstDay']],
    ['a last day before the first', { lastDay: '2023-10-01' }, ['lastDay']],
    ['a date that is not one', { firstDay: '2023-02-30' }, ['firstDay']],
    ['no purpose or team', { purpose: '  ', team: '' }, ['purpose', 'team']],
  ])('checks %s', (_case, change, fields) => {
    const result = proposeRevisit({ ...proposal, ...change }, aContext(people.sll));
    if (fields.length === 0) expect(result.ok).toBe(true);
    else {
      const error = expectError(result);
      expect(error.code === 'validation' ? error.issues.map((i) => i.field) : []).toEqual(fields);
    }
  });

  it.each<[string, Person, boolean, RevisitStatus, ApprovalStep['decision'], string[]]>([
    ['the SLL', people.sll, false, 'pendingCos', undefined, ['revisit.proposed']],
    [
      'the Chief of Staff, whose proposal is their endorsement',
      people.cos,
      true,
      'pendingHmi',
      'approved',
      ['revisit.proposed', 'revisit.endorsed'],
    ],
  ])(
    'numbers the revisit and sends a proposal by %s to the right step',
    (_who, actor, endorses, status, cos, actions) => {
      const { revisit, events } = expectOk(
        proposeRevisit({ ...proposal, number: 2, endorsedByProposer: endorses }, aContext(actor)),
      );
      expect(revisit).toMatchObject({ id: 'BUC-1-R2', cocId: 'BUC-1', status, proposedBy: actor.objectId });
      expect(revisit.steps[0]?.decision).toBe(cos);
      expect(events.map((e) => e.action)).toEqual(actions);
    },
  );

  it('refuses a closed cause of concern', () => {
    expect(
      expectError(proposeRevisit({ ...proposal, coc: { ...coc, status: 'closed' } }, aContext(people.sll)))
        .code,
    ).toBe('invalid-transition');
  });

  it.each([
    [[], 1],
    [[{ id: 'BUC-1-R1' }], 2],
    [[{ id: 'BUC-1-R1' }, { id: 'BUC-1-R3' }], 4],
  ])('after revisits %j the next is number %i', (revisits, next) => {
    expect(nextRevisitNumber(revisits)).toBe(next);
  });
});

describe('decideRevisit', () => {
  it.each<[string, Partial<Revisit>, Person, RevisitCommand, string]>([
    ['the CoS endorses', {}, people.cos, { type: 'approve', step: 'cos' }, 'pendingHmi'],
    [
      'the CoS refuses with a reason',
      {},
      people.cos,
      { type: 'refuse', step: 'cos', reason: 'Too soon.' },
      'refused',
    ],
    [
      'the HMI approves',
      { status: 'pendingHmi', steps: endorsed },
      people.hmi,
      { type: 'approve', step: 'hmi' },
      'approved',
    ],
    [
      'the HMI refuses',
      { status: 'pendingHmi', steps: endorsed },
      people.hmi,
      { type: 'refuse', step: 'hmi', reason: 'No.' },
      'refused',
    ],
    [
      'a refusal without a reason',
      {},
      people.cos,
      { type: 'refuse', step: 'cos', reason: ' ' },
      'validation',
    ],
    ['the HMI before the CoS', {}, people.hmi, { type: 'approve', step: 'hmi' }, 'invalid-transition'],
    [
      'the CoS again after endorsing',
      { status: 'pendingHmi', steps: endorsed },
      people.cos,
      { type: 'approve', step: 'cos' },
      'already-decided',
    ],
    [
      'anyone after approval',
      { status: 'approved', steps: approvedSteps },
      people.hmi,
      { type: 'approve', step: 'hmi' },
      'already-decided',
    ],
    [
      'the proposer at the CoS step',
      {},
      people.sll,
      { type: 'approve', step: 'cos' },
      'separation-of-duties',
    ],
  ])('%s', (_case, state, actor, command, expected) => {
    const result = decideRevisit(aRevisit(state), command, aContext(actor));
    if (result.ok) expect(result.value.revisit.status).toBe(expected);
    else expect(result.error.code).toBe(expected);
  });

  it('says who already endorsed it', () => {
    const error = expectError(
      decideRevisit(
        aRevisit({ status: 'pendingHmi', steps: endorsed }),
        { type: 'approve', step: 'cos' },
        aContext(people.cos),
      ),
    );
    expect(error).toMatchObject({ code: 'already-decided', by: people.cos.objectId });
    expect(error.reason).toBe('This revisit has already been endorsed at the Chief of Staff step.');
  });
});

describe('approvalConflict, shared by closure and revisits', () => {
  const chain = { requestedBy: people.sll.objectId, steps: endorsed };
  it.each<[string, string, string | undefined, 'cos' | 'hmi', string | null]>([
    [
      'the requester',
      people.sll.objectId,
      undefined,
      'cos',
      "You can't decide this: you proposed the revisit yourself.",
    ],
    [
      'a stand-in for the requester',
      people.hmi.objectId,
      people.sll.objectId,
      'hmi',
      "You can't decide this: the person you are acting for proposed the revisit.",
    ],
    [
      'the person who decided the earlier step',
      people.cos.objectId,
      undefined,
      'hmi',
      "You can't decide this: you already decided the Chief of Staff step of this request.",
    ],
    [
      'a stand-in for that person',
      people.hmi.objectId,
      people.cos.objectId,
      'hmi',
      "You can't decide this: the person you are acting for already decided the Chief of Staff step of this request.",
    ],
    ['someone else', people.hmi.objectId, undefined, 'hmi', null],
  ])('refuses %s', (_case, actor, onBehalfOf, step, reason) => {
    const conflict = approvalConflict(chain, step, actor, onBehalfOf, 'decide', 'proposed the revisit');
    expect(conflict?.reason ?? null).toBe(reason);
  });
});

describe('recordRevisitFindings', () => {
  const approved = aRevisit({ status: 'approved', steps: approvedSteps });
  const recommendations = [aRecommendation(), aRecommendation({ id: 'BUC-1.2', status: 'open' })];
  const finding = {
    recommendationId: 'BUC-1.1',
    rag: 'amber' as const,
    text: 'Most crews can; two stations cannot.',
  };
  const atRevisitEnd = aContext(people.sll, { now: '2023-10-05T10:00:00.000Z' });

  it.each<[string, string, string | null]>([
    ['the last day', '2023-10-04', null],
    ['the first day', '2023-10-02', null],
    ['before the revisit', '2023-10-01', 'initialFindingsDate'],
    ['in the future', '2023-10-06', 'initialFindingsDate'],
    ['not given', '', 'initialFindingsDate'],
  ])('takes initial findings given on %s', (_case, day, field) => {
    const result = recordRevisitFindings(
      approved,
      recommendations,
      { initialFindingsDate: day, findings: [finding], nextSteps: '' },
      atRevisitEnd,
    );
    if (field === null) expect(result.ok).toBe(true);
    else {
      const error = expectError(result);
      expect(error.code === 'validation' ? error.issues.map((i) => i.field) : []).toEqual([field]);
    }
  });

  it('adds each finding to its recommendation’s progress as a revisit finding with its RAG', () => {
    const recorded = expectOk(
      recordRevisitFindings(
        approved,
        recommendations,
        { initialFindingsDate: '2023-10-04', findings: [finding], nextSteps: 'Revisit in March.' },
        atRevisitEnd,
      ),
    );
    expect(recorded.progressUpdates).toEqual([
      expect.objectContaining({ subjectId: 'BUC-1.1', source: 'revisitFinding', rag: 'amber' }),
    ]);
    expect(recorded.recommendations[0]?.rag).toBe('amber');
    expect(recorded.revisit).toMatchObject({
      initialFindingsDate: '2023-10-04',
      nextSteps: 'Revisit in March.',
    });
    expect(recorded.revisit.findings).toEqual([
      expect.objectContaining({
        recommendationId: 'BUC-1.1',
        progressUpdateId: recorded.progressUpdates[0]?.id,
      }),
    ]);
  });

  it.each<[string, Partial<Revisit>]>([
    ['one not yet approved', {}],
    [
      'one whose findings are in',
      { status: 'approved', steps: approvedSteps, initialFindingsDate: '2023-10-04' },
    ],
  ])('refuses %s', (_case, state) => {
    const result = recordRevisitFindings(
      aRevisit(state),
      recommendations,
      { initialFindingsDate: '2023-10-04', findings: [finding], nextSteps: '' },
      atRevisitEnd,
    );
    expect(expectError(result).code).toBe('invalid-transition');
  });
});

describe('recordRevisitLetterDates', () => {
  const withLetter = aRevisit({
    status: 'approved',
    steps: approvedSteps,
    initialFindingsDate: '2023-10-04',
    letter: 'Dear …',
  });
  const later = aContext(people.hmi, { now: '2023-11-01T10:00:00.000Z' });
  it.each<[string, string, string, string | null]>([
    ['sent, not yet published', '2023-10-20', '', null],
    ['sent and published the same day', '2023-10-20', '2023-10-20', null],
    ['published after sending', '2023-10-20', '2023-10-27', null],
    ['published before sending', '2023-10-20', '2023-10-19', 'publishedDate'],
    ['published but never sent', '', '2023-10-20', 'sentDate'],
    ['sent before the findings', '2023-10-03', '', 'sentDate'],
    ['sent in the future', '2023-11-02', '', 'sentDate'],
    ['nothing', '', '', 'sentDate'],
  ])('%s', (_case, sentDate, publishedDate, field) => {
    const result = recordRevisitLetterDates(withLetter, { sentDate, publishedDate }, later);
    if (field === null) expect(expectOk(result).revisit.letterSentDate).toBe(sentDate);
    else {
      const error = expectError(result);
      expect(error.code === 'validation' ? error.issues.map((i) => i.field) : []).toEqual([field]);
    }
  });

  it('refuses a sent date after the published date already recorded, when only the sent date is changed', () => {
    const published = { ...withLetter, letterSentDate: '2023-10-20', letterPublishedDate: '2023-10-27' };
    const error = expectError(
      recordRevisitLetterDates(published, { sentDate: '2023-10-30', publishedDate: '' }, later),
    );
    expect(error.code === 'validation' && error.issues).toEqual([
      { field: 'sentDate', message: 'can’t be after the day it was published (27 October 2023)' },
    ]);
  });
});

describe('the revisit letter', () => {
  it.each<[string | undefined, string | undefined, string, string]>([
    [
      'Louise Harrison',
      'Simon Rouse',
      'Dear Louise Harrison and Simon Rouse,',
      'Louise Harrison, Chief Fire Officer',
    ],
    [undefined, 'Simon Rouse', 'Dear Chief Fire Officer and Simon Rouse,', 'The Chief Fire Officer'],
    ['Louise Harrison', '  ', 'Dear Louise Harrison and Chair,', 'Louise Harrison, Chief Fire Officer'],
    [undefined, undefined, 'Dear Chief Fire Officer and Chair,', 'The Chief Fire Officer'],
  ])('addresses %s and %s by name where known', (chiefFireOfficer, authorityChair, greeting, first) => {
    const addressees = letterAddressees(aService({ chiefFireOfficer, authorityChair }));
    expect(addressees.greeting).toBe(greeting);
    expect(addressees.to[0]).toBe(first);
  });

  it('gives the findings, the recommendations still open and the next steps, with dates in words', () => {
    const revisit = aRevisit({
      status: 'approved',
      initialFindingsDate: '2024-03-05',
      findings: [
        {
          recommendationId: 'BUC-1.1',
          rag: 'green',
          text: 'Crews now get risk information',
          progressUpdateId: 'p1',
        },
      ],
      nextSteps: 'We will close the cause of concern once BUC-1.2 is evidenced.',
    });
    const letter = draftRevisitLetter({
      service: aService({ chiefFireOfficer: 'Louise Harrison' }),
      coc,
      revisit,
      recommendations: [
        aRecommendation({ status: 'closed' }),
        aRecommendation({ id: 'BUC-1.2', text: 'Train every crew.', status: 'inProgress' }),
      ],
      signedBy: 'Alex Carter',
      date: '2024-03-08',
    });
    expect(letter.split('\n')[0]).toBe('8 March 2024');
    expect(letter).toContain('from 2 October 2023 to 4 October 2023');
    expect(letter).toContain('We gave you our initial findings on 5 March 2024.');
    expect(letter).toContain('Crews now get risk information. We assessed progress as green.');
    expect(letter).toContain('This recommendation remains open:\n- BUC-1.2: Train every crew. (in progress)');
    expect(letter).toContain('Next steps\nWe will close the cause of concern once BUC-1.2 is evidenced.');
    expect(letter).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('quotes a long recommendation up to 300 characters, so the letter fits where it is kept', () => {
    const long = `Make sure ${'every station '.repeat(150)}is inspected.`;
    const letter = draftRevisitLetter({
      service: aService(),
      coc,
      revisit: aRevisit({ status: 'approved', initialFindingsDate: '2024-03-05' }),
      recommendations: Array.from({ length: 20 }, (_, i) =>
        aRecommendation({ id: `BUC-1.${String(i + 1)}`, text: long, status: 'inProgress' }),
      ),
      signedBy: 'Alex Carter',
      date: '2024-03-08',
    });
    const line = letter.split('\n').find((l) => l.startsWith('- BUC-1.1:')) ?? '';
    expect(line).toMatch(/^- BUC-1\.1: Make sure every station .*… \(in progress\)$/);
    expect(line.length).toBeLessThan(340);
    expect(letter.length).toBeLessThan(30_000);
  });
});

describe('revisits in the obligations', () => {
  const today = '2023-10-01';
  it.each<[RevisitStatus, string | undefined, { met: boolean } | undefined]>([
    ['pendingCos', undefined, undefined],
    ['pendingHmi', undefined, undefined],
    ['refused', undefined, undefined],
    ['approved', undefined, { met: false }],
    ['approved', '2023-10-04', { met: true }],
  ])('a revisit %s with findings given on %s is %j', (status, initialFindingsDate, expected) => {
    const revisits = [{ id: 'BUC-1-R1', status, lastDay: '2023-10-04', initialFindingsDate }];
    const found = obligationsOf({ coc, recommendations: [], revisits }, today).find(
      (o) => o.subjectId === 'BUC-1-R1',
    );
    expect(found === undefined ? undefined : { met: found.met }).toEqual(expected);
    if (found) expect(found).toMatchObject({ kind: 'revisit', dueDate: '2023-10-04', daysUntilDue: 3 });
  });
});
