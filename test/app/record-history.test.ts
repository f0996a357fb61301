import { createAppContext, type AppContext } from '../../src/app/shared/app-context';
import { historyPageSize, recordHistory } from '../../src/app/history/record-history';
import { demoPeople } from '../../src/demo/people';
import { demoToday } from '../../src/demo/records';
import { seedDemoData } from '../../src/demo/seed';
import { decideRecommendation, type RecommendationCommand } from '../../src/domain/lifecycle';
import type { Person } from '../../src/domain/records';
import type { RecordChange } from '../../src/store';
import { aFreshStore } from '../support/storage';

describe('recordHistory', () => {
  let context: AppContext;
  let eventNumber = 0;

  /** Changes BUC-1.1 as `actor` at `now`, saving the new state and its audit events in one commit. */
  async function changeBuc11(actor: Person, now: string, command: RecommendationCommand): Promise<void> {
    const current = await context.store.records.getRecommendation('BUC', 'BUC-1.1');
    if (!current) throw new Error('BUC-1.1 is missing');
    const decided = decideRecommendation(current.value, command, {
      actor,
      now,
      newId: () => `event-${String((eventNumber += 1))}`,
    });
    if (!decided.ok) throw new Error(decided.error.reason);
    const changes: RecordChange[] = [
      { kind: 'update', entity: { type: 'recommendation', value: decided.value.state }, etag: current.etag },
      ...decided.value.events.map((value): RecordChange => ({
        kind: 'append',
        entity: { type: 'audit', value },
      })),
    ];
    await context.store.records.commit('BUC', changes);
  }

  beforeAll(async () => {
    const store = await aFreshStore();
    await seedDemoData(store);
    context = createAppContext(store, { now: () => new Date(`${demoToday}T10:00:00Z`) });
    await changeBuc11(demoPeople.sll, '2026-11-20T09:30:00.000Z', { type: 'setRag', rag: 'red' });
    await changeBuc11(demoPeople.admin, '2026-11-21T16:45:00.000Z', {
      type: 'reviseTargetDate',
      date: '2027-01-29',
      reason: 'Two audits moved after the inspectors fell ill.',
    });
  });

  it('gives the history of a CoC newest first, its recommendations included, naming the people', async () => {
    const history = await recordHistory(context, demoPeople.sll, 'BUC-1');

    if (!history.ok) throw new Error(history.error.reason);
    expect(history.value.subject).toEqual({
      kind: 'coc',
      id: 'BUC-1',
      title: 'Risk-based inspection programme',
    });
    expect(history.value.events.map((e) => [e.action, e.at])).toEqual([
      ['recommendation.target-date-revised', '2026-11-21T16:45:00.000Z'],
      ['recommendation.rag-changed', '2026-11-20T09:30:00.000Z'],
      ['record.imported', '2025-11-21T11:00:00Z'],
    ]);
    expect(history.value.events[1]?.changes).toEqual([{ field: 'rag', from: 'amber', to: 'red' }]);
    expect(history.value.names).toMatchObject({
      [demoPeople.sll.objectId]: 'Sam Patel',
      [demoPeople.admin.objectId]: 'Priya Shah',
    });
  });

  it("shows a recommendation's history through its CoC", async () => {
    const history = await recordHistory(context, demoPeople.cos, 'buc-1.1');

    expect(history).toMatchObject({ ok: true, value: { subject: { id: 'BUC-1' }, askedFor: 'BUC-1.1' } });
  });

  it('gives an area for improvement its own history', async () => {
    const history = await recordHistory(context, demoPeople.sll, 'BUC-AFI-1');

    expect(history).toMatchObject({
      ok: true,
      value: { subject: { kind: 'afi', id: 'BUC-AFI-1' }, totalEvents: 1 },
    });
  });

  it("refuses a Service Liaison Officer another service's history, saying why", async () => {
    const history = await recordHistory(context, demoPeople.slo, 'BUC-1');

    expect(history).toEqual({
      ok: false,
      error: {
        code: 'not-allowed',
        reason:
          "You can't see this: you are not a Service Liaison Officer for Buckinghamshire Fire and Rescue Service.",
      },
    });
  });

  it('says when a record does not exist or the id is not one', async () => {
    expect(await recordHistory(context, demoPeople.sll, 'BUC-9')).toEqual({
      ok: false,
      error: { code: 'not-found', reason: "I can't find BUC-9." },
    });
    expect(await recordHistory(context, demoPeople.sll, 'BUC-1.9')).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    const notAnId = await recordHistory(context, demoPeople.sll, 'yesterday');
    expect(!notAnId.ok && notAnId.error.reason).toContain('“yesterday” is not a record id');
  });

  it(`pages a long history ${String(historyPageSize)} events at a time, oldest on the last page`, async () => {
    for (let i = 0; i < 22; i += 1) {
      const minute = String(i).padStart(2, '0');
      await changeBuc11(demoPeople.sll, `2026-11-22T08:${minute}:00.000Z`, {
        type: 'setRag',
        rag: i % 2 === 0 ? 'amber' : 'red',
      });
    }

    const first = await recordHistory(context, demoPeople.sll, 'BUC-1', 1);
    const second = await recordHistory(context, demoPeople.sll, 'BUC-1', 2);

    expect(first).toMatchObject({ ok: true, value: { page: 1, pageCount: 2, totalEvents: 25 } });
    expect(first.ok && first.value.events).toHaveLength(historyPageSize);
    expect(first.ok && first.value.events[0]?.at).toBe('2026-11-22T08:21:00.000Z');
    expect(second.ok && second.value.events.map((e) => e.action).at(-1)).toBe('record.imported');
    expect(second.ok && second.value.events).toHaveLength(5);
  });
});
