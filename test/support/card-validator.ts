/**
 * Checks an Adaptive Card the way a client would: the official `adaptivecards` renderer, loaded under
 * jsdom, parses the card with a SerializationContext targeting schema 1.5 (reporting unknown elements
 * and bad property values) and `validateProperties()` reports duplicate or missing input ids.
 */
import { JSDOM } from 'jsdom';

interface ValidationEvent {
  phase: number;
  event: number;
  message: string;
}
interface AdaptiveCardsModule {
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    validateProperties(): { validationEvents: ValidationEvent[] };
    version?: { toString(): string };
  };
  SerializationContext: new (version?: unknown) => {
    eventCount: number;
    getEventAt(index: number): ValidationEvent;
  };
  Versions: Record<string, unknown>;
}

let cached: AdaptiveCardsModule | undefined;

function loadAdaptiveCards(): AdaptiveCardsModule {
  if (cached) return cached;
  const dom = new JSDOM('<!doctype html><html><body></body></html>');
  const globals = globalThis as Record<string, unknown>;
  globals.window = dom.window;
  globals.document = dom.window.document;
  globals.HTMLElement = dom.window.HTMLElement;
  globals.navigator = dom.window.navigator;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  cached = require('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsModule;
  return cached;
}

/** What Teams understands on a 1.5 card though the schema has it later (the people picker). */
const teamsExtensions = ['Property "choices.data" is supported in version 1.6'];

/** Returns the problems a Teams client would find in `card` (empty when it is valid for schema 1.5). */
export function findCardProblems(card: unknown): string[] {
  const ac = loadAdaptiveCards();
  const problems: string[] = [];
  const body = card as { type?: unknown; version?: unknown };
  if (body.type !== 'AdaptiveCard') problems.push('type must be AdaptiveCard');
  if (body.version !== '1.5') problems.push(`version must be 1.5 (got ${String(body.version)})`);
  const context = new ac.SerializationContext(ac.Versions.v1_5);
  const parsed = new ac.AdaptiveCard();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i += 1) {
    const { message } = context.getEventAt(i);
    // Teams' people picker is its own extension of Input.ChoiceSet on any card version; the
    // renderer knows `choices.data` only from schema 1.6.
    if (!teamsExtensions.some((extension) => message.startsWith(extension))) problems.push(message);
  }
  for (const event of parsed.validateProperties().validationEvents) problems.push(event.message);
  return problems;
}
