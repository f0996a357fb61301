/**
 * Finding what needs attention from chat: `list`, `list <service>`, `list overdue`,
 * `list due <n> days`, and the list card's paging buttons (`listPage`).
 *
 * The page buttons carry the query and the page only; every page is worked out again for whoever
 * pressed the button, from their directory entry, so a forged query shows nothing they may not see.
 */
import { z } from 'zod';
import { findService } from '../../app/lists/find-service';
import { listRecords, ListQuery } from '../../app/lists/list-records';
import { renderRecordListCard } from '../../views/lists/record-list-card';
import { escapeMarkdown } from '../../views/shared/escape-markdown';
import type { BotApplication } from '../create-bot';
import { onCardAction, onCommand, type RouteTools, usage, withArgs } from '../gate';
import { parseListCommand, type ListCommand } from './list-command';

/** The data of a list card's "Next page" or "Previous page" button. */
const ListPageData = z.object({ query: ListQuery, page: z.coerce.number().int().min(1).max(1000) });

/** "I don't know a service called “Bukinghamshire”. Did you mean ...?" */
function unknownServiceMessage(name: string, suggestions: readonly { code: string; name: string }[]): string {
  const typed = `I don't know a service called “${escapeMarkdown(name)}”.`;
  if (suggestions.length === 0)
    return `${typed} Type list followed by a service code such as BUC, or the service’s name.`;
  const options = suggestions.map((s) => `${escapeMarkdown(s.name)} (${s.code})`);
  const joined =
    options.length > 1 ? `${options.slice(0, -1).join(', ')} or ${options.at(-1) ?? ''}` : options[0];
  return `${typed} Did you mean ${joined ?? ''}?`;
}

/** The query a `list` command names, or the sentence to answer when it names none. */
async function queryOf(
  tools: RouteTools,
  command: Exclude<ListCommand, { kind: 'usage' }>,
): Promise<ListQuery | string> {
  if (command.kind === 'query') return command.query;
  const match = await findService(tools.app, command.name);
  return match.found
    ? { kind: 'service', serviceCode: match.service.code }
    : unknownServiceMessage(command.name, match.suggestions);
}

/** Registers `list ...` and the `listPage` button. */
export function registerListRoutes(app: BotApplication, tools: RouteTools): void {
  onCommand(app, tools, {
    pattern: /^list\b/i,
    read: (match) => {
      const command = parseListCommand(match.input);
      if (command === null)
        return usage('Type list, list overdue, list due 14 days, or list followed by a service.');
      return command.kind === 'usage' ? usage(command.message) : withArgs(command);
    },
    refused: 'text',
    handle: async ({ person }, command) => {
      const query = await queryOf(tools, command);
      if (typeof query === 'string') return query;
      const list = await listRecords(tools.app, person, query, 1);
      return list.ok ? renderRecordListCard(list.value) : list.error.reason;
    },
  });
  onCardAction(app, tools, {
    verb: 'listPage',
    data: ListPageData,
    unreadable: 'That page is no longer available. Type list to see your records again.',
    refused: 'text',
    handle: async ({ person }, { query, page }) => {
      const list = await listRecords(tools.app, person, query, page);
      return list.ok ? renderRecordListCard(list.value) : list.error.reason;
    },
  });
}
