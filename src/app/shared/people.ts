/**
 * People as the cards and messages name and reach them: names from the directory, the Teams user
 * id a card's refresh or an @mention needs, and the personal chat a message goes to.
 */
import type { Person } from '../../domain/records';
import type { StoredConversation } from '../../store';
import type { AppContext } from './app-context';
import type { Address } from './notifier';

/** A person's name from the directory, or `fallback` when they are no longer in it. */
export async function nameOf(
  context: AppContext,
  objectId: string | undefined,
  fallback = 'someone no longer in the directory',
): Promise<string> {
  if (objectId === undefined) return fallback;
  return (await context.store.directory.getPerson(objectId))?.name ?? fallback;
}

/** Every person of the directory by object id. */
export async function peopleById(context: AppContext): Promise<Map<string, Person>> {
  const people = await context.store.directory.listPeople();
  return new Map(people.map((person) => [person.objectId, person]));
}

/** The Teams user id in a stored personal chat, else the person's Entra MRI (`8:orgid:<id>`). */
export function teamsUserIdFrom(stored: StoredConversation | null | undefined, objectId: string): string {
  const user = stored?.reference.user;
  const id = typeof user === 'object' && user !== null && 'id' in user ? user.id : undefined;
  return typeof id === 'string' && id !== '' ? id : `8:orgid:${objectId}`;
}

/** A person's Teams user id for card refresh and mentions. */
export async function teamsUserIdOf(context: AppContext, objectId: string): Promise<string> {
  return teamsUserIdFrom(await context.store.conversations.get('personal', objectId), objectId);
}

/** The bot's personal chat with someone, or `null` if they never talked to it. */
export async function personalChatOf(context: AppContext, objectId: string): Promise<Address | null> {
  const stored = await context.store.conversations.get('personal', objectId);
  return stored?.reference ?? null;
}

/** Someone to @mention on a card: their name and Teams user id. */
export interface Mentionable {
  person: Person;
  teamsUserId: string;
}
