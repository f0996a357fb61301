import { renderHistoryCard } from '../../src/views/history/history-card';
import { visibleText } from '../support/bot-client';

describe('the history card', () => {
  it('says a progress note became the latest update, not its internal id', () => {
    const card = renderHistoryCard({
      subject: { kind: 'coc', id: 'BUC-1', title: 'Risk-based inspection programme' },
      events: [
        {
          id: 'event-1',
          at: '2026-11-22T10:00:00Z',
          actor: 'sll-sam',
          action: 'recommendation.progress-added',
          subject: { kind: 'recommendation', id: 'BUC-1.1' },
          serviceCode: 'BUC',
          cocId: 'BUC-1',
          changes: [{ field: 'latestUpdate', to: 'BUC-1.1-U7' }],
        },
      ],
      names: { 'sll-sam': 'Sam Patel' },
      page: 1,
      pageCount: 1,
      totalEvents: 1,
    });

    const text = visibleText(card);
    expect(text).toContain('Added a progress note to recommendation BUC-1.1');
    expect(text).toContain('Latest update');
    expect(text).toContain('(none) → A progress note');
    expect(text).not.toContain('BUC-1.1-U7');
  });

  it('says a note replaced an earlier one, without either id', () => {
    const card = renderHistoryCard({
      subject: { kind: 'coc', id: 'BUC-1', title: 'Risk-based inspection programme' },
      events: [
        {
          id: 'event-2',
          at: '2026-11-23T10:00:00Z',
          actor: 'sll-sam',
          action: 'recommendation.progress-added',
          subject: { kind: 'recommendation', id: 'BUC-1.1' },
          serviceCode: 'BUC',
          cocId: 'BUC-1',
          changes: [{ field: 'latestUpdate', from: 'BUC-1.1-U7', to: 'BUC-1.1-U8' }],
        },
      ],
      names: { 'sll-sam': 'Sam Patel' },
      page: 1,
      pageCount: 1,
      totalEvents: 1,
    });

    const text = visibleText(card);
    expect(text).toContain('An earlier progress note → A progress note');
    expect(text).not.toContain('BUC-1.1-U');
  });
});
