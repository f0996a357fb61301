/**
 * Posts reminder digests to service channels through the rate-limited sender, so the sweep's
 * messages keep under Teams' limits and a refused one is retried before it is reported failed.
 */
import type { DigestDelivery } from '../../app/reminders/reminder-sweep';
import { cardAttachment } from '../card-attachment';
import type { ProactiveSender } from '../proactive';
import { rateLimitedSenderFor } from '../rate-limited-sender';
import { conversationReferenceOf } from './announce-to-service-channel';
import { renderReminderDigestCard } from '../../views/reminders/reminder-digest-card';

/** A delivery that renders the digest card and sends it with `proactive`, paced and retried. */
export function digestDeliveryOver(proactive: ProactiveSender): DigestDelivery {
  const sender = rateLimitedSenderFor(proactive);
  return {
    async deliver(channel, digest) {
      const reference = conversationReferenceOf(channel.reference);
      if (!reference)
        throw new Error(`the stored reference of the ${channel.serviceCode} channel is not usable`);
      const card = renderReminderDigestCard(digest);
      return sender.send(reference, { type: 'message', attachments: [cardAttachment(card)] });
    },
  };
}
