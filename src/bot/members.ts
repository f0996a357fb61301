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
