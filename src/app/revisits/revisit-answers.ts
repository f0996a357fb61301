/**
 * What each revisit command and button answers (§17-21), as data for src/views/revisits to draw:
 * the proposal form (fresh, or again with what was typed and why nothing was proposed), the revisit
 * card with a notice over it, the findings form, the drafted letter, or a notice saying why not.
 * The bot reads the card's data, calls one of these and draws what it returns.
 */
import type { DomainError, FieldIssue } from '../../domain/errors';
import type { Person, Recommendation, Revisit } from '../../domain/records';
import { approverSentence } from '../closure/closure-approvers';
import { issuesOf, noticeAnswer, refusedDecision, type NoticeAnswer } from '../shared/answer';
import type { AppContext } from '../shared/app-context';
import type { Notice } from '../shared/notifier';
import { decideRevisitStep, type DecideRevisitInput } from './decide-revisit';
import { prepareRevisitForm, proposeRevisitOf, type RevisitFormSubject } from './propose-revisit';
import { findingInputIds, prepareFindingsForm, recordFindings } from './record-revisit-findings';
import { recordRevisitLetter, type RecordLetterInput } from './record-revisit-letter';
import { loadRevisitView, revisitViewFor, type RevisitCardView, type RevisitFacts } from './show-revisit';

/** What the proposer typed. */
export interface RevisitFormValues {
  firstDay: string;
  lastDay: string;
  purpose: string;
  team: string;
}

/** What the SLL typed on the findings form, by row. */
export interface FindingsFormValues {
  initialFindingsDate: string;
  nextSteps: string;
  rows: { finding: string; rag: string }[];
}

/** How the revisit card is drawn. */
export interface RevisitCardState {
  notice?: Notice;
  /** Show Endorse/Approve and Refuse (defaults to whether the viewer may decide). */
  actionable?: boolean;
  reason?: string;
  reasonError?: string;
  /** The letter dates typed, and the fields at fault, after a refused save. */
  letterValues?: { sentDate: string; publishedDate: string };
  letterIssues?: readonly FieldIssue[];
}

/** A revisit command's or button's answer. */
export type RevisitAnswer =
  | NoticeAnswer
  | {
      kind: 'proposalForm';
      subject: RevisitFormSubject;
      formId: string;
      values: RevisitFormValues;
      /** After a refused proposal: the fields at fault and the notice over the form. */
      refused?: { issues: readonly FieldIssue[]; notice: string };
    }
  | { kind: 'revisit'; view: RevisitCardView; state?: RevisitCardState }
  | {
      kind: 'findingsForm';
      revisit: Revisit;
      serviceName: string;
      recommendations: Recommendation[];
      /** After a refused save: what was typed, the fields at fault and the notice over the form. */
      refused?: { values: FindingsFormValues; issues: readonly FieldIssue[]; notice: string };
    }
  | { kind: 'letter'; revisit: Revisit; serviceName: string };

/** A decision's answer: a revisit answer, or the decider's card with the notice and the card everyone sees. */
export type RevisitDecidedAnswer = RevisitAnswer | { kind: 'decided'; view: RevisitCardView; notice: Notice };

const blankProposal: RevisitFormValues = { firstDay: '', lastDay: '', purpose: '', team: '' };

/** The proposal form for the CoC, or the notice saying why not. */
export async function revisitProposalForm(
  context: AppContext,
  person: Person,
  cocId: string,
  values: RevisitFormValues = blankProposal,
  formId = context.newId(),
  error?: DomainError,
): Promise<RevisitAnswer> {
  const prepared = await prepareRevisitForm(context, person, cocId);
  if (!prepared.ok)
    return noticeAnswer(`Can't propose a revisit of ${cocId.toUpperCase()}`, prepared.error.reason);
  const coc = prepared.value.coc.id;
  if (error && error.code !== 'validation')
    return noticeAnswer(`Revisit of ${coc} not proposed`, error.reason, coc);
  return {
    kind: 'proposalForm',
    subject: prepared.value,
    formId,
    values,
    ...(error
      ? { refused: { issues: issuesOf(error), notice: `Nothing was proposed. ${error.reason}` } }
      : {}),
  };
}

