/**
 * The compact list card (`cards/record-list.json`): a heading with counts, one row per open record
 * with its status, RAG and next due date, an Open button, and paging buttons.
 */
import {
  listPageSize,
  type ListQuery,
  type ListRow,
  type NextDue,
  type RecordListPage,
} from '../../app/lists/list-records';
import { formatLongDate, type ObligationKind } from '../../domain/clock';
import { recommendationStatusNames, type Rag } from '../../domain/records';
import { renderCard, type AdaptiveCardJson } from '../shared/card-renderer';
import { escapeMarkdown, shorten } from '../shared/escape-markdown';
import { timelinessInWords } from '../records/record-cards';

const dueLabels: Record<ObligationKind, string> = {
  notification: 'Notification letter due',
  actionPlan: 'Action plan due',
  quarterlyUpdate: 'Quarterly update due',
  engagement: 'Engagement with the service due by',
  revisit: 'Revisit due',
  targetDate: 'Target date',
};

const ragNames: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green' };
const ragColours: Record<Rag, string> = { red: 'Attention', amber: 'Warning', green: 'Good' };

/**
 * How far off a date is, in words.
 * @example daysPhrase(3) // '3 days left'; daysPhrase(0) // 'due today'; daysPhrase(-1) // '1 day late'
 */
export function daysPhrase(daysUntilDue: number): string {
  if (daysUntilDue === 0) return 'due today';
  const days = Math.abs(daysUntilDue);
  const count = `${String(days)} ${days === 1 ? 'day' : 'days'}`;
  return daysUntilDue > 0 ? `${count} left` : `${count} late`;
}

/** "Target date 28 April 2023 · 3 days left". */
export function dueLineOf(next: NextDue): string {
  return `${dueLabels[next.kind]} ${formatLongDate(next.dueDate)} · ${daysPhrase(next.daysUntilDue)}`;
}

function plural(count: number, singular: string, plural: string): string {
  return `${String(count)} ${count === 1 ? singular : plural}`;
}

function kindHeading(row: ListRow): string {
  switch (row.kind) {
    case 'coc':
      return `${row.id} · Cause of concern`;
    case 'recommendation':
      return `${row.id} · Recommendation`;
    case 'afi':
      return `${row.id} · Area for improvement ${row.questionRef}`;
  }
}

function statusNameOf(row: ListRow): string {
  switch (row.kind) {
    case 'coc':
      return [
        'Open',
        ...(row.actionPlan ? [`action plan ${timelinessInWords(row.actionPlan)}`] : []),
        ...(row.foundAgainOn ? [`found again at the inspection of ${formatLongDate(row.foundAgainOn)}`] : []),
      ].join(' · ');
    case 'recommendation':
      return recommendationStatusNames[row.status];
    case 'afi':
      return row.status === 'complete' ? 'Complete, awaiting the Chief of Staff' : 'Open';
  }
}

function noDueLine(row: ListRow): string {
  if (row.kind === 'recommendation' && row.status !== 'open' && row.status !== 'inProgress') {
    return 'No date pending: awaiting closure';
  }
  if (row.kind === 'afi' && row.status === 'complete') return 'No date pending: awaiting closure';
  return row.kind === 'coc' ? 'Nothing due' : 'No target date';
}

function rowData(row: ListRow, soonDays: number): Record<string, unknown> {
  const next = row.next;
  const dueColour =
    next === undefined
      ? 'Default'
      : next.daysUntilDue < 0
        ? 'Attention'
        : next.daysUntilDue <= soonDays
          ? 'Warning'
          : 'Default';
  return {
    kind: row.kind,
    id: row.id,
    cocId: row.kind === 'recommendation' ? row.cocId : row.id,
    heading: escapeMarkdown(kindHeading(row)),
    text: escapeMarkdown(shorten(row.text, 160)),
    statusLine: `${statusNameOf(row)} · ${row.rag ? `RAG ${ragNames[row.rag]}` : 'No RAG yet'}`,
    ragColour: row.rag ? ragColours[row.rag] : 'Default',
    dueLine: next ? dueLineOf(next) : noDueLine(row),
    dueColour,
  };
}

function titleOf(list: RecordListPage): string {
  switch (list.query.kind) {
    case 'mine':
      return 'Your open records';
    case 'service':
      return list.serviceName ?? list.query.serviceCode;
    case 'overdue':
      return 'Your overdue records';
    case 'due':
      return `Your records due within ${plural(list.query.days, 'day', 'days')}`;
  }
}

function emptyMessageOf(query: ListQuery): string {
  switch (query.kind) {
    case 'mine':
      return 'You have no open records. Type list followed by a service code to see a service’s records.';
    case 'service':
      return 'This service has no open records you can see.';
    case 'overdue':
      return 'Nothing is overdue.';
    case 'due':
      return `Nothing falls due in the next ${plural(query.days, 'day', 'days')}.`;
  }
}

/** "4 open causes of concern · 10 open recommendations · 3 overdue · 4 due within 14 days". */
export function summaryOf(list: RecordListPage): string {
  const { counts } = list;
  const parts = [
    counts.causesOfConcern > 0
      ? plural(counts.causesOfConcern, 'open cause of concern', 'open causes of concern')
      : '',
    counts.recommendations > 0
      ? plural(counts.recommendations, 'open recommendation', 'open recommendations')
      : '',
    counts.areasForImprovement > 0
      ? plural(counts.areasForImprovement, 'open area for improvement', 'open areas for improvement')
      : '',
    `${String(counts.overdue)} overdue`,
    `${String(counts.dueSoon)} due within ${plural(counts.dueSoonDays, 'day', 'days')}`,
  ];
  return parts.filter((part) => part !== '').join(' · ');
}

/** Renders one page of a list as the list card. */
export function renderRecordListCard(list: RecordListPage): AdaptiveCardJson {
  const first = (list.page - 1) * listPageSize + 1;
  return renderCard('record-list', {
    title: escapeMarkdown(titleOf(list)),
    summary: summaryOf(list),
    empty: list.rows.length === 0,
    emptyMessage: emptyMessageOf(list.query),
    rows: list.rows.map((row) => rowData(row, list.counts.dueSoonDays)),
    pageCount: list.pageCount,
    pageLine: `Page ${String(list.page)} of ${String(list.pageCount)}: records ${String(first)} to ${String(first + list.rows.length - 1)} of ${String(list.totalRows)}`,
    query: list.query,
    hasPrevious: list.page > 1,
    hasNext: list.page < list.pageCount,
    previousPage: list.page - 1,
    nextPage: list.page + 1,
  });
}
