/**
 * A CoC whose letter asks for an action plan "within 28 days" (calendar days from the letter), the
 * plan received two days late: the card, the list, the board summary and the quarterly report all
 * say so, and the CoC's Chief of Staff is told in their chat.
 */
import { demoPeople } from '../../src/demo/people';
import { useAppUnderTest } from '../support/app-under-test';
import { aCocFormSubmission } from '../support/builders';
import { visibleText } from '../support/bot-client';
import { shownIn } from '../support/cards';
import { waitFor } from '../support/wait-for';

describe('an action plan received late', () => {
  const app = useAppUnderTest();
  let cocId = '';

  beforeAll(async () => {
    await app.client.sendMessage('hi', demoPeople.cos); // the Chief of Staff has a chat with the bot
    const issued = await app.client.sendInvoke(
      'issueCoc',
      aCocFormSubmission({ actionPlanRule: 'daysFromLetter', letterDate: '2026-10-20' }),
      demoPeople.sll,
    );
    cocId = /Cause of concern (BUC-\d+) issued/.exec(shownIn(issued))?.[1] ?? '';
    expect(cocId).not.toBe('');
    const coc = await app.store.records.getCoc('BUC', cocId);
    const recorded = await app.client.sendInvoke(
      'recordActionPlanReceived',
      { cocId, updatedAt: coc?.value.updatedAt, date: '2026-11-19' },
      demoPeople.sll,
    );
    expect(shownIn(recorded)).toContain('Within 28 days of the letter of 20 October 2026: 17 November 2026');
    expect(shownIn(recorded)).toContain('Received on 19 November 2026: 2 days late');
  });

  it('says so in the list', async () => {
    expect(shownIn(await app.client.sendMessage('list BUC', demoPeople.sll))).toContain(
      'Open · action plan 2 days late',
    );
  });

  it('says so in the board summary', async () => {
    const summary = shownIn(await app.client.sendMessage('summary BUC', demoPeople.sll));
    expect(summary).toContain('Action plans');
    expect(summary).toContain(`${cocId} Received 19 November 2026: 2 days late`);
  });

  it('says so in the quarterly report', async () => {
    expect(shownIn(await app.client.sendMessage('report quarterly', demoPeople.sll))).toContain(
      `Action plan for ${cocId}: received 19 November 2026: 2 days late.`,
    );
  });

  it('tells the Chief of Staff in their chat', async () => {
    const told = await waitFor('the late plan flagged to Morgan Hughes', () =>
      app.connector.calls
        .filter(
          (call) => call.method === 'POST' && call.conversationId === `a:personal-${demoPeople.cos.objectId}`,
        )
        .map((call) => visibleText(call.activity.attachments?.[0]?.content))
        .find((text) => text.includes(`The action plan for ${cocId} came late`)),
    );
    expect(told.replace(/\s+/g, ' ')).toContain(
      `was due on 17 November 2026 and was received on 19 November 2026: 2 days late.`,
    );
  });

  it('tells nobody when a plan comes early', async () => {
    const before = app.connector.calls.length;
    const coc = await app.store.records.getCoc('HWF', 'HWF-1');
    await app.client.sendInvoke(
      'recordActionPlanReceived',
      { cocId: 'HWF-1', updatedAt: coc?.value.updatedAt, date: '2026-11-20' },
      demoPeople.sll,
    );
    await app.appContext.outbox.idle();
    const flagged = app.connector.calls
      .slice(before)
      .some((call) => visibleText(call.activity.attachments?.[0]?.content).includes('came late'));
    expect(flagged).toBe(false);
  });
});
