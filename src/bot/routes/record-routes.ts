/**
 * The CoC card and the AFI card: `show <id>`, the cards' Open and automatic refresh, the forms they
 * open in place (status and RAG, progress note, target date, action plan received) and their
 * saves, "Mark complete" on an AFI, and the `status` shortcut typed in chat with its Undo.
 *
 * A save answers with the refreshed card for the clicker (with a note) and the card without buttons
 * for everyone else; bad input or a lost race gives the same form back with the person's values.
 */
import { z } from 'zod';
import { approverSentence, pendingApproverOf } from '../../app/closure/closure-approvers';
import { addProgressNote } from '../../app/records/add-progress-note';
import { cocEditFields, editCauseOfConcern } from '../../app/records/edit-coc';
import { identifiedAgain, identifiedAgainFields } from '../../app/records/identified-again';
import { addRecommendation, cocAfterAddition } from '../../app/records/add-recommendation';
import { cocViewAfter, type LoadedRecommendation } from '../../app/records/recommendation-in-coc';
import { withdrawRecommendation } from '../../app/records/withdraw-recommendation';
import type { Changed } from '../../app/shared/change-record';
import { completeAreaForImprovement } from '../../app/records/complete-area-for-improvement';
import { quickStatusUpdate } from '../../app/records/quick-status-update';
import { recordActionPlanReceived } from '../../app/records/record-action-plan-received';
import { reviseTargetDate } from '../../app/records/revise-target-date';
import {
  cocViewFrom,
  loadAfiView,
  loadCocView,
  loadRecordView,
  prepareActionPlanForm,
  prepareAddRecommendationForm,
  prepareRecommendationForm,
  type CocCardView,
  type RecommendationFormKind,
} from '../../app/records/show-record';
import { undoQuickStatusUpdate } from '../../app/records/undo-quick-status-update';
import { updateRecommendation } from '../../app/records/update-recommendation';
import type { Notice } from '../../app/shared/notifier';
import type { DomainError, Result } from '../../domain/errors';
import { cocIdOfRecommendation, parseRecordId } from '../../domain/ids';
import type { Person, Recommendation } from '../../domain/records';
import {
  fieldMessages,
  renderActionPlanForm,
  renderAddRecommendationForm,
  renderCocEditForm,
  renderIdentifiedAgainForm,
  renderRecommendationForm,
  valuesOf,
  type FormValues,
} from '../../views/records/recommendation-forms';
import {
  renderAfiCard,
  renderCocCard,
  renderCocCardForEveryone,
  renderNoticeCard,
} from '../../views/records/record-cards';
import { renderStatusChangedCard } from '../../views/records/status-changed-card';
import type { AdaptiveCardJson } from '../../views/shared/card-renderer';
import type { BotApplication } from '../create-bot';
import {
  type CardReply,
  onCardAction,
  onCommand,
  type RouteTools,
  type Turn,
  usage,
  withArgs,
} from '../gate';
import { evidenceLinkInputs, linksTyped, textInputs, typedText } from './form-inputs';
import { externalCardFor } from './external-routes';
import { parseStatusShortcut, statusCommand, statusUsage } from './status-command';

const text = typedText;
/** A form input that reads as empty when the card leaves it out. */
const filled = z.string().max(10_000).default('');
const version = z.string().max(40).optional();

/** What a recommendation form's Save sends back: the record, the version drawn, and the inputs. */
const RecommendationFormData = z.object({
  recommendationId: z.string().min(1).max(40),
  updatedAt: version,
  status: filled,
  rag: filled,
  text: filled,
  date: filled,
  reason: filled,
  ...evidenceLinkInputs,
});
type RecommendationFormData = z.infer<typeof RecommendationFormData>;

const OpenFormData = z.object({
  recommendationId: z.string().min(1).max(40),
  form: z.enum(['update', 'progressNote', 'targetDate', 'withdraw']),
});
const CocData = z.object({ cocId: z.string().min(1).max(40) });
const ActionPlanFormData = CocData.extend({ updatedAt: version, date: text });
const CocEditData = CocData.extend({ updatedAt: version, ...textInputs(...cocEditFields) });
const FoundAgainData = CocData.extend({ updatedAt: version, ...textInputs(...identifiedAgainFields) });
const AddRecommendationData = CocData.extend({ updatedAt: version, text, targetDate: text });
const AfiData = z.object({ afiId: z.string().min(1).max(40), updatedAt: version });
const UndoData = z.object({
  recommendationId: z.string().min(1).max(40),
  auditEventId: z.string().min(1).max(100),
});

