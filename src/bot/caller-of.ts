/**
 * Who sent this activity, as Teams vouches for it.
 *
 * Identity comes from the activity envelope that the Bot Framework signed, never from the data a
 * card sends back (a card's data is whatever the client chose to post). The display name is for
 * greetings only: authorise on `objectId` and `tenantId`.
 */
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Caller } from '../app/shared/identify-caller';

const TeamsChannelData = z.object({ tenant: z.object({ id: z.string().min(1) }).optional() }).loose();

/**
 * Reads the caller from the activity, or `undefined` when Teams did not say who it is
 * (for example a non-Teams channel, or a system event with no `aadObjectId`).
 */
export function callerOf(context: TurnContext): Caller | undefined {
  const { from, conversation } = context.activity;
  const channelData = TeamsChannelData.safeParse(context.activity.channelData);
  const tenantId = conversation.tenantId ?? (channelData.success ? channelData.data.tenant?.id : undefined);
  const objectId = from.aadObjectId;
  if (!objectId || !tenantId) return undefined;
  return { objectId, tenantId, name: from.name ?? '' };
}
