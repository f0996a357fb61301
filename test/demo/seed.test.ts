import { seedDemoDataIfEmpty } from '../../src/demo/seed';
import { demoDataSet } from '../../src/demo/records';
import { aFreshStore } from '../support/storage';

describe('demo seeding', () => {
  it('writes the demo data once and the records read back as seeded', async () => {
    const store = await aFreshStore();

    expect(await seedDemoDataIfEmpty(store)).toEqual({ seeded: true });
    expect(await seedDemoDataIfEmpty(store)).toEqual({ seeded: false });

    expect(await store.directory.listServices()).toHaveLength(44);
    const buc1 = await store.records.getCocWithRecommendations('BUC', 'BUC-1');
    const expected = demoDataSet.recommendations.filter((r) => r.cocId === 'BUC-1').map((r) => r.id);
    expect(buc1?.recommendations.map((r) => r.value.id)).toEqual(expected);

    const next = await store.records.nextNumber('HWF', 'afi');
    const hwfAfis = demoDataSet.areasForImprovement.filter((a) => a.serviceCode === 'HWF');
    expect(next.number).toBe(hwfAfis.length + 1);
  });
});
