import { countRoundTrips } from '../../scripts/bench/round-trips';
import { aFreshStore } from '../support/storage';

describe('the round-trip counter of npm run bench', () => {
  it('counts each request a store sends, per table, and starts again from zero on reset', async () => {
    const store = await aFreshStore();
    const counter = countRoundTrips(store.tables);

    await store.directory.getPerson('00000000-0000-0000-0000-0000000000c1');
    await store.directory.getService('BUC');
    await store.directory.getPerson('00000000-0000-0000-0000-0000000000c2'); // the directory cache answers
    await store.records.listCocs('BUC');

    expect(counter.byTable).toEqual({ records: 1, directory: 2, conversations: 0, scheduler: 0 });
    expect(counter.total).toBe(3);
    counter.reset();
    expect(counter.total).toBe(0);
  });
});