/** The values a person typed, as the form shows them again. */
function typedValues(data: RecommendationFormData): FormValues {
  const links = linksTyped(data);
  while (links.length > 0 && links.at(-1) === '') links.pop();
  const { status, rag, text: note, date, reason } = data;
  return { status, rag, text: note, links, date, reason };
}

const attention = (error: DomainError): Notice => ({ text: error.reason, tone: 'attention' });
const cocIdOf = (recommendationId: string): string => cocIdOfRecommendation(recommendationId) ?? '';

/** The CoC card for `person`, or the notice card if they may not see it (or it is gone). */
async function cocCardFor(
  tools: RouteTools,
  person: Person,
  cocId: string,
  notice?: Notice,
): Promise<AdaptiveCardJson> {
  const view = await loadCocView(tools.app, person, cocId);
  if (view.ok) return renderCocCard(view.value, notice);
  // With a notice, something was refused: say nothing was saved, and its reason once.
  if (notice) return renderNoticeCard('Nothing was saved', notice.text);
  return renderNoticeCard("Can't show this cause of concern", view.error.reason);
}

/** A saved change: the clicker sees their card with a note, everyone else the new state. */
async function saved(
  tools: RouteTools,
  person: Person,
  cocId: string,
  message: string,
  drawn?: Result<CocCardView>,
): Promise<CardReply> {
  const view = drawn ?? (await loadCocView(tools.app, person, cocId));
  if (!view.ok) return { card: renderNoticeCard('Saved', message) };
  return {
    card: renderCocCard(view.value, { text: message, tone: 'good' }),
    forEveryone: () => renderCocCardForEveryone(view.value),
  };
}

/** A failed recommendation save: the form again for bad input or a lost race, else the card. */
async function recommendationFailure(
  tools: RouteTools,
  person: Person,
  form: RecommendationFormKind,
  data: RecommendationFormData,
  error: DomainError,
): Promise<AdaptiveCardJson> {
  const cocId = cocIdOf(data.recommendationId);
  const view = await loadCocView(tools.app, person, cocId);
  const recommendation = view.ok
    ? view.value.recommendations.find((r) => r.recommendation.id === data.recommendationId)
    : undefined;
  if (!recommendation || (error.code !== 'validation' && error.code !== 'conflict')) {
    return cocCardFor(tools, person, cocId, attention(error));
  }
  const values = typedValues(data);
  if (error.code === 'conflict')
    return renderRecommendationForm({ form, view: recommendation, values, notice: error.reason });
  const errors = error.code === 'validation' ? fieldMessages(error.issues) : {};
  const notice = 'Nothing was saved. Check the fields marked below.';
  const updatedAt = data.updatedAt === undefined ? {} : { updatedAt: data.updatedAt };
  return renderRecommendationForm({ form, view: recommendation, values, errors, notice, ...updatedAt });
}

/** The three recommendation forms: their verb, the use case behind Save, and the saved sentence. */
const recommendationSaves: {
  verb: string;
  form: RecommendationFormKind;
  save: (
    tools: RouteTools,
    person: Person,
    data: RecommendationFormData,
  ) => Promise<Result<Changed<Recommendation, LoadedRecommendation>>>;
  saved: (id: string) => string;
}[] = [
  {
    verb: 'updateRecommendation',
    form: 'update',
    save: (tools, person, data) =>
      updateRecommendation(tools.app, person, { ...data, expectedUpdatedAt: data.updatedAt }),
    saved: (id) => `Saved: ${id} updated.`,
  },
  {
    verb: 'addProgressNote',
    form: 'progressNote',
    save: (tools, person, data) =>
      addProgressNote(tools.app, person, {
        ...data,
        evidenceLinks: linksTyped(data),
        expectedUpdatedAt: data.updatedAt,
      }),
    saved: (id) => `Saved: progress note added to ${id}.`,
  },
  {
    verb: 'reviseTargetDate',
    form: 'targetDate',
    save: (tools, person, data) =>
      reviseTargetDate(tools.app, person, { ...data, expectedUpdatedAt: data.updatedAt }),
    saved: (id) => `Saved: new target date for ${id}.`,
  },
  {
    verb: 'withdrawRecommendation',
    form: 'withdraw',
    save: (tools, person, data) =>
      withdrawRecommendation(tools.app, person, {
        recommendationId: data.recommendationId,
        reason: data.reason,
        expectedUpdatedAt: data.updatedAt,
      }),
    saved: (id) => `Saved: ${id} withdrawn. It no longer counts towards closing the cause of concern.`,
  },
];

