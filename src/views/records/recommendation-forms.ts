/**
 * The forms the CoC card opens in place: a recommendation's status and RAG, a progress note with
 * evidence links, a target-date revision, and the date the action plan arrived. A form comes back
 * with the person's own values and a message next to each field at fault.
 */
import { cocEditFields, type CocEditForm } from '../../app/records/edit-coc';
import { identifiedAgainFields, type IdentifiedAgainForm } from '../../app/records/identified-again';
import { formatLongDate } from '../../domain/clock';
import type { FieldIssue } from '../../domain/errors';
import { canMoveRecommendation } from '../../domain/lifecycle';
import { recommendationStatusNames, RecommendationStatus, type CauseOfConcern } from '../../domain/records';
import type { RecommendationView } from '../../app/records/show-record';
import { maxEvidenceLinksPerNote } from '../../app/records/add-progress-note';
import { renderCard, type AdaptiveCardJson } from '../shared/card-renderer';
import { escapeMarkdown, shorten } from '../shared/escape-markdown';
import { ragName } from './record-cards';

/** Which recommendation form. */
import type { RecommendationFormKind } from '../../app/records/show-record';
export type { RecommendationFormKind };

/** The values a form shows: what the person typed, or the record's current values. */
export interface FormValues {
  status: string;
  rag: string;
  text: string;
  links: string[];
  date: string;
  reason: string;
}

/** The id of the n-th evidence link input (from 1). */
export const linkInputId = (n: number): string => `link${String(n)}`;

const verbs: Record<RecommendationFormKind, string> = {
  update: 'updateRecommendation',
  progressNote: 'addProgressNote',
  targetDate: 'reviseTargetDate',
  withdraw: 'withdrawRecommendation',
};

const headings: Record<RecommendationFormKind, string> = {
  update: 'Update',
  progressNote: 'Add a progress note to',
  targetDate: 'Revise the target date of',
  withdraw: 'Withdraw',
};

/** The field names people read next to an input, by the use case's field path. */
function labelOf(field: string, names: Record<string, string> = {}): string {
  const named = names[field];
  if (named !== undefined) return named;
  const link = /^evidenceLinks\.(\d+)$/.exec(field);
  if (link) return `Evidence link ${String(Number(link[1]) + 1)}`;
  const labels: Record<string, string> = {
    status: 'Status',
    rag: 'RAG status',
    text: 'Progress note',
    evidenceLinks: 'Evidence links',
    date: 'Date',
    reason: 'Reason',
  };
  return labels[field] ?? field;
}

/**
 * One message per input, naming the field: "Evidence link 2 must start with https://". `names`
 * overrides a field's label where a form calls it something else.
 */
export function fieldMessages(
  issues: readonly FieldIssue[],
  names: Record<string, string> = {},
): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const issue of issues) {
    const link = /^evidenceLinks\.(\d+)$/.exec(issue.field);
    const input = link ? linkInputId(Number(link[1]) + 1) : issue.field;
    messages[input] ??= `${labelOf(issue.field, names)} ${issue.message}.`.replace(/\.\.$/, '.');
  }
  return messages;
}

/** The current values of a recommendation, to fill a fresh form. */
export function valuesOf(view: RecommendationView): FormValues {
  const r = view.recommendation;
  return { status: r.status, rag: r.rag ?? '', text: '', links: [], date: '', reason: '' };
}

function statusChoices(view: RecommendationView) {
  const current = view.recommendation.status;
  return RecommendationStatus.options
    .filter((status) => status === current || canMoveRecommendation(current, status, 'byHand'))
    .map((status) => ({ title: recommendationStatusNames[status], value: status }));
}

/** Renders a recommendation form. `updatedAt` is the version the save will be checked against. */
export function renderRecommendationForm(options: {
  form: RecommendationFormKind;
  view: RecommendationView;
  values: FormValues;
  errors?: Record<string, string>;
  notice?: string;
  /** The version the form was drawn at, when it differs from the view's (bad input kept). */
  updatedAt?: string;
}): AdaptiveCardJson {
  const { form, view, values } = options;
  const r = view.recommendation;
  const errors = options.errors ?? {};
  const target = r.targetDateRevisions.at(-1)?.date ?? r.originalTargetDate;
  return renderCard('recommendation-form', {
    notice: options.notice ? escapeMarkdown(options.notice) : '',
    heading: `${headings[form]} ${r.id}`,
    text: escapeMarkdown(r.text),
    current: [
      { title: 'Status now', value: recommendationStatusNames[r.status] },
      { title: 'RAG now', value: ragName(r.rag) },
      { title: 'Target date now', value: target ? formatLongDate(target) : 'Not set' },
    ],
    form,
    values: {
      status: values.status,
      rag: values.rag,
      text: values.text,
      date: values.date,
      reason: values.reason,
    },
    errors: {
      status: errors.status ?? '',
      rag: errors.rag ?? '',
      text: errors.text ?? errors.evidenceLinks ?? '',
      date: errors.date ?? '',
      reason: errors.reason ?? '',
    },
    statusChoices: statusChoices(view),
    links: Array.from({ length: maxEvidenceLinksPerNote }, (_, index) => ({
      id: linkInputId(index + 1),
      label: `Evidence link ${String(index + 1)} (https)`,
      value: values.links[index] ?? '',
      error: errors[linkInputId(index + 1)] ?? '',
    })),
    verb: verbs[form],
    recommendationId: r.id,
    cocId: r.cocId ?? '',
    updatedAt: options.updatedAt ?? r.updatedAt,
  });
}