/** The revisit card of `facts` with the notice over it, or the notice alone if it can't be drawn. */
async function revisitWithNotice(
  context: AppContext,
  person: Person,
  facts: RevisitFacts,
  heading: string,
  notice: Notice,
): Promise<RevisitAnswer> {
  const view = await revisitViewFor(context, person, facts);
  return view.ok
    ? { kind: 'revisit', view: view.value, state: { notice } }
    : noticeAnswer(heading, notice.text);
}

/** Proposes the revisit the form describes: its card, or the form again with why not. */
export async function proposeRevisitAnswer(
  context: AppContext,
  person: Person,
  sent: RevisitFormValues & { cocId: string; formId: string },
): Promise<RevisitAnswer> {
  const { cocId, formId, ...values } = sent;
  const proposed = await proposeRevisitOf(context, person, sent);
  if (!proposed.ok) return revisitProposalForm(context, person, cocId, values, formId, proposed.error);
  const { facts, isNew } = proposed.value;
  const view = await revisitViewFor(context, person, facts);
  const approver = view.ok ? (view.value.approver ?? null) : null;
  const notice: Notice = {
    text: isNew
      ? `Revisit ${facts.revisit.id} proposed. ${approverSentence(approver)}`
      : `You already proposed this revisit: ${facts.revisit.id}.`,
    tone: !isNew || approver?.reachable ? 'good' : 'attention',
  };
  return view.ok
    ? { kind: 'revisit', view: view.value, state: { notice } }
    : noticeAnswer(`Revisit ${facts.revisit.id}`, notice.text);
}

/** The revisit card for this person, or a notice if they may not see it. */
export async function revisitCard(
  context: AppContext,
  person: Person,
  revisitId: string,
  state: RevisitCardState = {},
): Promise<RevisitAnswer> {
  const view = await loadRevisitView(context, person, revisitId);
  if (view.ok) return { kind: 'revisit', view: view.value, state };
  if (state.notice) return noticeAnswer('Nothing was saved', state.notice.text);
  return noticeAnswer(`Can't show ${revisitId.toUpperCase()}`, view.error.reason);
}

/** What the decider reads after deciding a step. */
function decidedNotice(status: string, id: string): Notice {
  switch (status) {
    case 'pendingHmi':
      return { text: `Endorsed: ${id} goes to the HM Inspector to approve.`, tone: 'good' };
    case 'approved':
      return { text: `Approved: ${id} is now a date the reminders know.`, tone: 'good' };
    default:
      return { text: `Refused: ${id} goes back to whoever proposed it with your reason.`, tone: 'good' };
  }
}

/** Endorses, approves or refuses a step: the decided cards, or the card again with why not. */
export async function decideRevisitAnswer(
  context: AppContext,
  person: Person,
  input: DecideRevisitInput,
): Promise<RevisitDecidedAnswer> {
  const decided = await decideRevisitStep(context, person, input);
  if (!decided.ok) {
    const state = refusedDecision(decided.error, input.reason, { verb: 'refuse', what: 'the revisit' });
    return revisitCard(context, person, input.revisitId, state);
  }
  const mine = await revisitViewFor(context, person, decided.value);
  if (!mine.ok) return noticeAnswer('Saved', 'Your decision is saved.');
  const { status, id } = decided.value.revisit;
  return { kind: 'decided', view: mine.value, notice: decidedNotice(status, id) };
}

/** What the findings form sent: the fixed fields, and every input (`finding1`, `rag1`, …). */
export interface FindingsFormSent {
  revisitId: string;
  updatedAt?: string | undefined;
  /** The recommendations of the form's rows, in order. */
  recommendationIds: readonly string[];
  initialFindingsDate: string;
  nextSteps: string;
  inputs: Readonly<Record<string, unknown>>;
}

/** An input's text as the form sent it ('' when it is not text), cut to the longest a finding may be. */
function stringAt(inputs: Readonly<Record<string, unknown>>, key: string): string {
  const value = inputs[key];
  return typeof value === 'string' ? value.slice(0, 4000) : '';
}

