/**
 * The store `npm run import` and `npm run export` work on: the configured one (STORAGE_* in the
 * environment or .env), or, locally with nothing configured, the same Azurite data folder that
 * `npm start` uses (.data/azurite), started for the duration of the command.
 */
import path from 'node:path';
import { loadConfig, readEnvironment } from '../../src/config';
import { azuriteConnectionString, localAzurite, startAzurite } from '../../src/dev/azurite';
import { storeOptionsFor } from '../../src/main';
import { createStore, type Store } from '../../src/store';

export interface TransferStore {
  store: Store;
  where: string;
  close(): Promise<void>;
}

export async function openTransferStore(): Promise<TransferStore> {
  const config = loadConfig(readEnvironment());
  if (config.storage) {
    const store = createStore(storeOptionsFor(config.storage, config.tablePrefix));
    await store.ensureTables();
    const where =
      config.storage.kind === 'accountUrl' ? config.storage.accountUrl : 'STORAGE_CONNECTION_STRING';
    return { store, where, close: () => Promise.resolve() };
  }
  // `npm start` already running: use its Azurite rather than open the same folder twice.
  const running = createStore({
    connectionString: azuriteConnectionString(localAzurite.preferredPort),
    tablePrefix: config.tablePrefix,
  });
  if ((await running.checkStorageReady({ timeoutMs: 1000 })).ready) {
    return {
      store: running,
      where: `the Azurite of \`npm start\` (port ${String(localAzurite.preferredPort)})`,
      close: () => Promise.resolve(),
    };
  }
  const { location } = localAzurite;
  const azurite = await startAzurite({ inMemory: false, location });
  const store = createStore({ connectionString: azurite.connectionString, tablePrefix: config.tablePrefix });
  await store.ensureTables();
  return {
    store,
    where: `local Azurite data in ${path.relative(process.cwd(), location)}`,
    close: () => azurite.stop(),
  };
}

/**
 * Runs a command's `work` on the transfer store, closes it, and exits with the code `work` gives
 * (1, with the error printed, when it throws).
 */
export function runOnTransferStore(work: (target: TransferStore) => Promise<number>): void {
  const run = async (): Promise<number> => {
    const target = await openTransferStore();
    try {
      return await work(target);
    } finally {
      await target.close();
    }
  };
  run().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
