/**
 * What the bot can do, as shown on the help card (`help`, `hi`, greeting on install).
 *
 * The list is data, kept here so it reads like the feature list; the lead keeps it true as
 * commands are built.
 */
import { renderCard, type AdaptiveCardJson } from './card-renderer';
import { escapeMarkdown } from './escape-markdown';

/** One line of the help card. */
export interface HelpCommand {
  usage: string;
  description: string;
}

/** The commands, in the order a new user would meet them. */
export const helpCommands: readonly HelpCommand[] = [
  { usage: 'new coc', description: 'Issue a new cause of concern and its recommendations, on a form.' },
  { usage: 'new afi', description: 'Issue a new area for improvement, on a form.' },
  {
    usage: 'show <id>',
    description:
      'Show a cause of concern (BUC-1), recommendation (BUC-1.2) or area for improvement (BUC-AFI-3).',
  },
  { usage: 'list', description: 'List your open records, newest first, with what falls due next.' },
  {
    usage: 'list <service>',
    description: 'List one service’s open records, by code or name, e.g. list BUC.',
  },
  { usage: 'list overdue', description: 'List your records whose target date or deadline has passed.' },
  { usage: 'list due <n> days', description: 'List your records due within n days, e.g. list due 14 days.' },
  {
    usage: 'status <rec id> <rag> <note>',
    description:
      'Record progress on a recommendation: red, amber or green, with a short note. You can undo it.',
  },
  { usage: 'history <id>', description: 'Show who changed a record, what and when, newest first.' },
  {
    usage: 'register service <code>',
    description: 'In a service’s channel: post that service’s new causes of concern and updates here.',
  },
  { usage: 'unregister', description: 'In a registered channel: stop posting service updates there.' },
  { usage: 'help', description: 'Show this list.' },
];

/** Renders the help card. Usages contain `<` and `[`, so every value is escaped for Markdown. */
export function renderHelpCard(commands: readonly HelpCommand[] = helpCommands): AdaptiveCardJson {
  return renderCard('help', {
    title: 'CoC Monitor',
    introduction:
      'I keep track of causes of concern, recommendations and areas for improvement for fire and rescue services. Type one of these:',
    commands: commands.map((command) => ({
      usage: escapeMarkdown(command.usage),
      description: escapeMarkdown(command.description),
    })),
    footer: 'In a channel, mention me first, for example: @CoC Monitor list',
  });
}
