/**
 * Use case: the Service Liaison Lead records that a later inspection found a cause of concern, or
 * some of its recommendations, again (§27). The inspection's date, report link and finding are
 * appended to the CoC; each recommendation named gets them as progress; a signed-off one is open
 * again (and a closed CoC with it). One transaction: the CoC, the recommendations it changed,
 * their progress updates and the audit events.
 */
import { invalid, ok, type Result } from '../../domain/errors';
import { recordIdentifiedAgain as decideIdentifiedAgain } from '../../domain/lifecycle';
import type { CauseOfConcern, Person, Recommendation } from '../../domain/records';
import type { RecordChange } from '../../store';
import { IssueList, requiredDate, requiredText } from '../issue/read-form-fields';
import { todayOf, type AppContext } from '../shared/app-context';
import { changeRecord } from '../shared/change-record';
import { formAfterRefusal } from '../shared/form-again';
import { loadCoc } from './add-recommendation';
import { loadCocView, refusalOf } from './show-record';

/** The form's inputs, as typed ('' for empty). */
export const identifiedAgainFields = [
  'inspectionDate',
  'reportLink',
  'finding',
  'recommendationIds',
] as const;
/** `recommendationIds` is comma-separated, as a multi-select choice set sends it. */
export type IdentifiedAgainValues = Record<(typeof identifiedAgainFields)[number], string>;

/** The form as it is drawn. */
export interface IdentifiedAgainForm {
  coc: CauseOfConcern;
  recommendations: Recommendation[];
  values: IdentifiedAgainValues;
  /** The version the form was drawn from. */
  updatedAt: string;
  errors: Partial<IdentifiedAgainValues>;
  notice?: string;
}

/** What it answers: the form (fresh, or again with messages), or what was saved, in a sentence. */
export type IdentifiedAgainOutcome =
  { kind: 'form'; form: IdentifiedAgainForm } | { kind: 'saved'; message: string };

type Read = { inspectionDate: string; reportLink: string; finding: string; recommendationIds: string[] };

/** The form as it first opens. */
const blankForm: IdentifiedAgainValues = {
  inspectionDate: '',
  reportLink: '',
  finding: '',
  recommendationIds: '',
};

/** What the form calls each field, for the domain's messages ("must be after …"). */
const fieldLabels: Record<string, string> = {
  inspectionDate: 'The date of the inspection',
  reportLink: 'The link to the inspection report',
  finding: 'What the inspection found',
  recommendationIds: 'The recommendations found again',
};

/** A field's message as a sentence: the form's own are already; the domain's start with the field's name. */
function sentenceOf(field: string, message: string): string {
  return /^[a-z]/.test(message) ? `${fieldLabels[field] ?? 'This'} ${message}.` : message;
}

/** The form read: every field at fault with a sentence, or the values the domain decides on. */
function readForm(context: AppContext, values: IdentifiedAgainValues): Result<Read> {
  const issues = new IssueList();
  const inspectionDate = requiredDate(
    issues,
    'inspectionDate',
    'date of the inspection',
    values.inspectionDate,
  );
  if (inspectionDate !== undefined && inspectionDate > todayOf(context))
    issues.add('inspectionDate', "The inspection's date can't be in the future.");
  const link = requiredText(issues, 'reportLink', 'link to the inspection report', values.reportLink, 2000);
  if (link !== undefined && !/^https:\/\/\S+$/.test(link))
    issues.add(
      'reportLink',
      'The link to the inspection report must be a web address starting with https://',
    );
  const finding = requiredText(issues, 'finding', 'what the inspection found', values.finding, 4000);
  if (!issues.isEmpty || inspectionDate === undefined || link === undefined || finding === undefined)
    return invalid(issues.issues);
  const recommendationIds = values.recommendationIds
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  return ok({ inspectionDate, reportLink: link, finding, recommendationIds });
}

/** Saves the later inspection through the change pipeline: the CoC, the recommendations it moved, their progress. */
function saveIdentifiedAgain(
  context: AppContext,
  actor: Person,
  cocId: string,
  sent: { values: IdentifiedAgainValues; updatedAt: string | undefined },
) {
  return changeRecord(context, actor, {
    action: 'recordIdentifiedAgain',
    load: () => loadCoc(context, cocId),
    expectedUpdatedAt: sent.updatedAt,
    fields: readForm(context, sent.values),
    decide: ({ record, recommendations: stored }, fields, decision) => {
      const decided = decideIdentifiedAgain(
        record.value,
        stored.map((r) => r.value),
        fields,
        decision,
      );
      if (!decided.ok) return decided;
      const etags = new Map(stored.map((r) => [r.value.id, r.etag]));
      const also: RecordChange[] = [
        ...decided.value.recommendations.map((value): RecordChange => ({
          kind: 'update',
          entity: { type: 'recommendation', value },
          etag: etags.get(value.id) ?? '*',
        })),
        ...decided.value.progressUpdates.map((value): RecordChange => ({
          kind: 'append',
          entity: { type: 'progress', value },
        })),
      ];
      return ok({ state: decided.value.coc, events: decided.value.events, also });
    },
  });
}

/**
 * The §27 form of a CoC for `actor`, fresh or after saving what it sent; refused, with the policy's
 * reason, for anyone who may not record it.
 */
export async function identifiedAgain(
  context: AppContext,
  actor: Person,
  cocId: string,
  sent?: { values: IdentifiedAgainValues; updatedAt: string | undefined },
): Promise<Result<IdentifiedAgainOutcome>> {
  const view = await loadCocView(context, actor, cocId);
  if (!view.ok) return view;
  const { coc } = view.value;
  const recommendations = view.value.recommendations.map((r) => r.recommendation);
  const form = (extra: Partial<IdentifiedAgainForm> = {}): Result<IdentifiedAgainOutcome> =>
    ok({
      kind: 'form',
      form: { coc, recommendations, values: blankForm, updatedAt: coc.updatedAt, errors: {}, ...extra },
    });
  if (!sent)
    return view.value.canRecordIdentifiedAgain
      ? form()
      : refusalOf(context, actor, coc, 'recordIdentifiedAgain', `You can't record that for ${coc.id}.`);
  const saved = await saveIdentifiedAgain(context, actor, cocId, sent);
  if (saved.ok) {
    const reopened = saved.value.previous.status === 'closed' && saved.value.state.status === 'open';
    const how = reopened ? ', so it is open again' : '. It stays open, with the new evidence';
    return ok({ kind: 'saved', message: `Saved: ${coc.id} was found again at a later inspection${how}.` });
  }
  const { error } = saved;
  // A recommendation gone from the CoC since the form was drawn: the form again, with what was typed.
  if (error.code !== 'validation' && error.code !== 'conflict' && error.code !== 'not-found') return saved;
  return form(formAfterRefusal(error, sent, sentenceOf));
}
