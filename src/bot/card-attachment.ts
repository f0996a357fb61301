/** Wraps an expanded Adaptive Card as a message attachment (the one place the SDK's card type is used). */
import { CardFactory, type Attachment } from 'botbuilder';
import type { AdaptiveCardJson } from '../views/shared/card-renderer';

/** Wraps a card as a message attachment. */
export function cardAttachment(card: AdaptiveCardJson): Attachment {
  return CardFactory.adaptiveCard(card);
}
