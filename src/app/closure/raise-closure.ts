/**
 * Use case: the Service Liaison Lead asks to close a recommendation (with evidence links and a note
 * of how they validated the improvement, §24) or an area for improvement they marked complete
 * (§30). The closure request, the subject's new status and the audit events are saved in one
 * transaction; sending the approval card is the bot's job afterwards.
 */
import { formatLongDate, toLondonDate } from '../../domain/clock';
import { fail, invalid, ok, type FieldIssue, type Result } from '../../domain/errors';
import { parseRecordId } from '../../domain/ids';
import { isPending, requestClosure, type ClosureTarget } from '../../domain/lifecycle';
import {
  EvidenceLink,
  type CauseOfConcern,
  type ClosureRequest,
  type Person,
  type Recommendation,
} from '../../domain/records';
import type { Versioned } from '../../store';
import type { AppContext } from '../shared/app-context';
import { authorizeIn, commitOrDetectConflict, decisionContextOf, scopeOf } from '../shared/record-scope';

/** The most evidence links one request carries on the form. */
export const maxClosureEvidenceLinks = 5;

/** What the SLL gives: the record id, the evidence link inputs in form order (blanks allowed), the note. */
export interface RaiseClosureInput {
  subjectId: string;
  links: readonly string[];
  validationNote: string;
}

/** A saved closure request and the record it is about, in its new state. */
export interface ClosureRaised {
  request: ClosureRequest;
  target: ClosureTarget;
}

/** The record a closure request can be about, as read (with its ETag). */
export interface LoadedClosureSubject {
  serviceCode: string;
  target: ClosureTarget;
  etag: string;
  owners: { sll: string; cos: string; hmi?: string };
  /** For a recommendation: its CoC (with ETag) and every recommendation of that CoC. */
  coc?: Versioned<CauseOfConcern>;
  siblings?: Recommendation[];
}

/** Loads a recommendation of a CoC or an AFI by id, with its owners; external ones are refused. */
export async function loadClosureSubject(
  context: AppContext,
  subjectId: string,
): Promise<Result<LoadedClosureSubject>> {
  const parsed = parseRecordId(subjectId);
  if (parsed?.kind === 'recommendation') {
    const found = await context.store.records.getCocWithRecommendations(parsed.serviceCode, parsed.cocId);
    const recommendation = found?.recommendations.find((r) => r.value.id === parsed.id);
    if (!found || !recommendation) return fail('not-found', `There is no recommendation ${parsed.id}.`);
    return ok({
      serviceCode: parsed.serviceCode,
      target: { kind: 'recommendation', record: recommendation.value },
      etag: recommendation.etag,
      owners: found.coc.value.owners,
      coc: found.coc,
      siblings: found.recommendations.map((r) => r.value),
    });
  }
  if (parsed?.kind === 'afi') {
    const afi = await context.store.records.getAfi(parsed.serviceCode, parsed.id);
    if (!afi) return fail('not-found', `There is no area for improvement ${parsed.id}.`);
    return ok({
      serviceCode: parsed.serviceCode,
      target: { kind: 'afi', record: afi.value },
      etag: afi.etag,
      owners: { sll: afi.value.sll, cos: afi.value.cos },
    });
  }
  if (parsed?.kind === 'externalRecommendation') {
    return fail(
      'invalid-transition',
      `${parsed.id} is a recommendation to an external body; the deputy portfolio director closes those with the HM Inspectors.`,
    );
  }
  return fail(
    'not-found',
    `“${subjectId}” is not the id of a recommendation or area for improvement, e.g. BUC-1.2 or HWF-AFI-2.`,
  );
}

/** The request still waiting for a decision on this record, if any. */
export async function pendingRequestFor(
  context: AppContext,
  serviceCode: string,
  subjectId: string,
): Promise<Versioned<ClosureRequest> | undefined> {
  const requests = await context.store.records.listClosureRequests(serviceCode);
  return requests.find((r) => r.value.subject.id === subjectId && isPending(r.value));
}

