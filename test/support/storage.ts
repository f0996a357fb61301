import { randomBytes } from 'node:crypto';

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
