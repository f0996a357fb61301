import { startAzurite } from '../../src/dev/azurite';

/** Starts one in-memory Azurite on a free port for the whole run; tests isolate by table prefix. */
export default async function globalSetup(): Promise<void> {
  const azurite = await startAzurite({ inMemory: true });
  process.env.TEST_STORAGE_CONNECTION_STRING = azurite.connectionString;
  (globalThis as { __azurite__?: typeof azurite }).__azurite__ = azurite;
}
