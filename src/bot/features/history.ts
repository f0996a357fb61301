/**
 * `history <id>`: the audit trail of a cause of concern (a recommendation's id gives its CoC's),
 * an area for improvement or an external recommendation; and the history card's paging buttons
 * (`historyPage`). The caller's right to see the record is checked on every page.
 */
import { z } from 'zod';
import { recordHistory } from '../../app/history/record-history';
import type { Person } from '../../domain/records';
import { type AdaptiveCardJson } from '../../views/shared/card-renderer';
import { cardAttachment } from '../card-attachment';
import { commandText, type BotApplication } from '../create-bot';
import { escapeMarkdown } from '../../views/shared/escape-markdown';
import type { FeatureContext } from './feature-context';
import { renderHistoryCard } from '../../views/history/history-card';
import { personOf } from './identify';

/** The hint for `history` without an id. */
export const historyUsage = 'Type history followed by a record id, for example: history BUC-1';

const historyPattern = /^history\b\s*(.*)$/i;

/** The data of a history card's paging buttons. */
const HistoryPageData = z.object({
  id: z.string().min(1).max(40),
  page: z.coerce.number().int().min(1).max(1000),
});

async function historyCardFor(
  features: FeatureContext,
  person: Person,
  id: string,
  page: number,
): Promise<AdaptiveCardJson | string> {
  const history = await recordHistory(features.app, person, id, page);
  return history.ok ? renderHistoryCard(history.value) : escapeMarkdown(history.error.reason);
}

/** Registers `history <id>` and the `historyPage` button. */
export function registerHistory(app: BotApplication, features: FeatureContext): void {
  app.message(
    (context) =>
      Promise.resolve(context.activity.type === 'message' && historyPattern.test(commandText(context))),
    async (context) => {
      const id = (historyPattern.exec(commandText(context))?.[1] ?? '').trim();
      const person = await personOf(context, features);
      if (!person.ok) {
        await context.sendActivity(person.error.reason);
        return;
      }
      const reply = id === '' ? historyUsage : await historyCardFor(features, person.value, id, 1);
      await context.sendActivity(
        typeof reply === 'string' ? reply : { attachments: [cardAttachment(reply)] },
      );
    },
  );

  app.adaptiveCards.actionExecute('historyPage', async (context, _state, data: unknown) => {
    const person = await personOf(context, features);
    if (!person.ok) return person.error.reason;
    const parsed = HistoryPageData.safeParse(data);
    if (!parsed.success) return 'That page is no longer available. Type history followed by a record id.';
    return historyCardFor(features, person.value, parsed.data.id, parsed.data.page);
  });
}
