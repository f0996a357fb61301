/**
 * What a request for an update (rule book §13-14) answers, as data for src/views/engagement to
 * draw: the sentence for the SLL once the request is saved and posted, the "by when?" form again
 * with the date's message, the answered card once an SLO's answer is saved and the SLL told, the
 * request card again with what was typed and why not, or a notice.
 */
import type { FieldIssue, Result } from '../../domain/errors';
import type { Person } from '../../domain/records';
import { issuesOf, noticeAnswer, type NoticeAnswer } from '../shared/answer';
import { todayOf, type AppContext } from '../shared/app-context';
import type { Notifier } from '../shared/notifier';
import { answerEngagementRequest, type EngagementAnswered } from './answer-request';
import { postEngagementRequest, tellRequesterOfAnswer, type EngagementMessage } from './notify-engagement';
import { loadEngagementContext, requestEngagementUpdate, type EngagementContext } from './request-update';

/** How requests are posted and requesters told; what went wrong is reported (the change stands). */
export interface EngagementTelling {
  notifier: Notifier<EngagementMessage>;
  report: (problem: { level: 'warn' | 'error'; requestId: string; message: string; error?: unknown }) => void;
}

/** A request-for-an-update command's or button's answer. */
export type EngagementAnswer =
  | NoticeAnswer
  | { kind: 'askForm'; cocId: string; dueDate: string; message: string }
  | { kind: 'answered'; answered: EngagementAnswered }
  | {
      kind: 'request';
      engagement: EngagementContext;
      today: string;
      typed: { values: Record<string, string>; issues: readonly FieldIssue[]; notice: string };
    };

const sentHeading = 'Request for an update sent';
const refusedHeading = "Can't request an update";

/** Saves the request and posts it in the service channel; the sentence for the SLL. */
async function ask(
  context: AppContext,
  person: Person,
  asked: { cocId: string; dueDate: string },
  telling: EngagementTelling,
): Promise<Result<string>> {
  const made = await requestEngagementUpdate(context, person, asked);
  if (!made.ok) return made;
  const requestId = made.value.request.id;
  const onFailure = (error: unknown) =>
    telling.report({ level: 'error', requestId, message: 'could not post a request for an update', error });
  return { ok: true, value: await postEngagementRequest(context, telling.notifier, made.value, onFailure) };
}

/** `request update BUC-1 by …`: the sentence once it is sent, or why not. */
export async function typedUpdateRequest(
  context: AppContext,
  person: Person,
  asked: { cocId: string; dueDate: string },
  telling: EngagementTelling,
): Promise<NoticeAnswer> {
  const result = await ask(context, person, asked, telling);
  return result.ok
    ? noticeAnswer(sentHeading, result.value, asked.cocId.toUpperCase())
    : noticeAnswer(refusedHeading, result.error.reason, '');
}

/** The "by when?" form's submit: the sentence once it is sent, the form again, or why not. */
export async function formUpdateRequest(
  context: AppContext,
  person: Person,
  asked: { cocId: string; dueDate: string },
  telling: EngagementTelling,
): Promise<EngagementAnswer> {
  const { cocId, dueDate } = asked;
  const result = await ask(context, person, asked, telling);
  if (result.ok) return noticeAnswer(sentHeading, result.value, cocId);
  if (result.error.code !== 'validation') return noticeAnswer(refusedHeading, result.error.reason, cocId);
  const message = `Answer by ${result.error.issues[0]?.message ?? 'is not valid'}`;
  return { kind: 'askForm', cocId, dueDate, message };
}

/** Sends the answer to the SLL who asked; a failure is reported, the answer is already saved. */
async function tellRequester(
  context: AppContext,
  answered: EngagementAnswered,
  telling: EngagementTelling,
): Promise<void> {
  const { id: requestId } = answered.request;
  try {
    const reached = await tellRequesterOfAnswer(context, telling.notifier, answered);
    if (!reached)
      telling.report({
        level: 'warn',
        requestId,
        message: 'the requester has no personal chat with the bot',
      });
  } catch (error) {
    telling.report({ level: 'error', requestId, message: 'could not tell the requester', error });
  }
}

/** An SLO's answer: the answered card once saved (the SLL told), or the request again with why not. */
export async function answerUpdateRequest(
  context: AppContext,
  person: Person,
  sent: { serviceCode: string; requestId: string; values: Record<string, string> },
  telling: EngagementTelling,
): Promise<EngagementAnswer> {
  const result = await answerEngagementRequest(context, person, sent);
  if (result.ok) {
    await tellRequester(context, result.value, telling);
    return { kind: 'answered', answered: result.value };
  }
  const loaded = await loadEngagementContext(context, sent.serviceCode, sent.requestId);
  if (!loaded) return noticeAnswer("Can't send this", result.error.reason);
  const typed = { values: sent.values, issues: issuesOf(result.error), notice: result.error.reason };
  return { kind: 'request', engagement: loaded.value, today: todayOf(context), typed };
}