/** Checks each evidence link input: https web addresses only, named by their place on the form. */
export function checkEvidenceLinks(links: readonly string[]): Result<string[]> {
  const issues: FieldIssue[] = [];
  const kept: string[] = [];
  links.forEach((raw, index) => {
    const link = raw.trim();
    if (link === '') return;
    const parsed = EvidenceLink.safeParse(link);
    if (parsed.success) kept.push(parsed.data);
    else
      issues.push({
        field: `evidenceLinks.${String(index)}`,
        message: parsed.error.issues[0]?.message ?? 'is not valid',
      });
  });
  return issues.length > 0 ? invalid(issues, 'Check the evidence links marked below.') : ok(kept);
}

/** Checks, loads, authorizes and saves a new closure request. */
export async function raiseClosureRequest(
  context: AppContext,
  actor: Person,
  input: RaiseClosureInput,
): Promise<Result<ClosureRaised>> {
  const loaded = await loadClosureSubject(context, input.subjectId);
  if (!loaded.ok) return loaded;
  const { serviceCode, target, etag, owners } = loaded.value;
  const scope = await scopeOf(context, actor, serviceCode, owners);
  const permission = authorizeIn(actor, 'requestClosure', scope);
  if (!permission.ok) return permission;

  const links = checkEvidenceLinks(input.links);
  if (!links.ok) {
    const noNote = target.kind === 'recommendation' && input.validationNote.trim() === '';
    if (links.error.code !== 'validation' || !noNote) return links;
    return invalid(
      [...links.error.issues, { field: 'validationNote', message: 'is required' }],
      'Check the evidence links and say how you validated the improvement.',
    );
  }
  const waiting = await pendingRequestFor(context, serviceCode, target.record.id);
  if (waiting) {
    return fail(
      'invalid-transition',
      `${target.record.id} already has a closure request waiting for a decision, raised on ${formatLongDate(toLondonDate(waiting.value.requestedAt))}.`,
    );
  }

  const decided = requestClosure(
    { target, evidenceLinks: links.value, validationNote: input.validationNote },
    decisionContextOf(context, actor, permission.value),
  );
  if (!decided.ok) return decided;
  const { request, events } = decided.value;
  // The subject is written even when its status does not move, so its ETag stops a second request racing this one.
  const saved = await commitOrDetectConflict(context, serviceCode, [
    { kind: 'create', entity: { type: 'closure', value: request } },
    decided.value.target.kind === 'recommendation'
      ? { kind: 'update', entity: { type: 'recommendation', value: decided.value.target.record }, etag }
      : { kind: 'update', entity: { type: 'afi', value: decided.value.target.record }, etag },
    ...events.map((event) => ({ kind: 'append' as const, entity: { type: 'audit' as const, value: event } })),
  ]);
  if (saved === 'conflict') {
    return fail(
      'conflict',
      `${target.record.id} was changed by someone else just now. Open it again with show ${target.record.id} and check before asking for closure.`,
    );
  }
  return ok({ request, target: decided.value.target });
}

/** The record the closure form is for, once the caller may ask and the record may be closed. */
export interface ClosureFormSubject {
  target: ClosureTarget;
  serviceName: string;
}

/** Checks the caller may ask to close this record now, before the form is shown. */
export async function prepareClosureRequest(
  context: AppContext,
  actor: Person,
  subjectId: string,
): Promise<Result<ClosureFormSubject>> {
  const loaded = await loadClosureSubject(context, subjectId);
  if (!loaded.ok) return loaded;
  const { serviceCode, target, owners } = loaded.value;
  const scope = await scopeOf(context, actor, serviceCode, owners);
  const permission = authorizeIn(actor, 'requestClosure', scope);
  if (!permission.ok) return permission;
  const status = target.record.status;
  const closable =
    target.kind === 'recommendation'
      ? status === 'inProgress' || status === 'evidenceComplete'
      : status !== 'closed';
  if (!closable) {
    const why =
      status === 'open'
        ? 'it is still open; mark it in progress and record the evidence first'
        : status === 'closed'
          ? 'it is already closed'
          : 'it is already waiting for the HM Inspector to sign it off';
    return fail('invalid-transition', `You can't request closure of ${target.record.id}: ${why}.`);
  }
  const waiting = await pendingRequestFor(context, serviceCode, target.record.id);
  if (waiting) {
    return fail(
      'invalid-transition',
      `${target.record.id} already has a closure request waiting for a decision, raised on ${formatLongDate(toLondonDate(waiting.value.requestedAt))}.`,
    );
  }
  return ok({ target, serviceName: scope.serviceName });
}
