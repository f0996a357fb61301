/**
 * The reminder digest card: what is overdue, due today or due soon for one service, grouped by
 * cause of concern, each group's owner @mentioned (Teams mention entities), with an Open button.
 */
import type { ReminderDigest } from '../../app/reminders/reminder-sweep';
import { obligationLabels, type DigestItem } from '../../app/reminders/reminder-digest';
import { formatLongDate } from '../../domain/clock';
import { renderCard, type AdaptiveCardJson } from '../shared/card-renderer';
import { escapeMarkdown } from '../shared/escape-markdown';
import { daysPhrase } from '../lists/record-list-card';

function plural(count: number, singular: string, plurals: string): string {
  return `${String(count)} ${count === 1 ? singular : plurals}`;
}

/** The `<at>` text Teams replaces with the mention; it must match the entity's `text` exactly. */
function mentionText(name: string): string {
  return `<at>${name.replace(/[<>]/g, '')}</at>`;
}

/** "Target date of BUC-1.2: 30 June 2027 · in 3 days"; an expected engagement says by when it is due. */
function itemLine(item: DigestItem): string {
  const of = item.kind === 'targetDate' ? ` of ${item.subjectId}` : '';
  const until = item.until === undefined ? '' : ` (due by ${formatLongDate(item.until)})`;
  return `${obligationLabels[item.kind]}${of}: ${formatLongDate(item.dueDate)} · ${daysPhrase(item.daysUntilDue)}${until}`;
}

function colourOf(daysUntilDue: number): string {
  return daysUntilDue < 0 ? 'Attention' : daysUntilDue === 0 ? 'Warning' : 'Default';
}

/** Expands cards/reminder-digest.json for a digest. */
export function renderReminderDigestCard(digest: ReminderDigest): AdaptiveCardJson {
  const items = digest.groups.flatMap((group) => group.items);
  const overdue = items.filter((item) => item.daysUntilDue < 0).length;
  const dueToday = items.filter((item) => item.daysUntilDue === 0).length;
  const soon = items.length - overdue - dueToday;
  const counts = [
    overdue > 0 ? `${String(overdue)} overdue` : '',
    dueToday > 0 ? `${String(dueToday)} due today` : '',
    soon > 0 ? `${String(soon)} due in the next ${plural(digest.windowDays, 'day', 'days')}` : '',
  ].filter((part) => part !== '');

  const mentions = new Map<string, { type: 'mention'; text: string; id: string; name: string }>();
  for (const { owner } of digest.groups) {
    mentions.set(owner.teamsId, {
      type: 'mention',
      text: mentionText(owner.name),
      id: owner.teamsId,
      name: owner.name,
    });
  }
  return renderCard('reminder-digest', {
    title: `Reminders for ${escapeMarkdown(digest.serviceName)}`,
    summary: `${formatLongDate(digest.date)}: ${counts.join(', ')}.`,
    groups: digest.groups.map((group) => ({
      cocId: group.recordId,
      heading: `${group.recordId} · ${escapeMarkdown(group.recordTitle)}`,
      ownerLine: `Owner: ${mentionText(group.owner.name)}`,
      items: group.items.map((item) => ({ line: itemLine(item), colour: colourOf(item.daysUntilDue) })),
    })),
    footer: 'Overdue items are repeated once a week until they are done.',
    mentions: [...mentions.values()],
  });
}
