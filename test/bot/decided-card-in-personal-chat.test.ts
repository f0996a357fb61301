/**
 * A click on an approval card in someone's personal chat: the answer and the message update are the
 * same card, so whichever reaches Teams last, the approver still reads what their click did. In a
 * channel the message everyone sees stays without the clicker's line and buttons.
 */
import { demoPeople } from '../../src/demo/people';
import { useAppUnderTest } from '../support/app-under-test';
import { visibleText } from '../support/bot-client';
import { action, actionsOf, invokeCard } from '../support/cards';
import { cardInChat, personalChat } from '../support/chats';
import { waitLimitMs } from '../support/wait-for';

jest.setTimeout(waitLimitMs + 30_000);

describe('a decision clicked in a personal chat', () => {
  const app = useAppUnderTest();

  beforeAll(async () => {
    for (const person of [demoPeople.sll, demoPeople.cos, demoPeople.hmi]) {
      await app.client.sendMessage('help', person);
    }
  });

  it('replaces the message with the card the approver was answered with, their line included', async () => {
    const form = (await app.client.sendMessage('revisit BUC-1', demoPeople.sll)).cards[0];
    const submit = action(form, 'Propose the revisit');
    const since = app.connector.calls.length;
    await app.client.sendInvoke(
      submit.verb,
      {
        ...submit.data,
        firstDay: '2026-12-01',
        lastDay: '2026-12-03',
        purpose: 'Check the audits of high-risk premises.',
        team: 'Sam Patel (SLL)',
      },
      demoPeople.sll,
    );
    const cosCard = await cardInChat(app.connector, demoPeople.cos, 'Revisit BUC-1-R1', since);

    const endorse = action(cosCard, 'Endorse');
    const beforeEndorsing = app.connector.calls.length;
    const answered = await app.client.sendInvoke(endorse.verb, endorse.data, demoPeople.cos);
    const answer = invokeCard(answered);
    expect(visibleText(answer)).toContain('Endorsed: BUC-1-R1 goes to the HM Inspector to approve.');

    const updates = app.connector.calls
      .slice(beforeEndorsing)
      .filter((call) => call.method === 'PUT' && call.conversationId === personalChat(demoPeople.cos));
    expect(updates).toHaveLength(1);
    const updated = updates[0]?.activity.attachments?.[0]?.content as Record<string, unknown>;
    expect(visibleText(updated)).toContain('Endorsed: BUC-1-R1 goes to the HM Inspector to approve.');
    expect(actionsOf(updated).map((a) => a.title)).not.toContain('Endorse');
  });
});
