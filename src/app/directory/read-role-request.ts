/**
 * Reads what an administrator typed or picked into a role change: the role from its words, the
 * service or region from its code or name, the person from the directory or from Teams.
 */
import { invalid, ok, type Result } from '../../domain/errors';
import {
  placeKindOfRole,
  type RoleChange,
  type RolePlace,
  type Someone,
} from '../../domain/lifecycle/directory-roles';
import { Role, roleNames, type Person } from '../../domain/records';
import type { AppContext } from '../shared/app-context';
import { teamsUserIdFrom } from '../shared/people';
import { findPlace } from './people-of';

/** The words an administrator may use for each role (any case). */
const roleWords: Record<string, Role> = {
  sll: 'sll',
  'service liaison lead': 'sll',
  slo: 'slo',
  'service liaison officer': 'slo',
  cos: 'cos',
  'chief of staff': 'cos',
  hmi: 'hmi',
  'hm inspector': 'hmi',
  dpd: 'deputyPortfolioDirector',
  'deputy portfolio director': 'deputyPortfolioDirector',
  sro: 'sro',
  'senior responsible officer': 'sro',
  'senior responsible owner': 'sro',
  admin: 'admin',
  administrator: 'admin',
};

/** The role `text` names, or null. */
export function roleFromWords(text: string): Role | null {
  const words = text
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^(an?|the) /, '');
  return roleWords[words] ?? (Object.keys(roleNames).includes(text.trim()) ? (text.trim() as Role) : null);
}

function placeProblem(message: string): Result<never> {
  return invalid([{ field: 'place', message }], message);
}

/** Where `role` is held, from the words after "for": a service, a region, or nothing. */
export async function placeFor(context: AppContext, role: Role, text: string): Promise<Result<RolePlace>> {
  const kind = placeKindOfRole[role];
  const name = roleNames[role];
  if (kind === 'everywhere') return ok({ kind: 'everywhere' });
  const where = kind === 'service' ? 'a service' : 'a region';
  if (text.trim() === '')
    return placeProblem(
      `Say which ${kind} the ${name} is for: for example ${kind === 'service' ? 'for BUC' : 'for Central'}.`,
    );
  const { directory } = context.store;
  const [services, regions] = await Promise.all([directory.listServices(), directory.listRegions()]);
  const place = findPlace(services, regions, text);
  if (!place) return placeProblem(`There is no service or region called “${text.trim()}”.`);
  if (place.kind === 'service' && kind === 'service')
    return ok({ kind: 'service', code: place.service.code });
  if (place.kind === 'region' && kind === 'region') return ok({ kind: 'region', id: place.region.id });
  return placeProblem(`A ${name} is given for ${where}, not for “${text.trim()}”.`);
}

/** Someone as the directory holds them. */
export function someoneOf(person: Person): Someone {
  return { objectId: person.objectId, tenantId: person.tenantId, name: person.name };
}

/** The directory person with this object id, name or email address, if exactly one. */
export async function directoryPerson(context: AppContext, text: string): Promise<Person | null> {
  const wanted = text.trim().toLowerCase();
  const people = await context.store.directory.listPeople();
  const byId = people.find((p) => p.objectId.toLowerCase() === wanted);
  if (byId) return byId;
  const byEmail = people.filter((p) => p.email?.toLowerCase() === wanted);
  const matches = byEmail.length > 0 ? byEmail : people.filter((p) => p.name.toLowerCase() === wanted);
  return matches.length === 1 ? (matches[0] ?? null) : null;
}

/**
 * Someone the bot has a personal chat with, by that chat's Teams user id (`29:…`): Teams' people
 * picker answers with an object id, the Agents Playground's with a Teams user id.
 */
export async function personChattingAs(context: AppContext, teamsUserId: string): Promise<Someone | null> {
  const chats = await context.store.conversations.list('personal');
  const chat = chats.find((stored) => teamsUserIdFrom(stored, stored.key) === teamsUserId);
  if (!chat) return null;
  const known = await context.store.directory.getPerson(chat.key);
  if (known) return someoneOf(known);
  const user = chat.reference.user as { name?: unknown } | undefined;
  const name = typeof user?.name === 'string' && user.name !== '' ? user.name : undefined;
  return name === undefined || chat.tenantId === undefined
    ? null
    : { objectId: chat.key, tenantId: chat.tenantId, name };
}

/** Someone the directory knows by this object id, name or email address, else someone the bot chats with. */
export async function someoneKnownAs(context: AppContext, text: string): Promise<Someone | null> {
  const known = await directoryPerson(context, text);
  return known ? someoneOf(known) : personChattingAs(context, text.trim());
}

/** The words that name a place again: its code, its region id, or nothing. */
export function placeWords(place: RolePlace): string {
  if (place.kind === 'service') return place.code;
  if (place.kind === 'region') return place.id;
  return '';
}

/** What the "Give someone a role" form sent: the person picked, the role and the place. */
export interface RoleFormInput {
  person: string;
  role: string;
  place: RolePlace | null;
}

/** Messages under the form's fields, by field. */
export type RoleFormProblems = Partial<Record<keyof RoleFormInput, string>>;

/** The role to give, or a message under each field at fault; `who` is the person picked, if found. */
export function readRoleForm(
  input: RoleFormInput,
  who: Someone | null,
): { ok: true; request: RoleChange } | { ok: false; problems: RoleFormProblems } {
  const problems: RoleFormProblems = {};
  const role = Role.safeParse(input.role);
  if (!role.success) problems.role = 'Choose a role.';
  const { place } = input;
  const wanted = role.success ? placeKindOfRole[role.data] : undefined;
  if (!place) problems.place = 'Choose a service or region from the list.';
  else if (wanted !== undefined && wanted !== place.kind)
    problems.place =
      wanted === 'everywhere'
        ? 'Leave this empty: the role is not for one service or region.'
        : `Choose a ${wanted}: this role is given for a ${wanted}.`;
  if (input.person.trim() === '') problems.person = 'Pick a person.';
  else if (!who)
    problems.person =
      'I could not look that person up. @mention them in a channel they are in instead: add @name as …';
  if (!who || !role.success || !place || Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, request: { kind: 'add', who, role: role.data, place } };
}

/**
 * The person a card's button names: as the directory has them, else (someone new, on the hand-over
 * question) as the card says; null when neither names them.
 */
export async function someoneOnCard(
  context: AppContext,
  card: { objectId: string; tenantId?: string | undefined; name?: string | undefined },
): Promise<Someone | null> {
  const known = await directoryPerson(context, card.objectId);
  if (known) return someoneOf(known);
  return card.tenantId && card.name
    ? { objectId: card.objectId, tenantId: card.tenantId, name: card.name }
    : null;
}
