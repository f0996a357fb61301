/**
 * `summary <service>`: the improvement board card of a service, now. `summary schedule monthly`,
 * `weekly` or `off`, in a board channel: how often the scheduled summary is posted there.
 */
import type { TurnContext } from 'botbuilder';
import { boardSummaryFor, setSummarySchedule, type SummarySchedule } from '../../app/boards/board-summary';
import { type AdaptiveCardJson } from '../../views/shared/card-renderer';
import { cardAttachment } from '../card-attachment';
import { commandText, type BotApplication } from '../create-bot';
import { renderBoardSummaryCard } from '../../views/boards/board-summary-card';
import { channelOf } from './channel-registration';
import { renderNoticeCard } from '../../views/records/record-cards';
import type { FeatureContext } from './feature-context';
import { personOf } from './identify';

const scheduleCommand = /^summary\s+schedule(?:\s+(\S+))?$/i;
const summaryCommand = /^summary(?:\s+(\S+))?$/i;

const scheduleWords: Record<SummarySchedule, string> = {
  monthly: 'on the 1st of each month',
  weekly: 'every Monday',
  off: 'no longer on a schedule (summary followed by the service code still works)',
};

async function summary(
  context: TurnContext,
  features: FeatureContext,
  code: string | undefined,
): Promise<AdaptiveCardJson> {
  if (code === undefined)
    return renderNoticeCard('Board summary', 'Say which service, for example: summary BUC');
  const person = await personOf(context, features);
  if (!person.ok) return renderNoticeCard("Can't show a summary", person.error.reason);
  const result = await boardSummaryFor(features.app, person.value, code, channelOf(context.activity)?.key);
  return result.ok
    ? renderBoardSummaryCard(result.value)
    : renderNoticeCard("Can't show a summary", result.error.reason);
}

function isSchedule(word: string): word is SummarySchedule {
  return word === 'monthly' || word === 'weekly' || word === 'off';
}

async function schedule(
  context: TurnContext,
  features: FeatureContext,
  word: string | undefined,
): Promise<AdaptiveCardJson> {
  const heading = 'Board summary schedule';
  const choice = (word ?? '').toLowerCase();
  if (!isSchedule(choice))
    return renderNoticeCard(
      heading,
      'Say how often: summary schedule monthly, summary schedule weekly or summary schedule off',
    );
  const person = await personOf(context, features);
  if (!person.ok) return renderNoticeCard(heading, person.error.reason);
  const channel = channelOf(context.activity);
  if (!channel)
    return renderNoticeCard(
      heading,
      'Set the schedule in the board channel itself: mention me there and type summary schedule monthly, weekly or off.',
    );
  const result = await setSummarySchedule(features.app, person.value, channel.key, choice);
  if (!result.ok) return renderNoticeCard(heading, result.error.reason);
  return renderNoticeCard(
    heading,
    `Board summaries for ${result.value.join(', ')} are posted here ${scheduleWords[choice]}.`,
  );
}

/** Registers `summary schedule …` and `summary <service>`. */
export function registerBoardSummary(app: BotApplication, features: FeatureContext): void {
  app.message(
    (context) =>
      Promise.resolve(context.activity.type === 'message' && scheduleCommand.test(commandText(context))),
    async (context) => {
      const word = scheduleCommand.exec(commandText(context))?.[1];
      await context.sendActivity({ attachments: [cardAttachment(await schedule(context, features, word))] });
    },
  );
  app.message(
    (context) =>
      Promise.resolve(context.activity.type === 'message' && summaryCommand.test(commandText(context))),
    async (context) => {
      const code = summaryCommand.exec(commandText(context))?.[1];
      await context.sendActivity({ attachments: [cardAttachment(await summary(context, features, code))] });
    },
  );
}