const showUsage = 'Type show and an id, for example: show BUC-1, show BUC-1.2 or show HWF-AFI-2.';

/** The card of the record an id names (a CoC, a recommendation's CoC, an AFI), or why it can't be shown. */
async function recordCard(tools: RouteTools, person: Person, id: string): Promise<AdaptiveCardJson> {
  if (parseRecordId(id)?.kind === 'externalRecommendation') return externalCardFor(tools, person, id);
  const view = await loadRecordView(tools.app, person, id);
  if (!view.ok) return renderNoticeCard(`Can't show ${id}`, view.error.reason);
  return view.value.kind === 'coc' ? renderCocCard(view.value.view) : renderAfiCard(view.value.view);
}

/** `show <id>`, the Open buttons and Teams' automatic refresh of the CoC and AFI cards. */
function registerShow(app: BotApplication, tools: RouteTools): void {
  const refused = { heading: "You can't see this" };
  onCommand(app, tools, {
    pattern: /^show(?:\s+(\S+))?\s*$/i,
    read: ([, id]) => (id === undefined ? usage(renderNoticeCard('Which record?', showUsage)) : withArgs(id)),
    refused,
    handle: ({ person }, id) => recordCard(tools, person, id),
  });
  onCardAction(app, tools, {
    verb: ['showCoc', 'showAfi', 'refreshCoc', 'refreshAfi'],
    data: z.union([CocData.transform(({ cocId }) => cocId), AfiData.transform(({ afiId }) => afiId)]),
    unreadable: renderNoticeCard("Can't show this", 'The card did not say which record to show.'),
    refused,
    handle: ({ person }, id) => recordCard(tools, person, id),
  });
}

/** The recommendation forms: open in place, then save. */
function registerRecommendationForms(app: BotApplication, tools: RouteTools): void {
  onCardAction(app, tools, {
    verb: 'openRecommendationForm',
    data: OpenFormData,
    handle: async ({ person }, { recommendationId, form }) => {
      const cocId = cocIdOf(recommendationId);
      const view = await loadCocView(tools.app, person, cocId);
      const ready = view.ok
        ? await prepareRecommendationForm(tools.app, person, view.value, recommendationId, form)
        : view;
      if (!ready.ok) return cocCardFor(tools, person, cocId, attention(ready.error));
      return renderRecommendationForm({ form, view: ready.value, values: valuesOf(ready.value) });
    },
  });
  for (const { verb, form, save, saved: sentence } of recommendationSaves) {
    onCardAction(app, tools, {
      verb,
      data: RecommendationFormData,
      handle: async ({ person }, data) => {
        const result = await save(tools, person, data);
        if (!result.ok) return recommendationFailure(tools, person, form, data, result.error);
        const view = await cocViewAfter(tools.app, person, result.value);
        return saved(tools, person, cocIdOf(data.recommendationId), sentence(data.recommendationId), view);
      },
    });
  }
}

/** The action-plan form, and "Mark complete" on an AFI (which asks the Chief of Staff to close it). */
/** The add-a-recommendation form for this person, or the CoC card saying why not. */
async function addRecommendationForm(
  tools: RouteTools,
  person: Person,
  cocId: string,
): Promise<AdaptiveCardJson> {
  const view = await loadCocView(tools.app, person, cocId);
  const ready = view.ok ? await prepareAddRecommendationForm(tools.app, person, view.value) : view;
  if (!ready.ok) return cocCardFor(tools, person, cocId, attention(ready.error));
  return renderAddRecommendationForm({ ...ready.value, values: { text: '', targetDate: '' } });
}

