/**
 * Records promise rejections nobody handled while a test file runs, so a test can assert there
 * were none.
 *
 * Jest gives each test file a copy of `process` with its own listeners, and Node reports
 * unhandled rejections to the real one, so the listener goes on the real `process`, reached
 * through the outer context. (Jest also fails the running test on such a rejection; the recorder
 * makes the check explicit and catches one that lands between tests.)
 */
import { runInThisContext } from 'node:vm';

export interface RejectionRecorder {
  /** Reasons of the rejections seen since `start`. */
  seen: unknown[];
  start(): void;
  stop(): void;
}

/** A recorder; call `start()` in `beforeAll` and `stop()` in `afterAll`. */
export function recordUnhandledRejections(): RejectionRecorder {
  const realProcess = runInThisContext('process') as NodeJS.Process;
  const seen: unknown[] = [];
  const listener = (reason: unknown): void => {
    seen.push(reason);
  };
  return {
    seen,
    start: () => {
      realProcess.on('unhandledRejection', listener);
    },
    stop: () => {
      realProcess.off('unhandledRejection', listener);
    },
  };
}
