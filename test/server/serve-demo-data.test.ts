/**
 * `DEMO_DATA=true npm run serve` on an empty store: the server itself writes the demo data (the
 * README says so), and leaves a store that has data alone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { findFreePort } from '../../src/dev/azurite';
import { createStore, type Store } from '../../src/store';
import { testConnectionString, uniqueTablePrefix } from '../support/storage';

const main = path.join(__dirname, '..', '..', 'src', 'main.ts');

/** Starts `npm run serve`'s entry point and waits until /readyz answers 200. */
async function serve(tablePrefix: string): Promise<ChildProcess> {
  const port = await findFreePort();
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: {
      ...process.env,
      APP_MODE: 'local',
      DEMO_DATA: 'true',
      LOG_LEVEL: 'silent',
      PORT: String(port),
      STORAGE_CONNECTION_STRING: testConnectionString(),
      TABLE_PREFIX: tablePrefix,
      REMINDER_SWEEP_TIME: 'off',
      MicrosoftAppId: '',
    },
    stdio: 'ignore',
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${String(child.exitCode)}`);
    const ready = await fetch(`http://127.0.0.1:${String(port)}/readyz`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ready) return child;
    if (Date.now() > deadline) throw new Error('the server was not ready within a minute');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await gone;
}

describe('DEMO_DATA=true npm run serve', () => {
  let store: Store;
  let tablePrefix: string;

  beforeAll(async () => {
    tablePrefix = uniqueTablePrefix();
    store = createStore({ connectionString: testConnectionString(), tablePrefix });
    await store.ensureTables();
  });

  it('writes the demo data into an empty store before it answers', async () => {
    expect(await store.directory.listServices()).toEqual([]);

    const child = await serve(tablePrefix);
    try {
      // A store of its own: the first one keeps the directory it read (empty) for a few seconds.
      const after = createStore({ connectionString: testConnectionString(), tablePrefix });
      expect((await after.directory.listServices()).length).toBe(44);
      expect(await store.records.getCoc('BUC', 'BUC-1')).not.toBeNull();
    } finally {
      await stop(child);
    }
  }, 90_000);

  it('leaves a store that already has data as it is', async () => {
    const coc = await store.records.getCoc('BUC', 'BUC-1');
    const child = await serve(tablePrefix);
    try {
      expect((await store.records.getCoc('BUC', 'BUC-1'))?.etag).toBe(coc?.etag);
    } finally {
      await stop(child);
    }
  }, 90_000);
});
