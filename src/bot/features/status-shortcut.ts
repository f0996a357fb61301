/**
 * The quick status update typed in chat, `status BUC-1.3 amber referral backlog halved`, its
 * confirmation card with the old and new values, and the Undo button on that card.
 */
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { quickStatusUpdate } from '../../app/records/quick-status-update';
import { undoQuickStatusUpdate } from '../../app/records/undo-quick-status-update';
import {
  recommendationStatusNames,
  type Recommendation,
  type RecommendationStatus,
} from '../../domain/records';
import { renderCard, type AdaptiveCardJson } from '../../views/shared/card-renderer';
import { cardAttachment } from '../card-attachment';
import { commandText, type BotApplication } from '../create-bot';
import { escapeMarkdown } from '../../views/shared/escape-markdown';
import { ragName, renderNoticeCard } from '../../views/records/record-cards';
import type { FeatureContext } from './feature-context';
import { personOf } from './identify';
import { answerWithCard } from './invoke-response';

/** What the shortcut says, once read. */
export interface StatusShortcut {
  recommendationId: string;
  status?: RecommendationStatus;
  rag: 'red' | 'amber' | 'green';
  text: string;
}

const command = /^status(?:\s+|$)/i;
const shape =
  /^status\s+(\S+)\s+(?:(in progress|evidence complete|open)\s+)?(red|amber|green)\s+(\S[\s\S]*)$/i;
const statusWords: Record<string, RecommendationStatus> = {
  'in progress': 'inProgress',
  'evidence complete': 'evidenceComplete',
  open: 'open',
};

/** The hint shown for a shortcut that can't be read. */
export const statusUsage =
  'Type: status <recommendation id> [open | in progress | evidence complete] <red | amber | green> <note>. ' +
  'For example: status BUC-1.3 amber referral backlog halved since March';

/**
 * Reads the shortcut; null when it does not fit.
 * @example parseStatusShortcut('status BUC-1.3 in progress amber half done') // { recommendationId: 'BUC-1.3', status: 'inProgress', rag: 'amber', text: 'half done' }
 */
export function parseStatusShortcut(text: string): StatusShortcut | null {
  const match = shape.exec(text.trim());
  if (!match) return null;
  const [, id = '', statusWord, rag = '', note = ''] = match;
  const parsed: StatusShortcut = {
    recommendationId: id.toUpperCase(),
    rag: rag.toLowerCase() as StatusShortcut['rag'],
    text: note.trim(),
  };
  const status =
    statusWord === undefined ? undefined : statusWords[statusWord.toLowerCase().replace(/\s+/g, ' ')];
  if (status) parsed.status = status;
  return parsed;
}

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

const UndoData = z.object({
  recommendationId: z.string().min(1).max(40),
  auditEventId: z.string().min(1).max(100),
});

async function reply(context: TurnContext, card: AdaptiveCardJson): Promise<void> {
  await context.sendActivity({ attachments: [cardAttachment(card)] });
}

/** Registers `status …` and the Undo button. */
export function registerStatusShortcut(app: BotApplication, features: FeatureContext): void {
  app.message(
    (context) => Promise.resolve(context.activity.type === 'message' && command.test(commandText(context))),
    async (context) => {
      const shortcut = parseStatusShortcut(commandText(context));
      if (!shortcut) return reply(context, renderNoticeCard('How to update a status', statusUsage));
      const person = await personOf(context, features);
      if (!person.ok) return reply(context, renderNoticeCard("You can't do that", person.error.reason));
      const result = await quickStatusUpdate(features.app, person.value, shortcut);
      if (!result.ok) {
        const cocId = /^([A-Z]{2,5}-\d+)\./.exec(shortcut.recommendationId)?.[1] ?? '';
        return reply(
          context,
          renderNoticeCard(`${shortcut.recommendationId} was not changed`, result.error.reason, cocId),
        );
      }
      const { previous, recommendation, events } = result.value;
      await reply(
        context,
        renderStatusChangedCard({
          before: previous,
          after: recommendation,
          note: shortcut.text,
          auditEventId: events[0]?.id ?? '',
          undone: false,
        }),
      );
    },
  );

  app.adaptiveCards.actionExecute('undoStatus', async (context, _state, raw: unknown) => {
    const data = UndoData.safeParse(raw);
    if (!data.success)
      return answerWithCard(
        context,
        renderNoticeCard("That button didn't work", 'The card sent something I could not read.'),
      );
    const person = await personOf(context, features);
    if (!person.ok)
      return answerWithCard(context, renderNoticeCard("You can't do that", person.error.reason));
    const result = await undoQuickStatusUpdate(features.app, person.value, data.data);
    const cocId = /^([A-Z]{2,5}-\d+)\./.exec(data.data.recommendationId)?.[1] ?? '';
    if (!result.ok)
      return answerWithCard(context, renderNoticeCard('Not undone', result.error.reason, cocId));
    const card = renderStatusChangedCard({
      before: result.value.previous,
      after: result.value.recommendation,
      note: result.value.undone.note ?? '',
      auditEventId: data.data.auditEventId,
      undone: true,
    });
    return answerWithCard(context, card, card);
  });
}
