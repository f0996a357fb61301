/**
 * Who is asked to decide a step: a service's CoS or HMI step goes to their stand-in while one is
 * named (§24), but a recommendation to an external body's HMI step goes to its named HM Inspector
 * (any HMI may agree to it, so a stand-in who is not an HMI would get a card they can't act on).
 */
import { approverOfStep } from '../../src/app/closure/closure-approvers';
import { demoPeople } from '../../src/demo/people';
import { useAppUnderTest } from '../support/app-under-test';

describe('the approver of a step while the HM Inspector has a stand-in', () => {
  const app = useAppUnderTest();

  beforeAll(async () => {
    await app.store.directory.putDelegation({
      id: 'away',
      from: demoPeople.hmi.objectId,
      to: demoPeople.cos.objectId,
      role: 'hmi',
      startDate: '2026-11-01',
      endDate: '2026-12-31',
    });
  });

  it('is the stand-in for a service’s closure', async () => {
    const approver = await approverOfStep(
      app.appContext,
      { sll: demoPeople.sll.objectId, cos: demoPeople.cos.objectId, hmi: demoPeople.hmi.objectId },
      'hmi',
    );
    expect(approver?.person.objectId).toBe(demoPeople.cos.objectId);
    expect(approver?.standingInFor?.objectId).toBe(demoPeople.hmi.objectId);
  });

  it('is the named HM Inspector for a recommendation to an external body', async () => {
    const approver = await approverOfStep(app.appContext, { hmi: demoPeople.hmi.objectId }, 'hmi');
    expect(approver?.person.objectId).toBe(demoPeople.hmi.objectId);
    expect(approver?.standingInFor).toBeUndefined();
  });
});
