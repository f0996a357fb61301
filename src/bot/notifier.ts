/**
 * The bot's side of the Notifier port: each message the use cases send is drawn as its card
 * (src/views/messages.ts) and sent through the one rate-limited proactive sender.
 */
import type { Notifier } from '../app/shared/notifier';
import { renderMessage, type OutboundMessage } from '../views/messages';
import { cardAttachment } from './card-attachment';
import { conversationReferenceOf } from './conversation-reference';
import type { ProactiveSender } from './proactive';

/** A notifier over `proactive`; a stored reference that can't be used is refused with the reason. */
export function createNotifier(proactive: ProactiveSender): Notifier<OutboundMessage> {
  const referenceOf = (to: Record<string, unknown>) => {
    const reference = conversationReferenceOf(to);
    if (!reference) throw new Error('the stored conversation reference is not usable');
    return reference;
  };
  const activityOf = (message: OutboundMessage) => ({
    type: 'message',
    attachments: [cardAttachment(renderMessage(message))],
  });
  return {
    post: (to, message) => proactive.send(referenceOf(to), activityOf(message)),
    replace: (to, messageId, message) => proactive.update(referenceOf(to), messageId, activityOf(message)),
  };
}
