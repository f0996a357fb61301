/**
 * The home tenant of the person behind a channel activity. In a shared channel someone from another
 * organisation (a fire and rescue service's own tenant) writes into the inspectorate's channel: the
 * activity carries the channel's tenant, and only Teams' member record says theirs.
 */
import { TeamsInfo, type TurnContext } from 'botbuilder';

/** Their tenant as Teams' member record says it, or undefined when Teams does not say. */
export async function homeTenantOf(context: TurnContext): Promise<string | undefined> {
  const { from } = context.activity;
  try {
    const member = await TeamsInfo.getMember(context, from.id);
    return typeof member.tenantId === 'string' && member.tenantId !== '' ? member.tenantId : undefined;
  } catch {
    return undefined; // not a member Teams knows here: the conversation's tenant stands
  }
}

/** Whether the activity comes from a channel (where members of other organisations can write). */
export function isChannelActivity(context: TurnContext): boolean {
  return context.activity.conversation.conversationType === 'channel';
}

/** Someone Teams knows in this conversation, by Teams user id or Entra object id. */
export interface TeamsMember {
  objectId: string;
  tenantId: string;
  name: string;
}

/** Teams' member record of `userId` here (their object id, tenant and name), or undefined. */
export async function memberOf(context: TurnContext, userId: string): Promise<TeamsMember | undefined> {
  try {
    const member = await TeamsInfo.getMember(context, userId);
    const objectId = member.aadObjectId;
    const tenantId =
      typeof member.tenantId === 'string' && member.tenantId !== '' ? member.tenantId : undefined;
    if (objectId === undefined || objectId === '') return undefined;
    return {
      objectId,
      tenantId: tenantId ?? context.activity.conversation.tenantId ?? '',
      name: member.name,
    };
  } catch {
    return undefined; // not someone Teams knows in this conversation
  }
}

/** The people @mentioned in a message, other than the bot: their Teams user ids and names. */
export function mentionedPeople(context: TurnContext): { id: string; name: string; text: string }[] {
  const bot = context.activity.recipient.id;
  return (context.activity.entities ?? []).flatMap((entity) => {
    if (entity.type !== 'mention') return [];
    const mentioned: unknown = entity.mentioned;
    if (typeof mentioned !== 'object' || mentioned === null) return [];
    const { id, name } = mentioned as { id?: unknown; name?: unknown };
    if (typeof id !== 'string' || id === bot) return [];
    const text: unknown = entity.text;
    return [{ id, name: typeof name === 'string' ? name : '', text: typeof text === 'string' ? text : '' }];
  });
}
