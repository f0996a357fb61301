/**
 * The confirmations of `register service`, `register board` and `unregister`
 * (`cards/channel-registered.json`), and of a board channel's summary schedule.
 */
import type { SummarySchedule } from '../../app/boards/board-summary';
import type {
  BoardRegistration,
  ChannelRegistration,
  RemovedRegistration,
} from '../../app/channels/register-channel';
import { renderCard, type AdaptiveCardJson } from '../shared/card-renderer';
import { escapeMarkdown } from '../shared/escape-markdown';
import { renderNoticeCard } from '../records/record-cards';

function confirmation(heading: string, message: string, note = ''): AdaptiveCardJson {
  return renderCard('channel-registered', { heading, message, note });
}

/** "This channel is now the service channel for …". */
export function renderServiceChannelRegistered(registration: ChannelRegistration): AdaptiveCardJson {
  const { service, replaced, alreadyRegistered } = registration;
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

/** "This channel is now an improvement board channel for …". */
export function renderBoardChannelRegistered(registration: BoardRegistration): AdaptiveCardJson {
  const { service, alreadyRegistered } = registration;
  const name = escapeMarkdown(`${service.name} (${service.code})`);
  return confirmation(
    'Board channel registered',
    `This channel is now an improvement board channel for ${name}. I will post a summary of its recommendations here on the 1st of each month. Type summary schedule weekly, monthly or off to change that, or summary ${service.code} for one now.`,
    alreadyRegistered
      ? 'It was already registered; I have refreshed how I reach it and kept its schedule.'
      : '',
  );
}

/** What `unregister` stopped: the service and board registrations of the channel. */
export function renderChannelsUnregistered(removed: readonly RemovedRegistration[]): AdaptiveCardJson {
  const namesFor = (purpose: 'service' | 'board') =>
    removed
      .filter((registration) => registration.purpose === purpose)
      .map(({ service }) => escapeMarkdown(`${service.name} (${service.code})`))
      .join(', ');
  const services = namesFor('service');
  const boards = namesFor('board');
  const sentences: string[] = [];
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

const scheduleWords: Record<SummarySchedule, string> = {
  monthly: 'on the 1st of each month',
  weekly: 'every Monday',
  off: 'no longer on a schedule (summary followed by the service code still works)',
};

/** "Board summaries for BUC are posted here every Monday." */
export function renderSummaryScheduleSet(
  serviceCodes: readonly string[],
  schedule: SummarySchedule,
): AdaptiveCardJson {
  return renderNoticeCard(
    'Board summary schedule',
    `Board summaries for ${serviceCodes.join(', ')} are posted here ${scheduleWords[schedule]}.`,
  );
}
