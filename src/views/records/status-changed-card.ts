/**
 * The confirmation card of a quick status update (`cards/status-changed.json`): the values before
 * and after, the note, and Undo while it still applies.
 */
import { recommendationStatusNames, type Recommendation } from '../../domain/records';
import { renderCard, type AdaptiveCardJson } from '../shared/card-renderer';
import { escapeMarkdown } from '../shared/escape-markdown';
import { ragName } from './record-cards';

function facts(recommendation: Recommendation) {
  return [
    { title: 'Status', value: recommendationStatusNames[recommendation.status] },
    { title: 'RAG', value: ragName(recommendation.rag) },
  ];
}

/** The confirmation card: before and after, the note, and Undo while it still applies. */
export function renderStatusChangedCard(options: {
  before: Recommendation;
  after: Recommendation;
  note: string;
  auditEventId: string;
  undone: boolean;
  notice?: string;
}): AdaptiveCardJson {
  const { before, after } = options;
  return renderCard('status-changed', {
    notice: options.notice ? escapeMarkdown(options.notice) : '',
    noticeStyle: 'good',
    heading: options.undone ? `Undone: ${after.id} is back as it was` : `${after.id} updated`,
    text: escapeMarkdown(after.text),
    before: facts(before),
    afterTitle: options.undone ? 'Now' : 'After',
    after: facts(after),
    note: escapeMarkdown(options.note),
    canUndo: !options.undone,
    recommendationId: after.id,
    auditEventId: options.auditEventId,
    cocId: after.cocId ?? '',
  });
}
