/**
 * The port through which use cases send messages nobody asked for in this turn: approval cards,
 * channel posts, reminders, summaries. The use case decides what to say and to which
 * conversation; the bot (src/bot/notifier.ts) draws the card and sends it through Teams.
 *
 * A message is data (a kind and what its card shows), never a rendered card, so this layer knows
 * nothing of Adaptive Cards or Teams. Each feature declares the messages it sends; the bot's
 * notifier accepts all of them.
 */

/** Where a message goes: a conversation reference as the store keeps it (opaque here). */
export type Address = Record<string, unknown>;

/** A line on top of a card: good news or a problem. */
export interface Notice {
  text: string;
  tone: 'good' | 'attention';
}

/** Sends messages of type `M`. */
export interface Notifier<M> {
  /** Posts a new message; resolves with its id. Rejects when the message could not be delivered. */
  post(to: Address, message: M): Promise<string | undefined>;
  /** Replaces a message posted earlier (a status card that follows a request). */
  replace(to: Address, messageId: string, message: M): Promise<void>;
}
