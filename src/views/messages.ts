/**
 * Draws every message the use cases send through the Notifier port (src/app/shared/notifier.ts):
 * one card per message kind, from the feature views. The bot's notifier sends what this returns.
 */
import type { BoardMessage } from '../app/boards/board-summary';
import type { RoleChangedMessage } from '../app/directory/tell-role-changed';
import type { ClosureMessage } from '../app/closure/notify-closure';
import type { EngagementMessage } from '../app/engagement/notify-engagement';
import type { IssueMessage } from '../app/issue/announce-issued';
import type { ReminderMessage } from '../app/reminders/reminder-sweep';
import { renderBoardSummaryCard } from './boards/board-summary-card';
import { renderClosureCard, renderClosureLetterCard } from './closure/closure-cards';
import {
  renderEngagementAnsweredCard,
  renderEngagementReminderCard,
  renderEngagementRequestCard,
} from './engagement/engagement-cards';
import { renderAfiSummaryCard } from './issue/afi-cards';
import { renderCocSummaryCard } from './issue/coc-cards';
import { renderRoleChangedCard } from './directory/people-card';
import { renderReminderDigestCard } from './reminders/reminder-digest-card';
import type { AdaptiveCardJson } from './shared/card-renderer';

/** Every message a use case can send. */
export type OutboundMessage =
  | ClosureMessage
  | EngagementMessage
  | IssueMessage
  | BoardMessage
  | ReminderMessage
  | RoleChangedMessage;

/** The card a message is sent as. */
export function renderMessage(message: OutboundMessage): AdaptiveCardJson {
  switch (message.kind) {
    case 'closure-card': {
      const { view, kind: _kind, ...options } = message;
      return renderClosureCard(view, options);
    }
    case 'closure-letter':
      return renderClosureLetterCard(message.coc, message.letter, message.serviceName);
    case 'engagement-request':
      return renderEngagementRequestCard(message.engagement, message.today);
    case 'engagement-answered':
      return renderEngagementAnsweredCard(message.answered, message.forRequester);
    case 'engagement-reminder':
      return renderEngagementReminderCard(message.engagement, message.today);
    case 'coc-summary':
      return renderCocSummaryCard(message.issued, message.issuedBy);
    case 'afi-summary':
      return renderAfiSummaryCard(message.issued, message.issuedBy);
    case 'board-summary':
      return renderBoardSummaryCard(message.summary);
    case 'reminder-digest':
      return renderReminderDigestCard(message.digest);
    case 'role-changed':
      return renderRoleChangedCard(message);
  }
}
