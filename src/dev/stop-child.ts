/** Stopping the helper processes `npm start` runs (Azurite, the Agents Playground). */
import type { ChildProcess } from 'node:child_process';

/** Asks a child process to stop with `signal`, killing it if it has not gone within 5 seconds. */
export function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}
