/**
 * The answer to `sweep now`: what the sweep posted, skipped and could not post, in a sentence or two.
 */
import { formatLondonDateTime } from '../../domain/clock';
import type { RunOutcome } from '../../app/reminders/run-scheduled';

function plural(count: number, singular: string, plurals: string): string {
  return `${String(count)} ${count === 1 ? singular : plurals}`;
}

/** Says how an on-demand sweep went. */
export function sweepOutcomeText(outcome: RunOutcome): string {
  if (!outcome.ran) {
    const until = outcome.until === '' ? '' : ` (until ${formatLondonDateTime(outcome.until)} at the latest)`;
    return `Another sweep is running${until}; nothing was sent twice. Try again in a few minutes.`;
  }
  const { report } = outcome;
  const parts = [
    `Reminder sweep done: ${plural(report.sent.length, 'digest', 'digests')} posted` +
      ` (${plural(report.dueEntries, 'item', 'items')} due in the window).`,
  ];
  if (report.skipped.length > 0) {
    parts.push(`${plural(report.skipped.length, 'channel was', 'channels were')} already reminded today.`);
  }
  if (report.unrecorded.length > 0) {
    const names = report.unrecorded.map((u) => u.serviceCode).join(', ');
    parts.push(`Posted to ${names}, but could not record it: a later sweep may post it again.`);
  }
  if (report.failed.length > 0) {
    const names = report.failed.map((f) => `${f.serviceCode} (${f.reason})`).join('; ');
    parts.push(`Could not post to ${names}: the next sweep tries again.`);
  }
  if (report.withoutChannel.length > 0) {
    parts.push(`No service channel registered for ${report.withoutChannel.join(', ')}.`);
  }
  return parts.join(' ');
}
