/**
 * The one way into the bot's features. Every command and card action goes through here:
 *
 * - a command's words are matched and read; words that don't fit get the usage sentence;
 * - a card action's data is parsed with zod (card data is untrusted); data that doesn't fit gets
 *   "That button didn't work";
 * - the caller is identified from the signed activity (never from card data) and looked up in the
 *   directory; someone who may not use the bot gets the reason;
 * - the handler calls use cases and says what to answer; the gate sends it, and runs what may
 *   follow the answer (notifications) without holding the turn up, logging any failure.
 */
import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { identifyCaller } from '../app/shared/identify-caller';
import { homeTenantOf, isChannelActivity } from './members';
import type { AppContext } from '../app/shared/app-context';
import type { Notifier } from '../app/shared/notifier';
import type { Person } from '../domain/records';
import type { OutboundMessage } from '../views/messages';
import { renderNoticeCard } from '../views/records/record-cards';
import type { AdaptiveCardJson } from '../views/shared/card-renderer';
import { cardAttachment } from './card-attachment';
import { callerOf } from './caller-of';
import { commandText, type BotApplication } from './create-bot';
import { answerWithCard, answerWithMessage } from './invoke-response';

/** What every route is given: the use cases' context, the notifier, a logger and settings. */
export interface RouteTools {
  app: AppContext;
  notifier: Notifier<OutboundMessage>;
  logger: Logger;
  /** Days ahead that count as "due soon" in reminders (REMINDER_WINDOW_DAYS). */
  reminderWindowDays: number;
  /** Signing key and base URL of the quarterly report download links; no links when absent. */
  reportLinks?: { secret: string; baseUrl: () => string };
}

/** One turn of a known person. */
export interface Turn {
  context: TurnContext;
  person: Person;
}

/** An answer: a card, several cards, or a line of text. */
export type Reply = AdaptiveCardJson | readonly AdaptiveCardJson[] | string;

/**
 * A card action's answer: the clicker's card and the card everyone sees. What follows the answer
 * (notifications, the due index) is the change's outbox work (src/app/shared/outbox.ts).
 */
export interface CardReply {
  type?: never;
  card: AdaptiveCardJson | string;
  /** Draws what replaces the message for everyone (after a saved change), if anyone else sees it. */
  forEveryone?: () => AdaptiveCardJson;
}

/** How a route answers someone it can't serve: a notice card with this heading, or plain text. */
export type RefusalStyle = { heading: string } | 'text';

const defaultRefusal: RefusalStyle = { heading: "You can't do that" };

const unreadableButton = renderNoticeCard(
  "That button didn't work",
  'The card sent something I could not read. Open the record again with show <id>.',
);

function refusal(style: RefusalStyle, reason: string): AdaptiveCardJson | string {
  return style === 'text' ? reason : renderNoticeCard(style.heading, reason);
}

/** The directory person behind this turn, or the reason they can't use the bot. */
async function identify(
  context: TurnContext,
  tools: RouteTools,
): Promise<{ ok: true; value: Person } | { ok: false; reason: string }> {
  const caller = callerOf(context);
  if (!caller)
    return {
      ok: false,
      reason: 'I could not tell who you are. Please use CoC Monitor from Microsoft Teams.',
    };
  const person = await identifyCaller(tools.app, caller);
  if (person.ok || !isChannelActivity(context))
    return person.ok ? person : { ok: false, reason: person.error.reason };
  // In a (shared) channel the activity names the channel's tenant; someone from another
  // organisation is identified by their own, from Teams' member record. Object id and tenant must
  // still both match the directory, and that tenant must be allowed.
  const home = await homeTenantOf(context);
  if (home === undefined || home === caller.tenantId) return { ok: false, reason: person.error.reason };
  const member = await identifyCaller(tools.app, { ...caller, tenantId: home });
  return member.ok ? member : { ok: false, reason: member.error.reason };
}

