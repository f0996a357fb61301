/**
 * What the bot posted to a conversation, read from the recording fake connector: the cards sent
 * (not updated) since a call number, and the next card in someone's personal chat that says
 * something, checked against the Teams card rules.
 */
import { visibleText, type FakeConnector, type TestUser } from './bot-client';
import { findCardProblems } from './card-validator';
import { waitFor } from './wait-for';

type Card = Record<string, unknown>;

/** The personal chat the fake connector gives someone. */
export const personalChat = (person: TestUser): string => `a:personal-${person.objectId}`;

/** Cards the bot posted (not updated) to a conversation since call number `since`. */
export function cardsPostedTo(connector: FakeConnector, conversationId: string, since = 0): Card[] {
  return connector.calls
    .slice(since)
    .filter((call) => call.method === 'POST' && call.conversationId === conversationId)
    .flatMap((call) => (call.activity.attachments ?? []).map((a) => a.content as Card));
}

/** The next card posted to someone's personal chat since call `since` whose text contains `text`. */
export function cardInChat(
  connector: FakeConnector,
  person: TestUser,
  text: string,
  since: number,
): Promise<Card> {
  return waitFor(`a card for ${person.name} saying "${text}"`, () => {
    const card = cardsPostedTo(connector, personalChat(person), since).find((c) =>
      visibleText(c).includes(text),
    );
    if (card) expect(findCardProblems(card)).toEqual([]);
    return card;
  });
}
