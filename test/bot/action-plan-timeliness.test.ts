/**
 * The CoC card says the action-plan rule in words with its dates, and once the plan is recorded as
 * received, whether it came on time, early or late.
 */
import { demoPeople } from '../../src/demo/people';
import { useAppUnderTest } from '../support/app-under-test';
import { visibleText } from '../support/bot-client';

describe('the action plan on the CoC card', () => {
  const app = useAppUnderTest();

  it('says the rule with the letter date and the date it gives', async () => {
    const card = (await app.client.sendMessage('show HWF-1', demoPeople.sll)).cards[0];

    expect(visibleText(card)).toContain(
      'Within 28 working days of the letter of 30 October 2026: 9 December 2026',
    );
  });

  it('says a plan received on the Saturday after it was due is three working days late', async () => {
    app.setNow(new Date('2026-12-14T10:00:00Z'));
    const coc = await app.store.records.getCoc('HWF', 'HWF-1');

    const turn = await app.client.sendInvoke(
      'recordActionPlanReceived',
      { cocId: 'HWF-1', updatedAt: coc?.value.updatedAt, date: '2026-12-12' },
      demoPeople.sll,
    );

    const text = visibleText((turn.body as { value?: unknown }).value);
    expect(text).toContain('Received on 12 December 2026: 3 working days late');
  });
});