/** Renders the "action plan received" form of a CoC. */
export function renderActionPlanForm(options: {
  coc: CauseOfConcern;
  date: string;
  errors?: Record<string, string>;
  notice?: string;
  updatedAt?: string;
}): AdaptiveCardJson {
  const { coc } = options;
  return renderCard('action-plan-form', {
    notice: options.notice ? escapeMarkdown(options.notice) : '',
    heading: `Action plan received for ${coc.id}`,
    current: [
      {
        title: 'Recorded now',
        value: coc.actionPlanReceivedDate ? formatLongDate(coc.actionPlanReceivedDate) : 'Not yet received',
      },
    ],
    values: { date: options.date },
    errors: { date: options.errors?.date ?? '' },
    cocId: coc.id,
    updatedAt: options.updatedAt ?? coc.updatedAt,
  });
}

/** Renders the "add a recommendation" form of a CoC; `nextId` is the id it will get. */
export function renderAddRecommendationForm(options: {
  coc: CauseOfConcern;
  nextId: string;
  values: { text: string; targetDate: string };
  errors?: Record<string, string>;
  notice?: string;
  updatedAt?: string;
}): AdaptiveCardJson {
  const { coc, values } = options;
  const errors = options.errors ?? {};
  return renderCard('add-recommendation-form', {
    notice: options.notice ? escapeMarkdown(options.notice) : '',
    heading: `Add a recommendation to ${coc.id}`,
    title: escapeMarkdown(coc.title),
    nextId: options.nextId,
    values: { text: values.text, targetDate: values.targetDate },
    errors: {
      text: errors.text ?? '',
      targetDate: errors.targetDate ?? '',
    },
    cocId: coc.id,
    updatedAt: options.updatedAt ?? coc.updatedAt,
  });
}

/** The edit form of a CoC (`cards/coc-edit-form.json`), with the values typed and a message under each field at fault. */
export function renderCocEditForm(form: CocEditForm): AdaptiveCardJson {
  const { coc } = form;
  return renderCard('coc-edit-form', {
    notice: form.notice ? escapeMarkdown(form.notice) : '',
    heading: `Edit ${coc.id}: ${escapeMarkdown(coc.title)}`,
    values: form.values,
    errors: Object.fromEntries(cocEditFields.map((field) => [field, form.errors[field] ?? ''])),
    publicSafety: coc.publicSafetyRisk,
    cocId: coc.id,
    updatedAt: form.updatedAt,
  });
}

/**
 * Renders the §27 form: the later inspection's date, its report, what it found, and which of the
 * CoC's recommendations it found again (a signed-off one will be open again: the form says so).
 */
export function renderIdentifiedAgainForm(form: IdentifiedAgainForm): AdaptiveCardJson {
  const { coc } = form;
  return renderCard('identified-again-form', {
    notice: form.notice ? escapeMarkdown(form.notice) : '',
    heading: `${coc.id} found again at a later inspection`,
    explanation:
      coc.status === 'closed'
        ? `${coc.id} is closed. Choose the recommendations the inspection found again: they will be open again (in progress), and so will ${coc.id}, with this evidence added (rule book §27).`
        : `${coc.id} stays open. The inspection's evidence is added to it and to the recommendations you choose; a signed-off one you choose is open again (rule book §27).`,
    values: form.values,
    errors: Object.fromEntries(identifiedAgainFields.map((field) => [field, form.errors[field] ?? ''])),
    choices: form.recommendations
      .filter((r) => r.withdrawn === undefined)
      .map((r) => ({
        // Choice titles are plain text in Teams (no Markdown), so the text goes as typed.
        title: `${r.id} (${recommendationStatusNames[r.status]}): ${shorten(r.text, 100)}`,
        value: r.id,
      })),
    cocId: coc.id,
    updatedAt: form.updatedAt,
  });
}