async function send(context: TurnContext, reply: Reply): Promise<void> {
  if (typeof reply === 'string') {
    await context.sendActivity(reply);
    return;
  }
  const cards: readonly AdaptiveCardJson[] = Array.isArray(reply) ? reply : [reply as AdaptiveCardJson];
  for (const card of cards) await context.sendActivity({ attachments: [cardAttachment(card)] });
}

/** What a command's words say: the arguments, or the usage sentence to answer instead. */
export type Read<A> = { kind: 'args'; args: A } | { kind: 'usage'; usage: Reply };

/** The command's arguments, read. */
export function withArgs<A>(args: A): Read<A> {
  return { kind: 'args', args };
}

/** The words don't fit: answer with how to type the command. */
export function usage(reply: Reply): Read<never> {
  return { kind: 'usage', usage: reply };
}

/** A typed command. */
export interface CommandRoute<A> {
  pattern: RegExp;
  /** Reads the words (`match.input` is the whole command); `{ usage }` when they don't fit, answered before the caller is looked up. */
  read: (match: RegExpExecArray, context: TurnContext) => Read<A>;
  refused?: RefusalStyle;
  handle: (turn: Turn, args: A) => Promise<Reply>;
}

/** Registers a typed command (in a personal chat, or with an @mention in a channel). */
export function onCommand<A>(app: BotApplication, tools: RouteTools, route: CommandRoute<A>): void {
  const matchOf = (context: TurnContext) =>
    context.activity.type === 'message' ? route.pattern.exec(commandText(context)) : null;
  app.message(
    (context) => Promise.resolve(matchOf(context) !== null),
    async (context) => {
      const match = matchOf(context);
      if (!match) return;
      const read = route.read(match, context);
      if (read.kind === 'usage') return send(context, read.usage);
      const person = await identify(context, tools);
      if (!person.ok) return send(context, refusal(route.refused ?? defaultRefusal, person.reason));
      return send(context, await route.handle({ context, person: person.value }, read.args));
    },
  );
}

/** A card's Action.Execute. */
export interface CardActionRoute<T> {
  verb: string | string[];
  data: z.ZodType<T>;
  /** The answer to data that does not fit (default: "That button didn't work"). */
  unreadable?: AdaptiveCardJson | string;
  refused?: RefusalStyle;
  handle: (turn: Turn, data: T) => Promise<CardReply | AdaptiveCardJson | string>;
}

/**
 * Registers a card action that draws a blank form and changes nothing, so it answers without
 * looking the caller up: whoever submits the form is identified then.
 */
export function onFormOpen<T>(
  app: BotApplication,
  route: {
    verb: string;
    data: z.ZodType<T>;
    unreadable: AdaptiveCardJson;
    draw: (data: T) => AdaptiveCardJson;
  },
): void {
  app.adaptiveCards.actionExecute(route.verb, async (context, _state, raw: unknown) => {
    const data = route.data.safeParse(raw);
    return answerWithCard(context, data.success ? route.draw(data.data) : route.unreadable);
  });
}

/** Registers a card action. */
export function onCardAction<T>(app: BotApplication, tools: RouteTools, route: CardActionRoute<T>): void {
  app.adaptiveCards.actionExecute(route.verb, async (context, _state, raw: unknown) => {
    const answer = (reply: AdaptiveCardJson | string, forEveryone?: () => AdaptiveCardJson) =>
      typeof reply === 'string'
        ? answerWithMessage(context, reply)
        : answerWithCard(context, reply, forEveryone);
    const data = route.data.safeParse(raw);
    if (!data.success) return answer(route.unreadable ?? unreadableButton);
    const person = await identify(context, tools);
    if (!person.ok) return answer(refusal(route.refused ?? defaultRefusal, person.reason));
    const reply = await route.handle({ context, person: person.value }, data.data);
    if (typeof reply === 'string' || reply.type === 'AdaptiveCard') return answer(reply);
    return answer(reply.card, reply.forEveryone);
  });
}
