/**
 * A revisit is of an open cause of concern (§17-20): once its CoC has closed, a proposal still
 * waiting can't be endorsed, and the Chief of Staff is told why, with nothing saved.
 */
import { demoPeople } from '../../src/demo/people';
import { useAppUnderTest } from '../support/app-under-test';
import { visibleText } from '../support/bot-client';
import { action, invokeCard } from '../support/cards';

describe('a revisit waiting when its cause of concern closes', () => {
  const app = useAppUnderTest();

  it('is not endorsed once the CoC is closed', async () => {
    const form = (await app.client.sendMessage('revisit BUC-1', demoPeople.sll)).cards[0];
    const submit = action(form, 'Propose the revisit');
    const proposed = invokeCard(
      await app.client.sendInvoke(
        submit.verb,
        {
          ...submit.data,
          firstDay: '2026-12-01',
          lastDay: '2026-12-02',
          purpose: 'Check the audits.',
          team: 'Sam Patel and one inspector',
        },
        demoPeople.sll,
      ),
    );
    expect(visibleText(proposed)).toContain('Revisit BUC-1-R1 proposed.');

    // The CoC closes meanwhile (its recommendations signed off through the chain elsewhere).
    const coc = await app.store.records.getCoc('BUC', 'BUC-1');
    if (!coc) throw new Error('demo BUC-1 missing');
    await app.store.records.commit('BUC', [
      {
        kind: 'update',
        etag: coc.etag,
        entity: {
          type: 'coc',
          value: { ...coc.value, status: 'closed', closedAt: '2026-11-22T09:00:00.000Z' },
        },
      },
    ]);

    const endorsed = invokeCard(
      await app.client.sendInvoke(
        'decideRevisit',
        { revisitId: 'BUC-1-R1', step: 'cos', decision: 'approve' },
        demoPeople.cos,
      ),
    );

    expect(visibleText(endorsed)).toContain("BUC-1 is closed, so revisit BUC-1-R1 can't be approved now.");
    expect((await app.store.records.getRevisit('BUC', 'BUC-1-R1'))?.value.status).toBe('pendingCos');
  });
});
