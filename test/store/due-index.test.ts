import { rebuildDueIndex, keepDueIndex } from '../../src/app/reminders/due-index';
import { reviseTargetDate } from '../../src/app/records/revise-target-date';
import { demoPeople } from '../../src/demo/people';
import { useAppUnderTest } from '../support/app-under-test';

describe('the due index', () => {
  const app = useAppUnderTest();

  beforeAll(async () => {
    keepDueIndex(app.appContext, (error) => {
      throw error;
    });
    await rebuildDueIndex(app.appContext);
  });

  it('holds every unmet obligation of the seed, readable by due date up to a day', async () => {
    const all = await app.store.dueIndex.listDueUpTo('2099-12-31');
    const inWeek = await app.store.dueIndex.listDueUpTo('2026-11-29');

    expect(all.length).toBeGreaterThan(inWeek.length);
    expect(inWeek.every((entry) => entry.dueDate <= '2026-11-29')).toBe(true);
    expect(inWeek.map((entry) => `${entry.subjectId} ${entry.kind}`)).toEqual(
      expect.arrayContaining(['BUC-1.1 targetDate', 'BUC-2.2 targetDate', 'BUC-1.3 targetDate']),
    );
    expect(all.map((entry) => entry.kind)).toEqual(expect.arrayContaining(['engagement', 'quarterlyUpdate']));
  });

  it('follows a revised target date as soon as the change is saved, and leaves no pending mark', async () => {
    const result = await reviseTargetDate(app.appContext, demoPeople.sll, {
      recommendationId: 'BUC-1.1',
      date: '2027-03-31',
      reason: 'The new fleet arrives in March.',
    });
    expect(result.ok).toBe(true);

    const inWeek = await app.store.dueIndex.listDueUpTo('2026-11-29');
    const later = await app.store.dueIndex.listDueUpTo('2027-03-31');
    expect(inWeek.find((entry) => entry.subjectId === 'BUC-1.1')).toBeUndefined();
    expect(later.find((entry) => entry.subjectId === 'BUC-1.1')).toMatchObject({
      kind: 'targetDate',
      dueDate: '2027-03-31',
      cocId: 'BUC-1',
    });
    expect(await app.store.dueIndex.listPending()).toEqual([]);
  });

  it('replaces a CoC whose index was changed meanwhile only after re-reading (ETag on the CoC row)', async () => {
    const entries = (await app.store.dueIndex.listDueUpTo('2099-12-31')).filter((e) => e.cocId === 'BUC-2');
    await Promise.all([
      app.store.dueIndex.replaceCoc('BUC', 'BUC-2', entries),
      app.store.dueIndex.replaceCoc('BUC', 'BUC-2', entries),
    ]).catch((error: unknown) => {
      expect(String(error)).toContain('was changed by someone else');
    });
    const after = (await app.store.dueIndex.listDueUpTo('2099-12-31')).filter((e) => e.cocId === 'BUC-2');
    expect(after).toEqual(entries);
  });
});
