/**
 * `register service <CODE>` and `unregister`, typed in a team channel with an @mention: make the
 * channel the service's channel (where summaries of newly issued records are posted), or stop.
 * The use cases check the caller is the service's SLL or an administrator.
 */
import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import { z } from 'zod';
import {
  registerBoardChannel,
  registerServiceChannel,
  unregisterChannel,
  type ChannelInfo,
} from '../../app/channels/register-channel';
import { commandText, type BotApplication } from '../create-bot';
import { renderCard, type AdaptiveCardJson } from '../../views/shared/card-renderer';
import { cardAttachment } from '../card-attachment';
import { escapeMarkdown } from '../../views/shared/escape-markdown';
import { renderRefusalCard } from '../../views/issue/issue-card-parts';
import type { FeatureContext } from './feature-context';
import { personOf } from './identify';

const registerPattern = /^register\s+service(?:\s+(\S+))?$/i;
const unregisterPattern = /^unregister(?:\s+(?:service|board))?$/i;
const registerBoardPattern = /^register\s+board(?:\s+(\S+))?$/i;

const TeamsChannelData = z.looseObject({
  channel: z.looseObject({ id: z.string().min(1), name: z.string().optional() }).optional(),
});

/**
 * The channel an activity came from, or null outside a team channel. The key is the channel id
 * (a reply thread's `;messageid=` is dropped), so later posts start a new conversation there.
 */
export function channelOf(activity: Activity): ChannelInfo | null {
  if (activity.conversation.conversationType !== 'channel') return null;
  const channelData = TeamsChannelData.safeParse(activity.channelData);
  const channel = channelData.success ? channelData.data.channel : undefined;
  const key = channel?.id ?? activity.conversation.id.split(';')[0] ?? activity.conversation.id;
  const { activityId: _replyTo, ...reference }: Partial<ConversationReference> =
    TurnContext.getConversationReference(activity);
  const info: ChannelInfo = {
    key,
    reference: { ...reference, conversation: { ...activity.conversation, id: key } },
  };
  if (activity.conversation.tenantId) info.tenantId = activity.conversation.tenantId;
  if (channel?.name) info.name = channel.name;
  return info;
}

function confirmation(heading: string, message: string, note = ''): AdaptiveCardJson {
  return renderCard('channel-registered', { heading, message, note });
}

async function register(
  context: TurnContext,
  features: FeatureContext,
  code: string | undefined,
): Promise<AdaptiveCardJson> {
  const heading = 'Register a service channel';
  const actor = await personOf(context, features);
  if (!actor.ok) return renderRefusalCard(heading, actor.error.reason);
  const channel = channelOf(context.activity);
  if (!channel) {
    return renderRefusalCard(
      heading,
      'Register a service channel from the channel itself: mention me there and type register service followed by the service code.',
    );
  }
  if (code === undefined)
    return renderRefusalCard(heading, 'Say which service, for example: register service BUC');
  const result = await registerServiceChannel(features.app, actor.value, code, channel);
  if (!result.ok) return renderRefusalCard(heading, result.error.reason);
  const { service, replaced, alreadyRegistered } = result.value;
  const name = escapeMarkdown(`${service.name} (${service.code})`);
  const note = alreadyRegistered
    ? 'It was already registered; I have refreshed how I reach it.'
    : replaced
      ? 'It replaces the channel registered before, where I will no longer post.'
      : '';
  return confirmation(
    'Service channel registered',
    `This channel is now the service channel for ${name}. When a cause of concern or area for improvement is issued for ${service.code}, I will post a summary here.`,
    note,
  );
}

async function registerBoard(
  context: TurnContext,
  features: FeatureContext,
  code: string | undefined,
): Promise<AdaptiveCardJson> {
  const heading = 'Register an improvement board channel';
  const actor = await personOf(context, features);
  if (!actor.ok) return renderRefusalCard(heading, actor.error.reason);
  const channel = channelOf(context.activity);
  if (!channel) {
    return renderRefusalCard(
      heading,
      'Register a board channel from the channel itself: mention me there and type register board followed by the service code.',
    );
  }
  if (code === undefined)
    return renderRefusalCard(heading, 'Say which service, for example: register board BUC');
  const result = await registerBoardChannel(features.app, actor.value, code, channel);
  if (!result.ok) return renderRefusalCard(heading, result.error.reason);
  const { service, alreadyRegistered } = result.value;
  const name = escapeMarkdown(`${service.name} (${service.code})`);
  return confirmation(
    'Board channel registered',
    `This channel is now an improvement board channel for ${name}. I will post a summary of its recommendations here on the 1st of each month. Type summary schedule weekly, monthly or off to change that, or summary ${service.code} for one now.`,
    alreadyRegistered
      ? 'It was already registered; I have refreshed how I reach it and kept its schedule.'
      : '',
  );
}

async function unregister(context: TurnContext, features: FeatureContext): Promise<AdaptiveCardJson> {
  const heading = 'Unregister a channel';
  const actor = await personOf(context, features);
  if (!actor.ok) return renderRefusalCard(heading, actor.error.reason);
  const channel = channelOf(context.activity);
  if (!channel)
    return renderRefusalCard(
      heading,
      'Unregister a channel from the channel itself: mention me there and type unregister.',
    );
  const result = await unregisterChannel(features.app, actor.value, channel.key);
  if (!result.ok) return renderRefusalCard(heading, result.error.reason);
  const namesFor = (purpose: 'service' | 'board') =>
    result.value
      .filter((removed) => removed.purpose === purpose)
      .map(({ service }) => escapeMarkdown(`${service.name} (${service.code})`))
      .join(', ');
  const sentences: string[] = [];
  const services = namesFor('service');
  const boards = namesFor('board');
  if (services !== '')
    sentences.push(
      `This channel is no longer the service channel for ${services}. I will not post summaries here any more.`,
    );
  if (boards !== '')
    sentences.push(
      `This channel is no longer an improvement board channel for ${boards}. I will not post board summaries here any more.`,
    );
  return confirmation(
    boards !== '' && services === '' ? 'Board channel unregistered' : 'Service channel unregistered',
    sentences.join(' '),
  );
}

/** Registers `register service <CODE>`, `register board <CODE>` and `unregister`. */
export function registerChannelRegistration(app: BotApplication, features: FeatureContext): void {
  app.message(
    (context) =>
      Promise.resolve(context.activity.type === 'message' && registerPattern.test(commandText(context))),
    async (context) => {
      const code = registerPattern.exec(commandText(context))?.[1];
      await context.sendActivity({ attachments: [cardAttachment(await register(context, features, code))] });
    },
  );
  app.message(
    (context) =>
      Promise.resolve(context.activity.type === 'message' && unregisterPattern.test(commandText(context))),
    async (context) => {
      await context.sendActivity({ attachments: [cardAttachment(await unregister(context, features))] });
    },
  );
  app.message(
    (context) =>
      Promise.resolve(context.activity.type === 'message' && registerBoardPattern.test(commandText(context))),
    async (context) => {
      const code = registerBoardPattern.exec(commandText(context))?.[1];
      await context.sendActivity({
        attachments: [cardAttachment(await registerBoard(context, features, code))],
      });
    },
  );
}
