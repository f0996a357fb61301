import { findFreePort, azuriteConnectionString } from '../../src/dev/azurite';
import { createStore, StorageUnavailableError } from '../../src/store';
import { aFreshStore, uniqueTablePrefix } from '../support/storage';

describe('checkStorageReady', () => {
  it('reports ready against Azurite once the tables exist, and creating them twice is fine', async () => {
    const store = await aFreshStore();
    await store.ensureTables();

    expect(await store.checkStorageReady()).toEqual({ ready: true });
  });

  it('reports not ready, naming the table, before the tables are created', async () => {
    const store = await aFreshStore({ ensureTables: false });

    const readiness = await store.checkStorageReady();

    expect(readiness.ready).toBe(false);
    expect(readiness.reason).toMatch(/records does not exist/);
  });

  it('reports not ready, quickly, when nothing listens on the port', async () => {
    const port = await findFreePort();
    const store = createStore({
      connectionString: azuriteConnectionString(port),
      tablePrefix: uniqueTablePrefix(),
      retry: { maxRetries: 0 },
    });

    const started = performance.now();
    const readiness = await store.checkStorageReady();

    expect(readiness.ready).toBe(false);
    expect(readiness.reason).toMatch(/unavailable/i);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('raises StorageUnavailableError from a read when nothing listens on the port', async () => {
    const port = await findFreePort();
    const store = createStore({ connectionString: azuriteConnectionString(port), retry: { maxRetries: 0 } });

    await expect(store.records.getCoc('BUC', 'BUC-1')).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(store.records.getCoc('BUC', 'BUC-1')).rejects.toMatchObject({ code: 'storage-unavailable' });
  });
});
