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
  { usage: 'new coc', description: 'Record a new cause of concern and its recommendations.' },
  { usage: 'new afi', description: 'Record a new area for improvement.' },
  { usage: 'show <id>', description: 'Show one cause of concern, recommendation or area for improvement.' },
  { usage: 'list', description: 'List the open records for your services.' },
  { usage: 'list overdue', description: 'List recommendations past their target date.' },
  {
    usage: 'status <rec id> <rag> <note>',
    description: 'Record progress on a recommendation: red, amber or green, with a short note.',
  },
  { usage: 'history <id>', description: 'Show who changed a record, and when.' },
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
