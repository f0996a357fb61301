/**
 * A short reference for each turn, carried in the turn state so handlers and the error handler
 * log under the same id, and a person who reports a problem can quote it.
 */
import { randomBytes } from 'node:crypto';
import type { TurnContext } from 'botbuilder';

const correlationIdKey = Symbol('correlationId');

/** Makes a new reference: eight hexadecimal characters, easy to read out over the phone. */
export function newCorrelationId(): string {
  return randomBytes(4).toString('hex').toUpperCase();
}

/** Remembers the turn's reference. */
export function setCorrelationId(context: TurnContext, correlationId: string): void {
  context.turnState.set(correlationIdKey, correlationId);
}

/** The turn's reference (a fresh one if the turn was started outside the server). */
export function correlationIdOf(context: TurnContext): string {
  const value: unknown = context.turnState.get(correlationIdKey);
  if (typeof value === 'string') return value;
  const correlationId = newCorrelationId();
  setCorrelationId(context, correlationId);
  return correlationId;
}
