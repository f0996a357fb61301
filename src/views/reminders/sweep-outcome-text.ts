/**
 * The answer to `sweep now`: what the sweep posted, skipped and could not post, in a sentence or two.
 */
import { formatLondonDateTime } from '../../domain/clock';
import type { IndexCheck } from '../../app/reminders/due-index';
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

/** Says what the check of the due index found and mended. */
export function indexCheckText(check: IndexCheck): string {
  const records = plural(check.records, 'record', 'records');
  if (check.outOfStep.length === 0 && check.orphans === 0) return `The due index agreed with all ${records}.`;
  const ids = check.outOfStep.slice(0, 10).map((record) => record.recordId);
  const more =
    check.outOfStep.length > ids.length ? ` and ${String(check.outOfStep.length - ids.length)} more` : '';
  const stale =
    check.outOfStep.length > 0
      ? `The due index was out of step for ${plural(check.outOfStep.length, 'record', 'records')} (${ids.join(', ')}${more})`
      : 'The due index held rows of records no longer kept';
  return `${stale}; ${check.repaired ? 'it has been mended before the sweep' : 'it was not mended'}.`;
}
