import { quickStatusUpdate } from '../../src/app/records/quick-status-update';
import { undoQuickStatusUpdate } from '../../src/app/records/undo-quick-status-update';
import { demoPeople } from '../../src/demo/people';
import { useAppUnderTest } from '../support/app-under-test';

describe('quick status update and its undo (use cases)', () => {
  const app = useAppUnderTest();

  it('records one audit event with every change, so Undo can reverse exactly that', async () => {
    const result = await quickStatusUpdate(app.appContext, demoPeople.sll, {
      recommendationId: 'BUC-2.3',
      status: 'inProgress',
      rag: 'amber',
      text: 'Consultation finished.',
    });

    if (!result.ok) throw new Error(result.error.reason);
    expect(result.value.events).toHaveLength(1);
    expect(result.value.events[0]?.changes.map((c) => c.field)).toEqual(['status', 'latestUpdate', 'rag']);
  });

  it('refuses Undo once someone changed the recommendation since, saying who and when', async () => {
    app.setNow(new Date('2026-11-22T11:00:00Z'));
    const update = await quickStatusUpdate(app.appContext, demoPeople.sll, {
      recommendationId: 'BUC-1.1',
      rag: 'red',
      text: 'Slipping.',
    });
    if (!update.ok) throw new Error(update.error.reason);
    app.setNow(new Date('2026-11-22T11:30:00Z'));
    await quickStatusUpdate(app.appContext, demoPeople.sll, {
      recommendationId: 'BUC-1.1',
      rag: 'amber',
      text: 'Better.',
    });

    const undo = await undoQuickStatusUpdate(app.appContext, demoPeople.sll, {
      recommendationId: 'BUC-1.1',
      auditEventId: update.value.events[0]?.id ?? '',
    });

    expect(undo).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        reason:
          "You can't undo this change: BUC-1.1 was changed by Sam Patel at 11:30 on 22 November 2026, after your update.",
      },
    });
    expect((await app.store.records.getRecommendation('BUC', 'BUC-1.1'))?.value.rag).toBe('amber');
  });
});
