import { createAppContext, type AppContext } from '../../src/app/shared/app-context';
import {
  listPageSize,
  listRecords,
  type ListRow,
  type RecordListPage,
} from '../../src/app/lists/list-records';
import { demoCausesOfConcern } from '../../src/demo/causes-of-concern';
import { extraDemoPeople } from '../../src/demo/extra-people';
import { demoPeople } from '../../src/demo/people';
import { demoRecommendations } from '../../src/demo/recommendations';
import { demoAreasForImprovement, demoToday } from '../../src/demo/records';
import { seedDemoData } from '../../src/demo/seed';
import type { Person } from '../../src/domain/records';
import { aFreshStore } from '../support/storage';

/** Days from the demo's today to a date, counted by hand on UTC midnights. */
function daysFromToday(date: string): number {
  return (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${demoToday}T00:00:00Z`)) / 86_400_000;
}

/** What the demo data says a person owning records as SLL should see, worked out from the data set itself. */
function expectedForSll(objectId: string) {
  const cocs = demoCausesOfConcern.filter((c) => c.owners.sll === objectId && c.status === 'open');
  const cocIds = new Set(cocs.map((c) => c.id));
  const recommendations = demoRecommendations.filter(
    (r) => r.cocId !== undefined && cocIds.has(r.cocId) && r.status !== 'closed',
  );
  const afis = demoAreasForImprovement.filter((a) => a.sll === objectId && a.status !== 'closed');
  const recommendationDue = recommendations
    .filter((r) => r.status === 'open' || r.status === 'inProgress')
    .map((r) => r.targetDateRevisions.at(-1)?.date ?? r.originalTargetDate)
    .flatMap((date) => (date ? [daysFromToday(date)] : []));
  const afiDue = afis
    .filter((a) => a.status === 'open' && a.targetDate)
    .map((a) => daysFromToday(a.targetDate ?? ''));
  const due = [...recommendationDue, ...afiDue];
  return {
    ids: [...cocs.map((c) => c.id), ...recommendations.map((r) => r.id), ...afis.map((a) => a.id)].sort(),
    causesOfConcern: cocs.length,
    recommendations: recommendations.length,
    areasForImprovement: afis.length,
    overdue: due.filter((d) => d < 0).length,
    dueSoon: due.filter((d) => d >= 0 && d <= 14).length,
  };
}

describe('listRecords', () => {
  let context: AppContext;

  /** Every row of every page of a list. */
  async function allRows(actor: Person, query: Parameters<typeof listRecords>[2]): Promise<ListRow[]> {
    const rows: ListRow[] = [];
    for (let page = 1; ; page += 1) {
      const result = await listRecords(context, actor, query, page);
      if (!result.ok) throw new Error(result.error.reason);
      rows.push(...result.value.rows);
      if (page >= result.value.pageCount) return rows;
    }
  }

  async function firstPage(actor: Person, query: Parameters<typeof listRecords>[2]): Promise<RecordListPage> {
    const result = await listRecords(context, actor, query);
    if (!result.ok) throw new Error(result.error.reason);
    return result.value;
  }

  beforeAll(async () => {
    const store = await aFreshStore();
    await seedDemoData(store);
    context = createAppContext(store, { now: () => new Date(`${demoToday}T10:00:00Z`) });
  });

  it('gives the SLL their own open records with counts that match the demo data', async () => {
    const expected = expectedForSll(demoPeople.sll.objectId);

    const list = await firstPage(demoPeople.sll, { kind: 'mine' });
    const rows = await allRows(demoPeople.sll, { kind: 'mine' });

    expect(list.counts).toMatchObject({
      causesOfConcern: expected.causesOfConcern,
      recommendations: expected.recommendations,
      areasForImprovement: expected.areasForImprovement,
      dueSoonDays: 14,
    });
    // No CoC obligation of the demo SLL is late or due within 14 days on 22 November 2026:
    // HWF-1's action plan, the nearest, is due on 9 December 2026.
    expect(list.counts.overdue).toBe(expected.overdue);
    expect(list.counts.dueSoon).toBe(expected.dueSoon);
    expect(rows.map((r) => r.id).sort()).toEqual(expected.ids);
    expect(list.rows).toHaveLength(listPageSize);
    expect(list.totalRows).toBe(expected.ids.length);
  });

  it('leaves out closed recommendations and areas for improvement', async () => {
    const ids = (await allRows(demoPeople.sll, { kind: 'mine' })).map((r) => r.id);

    expect(ids).not.toContain('BUC-1.2');
    expect(ids).not.toContain('HWF-2.1');
    expect(ids).toContain('BUC-1.1');
  });

  it('shows the newest record first, each CoC just before its recommendations', async () => {
    const rows = await allRows(demoPeople.sll, { kind: 'mine' });

    expect(rows.slice(0, 4).map((r) => r.id)).toEqual(['HWF-1', 'HWF-1.1', 'HWF-1.2', 'HWF-1.3']);
    const issued = rows.map((r) => r.issuedAt);
    expect([...issued].sort().reverse()).toEqual(issued);
  });

  it("gives a CoC's row its earliest unmet obligation: HWF-1's action plan, 28 working days after the letter", async () => {
    const rows = await allRows(demoPeople.sll, { kind: 'mine' });

    expect(rows.find((r) => r.id === 'HWF-1')?.next).toEqual({
      kind: 'actionPlan',
      dueDate: '2026-12-09',
      daysUntilDue: 17,
    });
    expect(rows.find((r) => r.id === 'BUC-2.3')?.next).toEqual({
      kind: 'targetDate',
      dueDate: '2026-10-30',
      daysUntilDue: -23,
    });
  });

  it('lists only overdue records for list overdue, all with days late', async () => {
    const rows = await allRows(demoPeople.sll, { kind: 'overdue' });

    expect(rows).toHaveLength(expectedForSll(demoPeople.sll.objectId).overdue);
    expect(rows.every((r) => r.next !== undefined && r.next.daysUntilDue < 0)).toBe(true);
    expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining(['BUC-1.3', 'BUC-2.3', 'HWF-1.3']));
  });

  it("gives a Service Liaison Officer their service's records and nobody else's", async () => {
    const rows = await allRows(demoPeople.slo, { kind: 'mine' });

    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.serviceCode))).toEqual(new Set(['HWF']));
  });

  it("refuses an SLL the list of another region's service, saying why", async () => {
    const result = await listRecords(context, demoPeople.sll, { kind: 'service', serviceCode: 'CUM' });

    expect(result).toEqual({
      ok: false,
      error: {
        code: 'not-allowed',
        reason:
          "You can't see this: you are not the Service Liaison Lead for Cumbria Fire and Rescue Service.",
      },
    });
  });

  it("refuses a Service Liaison Officer another service's list", async () => {
    const result = await listRecords(context, demoPeople.slo, { kind: 'service', serviceCode: 'BUC' });

    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.reason).toContain(
      'you are not a Service Liaison Officer for Buckinghamshire',
    );
  });

  it("gives the central Chief of Staff the region's records they own, not the north's", async () => {
    const ids = (await allRows(demoPeople.cos, { kind: 'mine' })).map((r) => r.id);

    expect(ids).toEqual(expect.arrayContaining(['BUC-1', 'WMF-1', 'WMF-1.1']));
    expect(ids).not.toContain('CUM-1');
    expect(ids).not.toContain('LFB-1');
  });

  it('lets an administrator list any service, with its name', async () => {
    const list = await firstPage(demoPeople.admin, { kind: 'service', serviceCode: 'CUM' });

    expect(list.serviceName).toBe('Cumbria Fire and Rescue Service');
    expect(list.rows.map((r) => r.id)).toEqual(['CUM-1', 'CUM-1.1', 'CUM-1.2']);
  });

  it('gives a stand-in the records of the Chief of Staff they cover today', async () => {
    await context.store.directory.putDelegation({
      id: 'leave-central-cos',
      from: demoPeople.cos.objectId,
      to: demoPeople.cosNorth.objectId,
      role: 'cos',
      startDate: '2026-11-16',
      endDate: '2026-11-27',
    });

    const ids = (await allRows(demoPeople.cosNorth, { kind: 'mine' })).map((r) => r.id);
    const sameServiceList = await listRecords(context, demoPeople.cosNorth, {
      kind: 'service',
      serviceCode: 'BUC',
    });

    expect(ids).toEqual(expect.arrayContaining(['CUM-1', 'BUC-1', 'WMF-1']));
    expect(sameServiceList.ok && sameServiceList.value.rows.map((r) => r.id)).toContain('BUC-1');
    await context.store.directory.removeDelegation('leave-central-cos');
  });

  it('clamps a page past the end to the last page', async () => {
    const list = await listRecords(context, demoPeople.sll, { kind: 'mine' }, 99);

    const pages = Math.ceil(expectedForSll(demoPeople.sll.objectId).ids.length / listPageSize);
    expect(list).toMatchObject({ ok: true, value: { page: pages, pageCount: pages } });
  });

  it('keeps the guest Service Liaison Officer of Buckinghamshire to Buckinghamshire', async () => {
    const rows = await allRows(extraDemoPeople.sloBuckinghamshire, { kind: 'mine' });

    expect(new Set(rows.map((r) => r.serviceCode))).toEqual(new Set(['BUC']));
  });

  it('says it does not know a service code that is not in the directory', async () => {
    const result = await listRecords(context, demoPeople.admin, { kind: 'service', serviceCode: 'ZZZ' });

    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('not-found');
  });
});
