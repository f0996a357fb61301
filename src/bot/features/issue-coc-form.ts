/**
 * `new coc` and the `issueCoc` card action: the thin adapter between Teams and the
 * issueCauseOfConcern use case. The caller is taken from the signed activity; the card data only
 * carries what the person typed, parsed with zod before use.
 */
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import {
  issueCauseOfConcern,
  recommendationSlots,
  type CocFormInput,
} from '../../app/issue/issue-cause-of-concern';
import { loadIssueFormOptions } from '../../app/issue/issue-form-options';
import { commandText, type BotApplication } from '../create-bot';
import { type AdaptiveCardJson } from '../../views/shared/card-renderer';
import { cardAttachment } from '../card-attachment';
import { announceToServiceChannel } from './announce-to-service-channel';
import { renderRefusalCard } from '../../views/issue/issue-card-parts';
import {
  blankCocForm,
  renderCocForm,
  renderCocIssuedCard,
  renderCocSummaryCard,
} from '../../views/issue/coc-cards';
import type { FeatureContext } from './feature-context';
import { personOf } from './identify';

const heading = 'New cause of concern';

/** A typed value: missing or null reads as empty; absurd lengths are refused outright. */
const typed = z
  .string()
  .max(20_000)
  .nullish()
  .transform((value) => value ?? '');

/** The `issueCoc` action data: the form id the card was drawn with, plus the inputs. */
const CocSubmission = z.object({
  formId: z.string().min(1).max(100),
  serviceCode: typed,
  title: typed,
  finding: typed,
  pillar: typed,
  publicSafetyRisk: z
    .union([z.boolean(), z.enum(['true', 'false'])])
    .nullish()
    .transform((value) => value === true || value === 'true'),
  fieldworkEndDate: typed,
  letterDate: typed,
  reportPublishedDate: typed,
  actionPlanRule: typed,
  actionPlanFixedDate: typed,
  recommendation1: typed,
  recommendation1TargetDate: typed,
  recommendation2: typed,
  recommendation2TargetDate: typed,
  recommendation3: typed,
  recommendation3TargetDate: typed,
  recommendation4: typed,
  recommendation4TargetDate: typed,
  recommendation5: typed,
  recommendation5TargetDate: typed,
  sll: typed,
  cos: typed,
  hmi: typed,
});
type CocSubmission = z.infer<typeof CocSubmission>;

function formInputOf(data: CocSubmission): CocFormInput {
  const slots = [
    { text: data.recommendation1, targetDate: data.recommendation1TargetDate },
    { text: data.recommendation2, targetDate: data.recommendation2TargetDate },
    { text: data.recommendation3, targetDate: data.recommendation3TargetDate },
    { text: data.recommendation4, targetDate: data.recommendation4TargetDate },
    { text: data.recommendation5, targetDate: data.recommendation5TargetDate },
  ].slice(0, recommendationSlots);
  return {
    formId: data.formId,
    serviceCode: data.serviceCode.trim(),
    title: data.title,
    finding: data.finding,
    pillar: data.pillar,
    publicSafetyRisk: data.publicSafetyRisk,
    fieldworkEndDate: data.fieldworkEndDate,
    letterDate: data.letterDate,
    reportPublishedDate: data.reportPublishedDate,
    actionPlanRule: data.actionPlanRule,
    actionPlanFixedDate: data.actionPlanFixedDate,
    recommendations: slots,
    sll: data.sll,
    cos: data.cos,
    hmi: data.hmi,
  };
}

/** The blank form for the caller, or why they can't have one. */
async function newCocCard(context: TurnContext, features: FeatureContext): Promise<AdaptiveCardJson> {
  const actor = await personOf(context, features);
  if (!actor.ok) return renderRefusalCard(heading, actor.error.reason);
  const options = await loadIssueFormOptions(features.app, actor.value, 'issueCoc');
  if (!options.ok) return renderRefusalCard(heading, options.error.reason);
  return renderCocForm(options.value, blankCocForm(options.value, features.app.newId()));
}

/** Issues the CoC the form describes, or draws the form again saying what to correct. */
async function submitCocForm(
  context: TurnContext,
  features: FeatureContext,
  data: unknown,
): Promise<AdaptiveCardJson> {
  const actor = await personOf(context, features);
  if (!actor.ok) return renderRefusalCard(heading, actor.error.reason);
  const submission = CocSubmission.safeParse(data);
  if (!submission.success) {
    return renderRefusalCard(
      heading,
      'I could not read this form. Type new coc for a fresh one; nothing was saved.',
    );
  }
  const input = formInputOf(submission.data);
  const result = await issueCauseOfConcern(features.app, actor.value, input);
  if (result.ok) {
    const issued = result.value;
    const channel = issued.alreadyIssued
      ? ({ kind: 'skipped' } as const)
      : await announceToServiceChannel(features, issued.service, renderCocSummaryCard(issued, actor.value));
    return renderCocIssuedCard(issued, channel);
  }
  const options = await loadIssueFormOptions(features.app, actor.value, 'issueCoc');
  if (!options.ok) return renderRefusalCard(heading, result.error.reason);
  const issues = result.error.code === 'validation' ? result.error.issues : [];
  const message =
    result.error.code === 'validation'
      ? 'Nothing was saved. Please correct the fields marked below.'
      : `${result.error.reason} Nothing was saved.`;
  return renderCocForm(options.value, input, issues, message);
}

/** Registers `new coc` (personal chat, or a channel @mention) and the form's `issueCoc` action. */
export function registerIssueCocForm(app: BotApplication, features: FeatureContext): void {
  app.message(
    (context) =>
      Promise.resolve(context.activity.type === 'message' && /^new\s+coc$/i.test(commandText(context))),
    async (context) => {
      await context.sendActivity({ attachments: [cardAttachment(await newCocCard(context, features))] });
    },
  );
  app.adaptiveCards.actionExecute<unknown>('issueCoc', (context, _state, data) =>
    submitCocForm(context, features, data),
  );
}
