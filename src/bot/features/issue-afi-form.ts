/**
 * `new afi` and the `issueAfi` card action: the thin adapter between Teams and the
 * issueAreaForImprovement use case (same pattern as issue-coc-form.ts).
 */
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { issueAreaForImprovement, type AfiFormInput } from '../../app/issue/issue-area-for-improvement';
import { loadIssueFormOptions } from '../../app/issue/issue-form-options';
import { commandText, type BotApplication } from '../create-bot';
import { type AdaptiveCardJson } from '../../views/shared/card-renderer';
import { cardAttachment } from '../card-attachment';
import { announceToServiceChannel } from './announce-to-service-channel';
import {
  blankAfiForm,
  renderAfiForm,
  renderAfiIssuedCard,
  renderAfiSummaryCard,
} from '../../views/issue/afi-cards';
import { renderRefusalCard } from '../../views/issue/issue-card-parts';
import type { FeatureContext } from './feature-context';
import { personOf } from './identify';

const heading = 'New area for improvement';

const typed = z
  .string()
  .max(20_000)
  .nullish()
  .transform((value) => value ?? '');

/** The `issueAfi` action data: the form id the card was drawn with, plus the inputs. */
const AfiSubmission = z.object({
  formId: z.string().min(1).max(100),
  serviceCode: typed,
  questionRef: typed,
  text: typed,
  finding: typed,
  targetDate: typed,
  sll: typed,
  cos: typed,
});

async function newAfiCard(context: TurnContext, features: FeatureContext): Promise<AdaptiveCardJson> {
  const actor = await personOf(context, features);
  if (!actor.ok) return renderRefusalCard(heading, actor.error.reason);
  const options = await loadIssueFormOptions(features.app, actor.value, 'issueAfi');
  if (!options.ok) return renderRefusalCard(heading, options.error.reason);
  return renderAfiForm(options.value, blankAfiForm(options.value, features.app.newId()));
}

async function submitAfiForm(
  context: TurnContext,
  features: FeatureContext,
  data: unknown,
): Promise<AdaptiveCardJson> {
  const actor = await personOf(context, features);
  if (!actor.ok) return renderRefusalCard(heading, actor.error.reason);
  const submission = AfiSubmission.safeParse(data);
  if (!submission.success) {
    return renderRefusalCard(
      heading,
      'I could not read this form. Type new afi for a fresh one; nothing was saved.',
    );
  }
  const input: AfiFormInput = { ...submission.data, serviceCode: submission.data.serviceCode.trim() };
  const result = await issueAreaForImprovement(features.app, actor.value, input);
  if (result.ok) {
    const issued = result.value;
    const channel = issued.alreadyIssued
      ? ({ kind: 'skipped' } as const)
      : await announceToServiceChannel(features, issued.service, renderAfiSummaryCard(issued, actor.value));
    return renderAfiIssuedCard(issued, channel);
  }
  const options = await loadIssueFormOptions(features.app, actor.value, 'issueAfi');
  if (!options.ok) return renderRefusalCard(heading, result.error.reason);
  const issues = result.error.code === 'validation' ? result.error.issues : [];
  const message =
    result.error.code === 'validation'
      ? 'Nothing was saved. Please correct the fields marked below.'
      : `${result.error.reason} Nothing was saved.`;
  return renderAfiForm(options.value, input, issues, message);
}

/** Registers `new afi` (personal chat, or a channel @mention) and the form's `issueAfi` action. */
export function registerIssueAfiForm(app: BotApplication, features: FeatureContext): void {
  app.message(
    (context) =>
      Promise.resolve(context.activity.type === 'message' && /^new\s+afi$/i.test(commandText(context))),
    async (context) => {
      await context.sendActivity({ attachments: [cardAttachment(await newAfiCard(context, features))] });
    },
  );
  app.adaptiveCards.actionExecute<unknown>('issueAfi', (context, _state, data) =>
    submitAfiForm(context, features, data),
  );
}
