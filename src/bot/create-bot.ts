/**
 * Builds the bot: a teams-ai `Application` (no AI) on botbuilder's `CloudAdapter`.
 *
 * Route order matters in teams-ai: the first matching route wins. So the built-in replies are
 * registered in three layers: `help` first, then whatever the caller registers (the commands),
 * then catch-alls for text and card actions nobody claimed.
 */
import {
  ActivityTypes,
  TurnContext,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type ConversationReference,
  type Request,
  type Response,
} from 'botbuilder';
import { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { renderCard, type AdaptiveCardJson } from '../views/shared/card-renderer';
import { cardAttachment } from './card-attachment';
import { escapeMarkdown, shorten } from '../views/shared/escape-markdown';
import { renderHelpCard } from '../views/help-card';
import { refuseUnverifiedRequests } from './refuse-unverified-requests';
import { answerWithCard, answerWithMessage } from './invoke-response';
import { isStorageOutage, renderStorageOutageCard, storageOutageText } from './storage-outage-answer';
import { createProactiveSender, type ProactiveSender } from './proactive';
import { rateLimitedSenderFor } from './rate-limited-sender';
import { correlationIdOf, setCorrelationId } from './turn-correlation';

/** The teams-ai application type the rest of `src/bot` registers routes on. */
export type BotApplication = Application<TurnState>;

/** Where a conversation happens, from Teams' `conversation.conversationType`. */
export type ConversationKind = 'personal' | 'groupChat' | 'channel';

/** Callbacks the lead wires to storage. */
export interface BotHooks {
  /**
   * Called with a fresh reference whenever a person writes to the bot, presses a card button or
   * installs it, so the bot can later message that conversation (reminders, approvals).
   * A failure is logged and does not stop the turn.
   */
  onConversationReference?: (
    reference: Partial<ConversationReference>,
    kind: ConversationKind,
  ) => Promise<void>;
  /** Called once a turn's answer has gone out: work held back for it may start. */
  afterTurn?: () => void;
}

/** What the bot gives the commands it registers. */
export interface BotTools {
  /** Posts to, and edits messages in, conversations the bot has a reference for. */
  proactive: ProactiveSender;
}

/** What `createBot` needs. */
export interface CreateBotOptions {
  config: Config;
  logger: Logger;
  hooks?: BotHooks;
  /** Registers the commands; runs after `help` and before the "I didn't understand" catch-all. */
  registerRoutes?: (app: BotApplication, tools: BotTools) => RegisteredRoutes | void;
}

/** What the registered routes give the built-in greeting. */
export interface RegisteredRoutes {
  /** The caller's home card in a personal chat, or null to answer with the plain help card. */
  home?: (context: TurnContext) => Promise<AdaptiveCardJson | null>;
}

/** A built bot: the application, its adapter, and the entry point for one HTTP request. */
export interface Bot {
  app: BotApplication;
  adapter: TeamsAdapter;
  /** The bot's one proactive sender (paced and retried under Teams' limits). */
  proactive: ProactiveSender;
  /** Runs one `POST /api/messages` through authentication and the routes. */
  process(request: Request, response: Response, correlationId: string): Promise<void>;
}

/** Text of a message with the bot's @mention already removed, `&nbsp;` made a space, and trimmed. */
export function commandText(context: TurnContext): string {
  return (context.activity.text ?? '').replace(/&nbsp;|\u00a0/g, ' ').trim();
}

const greetingPattern = /^\/?(help|hi|hello)[.!?]*$/i;

function isMessage(context: TurnContext): boolean {
  return context.activity.type === 'message';
}

function conversationKindOf(activity: Activity): ConversationKind {
  const type: string | undefined = activity.conversation.conversationType;
  return type === 'channel' || type === 'groupChat' ? type : 'personal';
}

function isBotAdded(activity: Activity): boolean {
  return (activity.membersAdded ?? []).some((member) => member.id === activity.recipient.id);
}

function isInstallation(activity: Activity): boolean {
  const action: unknown = activity.action;
  return activity.type === 'installationUpdate' && typeof action === 'string' && action.startsWith('add');
}

const staleButton = 'Sorry, that button no longer does anything. Type help to see what I can do.';

/** An Adaptive Card Action.Execute, the only kind of card action teams-ai's `actionExecute` accepts. */
function isCardAction(activity: Activity): boolean {
  const value: unknown = activity.value;
  const action: unknown = typeof value === 'object' && value !== null ? (value as Fields).action : undefined;
  return (
    activity.type === 'invoke' &&
    activity.name === 'adaptiveCard/action' &&
    typeof action === 'object' &&
    action !== null &&
    (action as Fields).type === 'Action.Execute'
  );
}

type Fields = Record<string, unknown>;

/** Activities after which a stored conversation reference should be refreshed. */
function refreshesReference(activity: Activity): boolean {
  return (
    activity.type === 'message' ||
    activity.type === 'invoke' ||
    isInstallation(activity) ||
    (activity.type === 'conversationUpdate' && isBotAdded(activity))
  );
}

function authenticationOptions(config: Config): ConfigurationBotFrameworkAuthenticationOptions {
  const { appId, appPassword, appType, tenantId } = config.bot;
  // No app id: botbuilder skips authentication. loadConfig only allows that in local mode.
  if (appId === undefined) return {};
  return {
    MicrosoftAppId: appId,
    MicrosoftAppPassword: appPassword ?? '',
    MicrosoftAppType: appType,
    MicrosoftAppTenantId: tenantId ?? '',
  };
}

/** The polite apology a person sees when a turn fails; the reference ties it to the logs. */
export function apologyFor(correlationId: string): string {
  return `Sorry, something went wrong on our side. Please try again; if it keeps happening, quote reference ${correlationId}.`;
}

/** Builds the application and adapter and registers the built-in routes. */
export function createBot(options: CreateBotOptions): Bot {
  const { config, logger, hooks } = options;
  const adapter = new TeamsAdapter(authenticationOptions(config));
  if (config.bot.appId !== undefined) refuseUnverifiedRequests(adapter, logger);
  const app: BotApplication = new Application<TurnState>({
    adapter,
    botAppId: config.bot.appId,
    removeRecipientMention: true,
    // teams-ai keeps one typing timer per Application, shared by concurrent turns; replies are quick anyway.
    startTypingTimer: false,
    longRunningMessages: false,
  });

  app.turn('beforeTurn', async (context) => {
    const { activity } = context;
    if (hooks?.onConversationReference && refreshesReference(activity)) {
      try {
        await hooks.onConversationReference(
          TurnContext.getConversationReference(activity),
          conversationKindOf(activity),
        );
      } catch (error) {
        logger.warn(
          { correlationId: correlationIdOf(context), err: error },
          'could not store the conversation reference',
        );
      }
    }
    return true;
  });

  let routes: RegisteredRoutes = {};
  /** In a personal chat, the caller's home card; in a channel (or unknown to the bot), the help card. */
  const greet = async (context: TurnContext): Promise<void> => {
    const personal = conversationKindOf(context.activity) === 'personal';
    const home =
      personal && routes.home
        ? await routes.home(context).catch((error: unknown) => {
            logger.warn(
              { correlationId: correlationIdOf(context), err: error },
              'could not draw the home card',
            );
            return null;
          })
        : null;
    await context.sendActivity({ attachments: [cardAttachment(home ?? renderHelpCard())] });
  };

  app.message(
    (context) => Promise.resolve(isMessage(context) && greetingPattern.test(commandText(context))),
    greet,
  );

  app.conversationUpdate('membersAdded', async (context) => {
    if (isBotAdded(context.activity) && conversationKindOf(context.activity) === 'personal')
      await greet(context);
  });

  // Teams also sends installationUpdate on install; the greeting comes from conversationUpdate so it appears once.
  app.activity(ActivityTypes.InstallationUpdate, () => Promise.resolve());

  // One paced, retrying sender for every proactive message, so all of them share Teams' limits.
  const proactive = rateLimitedSenderFor(createProactiveSender(adapter, config.bot.appId));
  routes = options.registerRoutes?.(app, { proactive }) ?? {};

  app.message(
    (context) => Promise.resolve(isMessage(context)),
    async (context) => {
      const text = commandText(context);
      const message =
        text === ''
          ? 'I can only read typed commands. Type help to see what I can do.'
          : `I didn't understand “${escapeMarkdown(shorten(text))}”. Type help to see what I can do.`;
      await context.sendActivity({
        attachments: [cardAttachment(renderCard('not-understood', { message }))],
      });
    },
  );

  app.adaptiveCards.actionExecute(
    (context) => Promise.resolve(isCardAction(context.activity)),
    () => Promise.resolve(staleButton),
  );

  // Any other invoke (a card action that is not Action.Execute, a task module, a search...) is
  // nothing this bot offers: answer it rather than leave botbuilder to answer 501 Not Implemented.
  app.addRoute(
    (context) => Promise.resolve(context.activity.type === 'invoke'),
    async (context) => {
      if (context.activity.name === 'adaptiveCard/action') await answerWithMessage(context, staleButton);
      else await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200 } });
    },
    true,
  );

  app.error(async (context, error) => {
    const correlationId = correlationIdOf(context);
    // Storage being away is expected now and then and says nothing of a bug: tell the person plainly.
    const outage = isStorageOutage(error);
    logger.error(
      {
        correlationId,
        activityType: context.activity.type,
        invokeName: context.activity.name,
        storageOutage: outage,
        err: error,
      },
      'turn failed',
    );
    const apology = apologyFor(correlationId);
    try {
      if (context.activity.type === 'invoke' && context.activity.name === 'adaptiveCard/action') {
        if (outage) await answerWithCard(context, renderStorageOutageCard(context.activity));
        else await answerWithMessage(context, apology);
      } else {
        await context.sendActivity(outage ? storageOutageText : apology);
      }
    } catch (sendError) {
      logger.error({ correlationId, err: sendError }, 'could not send the apology');
    }
  });

  return {
    app,
    adapter,
    proactive,
    process: (request, response, correlationId) =>
      adapter.process(request, response, async (context) => {
        setCorrelationId(context, correlationId);
        await app.run(context);
      }),
  };
}
