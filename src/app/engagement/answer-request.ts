/**
 * Use case: a Service Liaison Officer answers a request for an update. Each answered recommendation
 * gets a progress update from the service (source `sloResponse`), and the request is marked
 * answered; all of it, with the audit events, in one transaction guarded by ETags. Only the
 * service's own SLOs may answer; bad input comes back naming each field, nothing saved.
 */
import { z } from 'zod';
import { formatLongDate, toLondonDate } from '../../domain/clock';
import { fail, invalid, ok, type FieldIssue, type Result } from '../../domain/errors';
import { decideRecommendation } from '../../domain/lifecycle';
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
import type { RecordChange } from '../../store';
import { nowOf, type AppContext } from '../shared/app-context';
import { loadEngagementContext, type EngagementContext } from './request-update';
import {
  authorizeIn,
  commitOrDetectConflict,
  decisionContextOf,
  formatChangeTime,
  scopeOf,
} from '../shared/record-scope';

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
  const by = request.answeredBy ? await context.store.directory.getPerson(request.answeredBy) : null;
  const when = request.answeredAt ? ` at ${formatChangeTime(request.answeredAt)}` : '';
  return fail('conflict', `This request was already answered by ${by?.name ?? 'someone'}${when}.`);
}

/** Records an SLO's answer to a request for an update; refused, with the reason, for anyone else. */
export async function answerEngagementRequest(
  context: AppContext,
  actor: Person,
  input: EngagementAnswerInput,
): Promise<Result<EngagementAnswered>> {
  const loaded = await loadEngagementContext(context, input.serviceCode, input.requestId);
  if (!loaded) return fail('not-found', 'There is no such request for an update.');
  const { request, coc, serviceName } = loaded.value;
  const scope = await scopeOf(context, actor, request.serviceCode, coc.owners);
  const allowed = authorizeIn(actor, 'answerEngagement', scope);
  if (!allowed.ok) return allowed;
  if (!actor.roles.includes('slo')) {
    return fail(
      'not-allowed',
      `You can't answer this request for an update: it asks the ${roleNames.slo}s of ${serviceName}, and you are not one of them.`,
    );
  }
  if (request.status === 'answered') return alreadyAnswered(context, request);
  if (request.status === 'cancelled')
    return fail('invalid-transition', 'This request for an update was cancelled.');

  const found = await context.store.records.getCocWithRecommendations(request.serviceCode, request.cocId);
  const open = (found?.recommendations ?? []).filter((r) => r.value.status !== 'closed');
  const checked = checkAnswers(open, input.values);
  if (!checked.ok) return checked;

  const decision = decisionContextOf(context, actor, allowed.value);
  const changes: RecordChange[] = [];
  const updates: EngagementAnswered['updates'] = [];
  for (const answer of checked.value) {
    const decided = decideRecommendation(
      answer.recommendation,
      {
        type: 'addProgress',
        text: answer.text,
        rag: answer.rag,
        evidenceLinks: answer.evidenceLinks,
        source: 'sloResponse',
      },
      decision,
    );
    if (!decided.ok) return decided;
    const { state, events, progressUpdate } = decided.value;
    changes.push({ kind: 'update', entity: { type: 'recommendation', value: state }, etag: answer.etag });
    if (progressUpdate) {
      changes.push({ kind: 'append', entity: { type: 'progress', value: progressUpdate } });
      updates.push({ recommendation: state, update: progressUpdate });
    }
    for (const event of events) changes.push({ kind: 'append', entity: { type: 'audit', value: event } });
  }
  const answered: EngagementRequest = {
    ...request,
    status: 'answered',
    answeredBy: actor.objectId,
    answeredAt: nowOf(context),
  };
  const event: AuditEvent = {
    id: context.newId(),
    at: answered.answeredAt ?? nowOf(context),
    actor: actor.objectId,
    action: 'engagement.answered',
    subject: { kind: 'engagementRequest', id: request.id },
    serviceCode: request.serviceCode,
    cocId: request.cocId,
    changes: [{ field: 'status', from: 'open', to: 'answered' }],
    note: `Answered for ${updates.map((u) => u.recommendation.id).join(', ')} (requested by ${formatLongDate(request.dueDate)}, answered ${formatLongDate(toLondonDate(nowOf(context)))}).`,
  };
  changes.push({ kind: 'update', entity: { type: 'engagement', value: answered }, etag: loaded.etag });
  changes.push({ kind: 'append', entity: { type: 'audit', value: event } });
  if ((await commitOrDetectConflict(context, request.serviceCode, changes)) === 'conflict') {
    const fresh = await context.store.records.getEngagementRequest(request.serviceCode, request.id);
    if (fresh?.value.status === 'answered') return alreadyAnswered(context, fresh.value);
    return fail(
      'conflict',
      'A recommendation changed while you were answering. Your answers are kept: check them and submit again.',
    );
  }
  return ok({ ...loaded.value, request: answered, updates, answeredBy: actor });
}
