/**
 * The home card: who the person is to CoC Monitor, what needs them now, and a button for each
 * command they use most, with every command one click away ("All commands").
 */
import { formatLongDate } from '../../domain/clock';
import { roleNames, type Role } from '../../domain/records';
import type { Home } from '../../app/home/home-of';
import { renderCard, type AdaptiveCardJson } from '../shared/card-renderer';
import { escapeMarkdown } from '../shared/escape-markdown';
import { helpCommands } from '../help-card';

/** A button that types a command for the person (Teams' imBack). */
interface CommandButton {
  title: string;
  command: string;
}

/** The everyday commands of each role, first role first. */
const everyday: Record<Role, CommandButton[]> = {
  sll: [
    { title: 'My records', command: 'list' },
    { title: 'Overdue', command: 'list overdue' },
    { title: 'New cause of concern', command: 'new coc' },
    { title: 'New area for improvement', command: 'new afi' },
  ],
  cos: [
    { title: 'Approvals', command: 'approvals' },
    { title: 'My records', command: 'list' },
    { title: 'Overdue', command: 'list overdue' },
  ],
  hmi: [
    { title: 'Approvals', command: 'approvals' },
    { title: 'My records', command: 'list' },
    { title: 'Overdue', command: 'list overdue' },
  ],
  slo: [{ title: 'My service’s records', command: 'list' }],
  deputyPortfolioDirector: [
    { title: 'External recommendations', command: 'external' },
    { title: 'New external recommendation', command: 'new external' },
    { title: 'All records', command: 'list' },
    { title: 'Quarterly report', command: 'report quarterly' },
  ],
  sro: [
    { title: 'Approvals', command: 'approvals' },
    { title: 'External recommendations', command: 'external' },
    { title: 'Quarterly report', command: 'report quarterly' },
  ],
  admin: [
    { title: 'People and roles', command: 'people' },
    { title: 'All records', command: 'list' },
    { title: 'Run the reminders now', command: 'sweep now' },
    { title: 'Quarterly report', command: 'report quarterly' },
  ],
};

/** The command that shows every command. */
export const allCommandsCommand = 'commands';

function plural(count: number, one: string, many: string): string {
  return `${String(count)} ${count === 1 ? one : many}`;
}

/** What needs the person, a line each, most urgent first. */
function needsOf(home: Home): { line: string; colour: string }[] {
  const needs: { line: string; colour: string }[] = [];
  if (home.approvalsWaiting > 0)
    needs.push({
      line: `${plural(home.approvalsWaiting, 'closure request waits', 'closure requests wait')} for your decision: press Approvals.`,
      colour: 'Attention',
    });
  if (home.overdue > 0)
    needs.push({
      line: `${plural(home.overdue, 'of your records is', 'of your records are')} overdue: press Overdue.`,
      colour: 'Attention',
    });
  if (home.dueSoon > 0)
    needs.push({
      line: `${plural(home.dueSoon, 'record is', 'records are')} due within ${String(home.dueSoonDays)} days.`,
      colour: 'Warning',
    });
  for (const request of home.openRequests) {
    const due = formatLongDate(request.dueDate);
    needs.push({
      line:
        request.forYouTo === 'answer'
          ? `The inspectorate asks for an update on ${request.cocId} by ${due}: answer it on the card in your service’s channel.`
          : `You asked for an update on ${request.cocId} by ${due}; no answer yet.`,
      colour: 'Default',
    });
  }
  return needs;
}

/** The buttons of the person's roles, without repeats, then "All commands". */
function buttonsOf(roles: readonly Role[]): CommandButton[] {
  const seen = new Set<string>();
  const buttons = roles
    .flatMap((role) => everyday[role])
    .filter((button) => !seen.has(button.command) && Boolean(seen.add(button.command)));
  return buttons.slice(0, 4);
}

/** Renders the home card of one person. */
export function renderHomeCard(home: Home): AdaptiveCardJson {
  const { person } = home;
  const roles = person.roles.map((role) => roleNames[role]).join(', ');
  return renderCard('home', {
    title: escapeMarkdown(`Hello, ${person.name}`),
    roleLine: escapeMarkdown(roles === '' ? 'You have no role in CoC Monitor yet.' : `You are: ${roles}.`),
    needs: needsOf(home),
    buttons: buttonsOf(person.roles),
    commands: helpCommands.map((command) => ({
      usage: escapeMarkdown(command.usage),
      description: escapeMarkdown(command.description),
    })),
  });
}
