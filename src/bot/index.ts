/**
 * The Teams bot. Only this folder and `src/server` may import botbuilder, teams-ai or restify
 * (see docs/decisions/0001-confine-bot-sdk.md).
 */
export { apologyFor, commandText, createBot } from './create-bot';
export type {
  Bot,
  BotApplication,
  BotHooks,
  BotTools,
  ConversationKind,
  CreateBotOptions,
} from './create-bot';
export { renderCard } from '../views/shared/card-renderer';
export { cardAttachment } from './card-attachment';
export type { AdaptiveCardJson } from '../views/shared/card-renderer';
export { escapeMarkdown, shorten } from '../views/shared/escape-markdown';
export { helpCommands, renderHelpCard } from '../views/help-card';
export type { HelpCommand } from '../views/help-card';
export { callerOf } from './caller-of';
export type { Caller } from './caller-of';
export { correlationIdOf, newCorrelationId } from './turn-correlation';
export { createProactiveSender } from './proactive';
export type { ProactiveSender } from './proactive';
export { registerFeatures, personOf } from './features';
export type { FeatureContext } from './features';
export { boardSummaryJob } from './features/board-summary-job';
export { engagementChaserJob } from './features/engagement-chaser';
export { approvalChaserJob } from './features/closure-chasers';
