import {
  approvalChasers,
  defaultApprovalChaserLimits,
  recordChaser,
  stepWaitingSince,
  type PendingApproval,
} from '../../src/domain/lifecycle/approval-chasers';
import type { ClosureRequest } from '../../src/domain/records';
import { aClosureRequest, people } from '../support/builders';

/** Requested on Friday 1 September 2023 at 10:00 London time. */
const waitingForCos = aClosureRequest();
const waitingForHmi = aClosureRequest({
  status: 'pendingHmi',
  steps: [
    { role: 'cos', decision: 'approved', by: people.cos.objectId, at: '2023-09-08T09:00:00.000Z' },
    { role: 'hmi' },
  ],
});

function pending(request: ClosureRequest): PendingApproval {
  const step = request.status === 'pendingHmi' ? 'hmi' : 'cos';
  return {
    request,
    approver: step === 'cos' ? people.cos.objectId : people.hmi.objectId,
    escalateTo: step === 'cos' ? [people.hmi.objectId] : ['deputy-director'],
  };
}

describe('approval chasers', () => {
  it.each([
    ['4 working days after the request', '2023-09-07', []],
    ['5 working days after the request (reminder)', '2023-09-08', [['reminder', people.cos.objectId]]],
    ['over a weekend, still 5 working days', '2023-09-10', [['reminder', people.cos.objectId]]],
    [
      '10 working days after the request (escalation to the HMI)',
      '2023-09-15',
      [['escalation', people.hmi.objectId]],
    ],
  ])('for a request waiting for the Chief of Staff, %s', (_story, today, expected) => {
    const chasers = approvalChasers([pending(waitingForCos)], today, defaultApprovalChaserLimits);

    expect(chasers.map((c) => [c.kind, c.to[0]])).toEqual(expected);
  });

  it('counts the HM Inspector step from the Chief of Staff’s approval, and escalates to the next level', () => {
    expect(approvalChasers([pending(waitingForHmi)], '2023-09-14')).toEqual([]);
    const [reminder] = approvalChasers([pending(waitingForHmi)], '2023-09-15');
    expect(reminder).toMatchObject({
      kind: 'reminder',
      step: 'hmi',
      to: [people.hmi.objectId],
      waitingWorkingDays: 5,
    });
    const [escalation] = approvalChasers([pending(waitingForHmi)], '2023-09-22');
    expect(escalation).toMatchObject({
      kind: 'escalation',
      to: ['deputy-director'],
      approver: people.hmi.objectId,
    });
  });

  it('skips bank holidays when counting', () => {
    // Requested Thursday 24 August 2023; Monday 28 August was the summer bank holiday.
    const request = aClosureRequest({ requestedAt: '2023-08-24T09:00:00.000Z' });
    expect(approvalChasers([pending(request)], '2023-08-31')).toEqual([]);
    expect(approvalChasers([pending(request)], '2023-09-01')).toHaveLength(1);
  });

  it('sends each chaser once: a second run the same day (or later) sends nothing again', () => {
    const [reminder] = approvalChasers([pending(waitingForCos)], '2023-09-08');
    if (!reminder) throw new Error('expected a reminder');
    const chased = recordChaser(waitingForCos, reminder, '2023-09-08');

    expect(approvalChasers([pending(chased)], '2023-09-08')).toEqual([]);
    expect(approvalChasers([pending(chased)], '2023-09-11')).toEqual([]);
    expect(approvalChasers([pending(chased)], '2023-09-15').map((c) => c.kind)).toEqual(['escalation']);
  });

  it('uses the configured limits', () => {
    const chasers = approvalChasers([pending(waitingForCos)], '2023-09-05', {
      reminderWorkingDays: 2,
      escalationWorkingDays: 3,
    });
    expect(chasers.map((c) => c.kind)).toEqual(['reminder']);
  });

  it('leaves decided requests alone', () => {
    const decided = aClosureRequest({ status: 'rejected' });
    expect(stepWaitingSince(decided)).toBeUndefined();
    expect(approvalChasers([pending(decided)], '2023-10-30')).toEqual([]);
  });
});
