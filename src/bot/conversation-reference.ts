/**
 * Conversation references in and out of storage: a stored reference back into botbuilder's shape
 * (for proactive sends), and the channel a command came from (for registering it).
 */
import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import { z } from 'zod';
import type { ChannelInfo } from '../app/channels/register-channel';

/** The parts of a stored conversation reference the connector needs; the rest is passed on as stored. */
const StoredReference = z.looseObject({
  serviceUrl: z.string().min(1),
  channelId: z.string().min(1).default('msteams'),
  conversation: z.looseObject({
    id: z.string().min(1),
    isGroup: z.boolean().default(true),
    conversationType: z.string().default('channel'),
    name: z.string().default(''),
  }),
  bot: z.looseObject({ id: z.string().min(1), name: z.string().default('') }).optional(),
});

/** A stored reference as botbuilder wants it, or null when it can't be one. */
export function conversationReferenceOf(
  stored: Record<string, unknown>,
): Partial<ConversationReference> | null {
  const parsed = StoredReference.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

const TeamsChannelData = z.looseObject({
  channel: z.looseObject({ id: z.string().min(1), name: z.string().optional() }).optional(),
});

/**
 * The channel an activity came from, or null outside a team channel. The key is the channel id
 * (a reply thread's `;messageid=` is dropped), so later posts start a new conversation there.
 */
export function channelOf(activity: Activity): ChannelInfo | null {
  if (activity.conversation.conversationType !== 'channel') return null;
  const channelData = TeamsChannelData.safeParse(activity.channelData);
  const channel = channelData.success ? channelData.data.channel : undefined;
  const key = channel?.id ?? activity.conversation.id.split(';')[0] ?? activity.conversation.id;
  const { activityId: _replyTo, ...reference }: Partial<ConversationReference> =
    TurnContext.getConversationReference(activity);
  const info: ChannelInfo = {
    key,
    reference: { ...reference, conversation: { ...activity.conversation, id: key } },
  };
  if (activity.conversation.tenantId) info.tenantId = activity.conversation.tenantId;
  if (channel?.name) info.name = channel.name;
  return info;
}
