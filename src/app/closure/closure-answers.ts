/**
 * What the closure chain's commands and buttons answer, as data for src/views/closure to draw: the
 * closure form (fresh, or again with what was typed and the fields at fault), the closure card with
 * a notice, the decided pair, what waits for the caller's decision (`approvals`), or a notice
 * saying why not.
 */
import type { DomainError, FieldIssue } from '../../domain/errors';
import { cocIdOfRecommendation } from '../../domain/ids';
import { isExternalRequest } from '../../domain/lifecycle';
import type { Person } from '../../domain/records';
import { listRevisitApprovalsFor, type RevisitCardView } from '../revisits/show-revisit';
import { noticeAnswer, refusedDecision, type NoticeAnswer } from '../shared/answer';
import type { AppContext } from '../shared/app-context';
import type { Notice } from '../shared/notifier';
import { approverSentence, pendingApproverOf } from './closure-approvers';
import { decideClosure, type DecideClosureInput } from './decide-closure';
import {
  prepareClosureRequest,
  raiseClosureRequest,
  type ClosureFormSubject,
  type RaiseClosureInput,
} from './raise-closure';
import { closureViewFor, listApprovalsFor, loadClosureView, type ClosureCardView } from './show-closure';

/** What the SLL typed on the closure form. */
export interface ClosureFormValues {
  links: string[];
  validationNote: string;
}

/** How the closure card is drawn: the notice over it, and the reason the approver typed. */
export interface ClosureCardState {
  notice?: Notice;
  /** Show Approve and Reject (defaults to whether the viewer may decide). */
  actionable?: boolean;
  reason?: string;
  reasonError?: string;
}

/** A closure command's or button's answer. */
export type ClosureAnswer =
  | NoticeAnswer
  | {
      kind: 'form';
      subject: ClosureFormSubject;
      values: ClosureFormValues;
      /** After a refused submit: the fields at fault and the notice over the form. */
      refused?: { issues: readonly FieldIssue[]; notice: string };
    }
  | { kind: 'closure'; view: ClosureCardView; state?: ClosureCardState };

/** A decision's answer: a closure answer, or the decider's card with the notice and the card everyone sees. */
export type ClosureDecidedAnswer = ClosureAnswer | { kind: 'decided'; view: ClosureCardView; notice: Notice };

/** `approvals`: what waits for the caller's decision, or a notice that nothing does. */
export type ApprovalsAnswer =
  NoticeAnswer | { kind: 'approvals'; closures: ClosureCardView[]; revisits: RevisitCardView[] };

/** The form for `close <id>` or the button, or the notice saying why not. */
export async function closureForm(
  context: AppContext,
  person: Person,
  subjectId: string,
): Promise<ClosureAnswer> {
  const prepared = await prepareClosureRequest(context, person, subjectId);
  if (!prepared.ok) return noticeAnswer(`Can't request closure of ${subjectId}`, prepared.error.reason);
  return { kind: 'form', subject: prepared.value, values: { links: [], validationNote: '' } };
}

/** A refused submit: the same form with the person's values and the fields at fault, or a notice. */
async function refusedForm(
  context: AppContext,
  person: Person,
  input: RaiseClosureInput,
  error: DomainError,
): Promise<ClosureAnswer> {
  // Only a refusal of what was typed draws the form again, so only it reads the subject again.
  const prepared =
    error.code === 'validation' ? await prepareClosureRequest(context, person, input.subjectId) : null;
  if (error.code !== 'validation' || !prepared?.ok)
    return noticeAnswer(
      `Can't request closure of ${input.subjectId}`,
      error.reason,
      cocIdOfRecommendation(input.subjectId) ?? '',
    );
  return {
    kind: 'form',
    subject: prepared.value,
    values: { links: [...input.links], validationNote: input.validationNote },
    refused: { issues: error.issues, notice: `Nothing was sent. ${error.reason}` },
  };
}

