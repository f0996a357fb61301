/**
 * Tells the people a role change touched, in their personal chat, what they now are. Best effort:
 * the change is saved already, and someone the bot can't reach sees it the next time they ask.
 */
import { roleNames, type Person } from '../../domain/records';
import type { AppContext } from '../shared/app-context';
import { notifyPerson } from '../shared/deliver';
import type { Notifier } from '../shared/notifier';
import type { RoleChangeOutcome } from './change-role';

/** "Your roles in CoC Monitor changed". */
export interface RoleChangedMessage {
  kind: 'role-changed';
  /** What changed, as the people card said it. */
  summary: string;
  by: string;
  /** Their roles now, in words. */
  roles: string[];
}

/** Sends each person the change touched, other than the one who made it, a message. */
export async function tellRoleChanged(
  context: AppContext,
  notifier: Notifier<RoleChangedMessage>,
  actor: Person,
  saved: Extract<RoleChangeOutcome, { kind: 'saved' }>,
): Promise<void> {
  for (const person of saved.changed) {
    if (person.objectId === actor.objectId) continue;
    await notifyPerson(context, notifier, person.objectId, {
      kind: 'role-changed',
      summary: saved.summary,
      by: actor.name,
      roles: person.roles.map((role) => roleNames[role]),
    });
  }
}
