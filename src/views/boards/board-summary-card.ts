/**
 * The improvement board's card: counts by status and RAG as Teams donut charts (with a bar-chart
 * fallback that any Adaptive Card 1.5 host renders), what changed since the last summary, and each
 * open recommendation with its target date and latest update, overdue ones first.
 */
import { formatLongDate, toLondonDate } from '../../domain/clock';
import { recommendationStatusNames, RecommendationStatus } from '../../domain/records';
import type { BoardSummary } from '../../app/boards/board-summary';
import { renderCard, type AdaptiveCardJson } from '../shared/card-renderer';
import { escapeMarkdown, shorten } from '../shared/escape-markdown';
import { daysText, identifiedAgainInWords, ragName, timelinessInWords } from '../records/record-cards';
import type { BoardActionPlan } from '../../app/boards/board-summary';
import { revisitInWords } from '../revisits/revisit-cards';

/** The most open recommendations one card lists; the rest are counted. */
export const maxBoardRows = 25;

const ragRowsOf = [
  { key: 'red', label: 'Red', color: 'Attention' },
  { key: 'amber', label: 'Amber', color: 'Warning' },
  { key: 'green', label: 'Green', color: 'Good' },
  { key: 'unset', label: 'Not set', color: 'Default' },
] as const;

function bar(count: number): string {
  return count === 0 ? '·' : '■'.repeat(Math.min(count, 20));
}

function changeLines(summary: BoardSummary): { line: string }[] {
  const lines = summary.newCocs.map((coc) => ({
    line: `New cause of concern ${coc.id}: ${escapeMarkdown(shorten(coc.title))}`,
  }));
  for (const { recommendation: r } of summary.changed) {
    const update =
      r.latestUpdate &&
      summary.since !== undefined &&
      Date.parse(r.latestUpdate.at) > Date.parse(summary.since)
        ? `; update: ${escapeMarkdown(shorten(r.latestUpdate.text))}`
        : '';
    lines.push({
      line: `${r.id} is now ${recommendationStatusNames[r.status]}, ${ragName(r.rag)} (changed ${formatLongDate(toLondonDate(r.updatedAt))})${update}. The recommendation: ${escapeMarkdown(shorten(r.text, 100))}`,
    });
  }
  return lines;
}

/** "Received 2 December 2026: 2 days late", "Due 4 January 2027, not received yet". */
export function actionPlanLine(plan: BoardActionPlan): string {
  if (plan.receivedDate !== undefined) {
    const how = plan.timeliness ? `: ${timelinessInWords(plan.timeliness)}` : '';
    return `Received ${formatLongDate(plan.receivedDate)}${how}`;
  }
  if (plan.due.kind === 'due') return `Due ${formatLongDate(plan.due.dueDate)}, not received yet`;
  return plan.due.missing === 'letterDate'
    ? 'Due date not known until the letter is dated'
    : 'Due date not known until the report is published';
}

/** Renders the board summary card. */
export function renderBoardSummaryCard(summary: BoardSummary): AdaptiveCardJson {
  const statusRows = RecommendationStatus.options.map((status) => ({
    label: recommendationStatusNames[status],
    count: String(summary.byStatus[status]),
    bar: bar(summary.byStatus[status]),
  }));
  const ragRows = ragRowsOf.map((rag) => ({
    label: rag.label,
    count: String(summary.byRag[rag.key]),
    bar: bar(summary.byRag[rag.key]),
    color: rag.color,
  }));
  const openCount = summary.open.length;
  const overdue = summary.open.filter((r) => r.overdue).length;
  const changes = changeLines(summary);
  return renderCard('board-summary', {
    actionPlans: summary.actionPlans.map((plan) => ({ title: plan.cocId, value: actionPlanLine(plan) })),
    revisits: (summary.revisits ?? []).map((revisit) => ({ line: revisitInWords(revisit) })),
    foundAgain: (summary.foundAgain ?? []).map(({ cocId, inspection }) => ({
      title: cocId,
      value: identifiedAgainInWords(inspection),
    })),
    heading: `Improvement board summary: ${summary.serviceName}`,
    monitoring: summary.monitoring
      ? `Closer monitoring: ${summary.monitoring.words}, since ${formatLongDate(summary.monitoring.since)}.`
      : '',
    subheading: `${formatLongDate(summary.today)} · ${String(summary.total)} recommendations, ${String(openCount)} open, ${String(overdue)} overdue`,
    statusChart: statusRows
      .filter((row) => row.count !== '0')
      .map((row) => ({ legend: row.label, value: Number(row.count) })),
    ragChart: ragRows
      .filter((row) => row.count !== '0')
      .map((row) => ({ legend: row.label, value: Number(row.count) })),
    statusRows,
    ragRows,
    counts: [
      ...statusRows.map((row) => ({ title: row.label, value: row.count })),
      ...ragRows.map((row) => ({ title: `Open and ${row.label}`, value: row.count })),
    ],
    changesIntro:
      summary.since === undefined
        ? 'This is the first summary here: changes will be listed from the next one.'
        : changes.length === 0
          ? `Nothing has changed since ${formatLongDate(toLondonDate(summary.since))}.`
          : `Since ${formatLongDate(toLondonDate(summary.since))}:`,
    changes,
    openIntro:
      openCount === 0 ? 'Every recommendation is signed off.' : 'Overdue first, then by target date.',
    open: summary.open.slice(0, maxBoardRows).map((row) => {
      const r = row.recommendation;
      const update = r.latestUpdate;
      return {
        style: row.overdue ? 'attention' : 'default',
        heading: `${r.id} · ${recommendationStatusNames[r.status]} · ${ragName(r.rag)}${row.overdue ? ' · Overdue' : ''}`,
        text: escapeMarkdown(shorten(r.text, 200)),
        facts: [
          {
            title: 'Cause of concern',
            value: `${r.cocId ?? ''}: ${escapeMarkdown(shorten(row.cocTitle, 120))}`,
          },
          {
            title: 'Target date',
            value:
              row.targetDate === undefined
                ? 'Not set'
                : `${formatLongDate(row.targetDate)} (${daysText(row.daysToTarget ?? 0)})`,
          },
          {
            title: 'Latest update',
            value: update
              ? `${formatLongDate(toLondonDate(update.at))}: ${escapeMarkdown(shorten(update.text, 200))}`
              : 'None yet',
          },
        ],
      };
    }),
    external: (summary.external ?? []).map((r) => ({
      line: `${r.id} (${r.status === 'closed' ? 'Closed' : 'Open'}), to ${escapeMarkdown(r.externalBody ?? 'an external body')}, connected to ${r.connectedCocId ?? ''}: ${escapeMarkdown(shorten(r.text, 160))}`,
    })),
    more:
      openCount > maxBoardRows
        ? `…and ${String(openCount - maxBoardRows)} more open recommendations. Type list ${summary.serviceCode} to see them all.`
        : '',
  });
}
