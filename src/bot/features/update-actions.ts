/**
 * The CoC card's buttons and forms: open a form in place, save it through a use case, and answer
 * with the refreshed CoC card, or the same form with the person's values and the reason.
 *
 * Card data is untrusted: it is parsed with zod and only names the record; who is acting comes
 * from the signed activity, and the use case checks what they may do.
 */
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { addProgressNote } from '../../app/records/add-progress-note';
import { loadAfiView, loadCocView, type CocView } from '../../app/records/show-record';
import { completeAreaForImprovement } from '../../app/records/complete-area-for-improvement';
import { authorizeIn, scopeOf } from '../../app/shared/record-scope';
import { recordActionPlanReceived } from '../../app/records/record-action-plan-received';
import { reviseTargetDate } from '../../app/records/revise-target-date';
import { updateRecommendation } from '../../app/records/update-recommendation';
import type { DomainError, Result } from '../../domain/errors';
import { cocIdOfRecommendation } from '../../store';
import type { Action } from '../../domain/policy';
import type { CauseOfConcern, Person } from '../../domain/records';
import type { BotApplication } from '../create-bot';
import { raiseAfiClosureAfterCompletion } from './closure-actions';
import {
  renderAfiCard,
  renderCocCard,
  renderNoticeCard,
  type Notice,
} from '../../views/records/record-cards';
import type { FeatureContext } from './feature-context';
import { personOf } from './identify';
import { answerWithCard } from './invoke-response';
import {
  fieldMessages,
  renderActionPlanForm,
  renderRecommendationForm,
  valuesOf,
  type FormValues,
  type RecommendationFormKind,
} from '../../views/records/recommendation-forms';

const text = z.string().max(10_000).optional();

/** What a recommendation form's Save sends back: the record, the version drawn, and the inputs. */
const RecommendationFormData = z.object({
  recommendationId: z.string().min(1).max(40),
  updatedAt: z.string().max(40).optional(),
  status: text,
  rag: text,
  text,
  date: text,
  reason: text,
  link1: text,
  link2: text,
  link3: text,
  link4: text,
  link5: text,
});
type RecommendationFormData = z.infer<typeof RecommendationFormData>;

const OpenFormData = z.object({
  recommendationId: z.string().min(1).max(40),
  form: z.enum(['update', 'progressNote', 'targetDate']),
});
const CocData = z.object({ cocId: z.string().min(1).max(40) });
const ActionPlanFormData = CocData.extend({ updatedAt: z.string().max(40).optional(), date: text });
const AfiData = z.object({ afiId: z.string().min(1).max(40), updatedAt: z.string().max(40).optional() });

/** The values a person typed, as the form shows them again. */
function typedValues(data: RecommendationFormData): FormValues {
  const links = [data.link1, data.link2, data.link3, data.link4, data.link5].map((link) => link ?? '');
  while (links.length > 0 && links.at(-1) === '') links.pop();
  return {
    status: data.status ?? '',
    rag: data.rag ?? '',
    text: data.text ?? '',
    links,
    date: data.date ?? '',
    reason: data.reason ?? '',
  };
}

function noticeOf(error: DomainError): Notice {
  return { text: error.reason, tone: 'attention' };
}

/** The CoC card for `person`, or the notice card if they may not see it (or it is gone). */
async function cocCardFor(features: FeatureContext, person: Person, cocId: string, notice?: Notice) {
  const view = await loadCocView(features.app, person, cocId);
  return view.ok
    ? renderCocCard(view.value, notice)
    : renderNoticeCard(
        "Can't show this cause of concern",
        notice ? `${notice.text} ${view.error.reason}` : view.error.reason,
      );
}

/** The same CoC with no buttons: what everyone sees until their own refresh arrives. */
function withoutActions(view: CocView): CocView {
  return {
    ...view,
    canRecordActionPlan: false,
    recommendations: view.recommendations.map((r) => ({
      ...r,
      canUpdate: false,
      canAddNote: false,
      canReviseDate: false,
      canRequestClosure: false,
    })),
  };
}

/** The policy's action behind each form, to say why a form is refused. */
const formActions: Record<RecommendationFormKind, Action> = {
  update: 'updateRecommendation',
  progressNote: 'addProgressNote',
  targetDate: 'reviseTargetDate',
};

/**
 * Why `person` may not open a form on this CoC: the policy's reason ("You can't …: you are not …"),
 * or `otherwise` when the policy allows it and the record's state is what stands in the way.
 */
async function refusalReason(
  features: FeatureContext,
  person: Person,
  coc: CauseOfConcern,
  action: Action,
  otherwise: string,
): Promise<string> {
  const scope = await scopeOf(features.app, person, coc.serviceCode, coc.owners);
  const permission = authorizeIn(person, action, scope);
  return permission.ok ? otherwise : permission.error.reason;
}

