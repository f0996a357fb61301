/**
 * The process logger: JSON lines on stdout (pino), ready for Azure Monitor.
 *
 * What goes in: activity type, ids of activities and turns, status codes, timings, error stacks.
 * What stays out: names, message text, card data. Handlers log ids, not people.
 */
import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config';

export type { Logger } from 'pino';

/** Creates the root logger; tests pass a destination to read the lines back. */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'coc-monitor' },
    // Belt and braces: if a handler logs a whole activity by mistake, hide the personal parts.
    redact: {
      paths: [
        'text',
        'activity.text',
        'activity.from.name',
        'activity.value',
        '*.text',
        'from.name',
        'value',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
