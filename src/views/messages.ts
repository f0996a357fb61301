/**
 * Draws every message the use cases send through the Notifier port (src/app/shared/notifier.ts):
 * one card per message kind, from the feature views. The bot's notifier sends what this returns.
 */
import type { BoardMessage } from '../app/boards/board-summary';
import type { ActionPlanLateMessage } from '../app/records/notify-action-plan-late';
import type { RoleChangedMessage } from '../app/directory/tell-role-changed';
import type { ClosureMessage } from '../app/closure/notify-closure';
import type { EngagementMessage } from '../app/engagement/notify-engagement';
import type { IssueMessage } from '../app/issue/announce-issued';
import type { ReminderMessage } from '../app/reminders/reminder-sweep';
import type { RevisitMessage } from '../app/revisits/notify-revisit';
import type { MonitoringMessage } from '../app/monitoring/notify-monitoring';
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
import { renderActionPlanLateCard } from './records/record-cards';
import { renderReminderDigestCard } from './reminders/reminder-digest-card';
import { renderRevisitCard, renderRevisitLetterCard } from './revisits/revisit-cards';
import { renderMonitoringChangedCard } from './monitoring/monitoring-cards';
import type { AdaptiveCardJson } from './shared/card-renderer';

/** Every message a use case can send. */
export type OutboundMessage =
  | ClosureMessage
  | EngagementMessage
  | IssueMessage
  | BoardMessage
  | ReminderMessage
  | RoleChangedMessage
  | ActionPlanLateMessage
  | RevisitMessage
  | MonitoringMessage;

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
    case 'action-plan-late':
      return renderActionPlanLateCard(message);
    case 'revisit-card':
      return renderRevisitCard(message.view, message.notice ? { notice: message.notice } : {});
    case 'revisit-letter':
      return renderRevisitLetterCard(message.revisit, message.serviceName);
    case 'monitoring-changed':
      return renderMonitoringChangedCard(message.view, message.notice);
  }
}
