/**
 * Use case: a Service Liaison Officer answers a request for an update. Each answered recommendation
 * gets a progress update from the service (source `sloResponse`), and the request is marked
 * answered; all of it, with the audit events, in one transaction guarded by ETags. Only the
 * service's own SLOs may answer; bad input comes back naming each field, nothing saved.
 */
import { z } from 'zod';
import { formatChangeTime, formatLongDate, toLondonDate } from '../../domain/clock';
import { fail, invalid, ok, type FieldIssue, type Result } from '../../domain/errors';
import { auditEvent, decideRecommendation, type DecisionContext } from '../../domain/lifecycle';
import {
  EvidenceLink,
  Rag,
  roleNames,
  type AuditEvent,
  type EngagementRequest,
  type Person,
  type ProgressUpdate,
  type Recommendation,
} from '../../domain/records';
import type { RecordChange, Versioned } from '../../store';
import type { AppContext } from '../shared/app-context';
import { changeRecord, type Decided, type Loaded } from '../shared/change-record';
import { nameOf } from '../shared/people';
import { engagementRequests } from '../shared/record-kinds';
import { loadEngagementContext, type EngagementContext } from './request-update';

/** The most evidence links one answer may give per recommendation. */
export const maxEvidenceLinksPerAnswer = 5;

/** What the SLO typed for one recommendation, as the form sent it (all text). */
export interface RawRecommendationAnswer {
  rag: string;
  progress: string;
  evidence: string;
}

/** The card's input ids for one recommendation's fields. */
export function answerFieldIds(recommendationId: string): Record<keyof RawRecommendationAnswer, string> {
  return {
    rag: `rag:${recommendationId}`,
    progress: `progress:${recommendationId}`,
    evidence: `evidence:${recommendationId}`,
  };
}

/** The answer to save: which request, and the form's values keyed by input id. */
export interface EngagementAnswerInput {
  serviceCode: string;
  requestId: string;
  values: Readonly<Record<string, string>>;
}

/** A saved answer. */
export interface EngagementAnswered extends EngagementContext {
  updates: { recommendation: Recommendation; update: ProgressUpdate }[];
  answeredBy: Person;
}

const ProgressText = z.string().trim().max(4000, 'must be at most 4000 characters');

/** Splits the evidence box into links: one per line (spaces and commas also separate). */
export function evidenceLinksOf(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((link) => link.trim())
    .filter((link) => link !== '');
}

interface CheckedAnswer {
  recommendation: Recommendation;
  etag: string;
  text: string;
  rag?: Rag;
  evidenceLinks: string[];
}

function checkAnswers(
  recommendations: readonly { value: Recommendation; etag: string }[],
  values: Readonly<Record<string, string>>,
): Result<CheckedAnswer[]> {
  const issues: FieldIssue[] = [];
  const answers: CheckedAnswer[] = [];
  for (const { value: recommendation, etag } of recommendations) {
    const ids = answerFieldIds(recommendation.id);
    const rag = (values[ids.rag] ?? '').trim();
    const progress = ProgressText.safeParse(values[ids.progress] ?? '');
    const links = evidenceLinksOf(values[ids.evidence] ?? '');
    if (rag === '' && progress.success && progress.data === '' && links.length === 0) continue;
    const answer: CheckedAnswer = { recommendation, etag, text: '', evidenceLinks: [] };
    if (!progress.success)
      issues.push({ field: ids.progress, message: progress.error.issues[0]?.message ?? 'is not valid' });
    else if (progress.data === '')
      issues.push({ field: ids.progress, message: 'is required when you answer for this recommendation' });
    else answer.text = progress.data;
    if (rag !== '') {
      const parsed = Rag.safeParse(rag);
      if (parsed.success) answer.rag = parsed.data;
      else issues.push({ field: ids.rag, message: 'must be red, amber or green' });
    }
    if (links.length > maxEvidenceLinksPerAnswer) {
      issues.push({
        field: ids.evidence,
        message: `can hold at most ${String(maxEvidenceLinksPerAnswer)} links`,
      });
    } else {
      const bad = links.find((link) => !EvidenceLink.safeParse(link).success);
      if (bad !== undefined)
        issues.push({
          field: ids.evidence,
          message: `“${bad}” must be a web address starting with https://`,
        });
      else answer.evidenceLinks = links;
    }
    answers.push(answer);
  }
  if (issues.length > 0)
    return invalid(issues, 'Some answers need correcting; see the messages under the fields.');
  const first = recommendations[0];
  if (answers.length === 0) {
    return invalid(
      first
        ? [
            {
              field: answerFieldIds(first.value.id).progress,
              message: 'is needed for at least one recommendation',
            },
          ]
        : [],
      'Give progress on at least one recommendation.',
    );
  }
  return ok(answers);
}

