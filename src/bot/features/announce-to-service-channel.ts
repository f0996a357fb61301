/**
 * Posts a read-only summary card to a service's registered channel after a record is issued.
 *
 * Posting is a courtesy: the record is already saved, so a channel that can't be reached (the bot
 * was removed, Teams is down, the stored reference is unreadable) is logged and reported on the
 * confirmation card, never turned into a failure of the issue.
 */
import type { ConversationReference } from 'botbuilder';
import { z } from 'zod';
import { serviceChannelOf } from '../../app/channels/register-channel';
import type { Service } from '../../domain/records';
import { type AdaptiveCardJson } from '../../views/shared/card-renderer';
import { cardAttachment } from '../card-attachment';
import type { ChannelOutcome } from '../../views/issue/issue-card-parts';
import type { FeatureContext } from './feature-context';

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

/** Posts `card` to the service's channel when one is registered, and says how it went. */
export async function announceToServiceChannel(
  features: FeatureContext,
  service: Service,
  card: AdaptiveCardJson,
): Promise<ChannelOutcome> {
  try {
    const channel = await serviceChannelOf(features.app, service.code);
    if (!channel) return { kind: 'none', serviceCode: service.code };
    const reference = conversationReferenceOf(channel.reference);
    if (!reference) throw new Error(`the stored reference of the ${service.code} channel is not usable`);
    await features.proactive.send(reference, { attachments: [cardAttachment(card)] });
    return { kind: 'posted', serviceName: service.name };
  } catch (error) {
    features.logger.warn(
      { err: error, serviceCode: service.code },
      'could not post the summary to the service channel',
    );
    return { kind: 'failed', serviceName: service.name };
  }
}
