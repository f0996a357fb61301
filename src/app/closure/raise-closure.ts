/**
 * Use case: the Service Liaison Lead asks to close a recommendation (with evidence links and a note
 * of how they validated the improvement, §24) or an area for improvement (§30). The closure
 * request, the subject's new status and the audit events are saved in one transaction; the
 * approval card goes out afterwards (notify-closure.ts).
 */
import { formatLongDate, toLondonDate } from '../../domain/clock';
import { fail, invalid, ok, type FieldIssue, type Result } from '../../domain/errors';
import { requestClosure, type ClosureTarget, type DecisionContext } from '../../domain/lifecycle';
import { EvidenceLink, type ClosureRequest, type Person } from '../../domain/records';
import type { AppContext } from '../shared/app-context';
import { changeRecord, checkChange, type Decided } from '../shared/change-record';
import {
  loadClosureSubject,
  pendingRequestFor,
  type ClosureSubject,
  type LoadedClosureSubject,
} from './closure-subject';
import { closureRaisedJob } from './notify-closure';
import { closureFactsOf, type ClosureFacts } from './show-closure';

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
  /** What the request's cards are drawn from, as saved. */
  facts: ClosureFacts;
}

/** The record the closure form is for, once the caller may ask and the record may be closed. */
export interface ClosureFormSubject {
  target: ClosureTarget;
  serviceName: string;
}

/** The subject with the request already waiting on it, if any. */
type LoadedForClosure = LoadedClosureSubject & { waiting: ClosureRequest | undefined };

async function loadForClosure(context: AppContext, subjectId: string): Promise<Result<LoadedForClosure>> {
  const loaded = await loadClosureSubject(context, subjectId);
  if (!loaded.ok) return loaded;
  const waiting = await pendingRequestFor(context, loaded.value.serviceCode, loaded.value.target.record.id);
  return ok({ ...loaded.value, waiting });
}

function alreadyWaiting(id: string, waiting: ClosureRequest): Result<never> {
  return fail(
    'invalid-transition',
    `${id} already has a closure request waiting for a decision, raised on ${formatLongDate(toLondonDate(waiting.requestedAt))}.`,
  );
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

/** The links as typed; a bad link on a recommendation with no note also asks for the note. */
function linksOf(input: RaiseClosureInput, target: ClosureTarget): Result<string[]> {
  const links = checkEvidenceLinks(input.links);
  if (links.ok || links.error.code !== 'validation') return links;
  if (target.kind !== 'recommendation' || input.validationNote.trim() !== '') return links;
  return invalid(
    [...links.error.issues, { field: 'validationNote', message: 'is required' }],
    'Check the evidence links and say how you validated the improvement.',
  );
}

/** The request and the subject's new status, unless a request already waits. */
function decideRaise(
  loaded: LoadedForClosure,
  evidenceLinks: string[],
  decision: DecisionContext,
  validationNote: string,
): Result<Decided<ClosureSubject, ClosureRaised>> {
  const { target, waiting } = loaded;
  if (waiting) return alreadyWaiting(target.record.id, waiting);
  const raised = requestClosure({ target, evidenceLinks, validationNote }, decision);
  if (!raised.ok) return raised;
  // The subject is written even when its status does not move, so its ETag stops a second request racing this one.
  const { request, target: after, events } = raised.value;
  const also = [{ kind: 'create' as const, entity: { type: 'closure' as const, value: request } }];
  const facts = closureFactsOf(request, loaded, after);
  const jobs = [closureRaisedJob(facts)];
  return ok({ state: after.record, events, also, outcome: { request, target: after, facts }, jobs });
}

/** Someone changed the record while the form was open. */
function changedMeanwhile({ target }: LoadedForClosure): Promise<Result<never>> {
  const { id } = target.record;
  const reason = `${id} was changed by someone else just now. Open it again with show ${id} and check before asking for closure.`;
  return Promise.resolve(fail('conflict', reason));
}

/** Why a record can't be closed in its state, or null when it can. */
function notClosable(target: ClosureTarget): string | null {
  const { status } = target.record;
  const closable =
    target.kind === 'recommendation'
      ? status === 'inProgress' || status === 'evidenceComplete'
      : status !== 'closed';
  if (closable) return null;
  if (status === 'open') return 'it is still open; mark it in progress and record the evidence first';
  return status === 'closed'
    ? 'it is already closed'
    : 'it is already waiting for the HM Inspector to sign it off';
}

/** Raises a closure request through the change pipeline. */
export async function raiseClosureRequest(
  context: AppContext,
  actor: Person,
  input: RaiseClosureInput,
): Promise<Result<ClosureRaised>> {
  const result = await changeRecord(context, actor, {
    action: 'requestClosure',
    load: () => loadForClosure(context, input.subjectId),
    fields: ({ target }) => linksOf(input, target),
    decide: (loaded, links, decision) => decideRaise(loaded, links, decision, input.validationNote),
    whenConflict: changedMeanwhile,
  });
  const outcome = result.ok ? result.value.outcome : undefined;
  return result.ok && outcome
    ? ok(outcome)
    : result.ok
      ? fail('invalid-transition', 'Nothing was asked.')
      : result;
}

/** Checks the caller may ask to close this record now, before the form is shown. */
export async function prepareClosureRequest(
  context: AppContext,
  actor: Person,
  subjectId: string,
): Promise<Result<ClosureFormSubject>> {
  const checked = await checkChange(context, actor, 'requestClosure', () =>
    loadForClosure(context, subjectId),
  );
  if (!checked.ok) return checked;
  const { target, waiting } = checked.value.loaded;
  const why = notClosable(target);
  if (why !== null)
    return fail('invalid-transition', `You can't request closure of ${target.record.id}: ${why}.`);
  return waiting
    ? alreadyWaiting(target.record.id, waiting)
    : ok({ target, serviceName: checked.value.scope.serviceName });
}
