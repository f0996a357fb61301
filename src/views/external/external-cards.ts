/**
 * The cards of recommendations to external bodies (§31-32): the `new external` form, the card of
 * one recommendation (`show EXT-1`) with its progress and the deputy portfolio director's progress
 * inputs, and the `external` list. Text people typed goes through `escapeMarkdown`.
 */
import { formatChangeTime, formatLongDate } from '../../domain/clock';
import type { FieldIssue } from '../../domain/errors';
import { recommendationStatusNames, type Rag } from '../../domain/records';
import type { AddExternalInput } from '../../app/external/add-external-recommendation';
import type { ExternalAnswer, ExternalProgressTyped } from '../../app/external/external-answers';
import type { ExternalCardView, ExternalListItem } from '../../app/external/show-external';
import type { Notice } from '../../app/shared/notifier';
import { renderNoticeAnswer } from '../records/record-cards';
import { fieldMessages } from '../records/recommendation-forms';
import { renderCard, type AdaptiveCardJson } from '../shared/card-renderer';
import { escapeMarkdown } from '../shared/escape-markdown';

const formFieldNames: Record<string, string> = {
  externalBody: 'The body',
  text: 'The recommendation',
  targetDate: 'Target date',
  connectedCocId: 'Connected cause of concern',
  hmi: 'HM Inspector',
};

/** Renders the `new external` form, with what was typed and a message by each field at fault. */
function renderExternalForm(
  values: AddExternalInput,
  hmis: readonly { title: string; value: string }[],
  issues: readonly FieldIssue[] = [],
  message = '',
): AdaptiveCardJson {
  const errors = fieldMessages(issues, formFieldNames);
  return renderCard('external-form', {
    heading: 'New recommendation to an external body',
    introduction:
      'A recommendation the inspectorate makes to a body outside the fire and rescue services (§31). It gets the next EXT number; an HM Inspector agrees its closure and the Senior Responsible Officer closes it.',
    message: escapeMarkdown(message),
    values,
    hmis,
    errors: Object.fromEntries(Object.keys(formFieldNames).map((field) => [field, errors[field] ?? ''])),
    formId: values.formId,
  });
}

const ragNames: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green' };

function targetLine(view: { targetDate?: string; today: string }): string {
  return view.targetDate ? formatLongDate(view.targetDate) : 'None set';
}

/** The card of one recommendation to an external body. */
function renderExternalCard(
  view: ExternalCardView,
  options: { notice?: Notice; typed?: ExternalProgressTyped } = {},
): AdaptiveCardJson {
  const r = view.recommendation;
  const errors = fieldMessages(options.typed?.issues ?? [], {
    text: 'What has happened',
    rag: 'RAG',
    status: 'Status',
  });
  const facts = [
    { title: 'Status', value: recommendationStatusNames[r.status] },
    { title: 'Target date', value: targetLine(view) },
    ...(r.rag ? [{ title: 'RAG', value: ragNames[r.rag] }] : []),
    {
      title: 'Connected cause of concern',
      value: r.connectedCocId
        ? `${r.connectedCocId}${view.connectedCocTitle ? `: ${escapeMarkdown(view.connectedCocTitle)}` : ''}`
        : 'None',
    },
    ...(view.hmiName ? [{ title: 'HM Inspector to agree closure', value: view.hmiName }] : []),
    ...(view.pendingClosure
      ? [
          {
            title: 'Closure',
            value:
              view.pendingClosure.status === 'pendingSro'
                ? 'An HM Inspector agreed; waiting for the Senior Responsible Officer'
                : 'Asked for; waiting for an HM Inspector to agree',
          },
        ]
      : []),
    ...(r.status === 'closed' && r.signedOffAt
      ? [{ title: 'Closed', value: formatChangeTime(r.signedOffAt) }]
      : []),
  ];
  return renderCard('external-card', {
    notice: options.notice ? escapeMarkdown(options.notice.text) : '',
    noticeStyle: options.notice?.tone ?? 'default',
    heading: `Recommendation ${r.id}`,
    subheading: `To ${escapeMarkdown(r.externalBody ?? 'an external body')}`,
    text: escapeMarkdown(r.text),
    facts,
    progress: view.progress.map(({ update, byName }) => ({
      line: `${formatChangeTime(update.at)}, ${byName}${update.rag ? ` (${ragNames[update.rag]})` : ''}: ${escapeMarkdown(update.text)}`,
    })),
    canRecordProgress: view.canRecordProgress,
    canRequestClosure: view.canRequestClosure,
    values: options.typed?.values ?? { progressText: '', rag: r.rag ?? '', status: r.status },
    errors: {
      progressText: errors.text ?? '',
      rag: errors.rag ?? '',
      status: errors.status ?? '',
    },
    id: r.id,
    updatedAt: r.updatedAt,
    pendingRequestId: view.pendingClosure?.id ?? '',
    connectedCocId: r.connectedCocId ?? '',
  });
}

/** The `external` list. */
function renderExternalList(items: readonly ExternalListItem[], canAdd: boolean): AdaptiveCardJson {
  const open = items.filter((i) => i.recommendation.status !== 'closed').length;
  return renderCard('external-list', {
    summary:
      items.length === 0
        ? 'There are no recommendations to external bodies yet.'
        : `${String(items.length)} in all, ${String(open)} open. Select one to open it.`,
    items: items.map((item) => {
      const r = item.recommendation;
      const due =
        item.targetDate === undefined
          ? 'no target date'
          : `target ${formatLongDate(item.targetDate)}${r.status !== 'closed' && (item.daysToTarget ?? 0) < 0 ? ' (overdue)' : ''}`;
      const parts = [
        recommendationStatusNames[r.status],
        due,
        ...(item.closureWaiting ? ['closure waiting for a decision'] : []),
        ...(r.connectedCocId ? [`connected to ${r.connectedCocId}`] : []),
      ];
      return {
        id: r.id,
        title: `${r.id}: to ${escapeMarkdown(r.externalBody ?? 'an external body')}`,
        text: escapeMarkdown(r.text),
        detail: parts.join(' · '),
      };
    }),
    canAdd,
  });
}

/** An external recommendation command's or button's answer, drawn. */
export function renderExternalAnswer(answer: ExternalAnswer): AdaptiveCardJson {
  switch (answer.kind) {
    case 'notice':
      return renderNoticeAnswer(answer);
    case 'form':
      return renderExternalForm(answer.values, answer.hmis, answer.refused?.issues, answer.refused?.message);
    case 'external': {
      const { kind: _kind, view, ...options } = answer;
      return renderExternalCard(view, options);
    }
    case 'list':
      return renderExternalList(answer.items, answer.canAdd);
  }
}