/** Answers a saved change: the clicker sees their card with a note, everyone else the new state. */
async function answerSaved(
  context: TurnContext,
  features: FeatureContext,
  person: Person,
  cocId: string,
  message: string,
): Promise<string> {
  const view = await loadCocView(features.app, person, cocId);
  if (!view.ok) return answerWithCard(context, renderNoticeCard('Saved', message));
  return answerWithCard(
    context,
    renderCocCard(view.value, { text: message, tone: 'good' }),
    renderCocCard(withoutActions(view.value)),
  );
}

/** Parses card data or answers with a notice; identifies the caller or answers with the refusal. */
async function begin<T>(
  context: TurnContext,
  features: FeatureContext,
  schema: z.ZodType<T>,
  data: unknown,
): Promise<{ person: Person; data: T } | { answered: string }> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    return {
      answered: await answerWithCard(
        context,
        renderNoticeCard(
          "That button didn't work",
          'The card sent something I could not read. Open the record again with show <id>.',
        ),
      ),
    };
  }
  const person = await personOf(context, features);
  if (!person.ok)
    return {
      answered: await answerWithCard(context, renderNoticeCard("You can't do that", person.error.reason)),
    };
  return { person: person.value, data: parsed.data };
}

/** Answers a failed recommendation save: the form again for bad input or a lost race, else the card. */
async function answerRecommendationFailure(
  context: TurnContext,
  features: FeatureContext,
  person: Person,
  form: RecommendationFormKind,
  data: RecommendationFormData,
  result: Extract<Result<unknown>, { ok: false }>,
): Promise<string> {
  const cocId = cocIdOfRecommendation(data.recommendationId) ?? '';
  const view = await loadCocView(features.app, person, cocId);
  const recommendation = view.ok
    ? view.value.recommendations.find((r) => r.recommendation.id === data.recommendationId)
    : undefined;
  const { error } = result;
  if (!recommendation || (error.code !== 'validation' && error.code !== 'conflict')) {
    return answerWithCard(context, await cocCardFor(features, person, cocId, noticeOf(error)));
  }
  const values = typedValues(data);
  if (error.code === 'conflict') {
    return answerWithCard(
      context,
      renderRecommendationForm({ form, view: recommendation, values, notice: error.reason }),
    );
  }
  const options = {
    form,
    view: recommendation,
    values,
    errors: error.code === 'validation' ? fieldMessages(error.issues) : {},
    notice: 'Nothing was saved. Check the fields marked below.',
  };
  return answerWithCard(
    context,
    renderRecommendationForm(
      data.updatedAt === undefined ? options : { ...options, updatedAt: data.updatedAt },
    ),
  );
}

