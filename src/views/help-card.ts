/**
 * What the bot can do, as shown on the help card (`help`, `hi`, greeting on install).
 *
 * The list is data, kept here so it reads like the feature list; the lead keeps it true as
 * commands are built.
 */
import { renderCard, type AdaptiveCardJson } from './shared/card-renderer';
import { escapeMarkdown } from './shared/escape-markdown';

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
  {
    usage: 'add recommendation <coc id>',
    description:
      'Add a recommendation to an open cause of concern, e.g. add recommendation BUC-1. A recommendation is withdrawn from the CoC card.',
  },
  { usage: 'history <id>', description: 'Show who changed a record, what and when, newest first.' },
  {
    usage: 'close <id>',
    description:
      'Ask to close a recommendation (BUC-1.2) with evidence links and how you validated it, or an area for improvement.',
  },
  { usage: 'approvals', description: 'Show the closure requests waiting for your decision.' },
  {
    usage: 'revisit <coc id>',
    description:
      'Propose a revisit of a cause of concern: its days, purpose and team. The Chief of Staff endorses it and the HM Inspector approves it; approvals lists revisits waiting for you too.',
  },
  {
    usage: 'show <revisit id>',
    description:
      'Show a revisit, e.g. show BUC-1-R1: its approvals, findings and letter. The SLL records the findings there after it.',
  },
  {
    usage: 'monitoring <service>',
    description:
      'How closely a service is monitored (routine, enhanced support, oversight group, Home Office). The region’s HM Inspector sets it there.',
  },
  {
    usage: 'history <service>',
    description: 'Show the changes to a service’s monitoring level and letter names, e.g. history BUC.',
  },
  {
    usage: 'external',
    description:
      'List the recommendations to external bodies (EXT-1, ...), open or closed; show EXT-1 opens one.',
  },
  {
    usage: 'new external',
    description:
      'Deputy portfolio director: add a recommendation to an external body, on a form; record its progress and ask to close it from its card.',
  },
  {
    usage: 'delegate <cos|hmi> to <person> from <date> to <date>',
    description:
      'Name a stand-in for your approvals while you are away, e.g. from 1 December 2026 to 18 December 2026.',
  },
  {
    usage: 'register service <code>',
    description: 'In a service’s channel: post that service’s new causes of concern and updates here.',
  },
  {
    usage: 'register board <code>',
    description: 'In an improvement board’s channel: post that service’s board summary here, monthly.',
  },
  {
    usage: 'summary schedule <monthly|weekly|off>',
    description: 'In a board channel: how often the board summary is posted there.',
  },
  {
    usage: 'unregister',
    description: 'In a registered channel: stop posting service updates or board summaries there.',
  },
  {
    usage: 'request update <coc id> by <date>',
    description:
      'Ask the service’s Service Liaison Officers, in its channel, for an update, e.g. request update BUC-1 by 15 December 2026.',
  },
  {
    usage: 'summary <service>',
    description: 'A board summary: recommendations by status and RAG, overdue ones first, and what changed.',
  },
  {
    usage: 'report quarterly',
    description:
      'The quarterly report: every recommendation, open or closed, per service; administrators get a CSV.',
  },
  {
    usage: 'people [<service or region>]',
    description: 'Who is who: each region’s Chief of Staff and HM Inspector, each service’s liaison people.',
  },
  {
    usage: 'add <@name> as <role> for <service or region>',
    description:
      'Administrators, in a channel the person is in: give them a role, e.g. add @Dana Brooks as sll for OXF (roles: sll, slo, cos, hmi, admin, dpd). remove <@name> as … takes one away.',
  },
  {
    usage: 'letters <service>',
    description:
      'Administrators: the names closure and revisit letters go to (chief fire officer, chair, authority), e.g. letters BUC.',
  },
  {
    usage: 'help',
    description:
      'In your chat with me: what needs you now, with your everyday commands (this list is under All commands). In a channel: this list.',
  },
  { usage: 'commands', description: 'Show this list.' },
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
