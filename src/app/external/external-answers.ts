/**
 * What the commands and buttons of recommendations to external bodies answer (§31-32), as data
 * for src/views/external to draw: the `new external` form (fresh, or again with what was typed and
 * the fields at fault), the card of one recommendation with a notice, the `external` list, or a
 * notice saying why not.
 */
import type { FieldIssue } from '../../domain/errors';
import type { Person } from '../../domain/records';
import { issuesOf, noticeAnswer, type NoticeAnswer } from '../shared/answer';
import type { AppContext } from '../shared/app-context';
import type { Notice } from '../shared/notifier';
import {
  addExternalRecommendation,
  checkMayAddExternal,
  type AddExternalInput,
} from './add-external-recommendation';
import { recordProgressOnExternal } from './record-external-progress';
import {
  hmiChoices,
  listExternal,
  loadExternalView,
  type ExternalCardView,
  type ExternalListItem,
} from './show-external';

/** What the progress inputs held, with the fields at fault, when a save was refused. */
export interface ExternalProgressTyped {
  values: { progressText: string; rag: string; status: string };
  issues?: readonly FieldIssue[];
}

/** An external recommendation command's or button's answer. */
export type ExternalAnswer =
  | NoticeAnswer
  | {
      kind: 'form';
      values: AddExternalInput;
      hmis: { title: string; value: string }[];
      /** After a refused submit: the fields at fault and the message over the form. */
      refused?: { issues: readonly FieldIssue[]; message: string };
    }
  | { kind: 'external'; view: ExternalCardView; notice?: Notice; typed?: ExternalProgressTyped }
  | { kind: 'list'; items: ExternalListItem[]; canAdd: boolean };

/** The card of one external recommendation for this person, or why not. */
export async function externalCard(
  context: AppContext,
  person: Person,
  id: string,
  options: { notice?: Notice; typed?: ExternalProgressTyped } = {},
): Promise<ExternalAnswer> {
  const view = await loadExternalView(context, person, id);
  return view.ok
    ? { kind: 'external', view: view.value, ...options }
    : noticeAnswer(`Can't show ${id}`, view.error.reason);
}

/** The blank `new external` form, for someone who may add one. */
export async function blankExternalForm(context: AppContext, person: Person): Promise<ExternalAnswer> {
  const allowed = await checkMayAddExternal(context, person);
  if (!allowed.ok)
    return noticeAnswer("Can't add a recommendation to an external body", allowed.error.reason);
  const values = {
    formId: context.newId(),
    externalBody: '',
    text: '',
    targetDate: '',
    connectedCocId: '',
    hmi: '',
  };
  return { kind: 'form', values, hmis: await hmiChoices(context) };
}

/** The `external` list, or why not. */
export async function externalList(context: AppContext, person: Person): Promise<ExternalAnswer> {
  const listed = await listExternal(context, person);
  return listed.ok
    ? { kind: 'list', ...listed.value }
    : noticeAnswer("Can't list recommendations to external bodies", listed.error.reason);
}

/** Adds the recommendation the form describes: its card, or the form again with why not. */
export async function addExternalAnswer(
  context: AppContext,
  person: Person,
  input: AddExternalInput,
): Promise<ExternalAnswer> {
  const added = await addExternalRecommendation(context, person, input);
  if (!added.ok) {
    if (added.error.code !== 'validation')
      return noticeAnswer('Recommendation not added', added.error.reason);
    const refused = { issues: added.error.issues, message: `Nothing was saved. ${added.error.reason}` };
    return { kind: 'form', values: input, hmis: await hmiChoices(context), refused };
  }
  const { recommendation, alreadyAdded } = added.value;
  const text = alreadyAdded
    ? `This form was already submitted: it added ${recommendation.id}. Type new external for another.`
    : `Added ${recommendation.id}, the recommendation to ${recommendation.externalBody ?? 'the body'}.`;
  return externalCard(context, person, recommendation.id, { notice: { text, tone: 'good' } });
}

/** What the progress inputs sent, and the version the card showed. */
export interface ExternalProgressSent {
  id: string;
  updatedAt?: string | undefined;
  progressText: string;
  rag: string;
  status: string;
}

/** Records progress: the card with what was saved, or with what was typed and why not. */
export async function recordExternalProgressAnswer(
  context: AppContext,
  person: Person,
  sent: ExternalProgressSent,
): Promise<ExternalAnswer> {
  const { id, progressText, rag, status } = sent;
  const saved = await recordProgressOnExternal(context, person, {
    id,
    text: progressText,
    rag,
    status,
    expectedUpdatedAt: sent.updatedAt,
  });
  if (saved.ok)
    return externalCard(context, person, id, {
      notice: { text: `Saved: progress recorded on ${id}.`, tone: 'good' },
    });
  const issues = issuesOf(saved.error);
  return externalCard(context, person, id, {
    notice: { text: `Nothing was saved. ${saved.error.reason}`, tone: 'attention' },
    typed: {
      values: { progressText, rag, status },
      ...(saved.error.code === 'validation' ? { issues } : {}),
    },
  });
}
