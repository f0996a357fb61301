/**
 * The cards of a request for an update: the form posted in the service channel (one block per open
 * recommendation, the SLOs @mentioned), the SLL's small "by when?" form, the card shown once the
 * service answered, and the weekly reminder of a late answer. User text goes through
 * `escapeMarkdown`; names, ids and dates are ours.
 */
import { daysBetween, formatLongDate, toLondonDate } from '../../domain/clock';
import { currentTargetDate } from '../../domain/lifecycle';
import { recommendationStatusNames, type Recommendation } from '../../domain/records';
import {
  answerFieldIds,
  type EngagementAnswered,
  type RawRecommendationAnswer,
} from '../../app/engagement/answer-request';
import type { EngagementAnswer } from '../../app/engagement/engagement-answers';
import type { EngagementContext } from '../../app/engagement/request-update';
import type { Mentionable } from '../../app/shared/people';
import type { FieldIssue } from '../../domain/errors';
import { renderCard, type AdaptiveCardJson, type CardForEveryone } from '../shared/card-renderer';
import { escapeMarkdown } from '../shared/escape-markdown';
import { daysText, ragName, renderNoticeAnswer } from '../records/record-cards';

/** A Teams mention entity for an Adaptive Card's `msteams.entities`. */
interface MentionEntity {
  type: 'mention';
  text: string;
  mentioned: { id: string; name: string };
}

function mentionEntities(people: readonly Mentionable[]): MentionEntity[] {
  return people.map(({ person, teamsUserId }) => ({
    type: 'mention',
    text: `<at>${person.name}</at>`,
    mentioned: { id: teamsUserId, name: person.name },
  }));
}

/** "<at>A</at> and <at>B</at>": the mention texts, which must appear on the card exactly as in the entities. */
function mentionText(people: readonly Mentionable[]): string {
  const texts = people.map(({ person }) => `<at>${person.name}</at>`);
  if (texts.length <= 1) return texts.join('');
  return `${texts.slice(0, -1).join(', ')} and ${texts.at(-1) ?? ''}`;
}

function recommendationFacts(recommendation: Recommendation, today: string) {
  const target = currentTargetDate(recommendation);
  const update = recommendation.latestUpdate;
  return [
    {
      title: 'Target date',
      value: target ? `${formatLongDate(target)} (${daysText(daysBetween(today, target))})` : 'Not set',
    },
    {
      title: 'Latest update',
      value: update
        ? `${formatLongDate(toLondonDate(update.at))}: ${escapeMarkdown(update.text)}`
        : 'None yet',
    },
  ];
}

/** The form's values and messages for re-showing it: values keyed by input id, issues by field. */
export interface EngagementFormState {
  values?: Readonly<Record<string, string>>;
  issues?: readonly FieldIssue[];
  notice?: string;
}

/** The request for an update as posted in the service channel, or re-shown with values and messages. */
export function renderEngagementRequestCard(
  engagement: EngagementContext,
  today: string,
  state: EngagementFormState = {},
): AdaptiveCardJson {
  const { request, coc, slos } = engagement;
  const values = state.values ?? {};
  const messageOf = (label: string, field: string) => {
    const issue = state.issues?.find((i) => i.field === field);
    return issue ? escapeMarkdown(`${label} ${issue.message}`) : '';
  };
  const asker = engagement.requestedBy?.name ?? 'The Service Liaison Lead';
  const who = slos.length > 0 ? `${mentionText(slos)}: ` : '';
  return renderCard('engagement-request', {
    notice: state.notice ? escapeMarkdown(state.notice) : '',
    mentions: mentionEntities(slos),
    heading: `${coc.id}: request for an update`,
    serviceName: engagement.serviceName,
    introduction: `${who}${escapeMarkdown(asker)} asks for an update on ${coc.id}, ${escapeMarkdown(coc.title)}, by ${formatLongDate(request.dueDate)}. Please give the RAG status, progress and any evidence links for each open recommendation below, then send.${slos.length === 0 ? ' (There is no Service Liaison Officer for this service in my directory yet.)' : ''}`,
    facts: [
      { title: 'Asked by', value: escapeMarkdown(asker) },
      {
        title: 'Answer by',
        value: `${formatLongDate(request.dueDate)} (${daysText(daysBetween(today, request.dueDate))})`,
      },
    ],
    serviceCode: request.serviceCode,
    requestId: request.id,
    recommendations: engagement.openRecommendations.map((r) => {
      const ids = answerFieldIds(r.id);
      const field = (key: keyof RawRecommendationAnswer) => values[ids[key]] ?? '';
      return {
        heading: `${r.id} · ${recommendationStatusNames[r.status]} · ${ragName(r.rag)}`,
        text: escapeMarkdown(r.text),
        facts: recommendationFacts(r, today),
        ragId: ids.rag,
        progressId: ids.progress,
        evidenceId: ids.evidence,
        rag: field('rag'),
        progress: field('progress'),
        evidence: field('evidence'),
        ragError: messageOf('RAG', ids.rag),
        progressError: messageOf('Progress', ids.progress),
        evidenceError: messageOf('Evidence links:', ids.evidence),
      };
    }),
  });
}

