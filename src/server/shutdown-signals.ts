/**
 * Runs one clean shutdown on Ctrl-C (SIGINT) or SIGTERM (Azure stopping the container).
 *
 * A second signal while shutting down exits at once, for when something hangs.
 */

/** Calls `shutDown` once on the first SIGINT/SIGTERM, then exits 0 (or 1 if it failed). */
export function exitCleanlyOnSignal(shutDown: () => Promise<void>, report: (error: unknown) => void): void {
  let stopping = false;
  const onSignal = (): void => {
    if (stopping) process.exit(1);
    stopping = true;
    shutDown().then(
      () => process.exit(0),
      (error: unknown) => {
        report(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