/** "Add a recommendation" on the CoC card (and `add recommendation BUC-1`), and its Add. */
function registerAddRecommendation(app: BotApplication, tools: RouteTools): void {
  onCommand(app, tools, {
    pattern: /^add\s+recommendation(?:\s+(?:to\s+)?(\S+))?\s*$/i,
    read: ([, cocId]) =>
      cocId === undefined
        ? usage(
            renderNoticeCard(
              'Add a recommendation',
              'Say to which cause of concern, for example: add recommendation BUC-1',
            ),
          )
        : withArgs(cocId.toUpperCase()),
    handle: ({ person }, cocId) => addRecommendationForm(tools, person, cocId),
  });
  onCardAction(app, tools, {
    verb: 'openAddRecommendationForm',
    data: CocData,
    handle: ({ person }, { cocId }) => addRecommendationForm(tools, person, cocId),
  });
  onCardAction(app, tools, {
    verb: 'addRecommendation',
    data: AddRecommendationData,
    handle: async ({ person }, data) => {
      const values = { text: data.text ?? '', targetDate: data.targetDate ?? '' };
      const result = await addRecommendation(tools.app, person, {
        cocId: data.cocId,
        ...values,
        expectedUpdatedAt: data.updatedAt,
      });
      if (result.ok) {
        const id = result.value.outcome?.id ?? data.cocId;
        const view = await cocViewFrom(tools.app, person, cocAfterAddition(result.value));
        return saved(tools, person, data.cocId, `Saved: ${id} added to ${data.cocId}.`, view);
      }
      const { error } = result;
      const view = await loadCocView(tools.app, person, data.cocId);
      const ready = view.ok ? await prepareAddRecommendationForm(tools.app, person, view.value) : view;
      if (!ready.ok || (error.code !== 'validation' && error.code !== 'conflict'))
        return cocCardFor(tools, person, data.cocId, attention(error));
      const errors =
        error.code === 'validation'
          ? fieldMessages(error.issues, { text: 'Recommendation', targetDate: 'Target date' })
          : {};
      const notice =
        error.code === 'conflict' ? error.reason : 'Nothing was saved. Check the fields marked below.';
      const updatedAt =
        error.code === 'conflict' || data.updatedAt === undefined ? {} : { updatedAt: data.updatedAt };
      return renderAddRecommendationForm({ ...ready.value, values, errors, notice, ...updatedAt });
    },
  });
}