async function alreadyAnswered(context: AppContext, request: EngagementRequest): Promise<Result<never>> {
  const by = await nameOf(context, request.answeredBy, 'someone');
  const when = request.answeredAt ? ` at ${formatChangeTime(request.answeredAt)}` : '';
  return fail('conflict', `This request was already answered by ${by}${when}.`);
}

/** The request, with what its card shows and the open recommendations as read (with ETags). */
type LoadedAnswer = Loaded<EngagementRequest> & {
  engagement: EngagementContext;
  recommendations: Versioned<Recommendation>[];
};

async function loadForAnswer(
  context: AppContext,
  input: EngagementAnswerInput,
): Promise<Result<LoadedAnswer>> {
  const found = await loadEngagementContext(context, input.serviceCode, input.requestId);
  if (!found) return fail('not-found', 'There is no such request for an update.');
  const { request, coc } = found.value;
  return ok({
    kind: engagementRequests,
    partition: request.serviceCode,
    record: { value: request, etag: found.etag },
    owners: coc.owners,
    engagement: found.value,
    recommendations: found.recommendations,
  });
}

/** The SLO's answers, once they are known to be one of the service's SLOs and the request is open. */
async function answersOf(
  context: AppContext,
  actor: Person,
  loaded: LoadedAnswer,
  values: Readonly<Record<string, string>>,
): Promise<Result<CheckedAnswer[]>> {
  const { request, serviceName } = loaded.engagement;
  if (!actor.roles.includes('slo')) {
    return fail(
      'not-allowed',
      `You can't answer this request for an update: it asks the ${roleNames.slo}s of ${serviceName}, and you are not one of them.`,
    );
  }
  if (request.status === 'answered') return alreadyAnswered(context, request);
  if (request.status === 'cancelled')
    return fail('invalid-transition', 'This request for an update was cancelled.');
  return checkAnswers(loaded.recommendations, values);
}

/** Each answer as a progress update from the service, and the request marked answered. */
function decideAnswer(
  { record }: LoadedAnswer,
  answers: CheckedAnswer[],
  decision: DecisionContext,
): Result<Decided<EngagementRequest, EngagementAnswered['updates']>> {
  const request = record.value;
  const also: RecordChange[] = [];
  const updates: EngagementAnswered['updates'] = [];
  const events: AuditEvent[] = [];
  for (const answer of answers) {
    const command = {
      type: 'addProgress' as const,
      text: answer.text,
      rag: answer.rag,
      evidenceLinks: answer.evidenceLinks,
      source: 'sloResponse' as const,
    };
    const decided = decideRecommendation(answer.recommendation, command, decision);
    if (!decided.ok) return decided;
    const { state, progressUpdate } = decided.value;
    also.push({ kind: 'update', entity: { type: 'recommendation', value: state }, etag: answer.etag });
    if (progressUpdate) {
      also.push({ kind: 'append', entity: { type: 'progress', value: progressUpdate } });
      updates.push({ recommendation: state, update: progressUpdate });
    }
    events.push(...decided.value.events);
  }
  const answered: EngagementRequest = {
    ...request,
    status: 'answered',
    answeredBy: decision.actor.objectId,
    answeredAt: decision.now,
  };
  const ids = updates.map((u) => u.recommendation.id).join(', ');
  const note = `Answered for ${ids} (requested by ${formatLongDate(request.dueDate)}, answered ${formatLongDate(toLondonDate(decision.now))}).`;
  const subject = {
    kind: 'engagementRequest' as const,
    id: request.id,
    serviceCode: request.serviceCode,
    cocId: request.cocId,
  };
  events.push(
    auditEvent(
      decision,
      'engagement.answered',
      subject,
      [{ field: 'status', from: 'open', to: 'answered' }],
      note,
    ),
  );
  return ok({ state: answered, events, also, outcome: updates });
}

/** After a lost race: already answered by someone else, or a recommendation changed meanwhile. */
async function answerConflict(context: AppContext, input: EngagementAnswerInput): Promise<Result<never>> {
  const fresh = await context.store.records.getEngagementRequest(input.serviceCode, input.requestId);
  if (fresh?.value.status === 'answered') return alreadyAnswered(context, fresh.value);
  return fail(
    'conflict',
    'A recommendation changed while you were answering. Your answers are kept: check them and submit again.',
  );
}

/** Records an SLO's answer to a request for an update; refused, with the reason, for anyone else. */
export async function answerEngagementRequest(
  context: AppContext,
  actor: Person,
  input: EngagementAnswerInput,
): Promise<Result<EngagementAnswered>> {
  const result = await changeRecord(context, actor, {
    action: 'answerEngagement',
    load: () => loadForAnswer(context, input),
    fields: (loaded) => answersOf(context, actor, loaded, input.values),
    decide: decideAnswer,
    whenConflict: () => answerConflict(context, input),
  });
  if (!result.ok) return result;
  const { loaded, state, outcome = [] } = result.value;
  return ok({ ...loaded.engagement, request: state, updates: outcome, answeredBy: actor });
}
