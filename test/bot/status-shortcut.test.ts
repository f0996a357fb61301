import { demoPeople } from '../../src/demo/people';
import { parseStatusShortcut } from '../../src/bot/routes/status-command';
import { useAppUnderTest } from '../support/app-under-test';
import { visibleText } from '../support/bot-client';
import { findCardProblems } from '../support/card-validator';
import { invokeCard } from '../support/cards';

/** The data of the card's Undo button. */
function undoData(card: unknown): Record<string, unknown> | undefined {
  const actions = (card as { actions?: { verb?: string; data?: Record<string, unknown> }[] }).actions ?? [];
  return actions.find((action) => action.verb === 'undoStatus')?.data;
}

describe('parseStatusShortcut', () => {
  it.each([
    [
      'status BUC-1.3 amber backlog halved',
      { recommendationId: 'BUC-1.3', rag: 'amber', text: 'backlog halved' },
    ],
    [
      'status buc-1.3 in progress Red  slipping',
      { recommendationId: 'BUC-1.3', status: 'inProgress', rag: 'red', text: 'slipping' },
    ],
    [
      'status BUC-1.3 evidence complete green all done',
      { recommendationId: 'BUC-1.3', status: 'evidenceComplete', rag: 'green', text: 'all done' },
    ],
  ])('reads %s', (text, expected) => {
    expect(parseStatusShortcut(text)).toEqual(expected);
  });

  it.each(['status', 'status BUC-1.3', 'status BUC-1.3 amber', 'status BUC-1.3 purple note'])(
    'refuses %s',
    (text) => {
      expect(parseStatusShortcut(text)).toBeNull();
    },
  );
});

describe('the status shortcut and its Undo', () => {
  const app = useAppUnderTest();

  it('updates the RAG, adds the note, shows old and new values; Undo by the same person restores them', async () => {
    const original = await app.store.records.getRecommendation('BUC', 'BUC-1.3');
    const turn = await app.client.sendMessage(
      'status BUC-1.3 amber referral backlog halved since March',
      demoPeople.sll,
    );

    const card = turn.cards[0];
    expect(findCardProblems(card)).toEqual([]);
    const text = visibleText(card);
    expect(text).toContain('BUC-1.3 updated');
    expect(text).toMatch(/Before[\s\S]*Red[\s\S]*After[\s\S]*Amber/);
    expect(text).toContain('referral backlog halved since March');
    const saved = await app.store.records.getRecommendation('BUC', 'BUC-1.3');
    expect(saved?.value).toMatchObject({
      rag: 'amber',
      latestUpdate: { text: 'referral backlog halved since March' },
    });
    const data = undoData(card);
    expect(data).toMatchObject({ recommendationId: 'BUC-1.3' });

    app.setNow(new Date('2026-11-22T10:05:00Z'));
    const undo = await app.client.sendInvoke('undoStatus', data ?? {}, demoPeople.sll);

    expect(visibleText(invokeCard(undo))).toContain('Undone: BUC-1.3 is back as it was');
    const restored = await app.store.records.getRecommendation('BUC', 'BUC-1.3');
    expect(restored?.value.rag).toBe('red');
    expect(restored?.value.latestUpdate).toEqual(original?.value.latestUpdate);
    expect(restored?.value.latestUpdate?.id).not.toBe(saved?.value.latestUpdate?.id);
    const audit = await app.store.records.listAudit('BUC', 'BUC-1', { limit: 1 });
    expect(audit[0]).toMatchObject({
      action: 'recommendation.status-update-undone',
      actor: demoPeople.sll.objectId,
    });
    expect(audit[0]?.changes).toContainEqual({ field: 'rag', from: 'amber', to: 'red' });

    const again = await app.client.sendInvoke('undoStatus', data ?? {}, demoPeople.sll);
    expect(visibleText(invokeCard(again))).toContain("can't undo this change");
  });

  it('refuses Undo by someone else, naming who may', async () => {
    const turn = await app.client.sendMessage(
      'status BUC-1.1 in progress green on track again',
      demoPeople.sll,
    );
    const before = await app.store.records.getRecommendation('BUC', 'BUC-1.1');

    const undo = await app.client.sendInvoke('undoStatus', undoData(turn.cards[0]) ?? {}, demoPeople.admin);

    expect(visibleText(invokeCard(undo))).toContain(
      "You can't undo this change: only Sam Patel, who made it, can undo it.",
    );
    expect((await app.store.records.getRecommendation('BUC', 'BUC-1.1'))?.value).toEqual(before?.value);
  });

  it('answers bad syntax with a short usage hint', async () => {
    const turn = await app.client.sendMessage('status BUC-1.3 purple', demoPeople.sll);

    expect(findCardProblems(turn.cards[0])).toEqual([]);
    expect(visibleText(turn.cards[0])).toContain('For example: status BUC-1.3 amber');
  });

  it('refuses a signed-off recommendation and an SLO, saying why', async () => {
    const closed = await app.client.sendMessage('status BUC-1.2 amber reopened?', demoPeople.sll);
    expect(visibleText(closed.cards[0])).toContain('signed off (closed)');

    const slo = await app.client.sendMessage('status HWF-1.2 green done', demoPeople.slo);
    expect(visibleText(slo.cards[0])).toContain("You can't update this recommendation");
  });
});
