/**
 * `history <id>`: the audit trail of a cause of concern (a recommendation's id gives its CoC's), an
 * area for improvement or an external recommendation; and the history card's paging buttons
 * (`historyPage`). The caller's right to see the record is checked on every page.
 */
import { z } from 'zod';
import { recordHistory } from '../../app/history/record-history';
import type { Person } from '../../domain/records';
import { renderHistoryCard } from '../../views/history/history-card';
import { escapeMarkdown } from '../../views/shared/escape-markdown';
import type { BotApplication } from '../create-bot';
import { onCardAction, onCommand, type RouteTools, withArgs } from '../gate';

/** The hint for `history` without an id. */
export const historyUsage = 'Type history followed by a record id, for example: history BUC-1';

/** The data of a history card's paging buttons. */
const HistoryPageData = z.object({
  id: z.string().min(1).max(40),
  page: z.coerce.number().int().min(1).max(1000),
});

/** Page `page` of the history of `id`, for `person`, or why not (as text). */
const historyCardFor = async (tools: RouteTools, person: Person, id: string, page: number) => {
  const history = await recordHistory(tools.app, person, id, page);
  return history.ok ? renderHistoryCard(history.value) : escapeMarkdown(history.error.reason);
};

/** Registers `history <id>` and the `historyPage` button. */
export function registerHistoryRoutes(app: BotApplication, tools: RouteTools): void {
  onCommand(app, tools, {
    pattern: /^history\b\s*(.*)$/i,
    read: ([, id]) => withArgs((id ?? '').trim()),
    refused: 'text',
    handle: async ({ person }, id) => (id === '' ? historyUsage : historyCardFor(tools, person, id, 1)),
  });
  onCardAction(app, tools, {
    verb: 'historyPage',
    data: HistoryPageData,
    unreadable: 'That page is no longer available. Type history followed by a record id.',
    refused: 'text',
    handle: ({ person }, { id, page }) => historyCardFor(tools, person, id, page),
  });
}