function registerCocAndAfiActions(app: BotApplication, tools: RouteTools): void {
  const editCoc =
    (save: boolean) =>
    async ({ person }: Turn, { cocId, updatedAt, ...values }: z.infer<typeof CocEditData>) => {
      const edit = await editCauseOfConcern(
        tools.app,
        person,
        cocId,
        save ? { values, updatedAt } : undefined,
      );
      if (!edit.ok) return cocCardFor(tools, person, cocId, attention(edit.error));
      if (edit.value.kind === 'form') return renderCocEditForm(edit.value.form);
      return saved(tools, person, cocId, `Saved: ${cocId} changed. Its deadlines follow the new dates.`);
    };
  onCardAction(app, tools, { verb: 'openCocEdit', data: CocEditData, handle: editCoc(false) });
  onCardAction(app, tools, { verb: 'saveCocEdit', data: CocEditData, handle: editCoc(true) });
  const foundAgain =
    (save: boolean) =>
    async ({ person }: Turn, { cocId, updatedAt, ...values }: z.infer<typeof FoundAgainData>) => {
      const found = await identifiedAgain(tools.app, person, cocId, save ? { values, updatedAt } : undefined);
      if (!found.ok) return cocCardFor(tools, person, cocId, attention(found.error));
      if (found.value.kind === 'form') return renderIdentifiedAgainForm(found.value.form);
      return saved(tools, person, cocId, found.value.message);
    };
  onCardAction(app, tools, {
    verb: 'openIdentifiedAgainForm',
    data: FoundAgainData,
    handle: foundAgain(false),
  });
  onCardAction(app, tools, { verb: 'recordIdentifiedAgain', data: FoundAgainData, handle: foundAgain(true) });
  onCardAction(app, tools, {
    verb: 'openActionPlanForm',
    data: CocData,
    handle: async ({ person }, { cocId }) => {
      const view = await loadCocView(tools.app, person, cocId);
      const ready = view.ok ? await prepareActionPlanForm(tools.app, person, view.value) : view;
      if (!ready.ok) return cocCardFor(tools, person, cocId, attention(ready.error));
      return renderActionPlanForm({ coc: ready.value, date: ready.value.actionPlanReceivedDate ?? '' });
    },
  });
  onCardAction(app, tools, {
    verb: 'recordActionPlanReceived',
    data: ActionPlanFormData,
    handle: async ({ person }, data) => {
      const result = await recordActionPlanReceived(tools.app, person, {
        ...data,
        date: data.date ?? '',
        expectedUpdatedAt: data.updatedAt,
      });
      if (result.ok)
        return saved(tools, person, data.cocId, `Saved: action plan for ${data.cocId} received.`);
      const view = await loadCocView(tools.app, person, data.cocId);
      const { error } = result;
      if (!view.ok || (error.code !== 'validation' && error.code !== 'conflict'))
        return cocCardFor(tools, person, data.cocId, attention(error));
      const form = { coc: view.value.coc, date: data.date ?? '' };
      if (error.code === 'conflict') return renderActionPlanForm({ ...form, notice: error.reason });
      const errors = error.code === 'validation' ? fieldMessages(error.issues) : {};
      const updatedAt = data.updatedAt === undefined ? {} : { updatedAt: data.updatedAt };
      return renderActionPlanForm({
        ...form,
        errors: { date: errors.date ?? error.reason },
        notice: 'Nothing was saved. Check the date.',
        ...updatedAt,
      });
    },
  });
  onCardAction(app, tools, {
    verb: 'completeAfi',
    data: AfiData,
    handle: async ({ person }, data) => {
      const result = await completeAreaForImprovement(tools.app, person, {
        ...data,
        expectedUpdatedAt: data.updatedAt,
      });
      const view = await loadAfiView(tools.app, person, data.afiId);
      if (!view.ok) return renderNoticeCard("Can't show this area for improvement", view.error.reason);
      if (!result.ok) return renderAfiCard(view.value, attention(result.error));
      const closure = result.value.outcome;
      const approver = closure
        ? await pendingApproverOf(tools.app, closure.request, closure.facts.owners)
        : null;
      const next = closure?.raisedNow
        ? approverSentence(approver)
        : `The Chief of Staff was not asked again: ${data.afiId} already has a closure request waiting for a decision.`;
      const card = renderAfiCard(view.value, {
        text: `Saved: ${data.afiId} marked complete. ${next}`,
        tone: 'good',
      });
      return { card, forEveryone: () => renderAfiCard({ ...view.value, canComplete: false }) };
    },
  });
}

/** `status <id> [status] <rag> <note>` and the Undo on its confirmation card. */
function registerStatusShortcut(app: BotApplication, tools: RouteTools): void {
  onCommand(app, tools, {
    pattern: statusCommand,
    read: (match) => {
      const shortcut = parseStatusShortcut(match.input);
      return shortcut ? withArgs(shortcut) : usage(renderNoticeCard('How to update a status', statusUsage));
    },
    handle: async ({ person }, shortcut) => {
      const result = await quickStatusUpdate(tools.app, person, shortcut);
      if (!result.ok) {
        const title = `${shortcut.recommendationId} was not changed`;
        return renderNoticeCard(title, result.error.reason, cocIdOf(shortcut.recommendationId));
      }
      const { previous, state, events } = result.value;
      return renderStatusChangedCard({
        before: previous,
        after: state,
        note: shortcut.text,
        auditEventId: events[0]?.id ?? '',
        undone: false,
      });
    },
  });
  onCardAction(app, tools, {
    verb: 'undoStatus',
    data: UndoData,
    unreadable: renderNoticeCard("That button didn't work", 'The card sent something I could not read.'),
    handle: async ({ person }, data) => {
      const result = await undoQuickStatusUpdate(tools.app, person, data);
      if (!result.ok)
        return renderNoticeCard('Not undone', result.error.reason, cocIdOf(data.recommendationId));
      const { previous, state, undone } = result.value;
      const card = renderStatusChangedCard({
        before: previous,
        after: state,
        note: undone.note ?? '',
        auditEventId: data.auditEventId,
        undone: true,
      });
      return { card, forEveryone: () => card };
    },
  });
}

/** Registers the CoC and AFI cards' commands and actions. */
export function registerRecordRoutes(app: BotApplication, tools: RouteTools): void {
  registerShow(app, tools);
  registerRecommendationForms(app, tools);
  registerCocAndAfiActions(app, tools);
  registerAddRecommendation(app, tools);
  registerStatusShortcut(app, tools);
}
