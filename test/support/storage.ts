import { randomBytes } from 'node:crypto';
import { createStore, type Store, type StoreOptions } from '../../src/store';

/** The connection string of the Azurite the test run started (see global-setup.ts). */
export function testConnectionString(): string {
  const value = process.env.TEST_STORAGE_CONNECTION_STRING;
  if (!value) throw new Error('TEST_STORAGE_CONNECTION_STRING is not set: run the tests through jest');
  return value;
}

/** A table-name prefix unique to one test, so tests sharing one Azurite never see each other's data. */
export function uniqueTablePrefix(): string {
  return `t${randomBytes(5).toString('hex')}`;
}

/**
 * A store over fresh tables in the test Azurite, its tables created unless `ensureTables` is false.
 * `options` overrides the connection (retry policy, another prefix).
 */
export async function aFreshStore(
  options: Partial<StoreOptions> & { ensureTables?: boolean } = {},
): Promise<Store> {
  const { ensureTables = true, ...overrides } = options;
  const store = createStore({
    connectionString: testConnectionString(),
    tablePrefix: uniqueTablePrefix(),
    ...overrides,
  });
  if (ensureTables) await store.ensureTables();
  return store;
}
