/**
 * `summary <service>`: the improvement board card of a service, now. `summary schedule monthly`,
 * `weekly` or `off`, in a board channel: how often the scheduled summary is posted there.
 */
import { boardSummaryFor, setSummarySchedule, type SummarySchedule } from '../../app/boards/board-summary';
import { renderBoardSummaryCard } from '../../views/boards/board-summary-card';
import { renderSummaryScheduleSet } from '../../views/channels/channel-registered-card';
import { renderNoticeCard } from '../../views/records/record-cards';
import { channelOf } from '../conversation-reference';
import type { BotApplication } from '../create-bot';
import { onCommand, type RouteTools, usage, withArgs } from '../gate';

const scheduleHeading = 'Board summary schedule';

function isSchedule(word: string): word is SummarySchedule {
  return word === 'monthly' || word === 'weekly' || word === 'off';
}

/** Registers `summary schedule …` and `summary <service>`. */
export function registerBoardRoutes(app: BotApplication, tools: RouteTools): void {
  onCommand(app, tools, {
    pattern: /^summary\s+schedule(?:\s+(\S+))?$/i,
    read: ([, word], context) => {
      const choice = (word ?? '').toLowerCase();
      if (!isSchedule(choice)) {
        return usage(
          renderNoticeCard(
            scheduleHeading,
            'Say how often: summary schedule monthly, summary schedule weekly or summary schedule off',
          ),
        );
      }
      return withArgs({ choice, channel: channelOf(context.activity) });
    },
    refused: { heading: scheduleHeading },
    handle: async ({ person }, { choice, channel }) => {
      if (!channel) {
        return renderNoticeCard(
          scheduleHeading,
          'Set the schedule in the board channel itself: mention me there and type summary schedule monthly, weekly or off.',
        );
      }
      const result = await setSummarySchedule(tools.app, person, channel.key, choice);
      return result.ok
        ? renderSummaryScheduleSet(result.value, choice)
        : renderNoticeCard(scheduleHeading, result.error.reason);
    },
  });
  onCommand(app, tools, {
    pattern: /^summary(?:\s+(\S+))?$/i,
    read: ([, code], context) =>
      code === undefined
        ? usage(renderNoticeCard('Board summary', 'Say which service, for example: summary BUC'))
        : withArgs({ code, channelKey: channelOf(context.activity)?.key }),
    refused: { heading: "Can't show a summary" },
    handle: async ({ person }, { code, channelKey }) => {
      const result = await boardSummaryFor(tools.app, person, code, channelKey);
      return result.ok
        ? renderBoardSummaryCard(result.value)
        : renderNoticeCard("Can't show a summary", result.error.reason);
    },
  });
}
