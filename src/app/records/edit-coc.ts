/**
 * Use case: the SLL (or an administrator) edits a cause of concern from its card: its title and
 * finding, the fieldwork dates, the letter and publication dates, and for a public-safety CoC the
 * date the factual-accuracy copy went to the service and the date it was published early on the
 * website. Through the change pipeline, with the version the form was drawn from: deadlines follow
 * (they are computed from the dates), and the reminders' due index is refreshed by the outbox.
 */
import { invalid, ok, type Result } from '../../domain/errors';
import { decideCauseOfConcern } from '../../domain/lifecycle';
import type { CauseOfConcern, Person } from '../../domain/records';
import { IssueList, optionalDate, requiredDate, requiredText } from '../issue/read-form-fields';
import { byId, changeRecord, type Loaded } from '../shared/change-record';
import type { AppContext } from '../shared/app-context';
import { formAfterRefusal } from '../shared/form-again';
import { causesOfConcern } from '../shared/record-kinds';
import { loadCocView, refusalOf } from './show-record';

/** The form's inputs, as typed ('' for empty). */
export const cocEditFields = [
  'title',
  'finding',
  'fieldworkStartDate',
  'fieldworkEndDate',
  'letterDate',
  'reportPublishedDate',
  'checkCopySentDate',
  'websitePublishedDate',
] as const;
export type CocEditValues = Record<(typeof cocEditFields)[number], string>;

/** The edit form as it is drawn. */
export interface CocEditForm {
  coc: CauseOfConcern;
  values: CocEditValues;
  /** The version the form was drawn from. */
  updatedAt: string;
  errors: Partial<CocEditValues>;
  notice?: string;
}

/** What the edit answers: the form (fresh, or again with messages), or the saved CoC. */
export type CocEditOutcome = { kind: 'form'; form: CocEditForm } | { kind: 'saved'; coc: CauseOfConcern };

/** The CoC's values as the form shows them. */
function valuesOf(coc: CauseOfConcern): CocEditValues {
  return Object.fromEntries(cocEditFields.map((field) => [field, coc[field] ?? ''])) as CocEditValues;
}

type CocEditChanges = { [K in (typeof cocEditFields)[number]]?: string | null };

/** The typed values as an edit: text trimmed, an empty optional date clears it; or every field at fault. */
function readEdit(values: CocEditValues, coc: CauseOfConcern): Result<CocEditChanges> {
  const issues = new IssueList();
  const date = (field: (typeof cocEditFields)[number], label: string) =>
    optionalDate(issues, field, label, values[field]) ?? null;
  const changes: CocEditChanges = {
    title: requiredText(issues, 'title', 'title', values.title, 200),
    finding: requiredText(issues, 'finding', 'finding', values.finding, 4000),
    fieldworkStartDate: date('fieldworkStartDate', 'fieldwork start date'),
    fieldworkEndDate: requiredDate(issues, 'fieldworkEndDate', 'fieldwork end date', values.fieldworkEndDate),
    letterDate: date('letterDate', 'letter date'),
    reportPublishedDate: date('reportPublishedDate', 'publication date'),
  };
  if (coc.publicSafetyRisk) {
    changes.checkCopySentDate = date('checkCopySentDate', 'date the factual-accuracy copy was sent');
    changes.websitePublishedDate = date('websitePublishedDate', 'early publication date');
  }
  return issues.isEmpty ? ok(changes) : invalid(issues.issues);
}

/**
 * The edit form of a CoC for `actor`, fresh or after saving what it sent; refused, with the
 * policy's reason, for anyone who may not edit it.
 */
export async function editCauseOfConcern(
  context: AppContext,
  actor: Person,
  cocId: string,
  sent?: { values: CocEditValues; updatedAt: string | undefined },
): Promise<Result<CocEditOutcome>> {
  const view = await loadCocView(context, actor, cocId);
  if (!view.ok) return view;
  const { coc } = view.value;
  const form = (extra: Partial<CocEditForm> = {}): Result<CocEditOutcome> =>
    ok({
      kind: 'form',
      form: { coc, values: valuesOf(coc), updatedAt: coc.updatedAt, errors: {}, ...extra },
    });
  if (!sent)
    return view.value.canEdit
      ? form()
      : refusalOf(context, actor, coc, 'editCoc', `You can't change ${coc.id} now: it is closed.`);
  const saved = await changeRecord<Loaded<CauseOfConcern>, CocEditChanges>(context, actor, {
    action: 'editCoc',
    load: byId(context, causesOfConcern, cocId),
    expectedUpdatedAt: sent.updatedAt,
    fields: ({ record }) => readEdit(sent.values, record.value),
    decide: ({ record }, changes, decision) =>
      decideCauseOfConcern(record.value, { type: 'edit', changes }, decision),
  });
  if (saved.ok) return ok({ kind: 'saved', coc: saved.value.state });
  const { error } = saved;
  if (error.code !== 'validation' && error.code !== 'conflict') return saved;
  return form(formAfterRefusal(error, sent));
}
