import {
  createAreaForImprovement,
  decideAreaForImprovement,
  type AfiCommand,
} from '../../../src/domain/lifecycle';
import type { AfiStatus } from '../../../src/domain/records';
import { aContext, anAreaForImprovement, people } from '../../support/builders';
import { expectError, expectOk } from '../../support/results';

describe('area for improvement', () => {
  it('is issued open', () => {
    const { state, events } = expectOk(
      createAreaForImprovement(
        {
          id: 'BUC-AFI-3',
          serviceCode: 'BUC',
          questionRef: 'P1.12',
          text: 'Improve wellbeing support.',
          sll: people.sll.objectId,
          cos: people.cos.objectId,
        },
        aContext(people.sll),
      ),
    );
    expect(state.status).toBe('open');
    expect(events[0]?.action).toBe('afi.issued');
  });

  it.each([
    ['an id of another service', { id: 'HWF-AFI-1' }],
    ['a question reference that is not one', { questionRef: 'question 1' }],
  ])('refuses %s', (_case, overrides) => {
    const input = {
      id: 'BUC-AFI-3',
      serviceCode: 'BUC',
      questionRef: 'ES1.1',
      text: 'Evaluate prevention.',
      sll: 'a',
      cos: 'b',
      ...overrides,
    };
    expect(expectError(createAreaForImprovement(input, aContext(people.sll))).code).toBe('validation');
  });

  it.each<[AfiStatus, AfiCommand['type'], AfiStatus | 'refused']>([
    ['open', 'markComplete', 'complete'],
    ['complete', 'close', 'closed'],
    ['complete', 'reopen', 'open'],
    ['open', 'close', 'refused'],
    ['open', 'reopen', 'refused'],
    ['complete', 'markComplete', 'refused'],
    ['closed', 'reopen', 'refused'],
    ['closed', 'markComplete', 'refused'],
  ])('from %s, %s gives %s', (from, type, expected) => {
    const result = decideAreaForImprovement(
      anAreaForImprovement({ status: from }),
      { type } as AfiCommand,
      aContext(people.cos),
    );
    if (expected === 'refused') expect(expectError(result).code).toBe('invalid-transition');
    else expect(expectOk(result).state.status).toBe(expected);
  });

  it('tells the Chief of Staff the SLL must mark it complete before it can be closed', () => {
    const error = expectError(
      decideAreaForImprovement(anAreaForImprovement(), { type: 'close' }, aContext(people.cos)),
    );
    expect(error.reason).toBe(
      "Area for improvement BUC-AFI-3 is open, so it can't be closed. The Service Liaison Lead must mark it complete first.",
    );
  });

  it('records who completed and who closed it', () => {
    const complete = expectOk(
      decideAreaForImprovement(anAreaForImprovement(), { type: 'markComplete' }, aContext(people.sll)),
    ).state;
    const closed = expectOk(
      decideAreaForImprovement(complete, { type: 'close' }, aContext(people.cos)),
    ).state;
    expect(closed).toMatchObject({
      completedBy: people.sll.objectId,
      closedBy: people.cos.objectId,
      status: 'closed',
    });
  });

  it('refuses to edit a closed AFI', () => {
    const error = expectError(
      decideAreaForImprovement(
        anAreaForImprovement({ status: 'closed' }),
        { type: 'edit', changes: { text: 'x' } },
        aContext(people.sll),
      ),
    );
    expect(error.code).toBe('invalid-transition');
  });
});