/** The n-th row's finding and RAG as typed (from 1). */
function rowAt(inputs: Readonly<Record<string, unknown>>, n: number): { text: string; rag: string } {
  const ids = findingInputIds(n);
  return { text: stringAt(inputs, ids.text), rag: stringAt(inputs, ids.rag) };
}

/** The findings form, or why it can't open; after a refused save, with what was typed. */
export async function findingsForm(
  context: AppContext,
  person: Person,
  revisitId: string,
  refused?: { sent: FindingsFormSent; error: DomainError },
): Promise<RevisitAnswer> {
  const prepared = await prepareFindingsForm(context, person, revisitId);
  if (!prepared.ok)
    return noticeAnswer(`Can't record the findings of ${revisitId.toUpperCase()}`, prepared.error.reason);
  const { record, recommendations, partition } = prepared.value;
  const serviceName = (await context.store.directory.getService(partition))?.name ?? partition;
  const live = recommendations.map((r) => r.value).filter((r) => r.withdrawn === undefined);
  if (refused && refused.error.code !== 'validation')
    return noticeAnswer('Findings not saved', refused.error.reason, record.value.cocId);
  const form = { kind: 'findingsForm' as const, revisit: record.value, serviceName, recommendations: live };
  if (!refused) return form;
  const { sent, error } = refused;
  const rows = live.map((_, index) => rowAt(sent.inputs, index + 1));
  const values = {
    initialFindingsDate: sent.initialFindingsDate,
    nextSteps: sent.nextSteps,
    rows: rows.map(({ text, rag }) => ({ finding: text, rag })),
  };
  return {
    ...form,
    refused: { values, issues: issuesOf(error), notice: `Nothing was saved. ${error.reason}` },
  };
}

/** Records the findings the form sent: the revisit card, or the form again with why not. */
export async function recordFindingsAnswer(
  context: AppContext,
  person: Person,
  sent: FindingsFormSent,
): Promise<RevisitAnswer> {
  const recorded = await recordFindings(context, person, {
    revisitId: sent.revisitId,
    updatedAt: sent.updatedAt,
    initialFindingsDate: sent.initialFindingsDate,
    nextSteps: sent.nextSteps,
    entries: sent.recommendationIds.map((recommendationId, index) => ({
      recommendationId,
      ...rowAt(sent.inputs, index + 1),
    })),
  });
  if (!recorded.ok) return findingsForm(context, person, sent.revisitId, { sent, error: recorded.error });
  const count = recorded.value.revisit.findings.length;
  const notice: Notice = {
    text: `Findings saved: ${String(count)} ${count === 1 ? 'finding' : 'findings'} added to the recommendations' progress. The letter has been drafted for the HM Inspector.`,
    tone: 'good',
  };
  return revisitWithNotice(context, person, recorded.value, 'Findings saved', notice);
}

/** Records when the letter was sent and published: the revisit card, with why not if refused. */
export async function recordLetterAnswer(
  context: AppContext,
  person: Person,
  input: RecordLetterInput,
): Promise<RevisitAnswer> {
  const recorded = await recordRevisitLetter(context, person, input);
  if (!recorded.ok)
    return revisitCard(context, person, input.revisitId, {
      notice: { text: `Nothing was saved. ${recorded.error.reason}`, tone: 'attention' },
      letterValues: { sentDate: input.sentDate, publishedDate: input.publishedDate },
      letterIssues: issuesOf(recorded.error),
    });
  const notice: Notice = { text: 'Saved: the letter’s dates are recorded.', tone: 'good' };
  return revisitWithNotice(context, person, recorded.value, 'Saved', notice);
}

/** The drafted letter of a revisit, or why there is none to show. */
export async function revisitLetter(
  context: AppContext,
  person: Person,
  revisitId: string,
): Promise<RevisitAnswer> {
  const view = await loadRevisitView(context, person, revisitId);
  if (!view.ok) return noticeAnswer(`Can't show ${revisitId}`, view.error.reason);
  if (view.value.revisit.letter === undefined)
    return noticeAnswer('No letter yet', `${revisitId} has no letter yet: its findings are not recorded.`);
  return { kind: 'letter', revisit: view.value.revisit, serviceName: view.value.serviceName };
}
