import { demoPeople } from '../../src/demo/people';
import { extraDemoPeople } from '../../src/demo/extra-people';
import { useAppUnderTest } from '../support/app-under-test';
import { visibleText } from '../support/bot-client';
import { findCardProblems } from '../support/card-validator';
import { actionsOf, invokeCard } from '../support/cards';

describe('the CoC card (show <id>)', () => {
  const app = useAppUnderTest();

  it('shows the SLL the CoC with its due dates, recommendations and every button they may use', async () => {
    const turn = await app.client.sendMessage('show BUC-1', demoPeople.sll);

    const card = turn.cards[0];
    expect(findCardProblems(card)).toEqual([]);
    const text = visibleText(card);
    expect(text).toContain('BUC-1: Risk-based inspection programme');
    expect(text).toContain('Buckinghamshire Fire and Rescue Service');
    expect(text).toContain('Received on 19 December 2025');
    expect(text).toContain('BUC-1.1 · In progress · Amber');
    expect(text).toContain('27 November 2026 (5 days left)');
    expect(text).toContain('Original target date');
    expect(text).toContain('31 March 2026');
    expect(text).toContain('30 September 2026 (53 days late)');
    const titles = actionsOf(card).map((a) => a.title);
    expect(titles).toContain('Update');
    expect(titles).toContain('Revise target date');
    expect(titles).toContain('Add progress note');
    expect(titles).toContain('Action plan received');
  });

  it('lets the service’s SLO only add progress notes', async () => {
    const turn = await app.client.sendMessage('show BUC-1', extraDemoPeople.sloBuckinghamshire);

    const titles = actionsOf(turn.cards[0]).map((a) => a.title);
    expect(titles.length).toBeGreaterThan(0);
    expect(new Set(titles)).toEqual(new Set(['Add progress note']));
  });

  it('shows the region’s Chief of Staff the card read-only', async () => {
    const turn = await app.client.sendMessage('show BUC-1', demoPeople.cos);

    expect(visibleText(turn.cards[0])).toContain('BUC-1: Risk-based inspection programme');
    expect(actionsOf(turn.cards[0]).map((a) => a.title)).toEqual([]);
  });

  it('refuses an SLL of another region, saying why', async () => {
    const turn = await app.client.sendMessage('show BUC-1', extraDemoPeople.sllNorth);

    const text = visibleText(turn.cards[0]);
    expect(text).toContain(
      'you are not the Service Liaison Lead for Buckinghamshire Fire and Rescue Service',
    );
    expect(text).not.toContain('Risk-based inspection programme');
    expect(findCardProblems(turn.cards[0])).toEqual([]);
  });

  it('opens the CoC of a recommendation id, and works when @mentioned in a channel', async () => {
    const turn = await app.client.sendMessage('show buc-1.3', demoPeople.sll, {
      conversationType: 'channel',
      mentionBot: true,
    });

    expect(visibleText(turn.cards[0])).toContain('BUC-1.3 · In progress · Red');
  });

  it('shows an AFI with Mark complete for its SLL, and marks it complete', async () => {
    const shown = await app.client.sendMessage('show HWF-AFI-2', demoPeople.sll);
    const card = shown.cards[0];
    expect(findCardProblems(card)).toEqual([]);
    expect(actionsOf(card).map((a) => a.title)).toContain('Mark complete');
    const afi = await app.store.records.getAfi('HWF', 'HWF-AFI-2');
    if (afi?.value.status !== 'open') throw new Error('demo HWF-AFI-2 should be open');

    const turn = await app.client.sendInvoke(
      'completeAfi',
      { afiId: 'HWF-AFI-2', updatedAt: afi.value.updatedAt },
      demoPeople.sll,
    );

    const answer = invokeCard(turn);
    expect(findCardProblems(answer)).toEqual([]);
    expect(visibleText(answer)).toContain('Complete (waiting for the Chief of Staff)');
    expect(actionsOf(answer).map((a) => a.title)).not.toContain('Mark complete');
    expect((await app.store.records.getAfi('HWF', 'HWF-AFI-2'))?.value.status).toBe('complete');
    const audit = await app.store.records.listAudit('HWF', 'HWF-AFI-2', { limit: 1 });
    expect(audit[0]).toMatchObject({ action: 'afi.status-changed', actor: demoPeople.sll.objectId });
  });

  it('carries a refresh for the service’s people, and refresh answers with the current state for that user', async () => {
    const turn = await app.client.sendMessage('show BUC-1', demoPeople.sll);
    const refresh = turn.cards[0]?.refresh as { action: { verb: string; data: unknown }; userIds: string[] };
    expect(refresh.action).toMatchObject({ verb: 'refreshCoc', data: { cocId: 'BUC-1' } });
    expect(refresh.userIds.length).toBeGreaterThanOrEqual(4);
    expect(refresh.userIds.length).toBeLessThanOrEqual(60);

    await app.client.sendMessage('status BUC-1.3 amber two inspectors started this week', demoPeople.sll);
    const refreshed = await app.client.sendInvoke('refreshCoc', { cocId: 'BUC-1' }, demoPeople.hmi);

    const card = invokeCard(refreshed);
    expect(visibleText(card)).toContain('BUC-1.3 · In progress · Amber');
    expect(visibleText(card)).toContain('two inspectors started this week');
    expect(actionsOf(card).map((a) => a.title)).toEqual([]);
  });

  it('shows typed Markdown literally', async () => {
    await app.client.sendMessage(
      'status BUC-1.1 green see [link](https://x.example) **now**',
      demoPeople.sll,
    );

    const turn = await app.client.sendMessage('show BUC-1', demoPeople.sll);

    const card = JSON.stringify(turn.cards[0]);
    expect(card).toContain('\\\\[link\\\\]\\\\(https://x.example\\\\)');
    expect(visibleText(turn.cards[0])).toContain('see [link](https://x.example) **now**');
  });

  it('gives a hint for an id it does not know', async () => {
    const turn = await app.client.sendMessage('show BUC-99', demoPeople.sll);

    expect(visibleText(turn.cards[0])).toContain('There is no cause of concern BUC-99.');
  });
});