/** Registers the card's buttons and form saves. */
export function registerUpdateActions(app: BotApplication, features: FeatureContext): void {
  app.adaptiveCards.actionExecute('openRecommendationForm', async (context, _state, raw: unknown) => {
    const started = await begin(context, features, OpenFormData, raw);
    if ('answered' in started) return started.answered;
    const { person, data } = started;
    const cocId = cocIdOfRecommendation(data.recommendationId) ?? '';
    const view = await loadCocView(features.app, person, cocId);
    const recommendation = view.ok
      ? view.value.recommendations.find((r) => r.recommendation.id === data.recommendationId)
      : undefined;
    const allowed =
      recommendation &&
      {
        update: recommendation.canUpdate,
        progressNote: recommendation.canAddNote,
        targetDate: recommendation.canReviseDate,
      }[data.form];
    if (!recommendation || !allowed) {
      const otherwise = `You can't do that on ${data.recommendationId}.`;
      const text =
        view.ok && recommendation
          ? await refusalReason(features, person, view.value.coc, formActions[data.form], otherwise)
          : otherwise;
      return answerWithCard(context, await cocCardFor(features, person, cocId, { text, tone: 'attention' }));
    }
    return answerWithCard(
      context,
      renderRecommendationForm({ form: data.form, view: recommendation, values: valuesOf(recommendation) }),
    );
  });

  const saves: {
    verb: string;
    form: RecommendationFormKind;
    save: (person: Person, data: RecommendationFormData) => Promise<Result<unknown>>;
    saved: (id: string) => string;
  }[] = [
    {
      verb: 'updateRecommendation',
      form: 'update',
      save: (person, data) =>
        updateRecommendation(features.app, person, {
          recommendationId: data.recommendationId,
          status: data.status ?? '',
          rag: data.rag ?? '',
          ...(data.updatedAt === undefined ? {} : { expectedUpdatedAt: data.updatedAt }),
        }),
      saved: (id) => `Saved: ${id} updated.`,
    },
    {
      verb: 'addProgressNote',
      form: 'progressNote',
      save: (person, data) =>
        addProgressNote(features.app, person, {
          recommendationId: data.recommendationId,
          text: data.text ?? '',
          evidenceLinks: typedValues(data)
            .links.map((link) => link.trim())
            .filter((link) => link !== ''),
          ...(data.updatedAt === undefined ? {} : { expectedUpdatedAt: data.updatedAt }),
        }),
      saved: (id) => `Saved: progress note added to ${id}.`,
    },
    {
      verb: 'reviseTargetDate',
      form: 'targetDate',
      save: (person, data) =>
        reviseTargetDate(features.app, person, {
          recommendationId: data.recommendationId,
          date: data.date ?? '',
          reason: data.reason ?? '',
          ...(data.updatedAt === undefined ? {} : { expectedUpdatedAt: data.updatedAt }),
        }),
      saved: (id) => `Saved: new target date for ${id}.`,
    },
  ];
  for (const { verb, form, save, saved } of saves) {
    app.adaptiveCards.actionExecute(verb, async (context, _state, raw: unknown) => {
      const started = await begin(context, features, RecommendationFormData, raw);
      if ('answered' in started) return started.answered;
      const { person, data } = started;
      const result = await save(person, data);
      if (!result.ok) return answerRecommendationFailure(context, features, person, form, data, result);
      return answerSaved(
        context,
        features,
        person,
        cocIdOfRecommendation(data.recommendationId) ?? '',
        saved(data.recommendationId),
      );
    });
  }

  app.adaptiveCards.actionExecute('openActionPlanForm', async (context, _state, raw: unknown) => {
    const started = await begin(context, features, CocData, raw);
    if ('answered' in started) return started.answered;
    const view = await loadCocView(features.app, started.person, started.data.cocId);
    if (!view.ok || !view.value.canRecordActionPlan) {
      const otherwise = "You can't record the action plan for this cause of concern.";
      const text = view.ok
        ? await refusalReason(features, started.person, view.value.coc, 'recordActionPlan', otherwise)
        : otherwise;
      return answerWithCard(
        context,
        await cocCardFor(features, started.person, started.data.cocId, { text, tone: 'attention' }),
      );
    }
    return answerWithCard(
      context,
      renderActionPlanForm({ coc: view.value.coc, date: view.value.coc.actionPlanReceivedDate ?? '' }),
    );
  });

  app.adaptiveCards.actionExecute('recordActionPlanReceived', async (context, _state, raw: unknown) => {
    const started = await begin(context, features, ActionPlanFormData, raw);
    if ('answered' in started) return started.answered;
    const { person, data } = started;
    const result = await recordActionPlanReceived(features.app, person, {
      cocId: data.cocId,
      date: data.date ?? '',
      ...(data.updatedAt === undefined ? {} : { expectedUpdatedAt: data.updatedAt }),
    });
    if (result.ok)
      return answerSaved(
        context,
        features,
        person,
        data.cocId,
        `Saved: action plan for ${data.cocId} received.`,
      );
    const view = await loadCocView(features.app, person, data.cocId);
    const { error } = result;
    if (!view.ok || (error.code !== 'validation' && error.code !== 'conflict')) {
      return answerWithCard(context, await cocCardFor(features, person, data.cocId, noticeOf(error)));
    }
    const form = { coc: view.value.coc, date: data.date ?? '' };
    if (error.code === 'conflict')
      return answerWithCard(context, renderActionPlanForm({ ...form, notice: error.reason }));
    const errors = error.code === 'validation' ? fieldMessages(error.issues) : {};
    return answerWithCard(
      context,
      renderActionPlanForm({
        ...form,
        errors: { date: errors.date ?? error.reason },
        notice: 'Nothing was saved. Check the date.',
        ...(data.updatedAt === undefined ? {} : { updatedAt: data.updatedAt }),
      }),
    );
  });

  app.adaptiveCards.actionExecute('completeAfi', async (context, _state, raw: unknown) => {
    const started = await begin(context, features, AfiData, raw);
    if ('answered' in started) return started.answered;
    const { person, data } = started;
    const result = await completeAreaForImprovement(features.app, person, {
      afiId: data.afiId,
      ...(data.updatedAt === undefined ? {} : { expectedUpdatedAt: data.updatedAt }),
    });
    const view = await loadAfiView(features.app, person, data.afiId);
    if (!view.ok)
      return answerWithCard(
        context,
        renderNoticeCard("Can't show this area for improvement", view.error.reason),
      );
    if (!result.ok) return answerWithCard(context, renderAfiCard(view.value, noticeOf(result.error)));
    const closure = await raiseAfiClosureAfterCompletion(features, person, data.afiId);
    return answerWithCard(
      context,
      renderAfiCard(view.value, { text: `Saved: ${data.afiId} marked complete. ${closure}`, tone: 'good' }),
      renderAfiCard({ ...view.value, canComplete: false }),
    );
  });
}
