/**
 * The Teams bot: adapters between Teams and the use cases. Only this folder and `src/server` may
 * import botbuilder, teams-ai or restify (docs/decisions/0001-confine-bot-sdk.md).
 */
export { apologyFor, commandText, createBot } from './create-bot';
export type {
  Bot,
  BotApplication,
  BotHooks,
  BotTools,
  ConversationKind,
  CreateBotOptions,
  RegisteredRoutes,
} from './create-bot';
export { cardAttachment } from './card-attachment';
export { callerOf } from './caller-of';
export { correlationIdOf, newCorrelationId } from './turn-correlation';
export { createProactiveSender } from './proactive';
export type { ProactiveSender } from './proactive';
export { createNotifier } from './notifier';
export { registerRoutes } from './routes';
export type { RouteTools } from './gate';
