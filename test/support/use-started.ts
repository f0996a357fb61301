/**
 * Something a whole `describe` (or file) shares: started in `beforeAll`, closed in `afterAll`. The
 * returned stand-in reads through to the started thing, so tests use it as if they held it.
 * `startTimeoutMs` bounds the start (the configuration's test timeout when not given).
 */
export function useStarted<T extends { close(): Promise<void> }>(
  start: () => Promise<T>,
  startTimeoutMs?: number,
): T {
  let running: T | undefined;
  beforeAll(async () => {
    running = await start();
  }, startTimeoutMs);
  afterAll(async () => {
    await running?.close();
    running = undefined;
  });
  return new Proxy({} as T, {
    get(_target, key) {
      if (!running) throw new Error(`not started yet (read of ${String(key)} outside a test)`);
      return Reflect.get(running, key) as unknown;
    },
  });
}