/** The card that replaces the request once answered; also what the SLL gets in their chat. */
export function renderEngagementAnsweredCard(
  answered: EngagementAnswered,
  forRequester: boolean,
): AdaptiveCardJson {
  const { coc, request, answeredBy } = answered;
  const when = formatLongDate(toLondonDate(request.answeredAt ?? request.requestedAt));
  return renderCard('engagement-answered', {
    heading: forRequester
      ? `${coc.id}: the service answered your request for an update`
      : `${coc.id}: update received`,
    serviceName: answered.serviceName,
    message: `${escapeMarkdown(answeredBy.name)} answered on ${when} (asked for by ${formatLongDate(request.dueDate)}). The progress below is recorded on each recommendation.`,
    cocId: coc.id,
    updates: answered.updates.map(({ recommendation, update }) => ({
      heading: `${recommendation.id} · ${ragName(recommendation.rag)}`,
      facts: [
        { title: 'RAG', value: ragName(update.rag ?? recommendation.rag) },
        { title: 'Progress', value: escapeMarkdown(update.text) },
        {
          title: 'Evidence',
          value:
            update.evidenceLinks.length > 0
              ? update.evidenceLinks.map(escapeMarkdown).join(', ')
              : 'None given',
        },
      ],
    })),
  });
}

/** The SLL's "by when?" form, opened from the CoC card's "Request update" button. */
export function renderEngagementAskForm(cocId: string, dueDate: string, message = ''): AdaptiveCardJson {
  return renderCard('engagement-ask', { cocId, dueDate, message: escapeMarkdown(message) });
}

/** The weekly reminder in the service channel that an answer is late. */
export function renderEngagementReminderCard(engagement: EngagementContext, today: string): AdaptiveCardJson {
  const { request, coc, slos } = engagement;
  const late = -daysBetween(today, request.dueDate);
  const who = slos.length > 0 ? `${mentionText(slos)}: ` : '';
  return renderCard('engagement-reminder', {
    mentions: mentionEntities(slos),
    heading: `${coc.id}: the update is late`,
    message: `${who}the update on ${coc.id}, ${escapeMarkdown(coc.title)}, asked for by ${formatLongDate(request.dueDate)} has not been sent yet (${late === 1 ? '1 day' : `${String(late)} days`} late). Please answer the request for an update posted in this channel on ${formatLongDate(toLondonDate(request.requestedAt))}.`,
  });
}

/** A request-for-an-update button's answer, drawn (an answer saved is the same card for everyone). */
export function renderEngagementAnswer(answer: EngagementAnswer): AdaptiveCardJson | CardForEveryone {
  switch (answer.kind) {
    case 'notice':
      return renderNoticeAnswer(answer);
    case 'askForm':
      return renderEngagementAskForm(answer.cocId, answer.dueDate, answer.message);
    case 'answered': {
      const card = renderEngagementAnsweredCard(answer.answered, false);
      return { card, forEveryone: () => card };
    }
    case 'request':
      return renderEngagementRequestCard(answer.engagement, answer.today, answer.typed);
  }
}
