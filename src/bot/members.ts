/**
 * People as Teams knows them in a conversation: their member record (object id, home tenant, name)
 * and the people a message @mentions. In a shared channel someone from another organisation (a
 * fire and rescue service's own tenant) writes into the inspectorate's channel: the activity carries
 * the channel's tenant, and only Teams' member record says theirs.
 */
import { TeamsInfo, type TeamsChannelAccount, type TurnContext } from 'botbuilder';

/** Teams' member record of `userId` (a Teams user id or Entra object id) here, or undefined. */
async function memberRecord(context: TurnContext, userId: string): Promise<TeamsChannelAccount | undefined> {
  try {
    return await TeamsInfo.getMember(context, userId);
  } catch {
    return undefined; // not a member Teams knows here
  }
}

const nonEmpty = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** Their tenant as Teams' member record says it, or undefined (the conversation's tenant stands). */
export async function homeTenantOf(context: TurnContext): Promise<string | undefined> {
  return nonEmpty((await memberRecord(context, context.activity.from.id))?.tenantId);
}

/** Whether the activity comes from a channel (where members of other organisations can write). */
export function isChannelActivity(context: TurnContext): boolean {
  return context.activity.conversation.conversationType === 'channel';
}

/** Someone Teams knows in this conversation. */
export interface TeamsMember {
  objectId: string;
  tenantId: string;
  name: string;
}

/** Teams' member record of `userId` here as object id, tenant and name, or undefined. */
export async function memberOf(context: TurnContext, userId: string): Promise<TeamsMember | undefined> {
  const member = await memberRecord(context, userId);
  const objectId = nonEmpty(member?.aadObjectId);
  const tenantId = nonEmpty(member?.tenantId) ?? nonEmpty(context.activity.conversation.tenantId);
  return member && objectId && tenantId ? { objectId, tenantId, name: member.name } : undefined;
}

/** The people @mentioned in a message, other than the bot: their Teams user ids, names and tags. */
export function mentionedPeople(context: TurnContext): { id: string; name: string; text: string }[] {
  return (context.activity.entities ?? []).flatMap((entity) => {
    const mentioned = entity.mentioned as { id?: unknown; name?: unknown } | undefined;
    const id = nonEmpty(mentioned?.id);
    if (entity.type !== 'mention' || !id || id === context.activity.recipient.id) return [];
    return [{ id, name: nonEmpty(mentioned?.name) ?? '', text: nonEmpty(entity.text) ?? '' }];
  });
}
