/**
 * The home card (what needs the caller now, with their everyday commands) answers `help`, a
 * greeting or the install in a personal chat; `commands` shows every command.
 */
import type { TurnContext } from 'botbuilder';
import { homeOf } from '../../app/home/home-of';
import { identifyCaller } from '../../app/shared/identify-caller';
import { renderHelpCard } from '../../views/help-card';
import { allCommandsCommand, renderHomeCard } from '../../views/home/home-card';
import type { AdaptiveCardJson } from '../../views/shared/card-renderer';
import { callerOf } from '../caller-of';
import type { BotApplication } from '../create-bot';
import { onCommand, type RouteTools, withArgs } from '../gate';

/** The caller's home card, or null (not in the directory, or no storage) for the plain help card. */
export function homeCardFor(tools: RouteTools): (context: TurnContext) => Promise<AdaptiveCardJson | null> {
  return async (context) => {
    const caller = callerOf(context);
    const person = caller ? await identifyCaller(tools.app, caller) : null;
    if (!person?.ok) return null;
    return renderHomeCard(await homeOf(tools.app, person.value));
  };
}

/** Registers `commands`: the full list of commands. */
export function registerHomeRoutes(app: BotApplication, tools: RouteTools): void {
  onCommand(app, tools, {
    pattern: new RegExp(`^(?:${allCommandsCommand}|all commands)$`, 'i'),
    read: () => withArgs(true),
    handle: () => Promise.resolve(renderHelpCard()),
  });
}
