/**
 * Reading Adaptive Cards the way a person would use them: the card an invoke answered with, its
 * buttons, and what its inputs hold.
 */
import type { TurnResult } from './bot-client';
import { visibleText } from './bot-client';
import { findCardProblems } from './card-validator';

export type Card = Record<string, unknown>;

/** An Action.Execute button: its title, verb and the data it sends. */
export interface CardAction {
  title: string;
  verb: string;
  data: Record<string, unknown>;
}

/**
 * The card an Action.Execute invoke answered with (it replaces the clicked card in place): the
 * answer must be an Adaptive Card and the card must pass the Adaptive Card schema.
 */
export function invokeCard(turn: TurnResult): Card {
  expect(turn.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  const card = (turn.body as { value?: Card }).value ?? {};
  expect(findCardProblems(card)).toEqual([]);
  return card;
}

/** Calls `visit` on every object inside a card, skipping what sits under the keys in `skip`. */
function eachNode(card: unknown, visit: (node: Record<string, unknown>) => void, skip: string[] = []): void {
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>;
      visit(record);
      Object.entries(record).forEach(([key, child]) => !skip.includes(key) && walk(child));
    }
  };
  walk(card);
}

/** Every Action.Execute button on a card, wherever it sits (the refresh action left out). */
export function actionsOf(card: unknown): CardAction[] {
  const found: CardAction[] = [];
  eachNode(
    card,
    (node) => {
      if (node.type === 'Action.Execute' && typeof node.title === 'string') {
        found.push({
          title: node.title,
          verb: String(node.verb),
          data: (node.data ?? {}) as Record<string, unknown>,
        });
      }
    },
    ['refresh'],
  );
  return found;
}

/** The button titled `title`, failing the test (with what the card shows) when there is none. */
export function action(card: unknown, title: string): CardAction {
  const found = actionsOf(card).find((candidate) => candidate.title === title);
  if (!found) throw new Error(`no "${title}" button on the card: ${visibleText(card)}`);
  return found;
}

/** Every input (`Input.*`) of a card, in the order the card shows them. */
function inputsIn(card: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  eachNode(card, (node) => {
    if (typeof node.type === 'string' && node.type.startsWith('Input.')) found.push(node);
  });
  return found;
}

/** The value an input of a form card shows, by id (undefined when it shows none). */
export function inputValue(card: unknown, id: string): unknown {
  return inputsIn(card)
    .filter((input) => input.id === id)
    .at(-1)?.value;
}

/** Every input of a card by id, with the text it holds ('' when it holds none). */
export function inputsOf(card: unknown): Map<string, { id: string; value: string }> {
  return new Map(
    inputsIn(card).flatMap((input) =>
      typeof input.id === 'string'
        ? [[input.id, { id: input.id, value: typeof input.value === 'string' ? input.value : '' }] as const]
        : [],
    ),
  );
}

/** The texts the form's inputs hold (shown as typed, not as Markdown). */
export function inputValues(card: unknown): string[] {
  return inputsIn(card).flatMap((input) => (typeof input.value === 'string' ? [input.value] : []));
}

/** Everything a turn showed the person (its messages, its cards and an invoke's answer), as one line. */
export function shownIn(turn: TurnResult): string {
  const answer = (turn.body as { value?: unknown } | undefined)?.value;
  return [...turn.texts, ...turn.cards.map(visibleText), visibleText(answer)].join('\n').replace(/\s+/g, ' ');
}