/** Raises the closure request the form describes: its card, or the form again with why not. */
export async function raiseClosureAnswer(
  context: AppContext,
  person: Person,
  input: RaiseClosureInput,
): Promise<ClosureAnswer> {
  const raised = await raiseClosureRequest(context, person, input);
  if (!raised.ok) return refusedForm(context, person, input, raised.error);
  const { request, facts } = raised.value;
  const view = await closureViewFor(context, person, facts);
  // The card's view already knows who decides next: the notice says it from there.
  const approver = view.ok
    ? (view.value.approver ?? null)
    : await pendingApproverOf(context, request, facts.owners);
  const notice: Notice = {
    text: `Closure of ${request.subject.id} requested. ${approverSentence(approver)}`,
    tone: approver?.reachable ? 'good' : 'attention',
  };
  return view.ok
    ? { kind: 'closure', view: view.value, state: { notice } }
    : noticeAnswer("Can't show this closure request", `${notice.text} ${view.error.reason}`);
}

/** The closure card for this person, or a notice if they may not see it. */
export async function closureCard(
  context: AppContext,
  person: Person,
  request: { serviceCode: string; requestId: string },
  state: ClosureCardState = {},
): Promise<ClosureAnswer> {
  const view = await loadClosureView(context, person, request.serviceCode, request.requestId);
  if (view.ok) return { kind: 'closure', view: view.value, state };
  // With a notice, a decision was refused: say that, and its reason once (the card can't be shown).
  if (state.notice) return noticeAnswer('Closure not decided', state.notice.text);
  return noticeAnswer("Can't show this closure request", view.error.reason);
}

/** What the HMI or SRO reads after deciding on a recommendation to an external body. */
function externalDecidedNotice(view: ClosureCardView): Notice {
  const id = view.request.subject.id;
  switch (view.request.status) {
    case 'pendingSro':
      return { text: `Agreed: ${id} goes to the Senior Responsible Officer to close.`, tone: 'good' };
    case 'approved':
      return { text: `Closed: ${id}.`, tone: 'good' };
    case 'rejected':
      return {
        text: `Rejected: ${id} goes back to the deputy portfolio director with your reason.`,
        tone: 'good',
      };
    default:
      return { text: 'Saved.', tone: 'good' };
  }
}

/** What the approver reads after deciding a step. */
function decidedNotice(view: ClosureCardView): Notice {
  const id = view.request.subject.id;
  if (isExternalRequest(view.request)) return externalDecidedNotice(view);
  switch (view.request.status) {
    case 'pendingHmi':
      return { text: `Approved: ${id} goes to the HM Inspector to sign off.`, tone: 'good' };
    case 'approved':
      return {
        text:
          view.request.subject.kind === 'recommendation' ? `Signed off: ${id} is closed.` : `Closed: ${id}.`,
        tone: 'good',
      };
    case 'rejected':
      return {
        text: `Rejected: ${id} goes back to the Service Liaison Lead with your reason.`,
        tone: 'good',
      };
    default:
      return { text: 'Saved.', tone: 'good' };
  }
}

/** Approves or rejects a step: the decided cards, or the card again with why not. */
export async function decideClosureAnswer(
  context: AppContext,
  person: Person,
  input: DecideClosureInput,
): Promise<ClosureDecidedAnswer> {
  const decided = await decideClosure(context, person, input);
  if (!decided.ok) {
    const state = refusedDecision(decided.error, input.reason, { verb: 'reject', what: 'the closure' });
    return closureCard(context, person, input, state);
  }
  // Drawn from the decision as saved: the card everyone sees differs from the decider's only by
  // the notice, and neither offers buttons any more (the step is decided).
  const mine = await closureViewFor(context, person, decided.value.facts);
  if (!mine.ok) return noticeAnswer('Saved', 'Your decision is saved.');
  return { kind: 'decided', view: mine.value, notice: decidedNotice(mine.value) };
}

/** The closure requests and revisits waiting for the caller's decision, or a notice that none are. */
export async function approvalsWaiting(context: AppContext, person: Person): Promise<ApprovalsAnswer> {
  const closures = await listApprovalsFor(context, person);
  // Revisits wait on the same Chief of Staff and HM Inspector steps (§20).
  const revisits = await listRevisitApprovalsFor(context, person);
  if (closures.length === 0 && revisits.length === 0)
    return noticeAnswer('Nothing waiting', 'No closure request or revisit is waiting for your decision.');
  return { kind: 'approvals', closures, revisits };
}
