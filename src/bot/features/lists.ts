/**
 * Finding what needs attention from chat: `list`, `list <service>`, `list overdue`,
 * `list due <n> days`, and the list card's paging buttons (`listPage`). Also registers `history`.
 *
 * The page buttons carry the query and the page only; every page is worked out again for whoever
 * pressed the button, from their directory entry, so a forged query shows nothing they may not see.
 */
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { findService } from '../../app/lists/find-service';
import { listRecords, ListQuery } from '../../app/lists/list-records';
import type { Person } from '../../domain/records';
import { type AdaptiveCardJson } from '../../views/shared/card-renderer';
import { cardAttachment } from '../card-attachment';
import { commandText, type BotApplication } from '../create-bot';
import { escapeMarkdown } from '../../views/shared/escape-markdown';
import type { FeatureContext } from './feature-context';
import { registerHistory } from './history';
import { personOf } from './identify';
import { parseListCommand, type ListCommand } from './list-command';
import { renderRecordListCard } from '../../views/lists/record-list-card';

/** The data of a list card's "Next page" or "Previous page" button. */
const ListPageData = z.object({ query: ListQuery, page: z.coerce.number().int().min(1).max(1000) });

/** The list card for `query` as `person` may see it, or the sentence to answer instead. */
async function listCardFor(
  features: FeatureContext,
  person: Person,
  query: ListQuery,
  page: number,
): Promise<AdaptiveCardJson | string> {
  const list = await listRecords(features.app, person, query, page);
  return list.ok ? renderRecordListCard(list.value) : list.error.reason;
}

/** "I don't know a service called “Bukinghamshire”. Did you mean ...?" */
function unknownServiceMessage(name: string, suggestions: readonly { code: string; name: string }[]): string {
  const typed = `I don't know a service called “${escapeMarkdown(name)}”.`;
  if (suggestions.length === 0) {
    return `${typed} Type list followed by a service code such as BUC, or the service’s name.`;
  }
  const options = suggestions.map((s) => `${escapeMarkdown(s.name)} (${s.code})`);
  const joined =
    options.length > 1 ? `${options.slice(0, -1).join(', ')} or ${options.at(-1) ?? ''}` : options[0];
  return `${typed} Did you mean ${joined ?? ''}?`;
}

/** The query a `list` command names, or the sentence to answer when it names none. */
async function queryOf(features: FeatureContext, command: ListCommand): Promise<ListQuery | string> {
  switch (command.kind) {
    case 'query':
      return command.query;
    case 'usage':
      return command.message;
    case 'service': {
      const match = await findService(features.app, command.name);
      return match.found
        ? { kind: 'service', serviceCode: match.service.code }
        : unknownServiceMessage(command.name, match.suggestions);
    }
  }
}

async function answerList(
  context: TurnContext,
  features: FeatureContext,
  command: ListCommand,
): Promise<void> {
  const person = await personOf(context, features);
  if (!person.ok) {
    await context.sendActivity(person.error.reason);
    return;
  }
  const query = await queryOf(features, command);
  const reply = typeof query === 'string' ? query : await listCardFor(features, person.value, query, 1);
  await context.sendActivity(typeof reply === 'string' ? reply : { attachments: [cardAttachment(reply)] });
}

/** Registers `list ...`, the `listPage` button and (from history.ts) `history <id>`. */
export function registerLists(app: BotApplication, features: FeatureContext): void {
  app.message(
    (context) =>
      Promise.resolve(context.activity.type === 'message' && parseListCommand(commandText(context)) !== null),
    async (context) => {
      const command = parseListCommand(commandText(context));
      if (command) await answerList(context, features, command);
    },
  );

  app.adaptiveCards.actionExecute('listPage', async (context, _state, data: unknown) => {
    const person = await personOf(context, features);
    if (!person.ok) return person.error.reason;
    const parsed = ListPageData.safeParse(data);
    if (!parsed.success) return 'That page is no longer available. Type list to see your records again.';
    return listCardFor(features, person.value, parsed.data.query, parsed.data.page);
  });

  registerHistory(app, features);
}
