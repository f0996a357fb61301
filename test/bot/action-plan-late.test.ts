/**
 * A CoC whose letter asks for an action plan "within 28 days" (calendar days from the letter), the
 * plan received two days late: the card, the list, the board summary and the quarterly report all
 * say so, and the CoC's Chief of Staff is told in their chat.
 */
import { randomUUID } from 'node:crypto';
import { demoPeople } from '../../src/demo/people';
import { useAppUnderTest } from '../support/app-under-test';
import { visibleText, type TurnResult } from '../support/bot-client';
import { waitFor } from '../support/wait-for';

const shown = (turn: TurnResult): string =>
  [
    ...turn.texts,
    ...turn.cards.map(visibleText),
    visibleText((turn.body as { value?: unknown } | undefined)?.value),
  ]
    .join('\n')
    .replace(/\s+/g, ' ');

describe('an action plan received late', () => {
  const app = useAppUnderTest();
  let cocId = '';

  beforeAll(async () => {
    await app.client.sendMessage('hi', demoPeople.cos); // the Chief of Staff has a chat with the bot
    const issued = await app.client.sendInvoke(
      'issueCoc',
      {
        formId: randomUUID(),
        serviceCode: 'BUC',
        title: 'Safe and well visits are not targeted',
        finding: 'Visits do not go to the people most at risk.',
        pillar: 'effectiveness',
        publicSafetyRisk: 'false',
        fieldworkEndDate: '2026-09-25',
        letterDate: '2026-10-20',
        reportPublishedDate: '',
        actionPlanRule: 'daysFromLetter',
        actionPlanFixedDate: '',
        recommendation1: 'Target safe and well visits at the people most at risk.',
        recommendation1TargetDate: '2027-06-30',
        sll: demoPeople.sll.objectId,
        cos: demoPeople.cos.objectId,
        hmi: demoPeople.hmi.objectId,
      },
      demoPeople.sll,
    );
    cocId = /Cause of concern (BUC-\d+) issued/.exec(shown(issued))?.[1] ?? '';
    expect(cocId).not.toBe('');
    const coc = await app.store.records.getCoc('BUC', cocId);
    const recorded = await app.client.sendInvoke(
      'recordActionPlanReceived',
      { cocId, updatedAt: coc?.value.updatedAt, date: '2026-11-19' },
      demoPeople.sll,
    );
    expect(shown(recorded)).toContain('Within 28 days of the letter of 20 October 2026: 17 November 2026');
    expect(shown(recorded)).toContain('Received on 19 November 2026: 2 days late');
  });

  it('says so in the list', async () => {
    expect(shown(await app.client.sendMessage('list BUC', demoPeople.sll))).toContain(
      'Open · action plan 2 days late',
    );
  });

  it('says so in the board summary', async () => {
    const summary = shown(await app.client.sendMessage('summary BUC', demoPeople.sll));
    expect(summary).toContain('Action plans');
    expect(summary).toContain(`${cocId} Received 19 November 2026: 2 days late`);
  });

  it('says so in the quarterly report', async () => {
    expect(shown(await app.client.sendMessage('report quarterly', demoPeople.sll))).toContain(
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
