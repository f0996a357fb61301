/**
 * `register service <CODE>`, `register board <CODE>` and `unregister`, typed in a team channel with
 * an @mention: make the channel the service's channel (where summaries of newly issued records and
 * reminders are posted) or one of its improvement board channels, or stop using it. The use cases
 * check the caller is the service's SLL or an administrator.
 */
import type { TurnContext } from 'botbuilder';
import {
  registerBoardChannel,
  registerServiceChannel,
  unregisterChannel,
  type ChannelInfo,
} from '../../app/channels/register-channel';
import type { Result } from '../../domain/errors';
import {
  renderBoardChannelRegistered,
  renderChannelsUnregistered,
  renderServiceChannelRegistered,
} from '../../views/channels/channel-registered-card';
import { renderRefusalCard } from '../../views/issue/issue-card-parts';
import type { AdaptiveCardJson } from '../../views/shared/card-renderer';
import { channelOf } from '../conversation-reference';
import type { BotApplication } from '../create-bot';
import { onCommand, type RouteTools, type Turn, withArgs } from '../gate';

/** What each command needs from the channel it was typed in, and what it does there. */
interface ChannelCommand<T> {
  pattern: RegExp;
  heading: string;
  /** Said when the command was not typed in a channel. */
  inChannel: string;
  /** Said when the service code is missing; undefined when the command takes none. */
  whichService?: string;
  run: (tools: RouteTools, turn: Turn, code: string, channel: ChannelInfo) => Promise<Result<T>>;
  confirm: (done: T) => AdaptiveCardJson;
}

function registerChannelCommand<T>(app: BotApplication, tools: RouteTools, command: ChannelCommand<T>): void {
  const { heading } = command;
  onCommand(app, tools, {
    pattern: command.pattern,
    read: (match, context: TurnContext) => withArgs({ code: match[1], channel: channelOf(context.activity) }),
    refused: { heading },
    handle: async (turn, { code, channel }) => {
      if (!channel) return renderRefusalCard(heading, command.inChannel);
      if (command.whichService !== undefined && code === undefined)
        return renderRefusalCard(heading, command.whichService);
      const result = await command.run(tools, turn, code ?? '', channel);
      return result.ok ? command.confirm(result.value) : renderRefusalCard(heading, result.error.reason);
    },
  });
}

/** Registers `register service`, `register board` and `unregister`. */
export function registerChannelRoutes(app: BotApplication, tools: RouteTools): void {
  registerChannelCommand(app, tools, {
    pattern: /^register\s+service(?:\s+(\S+))?$/i,
    heading: 'Register a service channel',
    inChannel:
      'Register a service channel from the channel itself: mention me there and type register service followed by the service code.',
    whichService: 'Say which service, for example: register service BUC',
    run: (route, { person }, code, channel) => registerServiceChannel(route.app, person, code, channel),
    confirm: renderServiceChannelRegistered,
  });
  registerChannelCommand(app, tools, {
    pattern: /^unregister(?:\s+(?:service|board))?$/i,
    heading: 'Unregister a channel',
    inChannel: 'Unregister a channel from the channel itself: mention me there and type unregister.',
    run: (route, { person }, _code, channel) => unregisterChannel(route.app, person, channel.key),
    confirm: renderChannelsUnregistered,
  });
  registerChannelCommand(app, tools, {
    pattern: /^register\s+board(?:\s+(\S+))?$/i,
    heading: 'Register an improvement board channel',
    inChannel:
      'Register a board channel from the channel itself: mention me there and type register board followed by the service code.',
    whichService: 'Say which service, for example: register board BUC',
    run: (route, { person }, code, channel) => registerBoardChannel(route.app, person, code, channel),
    confirm: renderBoardChannelRegistered,
  });
}
