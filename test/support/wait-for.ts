/**
 * Waiting for something the bot does in its own time (a card posted after the answer, a stored row,
 * a log line): polls until it shows, so a loaded machine only makes the wait longer. The upper
 * bound is there to name what never came; keep the test's timeout above it.
 */

/** How long a wait may take before it fails, by default. */
export const waitLimitMs = 60_000;

export interface WaitOptions {
  /** Fail after this long (default a minute). */
  withinMs?: number;
  /** Look again after this long. */
  everyMs?: number;
}

/** Polls `find` until it gives something other than `undefined`, and returns that. */
export async function waitFor<T>(
  what: string,
  find: () => T | undefined | Promise<T | undefined>,
  { withinMs = waitLimitMs, everyMs = 25 }: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out after ${String(withinMs)} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Polls `check` until it holds. */
export async function waitUntil(
  what: string,
  check: () => boolean | Promise<boolean>,
  options: WaitOptions = {},
): Promise<void> {
  await waitFor(what, async () => ((await check()) ? true : undefined), options);
}
