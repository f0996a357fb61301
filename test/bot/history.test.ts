import { demoPeople } from '../../src/demo/people';
import { decideRecommendation, type RecommendationCommand } from '../../src/domain/lifecycle';
import type { Person } from '../../src/domain/records';
import type { RecordChange } from '../../src/store';
import { useAppUnderTest } from '../support/app-under-test';
import { visibleText, type TurnResult } from '../support/bot-client';
import { findCardProblems } from '../support/card-validator';

function theCard(turn: TurnResult): Record<string, unknown> {
  expect(turn.cards).toHaveLength(1);
  const card = turn.cards[0] ?? {};
  expect(findCardProblems(card)).toEqual([]);
  return card;
}

describe('history over the Bot Framework protocol', () => {
  const app = useAppUnderTest();
  let eventNumber = 0;

  /** Changes a BUC-1 recommendation as `actor` at `now`: new state and audit event in one commit. */
  async function change(
    id: string,
    actor: Person,
    now: string,
    command: RecommendationCommand,
  ): Promise<void> {
    const current = await app.store.records.getRecommendation('BUC', id);
    if (!current) throw new Error(`${id} is missing`);
    const decided = decideRecommendation(current.value, command, {
      actor,
      now,
      newId: () => `history-test-${String((eventNumber += 1))}`,
    });
    if (!decided.ok) throw new Error(decided.error.reason);
    await app.store.records.commit('BUC', [
      { kind: 'update', entity: { type: 'recommendation', value: decided.value.state }, etag: current.etag },
      ...decided.value.events.map((value): RecordChange => ({
        kind: 'append',
        entity: { type: 'audit', value },
      })),
    ]);
  }

  beforeAll(async () => {
    // 13:15 UTC on 20 October is 14:15 in London (summer time); 14:05 UTC on 20 November is 14:05 (GMT).
    await change('BUC-1.1', demoPeople.sll, '2026-10-20T13:15:00.000Z', { type: 'setRag', rag: 'red' });
    await change('BUC-1.3', demoPeople.admin, '2026-11-20T14:05:00.000Z', {
      type: 'reviseTargetDate',
      date: '2027-01-29',
      reason: 'Recruitment [delayed](https://x) by **budget**',
    });
  });

  it('shows the history of BUC-1 newest first, with names, London times and old and new values', async () => {
    const shown = visibleText(theCard(await app.client.sendMessage('history BUC-1')));

    expect(shown).toContain('History of BUC-1');
    expect(shown).toContain('Cause of concern: Risk-based inspection programme');
    expect(shown).toContain('3 events, newest first, including its recommendations.');
    const revised = shown.indexOf('Revised the target date of recommendation BUC-1.3');
    const ragChanged = shown.indexOf('Changed the RAG of recommendation BUC-1.1');
    const imported = shown.indexOf('Imported cause of concern BUC-1');
    expect(revised).toBeGreaterThan(-1);
    expect(ragChanged).toBeGreaterThan(revised);
    expect(imported).toBeGreaterThan(ragChanged);
    expect(shown).toContain('Priya Shah at 14:05 on 20 November 2026');
    expect(shown).toContain('Sam Patel at 14:15 on 20 October 2026');
    expect(shown).toContain('RAG\nAmber → Red');
    expect(shown).toContain('30 September 2026 → 29 January 2027');
    expect(shown).toContain('Recruitment [delayed](https://x) by **budget**');
  });

  it("shows a recommendation's history through its CoC when mentioned in a channel", async () => {
    const turn = await app.client.sendMessage('history buc-1.1', demoPeople.hmi, {
      conversationType: 'channel',
      mentionBot: true,
    });

    expect(visibleText(theCard(turn))).toContain('(you asked for BUC-1.1)');
  });

  it("refuses a Service Liaison Officer another service's history, saying why", async () => {
    const turn = await app.client.sendMessage('history BUC-1', demoPeople.slo);

    expect(turn.cards).toHaveLength(0);
    expect(visibleText({ text: turn.texts[0] })).toBe(
      "You can't see this: you are not a Service Liaison Officer for Buckinghamshire Fire and Rescue Service.",
    );
  });

  it("shows a Service Liaison Officer their own service's history", async () => {
    const shown = visibleText(theCard(await app.client.sendMessage('history HWF-AFI-1', demoPeople.slo)));

    expect(shown).toContain('History of HWF-AFI-1');
    expect(shown).toContain('Imported area for improvement HWF-AFI-1');
  });

  it('says how to ask when the id is missing or is not an id', async () => {
    expect((await app.client.sendMessage('history')).texts).toEqual([
      'Type history followed by a record id, for example: history BUC-1',
    ]);
    const notAnId = await app.client.sendMessage('history [x](https://x)');
    expect(visibleText({ text: notAnId.texts[0] })).toContain('“[x](https://x)” is not a record id.');
    expect(notAnId.texts[0]).not.toContain('[x](https://x)');
    expect(visibleText({ text: (await app.client.sendMessage('history BUC-9')).texts[0] })).toBe(
      "I can't find BUC-9.",
    );
  });

  it('pages a long history twenty events at a time with the Older events button', async () => {
    for (let i = 0; i < 20; i += 1) {
      await change('BUC-1.1', demoPeople.sll, `2026-11-21T09:${String(i).padStart(2, '0')}:00.000Z`, {
        type: 'setRag',
        rag: i % 2 === 0 ? 'amber' : 'red',
      });
    }
    const first = theCard(await app.client.sendMessage('history BUC-1'));
    expect(visibleText(first)).toContain('Page 1 of 2');
    const older = JSON.stringify(first).includes('"title":"Older events"');
    expect(older).toBe(true);

    const turn = await app.client.sendInvoke('historyPage', { id: 'BUC-1', page: 2 });

    expect(turn.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const second = (turn.body as { value: Record<string, unknown> }).value;
    expect(findCardProblems(second)).toEqual([]);
    const shown = visibleText(second);
    expect(shown).toContain('Page 2 of 2');
    expect(shown).toContain('Imported cause of concern BUC-1');
    expect(shown).toContain('Newer events');
  });

  it('checks the right to see the record on every page, whatever the button says', async () => {
    const turn = await app.client.sendInvoke('historyPage', { id: 'CUM-1', page: 1 }, demoPeople.sll);

    expect(turn.body).toMatchObject({ type: 'application/vnd.microsoft.activity.message' });
    expect(visibleText({ text: (turn.body as { value: string }).value })).toBe(
      "You can't see this: you are not the Service Liaison Lead for Cumbria Fire and Rescue Service.",
    );
  });
});
